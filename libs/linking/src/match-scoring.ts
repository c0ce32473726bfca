/**
 * Text helpers of claim matching: numbers, names, light stems and shared phrases of search keys,
 * and the reasons a match is suggested. Pure functions; match-features.ts builds on them.
 */

/** Why a candidate was suggested, in words a fact-checker can check against the two texts. */
export interface MatchReasonParts {
  kind: MatchReasonKind;
  /** The words, phrase or numbers concerned, as written in the query's search key. */
  values: string[];
}

export enum MatchReasonKind {
  SHARED_PHRASE = 'SHARED_PHRASE',
  SHARED_TERMS = 'SHARED_TERMS',
  SHARED_NAMES = 'SHARED_NAMES',
  SHARED_NUMBERS = 'SHARED_NUMBERS',
  DIFFERENT_NUMBERS = 'DIFFERENT_NUMBERS',
  SIMILAR_WORDING = 'SIMILAR_WORDING',
  SIMILAR_MEANING = 'SIMILAR_MEANING',
  TRANSLATED_TERMS = 'TRANSLATED_TERMS',
  CONTRADICTS = 'CONTRADICTS',
  OTHER_EVENT = 'OTHER_EVENT',
  OTHER_ACTOR = 'OTHER_ACTOR',
}

// Number words up to the common round numbers, English and Arabic (search-key spelling: ة → ه).
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
  hundred: '100', thousand: '1000', million: '1000000',
  واحد: '1', اثنان: '2', اثنين: '2', ثلاث: '3', ثلاثه: '3', اربع: '4', اربعه: '4', خمس: '5', خمسه: '5', ست: '6', سته: '6',
  سبع: '7', سبعه: '7', ثماني: '8', ثمانيه: '8', تسع: '9', تسعه: '9', عشره: '10', عشرين: '20', عشرون: '20',
  ثلاثين: '30', اربعين: '40', خمسين: '50', مئه: '100', مائه: '100', الف: '1000', مليون: '1000000',
};

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, الف: 1e3, الاف: 1e3, مليون: 1e6, ملايين: 1e6, مليار: 1e9,
  тысяча: 1e3, тысячи: 1e3, тысяч: 1e3, миллион: 1e6, миллиона: 1e6, миллионов: 1e6, миллиард: 1e9, миллиарда: 1e9, миллиардов: 1e9,
};

// "twenty five" and "خمسه وعشرين": tens and units written apart are one number.
const TENS = new Set(['20', '30', '40', '50', '60', '70', '80', '90']);

/** A word's number, if it is one: digits (an Arabic clitic such as بـ stripped) or a number word. */
function numberOf(word: string, previous: string | undefined): number | null {
  const digits = word.replace(/^[وبلك](?=\d)/u, '');
  if (/^\d+(?:[.,]\d+)*$/.test(digits)) return Number(/^\d{1,3}(?:,\d{3})+$/.test(digits) ? digits.replace(/,/g, '') : digits.replace(',', '.'));
  const bare = word.replace(/^و(?=\p{L}{3})/u, '');
  if (NUMBER_WORDS[bare] && !(previous !== undefined && /^\d/.test(previous) && MULTIPLIERS[bare])) return Number(NUMBER_WORDS[bare]);
  return null;
}

/**
 * Numbers in a search key (digits are ASCII there), as plain digits: "1,200" (the key reads
 * "1 200") → 1200, number words → digits ("twenty five" → 25), "15 ألف", "15 thousand" and
 * "15 тысяч" → 15000, "بـ100" → 100.
 */
export function numbersIn(key: string): string[] {
  const words = key.split(' ');
  const numbers: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let value = numberOf(words[i], words[i - 1]);
    if (value === null || Number.isNaN(value)) continue;
    // Thousands separators become spaces in a search key: "1 200 000" is one number.
    while (/^\d+$/.test(words[i]) && /^\d{3}$/.test(words[i + 1] ?? '')) value = value * 1000 + Number(words[++i]);
    const next = numberOf(words[i + 1] ?? '', words[i]);
    const units = next !== null && next < 10;
    if (TENS.has(String(value)) && units && !/^\d/.test(words[i + 1])) value += next as number, i++;
    else if (value < 10 && next !== null && TENS.has(String(next)) && /^و/u.test(words[i + 1])) value += next as number, i++;
    const multiplier = MULTIPLIERS[words[i + 1]?.replace(/^و/u, '') ?? ''];
    if (multiplier) i++;
    numbers.push(String(multiplier ? value * multiplier : value));
  }
  return [...new Set(numbers)];
}

/**
 * Capitalised words not at a sentence start: a cheap stand-in for names in English text (and in
 * Russian). With `atSentenceStart`, those starting a sentence too ("Peskov says ...").
 */
export function capitalisedNames(text: string, atSentenceStart = false): string[] {
  const names = new Set<string>();
  for (const sentence of text.split(/[.!?؟\n]+/u)) {
    const words = sentence.trim().split(/\s+/u);
    words.forEach((word, i) => {
      const bare = word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
      if ((i > 0 || atSentenceStart) && /^\p{Lu}[\p{L}'’-]{2,}$/u.test(bare)) names.add(bare.toLowerCase());
    });
  }
  return [...names];
}

// Arabic clitics and English plural/possessive endings, stripped only to compare phrases.
const ARABIC_PREFIX = /^(?:وال|بال|فال|كال|لل|ال|و(?=ال))/u;
const ARABIC_SUFFIX = /(?:ات|ون|ين|ان|ها|هم|ه|ي)$/u;

/** A light stem for phrase comparison: Arabic article and clitics, common endings; English -s. */
export function lightStem(word: string): string {
  if (/\p{Script=Arabic}/u.test(word)) {
    let stem = word.replace(ARABIC_PREFIX, '');
    if (stem.length > 4) stem = stem.replace(ARABIC_SUFFIX, '');
    return stem.length >= 2 ? stem : word;
  }
  if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (word.length > 3 && /[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const PHRASE_STOP_WORDS = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'is', 'was', 'are', 'were', 'be', 'by', 'for', 'that', 'this', 'with',
  'في', 'من', 'على', 'الى', 'عن', 'ان', 'و', 'او', 'مع', 'هذا', 'هذه', 'التي', 'الذي', 'قد', 'كان', 'ما', 'لا',
]);

/** The longest run of consecutive words (light-stemmed) the two keys share, if at least two words long. */
export function longestSharedPhrase(queryKey: string, candidateKey: string): string[] {
  const q = queryKey.split(' ');
  const qs = q.map(lightStem);
  const cs = candidateKey.split(' ').map(lightStem);
  let best: [number, number] = [0, 0];
  // Dynamic programming over the two word sequences; keys are short (a statement or a tweet).
  let previous = new Array<number>(cs.length + 1).fill(0);
  for (let i = 1; i <= qs.length; i++) {
    const current = new Array<number>(cs.length + 1).fill(0);
    for (let j = 1; j <= cs.length; j++) {
      if (qs[i - 1] === cs[j - 1]) {
        current[j] = previous[j - 1] + 1;
        if (current[j] > best[1] - best[0]) best = [i - current[j], i];
      }
    }
    previous = current;
  }
  const phrase = q.slice(best[0], best[1]);
  const content = phrase.filter((w) => !PHRASE_STOP_WORDS.has(w));
  return phrase.length >= 2 && content.length >= 1 ? phrase : [];
}

/** The trigrams of a search key as pg_trgm counts them: each word padded with two spaces before and one after. */
function trigramsOf(key: string): Set<string> {
  const out = new Set<string>();
  for (const word of key.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3).join(''));
  }
  return out;
}

/** pg_trgm's similarity() of two search keys: shared trigrams over all distinct trigrams of both. */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigramsOf(a);
  const y = trigramsOf(b);
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  const union = x.size + y.size - shared;
  return union ? shared / union : 0;
}
