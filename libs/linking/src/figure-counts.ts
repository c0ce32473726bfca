/**
 * What a figure counts, where news writes it in words: "250 deaths" against "250 suspected cases",
 * "by 22.3 points" against "to 22.3%". The same figure counting another thing is another claim.
 * Only what has no symbol a search key would drop: "%" and "$" vanish from a key, so a figure
 * with "percent" or "dollars" in one text and none in the other says nothing. Pure functions over
 * search keys; the kinds of event are language-neutral, so a cross-language pair is compared too.
 */
import { calendarMonths } from '@isnad/text';
import { isYear } from './claim-circumstances';
import { arabicForms, entryOf, eventsIn, isArabic, isCyrillic, tableOf } from './claim-predicates';
import { remembered } from './remembered';
import { STOP_STEMS } from './match-features';
import { figureWords, figuresIn, lightStem } from './match-scoring';

// Points are no percent: "rose 2 points" against "rose 2%".
const POINTS = new Set(['point', 'points', 'نقطه', 'نقاط', 'пункт', 'пункта', 'пунктов', 'пунктах']);
// Kinds of event a figure may count (eventsIn reads them in the three languages).
const COUNTED_EVENTS = ['killed', 'wounded'];
const WINDOW = 2;

/** What the words right after each figure of a search key count (points, killed, wounded), by figure value. */
export function countedAfterFigures(key: string): Map<string, Set<string>> {
  const words = figureWords(key);
  const counted = new Map<string, Set<string>>();
  for (const f of figuresIn(key)) {
    const after = words.slice(f.end, f.end + WINDOW);
    const kinds = new Set<string>();
    if (after.some((w) => POINTS.has(w))) kinds.add('points');
    const events = eventsIn(after.join(' '));
    for (const kind of COUNTED_EVENTS) if (events.has(kind)) kinds.add(kind);
    if (kinds.size) counted.set(f.value, new Set([...(counted.get(f.value) ?? []), ...kinds]));
  }
  return counted;
}

/** What a whole search key counts anywhere (points, killed, wounded). */
function countedAnywhere(key: string): Set<string> {
  const kinds = new Set<string>([...eventsIn(key).keys()].filter((k) => COUNTED_EVENTS.includes(k)));
  if (figureWords(key).some((w) => POINTS.has(w))) kinds.add('points');
  return kinds;
}

/**
 * A figure both texts give that one of them says counts deaths, the wounded or points, where the
 * other text names no such thing at all: the figure and what it counts there; null otherwise.
 */
export function otherCount(queryKey: string, candidateKey: string): string[] | null {
  // Both texts must give a figure (the query's read first): most pairs stop here, before what they count is read.
  if (!figuresIn(queryKey).length || !figuresIn(candidateKey).length) return null;
  const sides: [string, string][] = [
    [queryKey, candidateKey],
    [candidateKey, queryKey],
  ];
  for (const [one, other] of sides) {
    const otherFigures = new Set(figuresIn(other).map((f) => f.value));
    const otherKinds = countedAnywhere(other);
    for (const [value, kinds] of countedAfterFigures(one)) {
      const missing = [...kinds].find((k) => !otherKinds.has(k));
      if (otherFigures.has(value) && missing) return [value, missing];
    }
  }
  return null;
}

// A figure from a thousand up is a quantity with a unit (dollars, tonnes, barrels, megawatts);
// below it mostly a count of people or events, whose noun news words freely (18 حالة, 18 إصابة;
// 13 محتجزا, 13 رهينة), so a small figure followed by other words is no other unit.
const MEASURED = 1000;

/** The word right after each figure of a search key, where a unit stands, by figure value (not a function word, nor a month: "7 آب"). */
const wordsAfterFigures = remembered((key: string): Map<string, string> => {
  const words = figureWords(key);
  const months = calendarMonths();
  const after = new Map<string, string>();
  for (const f of figuresIn(key)) {
    if (isYear(f.value) || Number(f.value) < MEASURED || after.has(f.value)) continue;
    const word = words[f.end];
    if (word && !STOP_STEMS.has(lightStem(word)) && [...word].length > 1 && !/\d/.test(word) && !months.has(word)) after.set(f.value, word);
  }
  return after;
});

// Nouns news uses for one count, whatever the figure: "1187 حالة" and "1187 إصابة" are the same
// cases, "2,400 people" and "2,400 persons" the same people (words of one script, as written in a key).
const SAME_COUNT = tableOf({
  cases: ['case', 'cases', 'infection', 'infections', 'حاله', 'حالات', 'اصابه', 'اصابات', 'случаев', 'случая', 'заражений', 'заболеваний'],
  people: ['people', 'persons', 'individuals', 'شخص', 'شخصا', 'اشخاص', 'مواطن', 'مواطنا', 'مواطنين', 'نسمه', 'человек', 'граждан'],
});
const sameCount = (a: string, b: string) => {
  const kind = entryOf(SAME_COUNT, a);
  return kind !== undefined && kind === entryOf(SAME_COUNT, b);
};

/** The script a word is written in, as far as these rules tell them apart. */
const scriptOf = (word: string) => (isArabic(word) ? 'ar' : isCyrillic(word) ? 'ru' : 'latin');

/** True when some word of `words` is `word` or a form of it: the same light stem, an Arabic form in common, or the same first four letters. */
function holds(words: readonly string[], word: string): boolean {
  const stem = lightStem(word);
  const forms = isArabic(word) ? new Set(arabicForms(word)) : null;
  return words.some(
    (w) =>
      w === word ||
      lightStem(w) === stem ||
      (forms !== null && arabicForms(w).some((f) => forms.has(f))) ||
      ([...w].length >= 4 && [...word].length >= 4 && w.slice(0, 4) === word.slice(0, 4)),
  );
}

/**
 * The same figure counting another unit: both texts give the figure and follow it right away with
 * a word of the same script that the other text holds nowhere ("27 مليار ريال" against "27 مليار
 * دولار", "270 ألف طن" against "270 ألف برميل", "6000 kilometres" against "6000 megawatts"): the
 * figure and the two words; null otherwise (a phone number "89800 or any" against "89800 should"
 * has no unit). A wording of the same claim keeps the unit somewhere in the text ("30
 * killed" against "killed 30 people"), so a word found anywhere in the other text is no other unit.
 * Words of two scripts say nothing (a translation would be needed); years and months are dates;
 * figures under MEASURED are counts.
 */
export function otherUnit(queryKey: string, candidateKey: string): string[] | null {
  const query = wordsAfterFigures(queryKey);
  if (!query.size) return null;
  const candidate = wordsAfterFigures(candidateKey);
  if (!candidate.size) return null;
  const queryWords = figureWords(queryKey);
  const candidateWords = figureWords(candidateKey);
  for (const [value, word] of query) {
    const other = candidate.get(value);
    if (other && scriptOf(other) === scriptOf(word) && !sameCount(word, other) && !holds(candidateWords, word) && !holds(queryWords, other)) return [`${value} ${word}`, `${value} ${other}`];
  }
  return null;
}

// Units of measure and currencies by one name whatever the script: a figure's unit is compared
// across languages too ("1,2 млрд фунтов" against "1.2 مليار دولار"). English words under their
// -s forms, Arabic ones as written in a key (folded, with the accusative and plural forms news
// uses), Russian ones by their beginning; two-word units as phrases. ليرة and جنيه are both "pound".
const UNITS: Record<string, string[]> = {
  dollar: ['dollar', 'usd', 'دولار', 'دولارا', 'دولارات', 'доллар'],
  euro: ['euro', 'eur', 'يورو', 'евро'],
  riyal: ['riyal', 'rial', 'ريال', 'ريالا', 'ريالات', 'риал'],
  dinar: ['dinar', 'دينار', 'دينارا', 'دنانير', 'динар'],
  dirham: ['dirham', 'درهم', 'درهما', 'دراهم', 'дирхам'],
  pound: ['pound', 'lira', 'جنيه', 'جنيها', 'جنيهات', 'ليره', 'ليرات', 'фунт', 'лир'],
  rouble: ['rouble', 'ruble', 'روبل', 'روبلا', 'рубл'],
  // A hundredth of a pound: the price of a loaf of bread ("20 قرشا" is not "20 pounds").
  piastre: ['piastre', 'piaster', 'قرش', 'قرشا', 'قروش', 'пиастр'],
  tonne: ['ton', 'tonne', 'طن', 'طنا', 'اطنان', 'тонн'],
  barrel: ['barrel', 'برميل', 'براميل', 'баррел'],
  // Aid is counted in lorries as often as in tonnes ("30 trucks of aid" is not "30 tonnes").
  truck: ['truck', 'lorry', 'lorries', 'شاحنه', 'شاحنات', 'грузовик'],
  kilometre: ['km', 'kilometre', 'kilometer', 'كيلومتر', 'كيلومترا', 'كيلومترات', 'كم', 'километр', 'км'],
  megawatt: ['mw', 'megawatt', 'ميغاواط', 'ميجاوات', 'ميغاوات', 'ميجاواط', 'мегаватт', 'мвт'],
  'cubic metre': ['cubic metre', 'cubic metres', 'cubic meter', 'cubic meters', 'متر مكعب', 'امتار مكعبه', 'кубометр', 'кубических метр', 'куб м'],
  'cubic foot': ['cubic foot', 'cubic feet', 'قدم مكعب', 'اقدام مكعبه', 'кубических фут'],
};
const UNIT_TABLE = tableOf(UNITS);
// How far after a figure its unit may stand: "2 million cubic metres", "1.2 مليار دولار", "7,4 млрд евро".
const UNIT_REACH = 2;

/** The unit of UNITS at `words[i]` (a phrase of two words starting there, or one word: labelsOf's forms) and its words as written, if any. */
function unitAt(words: readonly string[], i: number): { unit: string; word: string } | undefined {
  const pair = `${words[i] ?? ''} ${words[i + 1] ?? ''}`;
  const phrase = UNIT_TABLE.phrases.find(([p]) => pair === p || (isCyrillic(p) && pair.startsWith(p)));
  if (phrase) return { unit: phrase[1], word: pair };
  const unit = entryOf(UNIT_TABLE, words[i] ?? '');
  return unit ? { unit, word: words[i] } : undefined;
}

/** The unit of UNITS (and the word that names it) each figure of a search key is followed by within UNIT_REACH words, by figure value; and every unit the key names. */
const unitsOf = remembered((key: string): { after: Map<string, { unit: string; word: string }>; all: Set<string> } => {
  const words = figureWords(key);
  const units = words.map((_, i) => unitAt(words, i));
  const after = new Map<string, { unit: string; word: string }>();
  for (const f of figuresIn(key)) {
    const unit = units.slice(f.end, f.end + UNIT_REACH).find((u) => u !== undefined);
    if (unit && !isYear(f.value) && !after.has(f.value)) after.set(f.value, unit);
  }
  return { after, all: new Set(units.flatMap((u) => (u ? [u.unit] : []))) };
});

/**
 * The same figure in another unit of the units' table, in any two scripts: both texts follow the
 * figure with a unit, the units differ, and neither text names the other's unit anywhere ("7.4
 * مليار دولار" against "7.4 مليار يورو", "1,2 млрд фунтов" against "1.2 مليار دولار", "2 million
 * cubic feet" against "2 million cubic metres"): the figure with each unit's word as written, the query's first.
 */
export function otherTableUnit(queryKey: string, candidateKey: string): string[] | null {
  const q = unitsOf(queryKey);
  if (!q.after.size) return null;
  const c = unitsOf(candidateKey);
  for (const [value, { unit, word }] of q.after) {
    const other = c.after.get(value);
    if (other && other.unit !== unit && !c.all.has(unit) && !q.all.has(other.unit)) return [`${value} ${word}`, `${value} ${other.word}`];
  }
  return null;
}
