/**
 * Names across scripts: a person's or organisation's name written in Arabic, Latin or Cyrillic
 * letters reduced to a comparable consonant skeleton, so that "Lavrov", "Лавров" and "لافروف" all
 * read `lfrf`. Arabic leaves short vowels unwritten and spells the long ones with ا و ي, so vowels
 * are dropped everywhere; consonants that the three scripts swap for one another when they borrow a
 * name share a class (p/b, v/f, q/k/c, kh/h/х/ح/خ, sh/ch/ш/ч/ش, g/j/zh/ж/ج/غ, th/ث → t, dh/ذ → d).
 *
 * The SQL function linking_name_skeleton (migration NameSkeletons) applies the same steps to the
 * lexemes of the matching index; `NAME_SKELETON_STEPS` is what both follow, and a test holds them
 * to the same answers.
 */

/** Leading Arabic article with a clitic (وال، بال، لل، ال ...), cut when three letters remain. */
const ARABIC_ARTICLE = /^(?:وال|بال|فال|كال|لل|ال)(?=\S\S\S)/u;
/** Russian case endings that end in a consonant (Лавровым, Песковом); vowel endings fall with the vowels. */
const RUSSIAN_ENDING = /(?:ыми|ами|ому|ого|ему|его|ым|ом|ем|ах|ях)$/u;
const RUSSIAN_ENDING_MIN_LENGTH = 6;

/** Letter pairs read as one sound, replaced before the letter table (Latin and Cyrillic); x is k+s, then marks the sh class. */
const DIGRAPHS: [RegExp, string][] = [
  [/x/gu, 'ks'],
  [/shch|sch/gu, 'x'],
  [/kh/gu, 'h'],
  [/sh|ch/gu, 'x'],
  [/zh|dj|dzh|gh/gu, 'g'],
  [/th/gu, 't'],
  [/dh/gu, 'd'],
  [/ph/gu, 'f'],
  [/ck/gu, 'k'],
  [/дж/gu, 'ж'],
  [/ц/gu, 'тс'],
];

/**
 * Each letter's class: b d f g h k l m n r s t x (sh) z, or `a` for a vowel (dropped once doubled
 * letters are merged, so that "Dbeibah" keeps both its b's and "Nasrallah" loses one l).
 */
const LETTER_CLASSES: Record<string, string> = {
  b: 'bpбпبپ',
  t: 'tтتطث',
  d: 'dдدضذ',
  s: 'sсسص',
  z: 'zзزظ',
  x: 'шщчشچ',
  g: 'gjгжجغگ',
  k: 'kqcкكق',
  h: 'hхحخهة',
  f: 'fvфвفڤ',
  l: 'lлل',
  m: 'mмم',
  n: 'nнن',
  r: 'rрر',
  a: 'aeiouywаеёиоуыэюяйьъاويىءأإآؤئع',
};

/** A word of Arabic-block letters only, which no Russian ending or digraph (Latin and Cyrillic letters) can match. */
const ARABIC_WORD = /^[\u0600-\u06FF]*$/u;

const CLASS_OF = new Map(Object.entries(LETTER_CLASSES).flatMap(([cls, letters]) => [...letters].map((l) => [l, cls] as const)));

/** The steps, in the order both implementations run them (read by the migration's test). */
export const NAME_SKELETON_STEPS = { ARABIC_ARTICLE, RUSSIAN_ENDING, RUSSIAN_ENDING_MIN_LENGTH, DIGRAPHS, LETTER_CLASSES } as const;

/**
 * The consonant skeleton of one word (a search-key word: lower case, Arabic folded), or '' when it
 * holds a digit or a letter of none of the three alphabets.
 */
export function nameSkeleton(word: string): string {
  let w = word.toLowerCase().replace(ARABIC_ARTICLE, '');
  // The Russian endings and the digraphs are Latin and Cyrillic letters: an Arabic word skips them.
  if (!ARABIC_WORD.test(w)) {
    if ([...w].length >= RUSSIAN_ENDING_MIN_LENGTH) w = w.replace(RUSSIAN_ENDING, '');
    for (const [pattern, replacement] of DIGRAPHS) w = w.replace(pattern, replacement);
  }
  let classes = '';
  for (const letter of w) {
    const cls = CLASS_OF.get(letter) ?? (/[bdfghklmnrstxz]/.test(letter) ? letter : null);
    if (cls === null) return '';
    classes += cls;
  }
  return classes
    .replace(/(.)\1+/gu, '$1')
    .replace(/a/gu, '')
    .replace(/h$/u, '');
}

/** The script a word is written in, as the language whose index holds such words: ar, ru, en; null for digits or mixed. */
export function nameScript(word: string): 'ar' | 'ru' | 'en' | null {
  if (/^\p{Script=Arabic}+$/u.test(word)) return 'ar';
  if (/^\p{Script=Cyrillic}+$/u.test(word)) return 'ru';
  if (/^[a-z]+$/u.test(word)) return 'en';
  return null;
}

const MIN_SKELETON = 2;
const MIN_PARTIAL_SKELETON = 3;

/**
 * The skeletons under which another script's spelling of `word` may be indexed: its own, and (for
 * four consonants or more) without its first or last one, since a stemmer cuts what it takes for a
 * clitic (بيسكوف is indexed as يسكوف) and one script may write a sound another leaves out (the w of
 * Wagner, فاغنر). None for a word whose skeleton is shorter than two consonants.
 */
export function nameSkeletonKeys(word: string): string[] {
  const skeleton = nameSkeleton(word);
  if (skeleton.length < MIN_SKELETON) return [];
  const keys = new Set([skeleton]);
  if (skeleton.length > MIN_PARTIAL_SKELETON) {
    keys.add(skeleton.slice(1));
    keys.add(skeleton.slice(0, -1));
  }
  return [...keys];
}
