/**
 * Text helpers of claim matching: numbers, names, light stems and shared phrases of search keys,
 * and the reasons a match is suggested. Pure functions; match-features.ts builds on them.
 */
import { remembered } from './remembered';

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
  ROLE_SWAP = 'ROLE_SWAP',
  OTHER_EVENT = 'OTHER_EVENT',
  OTHER_ACTOR = 'OTHER_ACTOR',
}

// Number words up to the common round numbers, English, Arabic and Russian, spelt as search keys
// spell them (ة → ه, ئ → ي: مئة is ميه; ё → е). Russian numbers decline: the oblique forms news
// uses most are listed too.
/** A word table without Object's inherited names, so that "constructor" or "valueOf" looks up nothing. */
function wordTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const NUMBER_WORDS: Record<string, string> = wordTable({
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
  twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
  hundred: '100', thousand: '1000', million: '1000000',
  صفر: '0', واحد: '1', اثنان: '2', اثنين: '2', ثلاث: '3', ثلاثه: '3', اربع: '4', اربعه: '4', خمس: '5', خمسه: '5', ست: '6', سته: '6',
  سبع: '7', سبعه: '7', ثماني: '8', ثمانيه: '8', تسع: '9', تسعه: '9', عشر: '10', عشره: '10', عشرين: '20', عشرون: '20',
  ثلاثين: '30', ثلاثون: '30', اربعين: '40', اربعون: '40', خمسين: '50', خمسون: '50', ستين: '60', ستون: '60', سبعين: '70', سبعون: '70',
  ثمانين: '80', ثمانون: '80', تسعين: '90', تسعون: '90', ميه: '100', مايه: '100', ميتين: '200', ميتان: '200', ميتي: '200',
  ثلاثميه: '300', اربعميه: '400', خمسميه: '500', ستميه: '600', سبعميه: '700', ثمانميه: '800', تسعميه: '900',
  ثلاثمايه: '300', اربعمايه: '400', خمسمايه: '500', ستمايه: '600', سبعمايه: '700', ثمانمايه: '800', تسعمايه: '900',
  الف: '1000', الفين: '2000', الفان: '2000', مليون: '1000000',
  // Duals name two of a thing in one word: "سنتين" is two years, against "اربع سنوات".
  سنتين: '2', عامين: '2', شهرين: '2', اسبوعين: '2', يومين: '2', ساعتين: '2',
  ноль: '0', нуль: '0', один: '1', одна: '1', одного: '1', два: '2', две: '2', двух: '2', двое: '2', три: '3', трех: '3', трое: '3',
  четыре: '4', четырех: '4', четверо: '4', пять: '5', пяти: '5', пятеро: '5', шесть: '6', шести: '6', семь: '7', семи: '7',
  восемь: '8', восьми: '8', девять: '9', девяти: '9', десять: '10', десяти: '10', одиннадцать: '11', двенадцать: '12', двенадцати: '12',
  пятнадцать: '15', пятнадцати: '15', двадцать: '20', двадцати: '20', тридцать: '30', тридцати: '30', сорок: '40', сорока: '40',
  пятьдесят: '50', пятидесяти: '50', шестьдесят: '60', семьдесят: '70', восемьдесят: '80', девяносто: '90', девяноста: '90',
  сто: '100', ста: '100', двести: '200', триста: '300', пятьсот: '500',
});

const MULTIPLIERS: Record<string, number> = wordTable({
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, mln: 1e6, bn: 1e9,
  ميه: 1e2, مايه: 1e2, الف: 1e3, الاف: 1e3, مليون: 1e6, ملايين: 1e6, مليار: 1e9, مليارات: 1e9,
  тысяча: 1e3, тысячи: 1e3, тысяч: 1e3, тыс: 1e3, миллион: 1e6, миллиона: 1e6, миллионов: 1e6, млн: 1e6,
  миллиард: 1e9, миллиарда: 1e9, миллиардов: 1e9, млрд: 1e9,
});

// "twenty five" and "خمسه وعشرين": tens and units written apart are one number.
const TENS = new Set(['20', '30', '40', '50', '60', '70', '80', '90']);
// Arabic 11 to 19: the unit, then عشر ("خمسه عشر" is 15; "احد عشر" and "اثنا عشر" only so).
const TEEN_UNITS: Record<string, number> = wordTable({ احد: 1, اثنا: 2, اثني: 2 });

/** Digits without the Arabic clitic written onto them (بـ100, و1). */
const withoutClitic = (word: string) => word.replace(/^[وبلك](?=\d)/u, '');

/** A word's number, if it is one: digits (an Arabic clitic such as بـ stripped, an English ordinal's ending: "12th") or a number word. */
function numberOf(word: string, previous: string | undefined): number | null {
  // Plain digits (most figures) are their number: no clitic, ending or separator to read.
  if (allDigits(word)) return Number(word);
  const digits = withoutClitic(word).replace(/^(\d+)(?:st|nd|rd|th)$/u, '$1');
  if (/^\d+(?:[.,]\d+)*$/.test(digits)) return Number(/^\d{1,3}(?:,\d{3})+$/.test(digits) ? digits.replace(/,/g, '') : digits.replace(',', '.'));
  const bare = word.replace(/^و(?=\p{L}{3})/u, '');
  if (NUMBER_WORDS[bare] && !(previous !== undefined && /^\d/.test(previous) && MULTIPLIERS[bare])) return Number(NUMBER_WORDS[bare]);
  return null;
}

/** A figure of a search key: its value as plain digits, and the words (start, end exclusive) that write it. */
export interface Figure {
  value: string;
  start: number;
  end: number;
}

// "$2.5bn", "3mln": a multiplier written onto the digits ("m" and "k" are left: "10m" is as often metres).
const WRITTEN_ON = /^(\d+)(bn|mln)$/u;

/**
 * The words of a search key as figures are read: a multiplier written onto digits stands apart ("5bn" → "5 bn").
 * Remembered: the figures, roundings, units and counts of a text each read them. Not to be changed.
 */
export const figureWords: (key: string) => readonly string[] = remembered(figureWordsOf);

function figureWordsOf(key: string): string[] {
  // The multiplier is written onto digits: a key without any is its words.
  if (!hasDigit(key)) return key.split(' ');
  const words: string[] = [];
  for (const word of key.split(' ')) {
    // Only a word that starts with a digit and ends in "n" (bn, mln) can carry a multiplier.
    const m = word.endsWith('n') && isAsciiDigit(word.charCodeAt(0)) ? WRITTEN_ON.exec(word) : null;
    if (m) words.push(m[1], m[2]);
    else words.push(word);
  }
  return words;
}

/**
 * Figures in a search key (digits are ASCII there), in order, at word positions of figureWords:
 * "1,200" (the key reads "1 200") → 1200, "32.5" (the key reads "32 5") → 32.5, number words → digits ("twenty five", "خمسه عشر",
 * "пятидесяти"), "15 ألف", "15 thousand", "15 тысяч" and "3.5 млрд" → their value, "بـ100" → 100.
 */
export const figuresIn: (key: string) => readonly Figure[] = remembered(figuresOf);

function figuresOf(key: string): Figure[] {
  const words = figureWords(key);
  const figures: Figure[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!mayStartNumber(words[i])) continue;
    const start = i;
    const teen = TEEN_UNITS[words[i].replace(/^و(?=\p{L}{3})/u, '')];
    let value = teen && /^عشره?$/u.test(words[i + 1] ?? '') ? teen + 10 : numberOf(words[i], words[i - 1]);
    if (value === null || Number.isNaN(value)) continue;
    // Thousands separators become spaces in a search key: "1 200 000" is one number; a group of one
    // or two digits after at most three is what a decimal point or comma left ("32 5", "1 5 млн").
    const digits = withoutClitic(words[i]);
    if (/^\d+$/.test(digits) && /^\d{3}$/.test(words[i + 1] ?? '')) {
      while (/^\d{3}$/.test(words[i + 1] ?? '')) value = value * 1000 + Number(words[++i]);
    } else if (/^\d{1,3}$/.test(digits) && /^\d{1,2}$/.test(words[i + 1] ?? '') && !/^\d/.test(words[i + 2] ?? '')) {
      value = Number(`${digits}.${words[++i]}`);
    }
    const next = numberOf(words[i + 1] ?? '', words[i]);
    const units = next !== null && next < 10;
    if (teen) i++;
    else if (value < 10 && /^عشره?$/u.test(words[i + 1] ?? '') && !/^\d/.test(words[i])) value += 10, i++;
    else if (TENS.has(String(value)) && units && !/^\d/.test(words[i + 1])) value += next as number, i++;
    else if (value < 10 && next !== null && TENS.has(String(next)) && /^و/u.test(words[i + 1])) value += next as number, i++;
    const multiplier = MULTIPLIERS[words[i + 1]?.replace(/^و/u, '') ?? ''];
    if (multiplier) i++;
    const figure = { value: String(multiplier ? Math.round(value * multiplier * 1000) / 1000 : value), start, end: i + 1 };
    const previous = figures[figures.length - 1];
    if (previous && joinsArabicNumber(words, previous, figure)) {
      previous.value = String(Number(previous.value) + Number(figure.value));
      previous.end = figure.end;
    } else figures.push(figure);
  }
  return figures;
}

/**
 * False for a word that neither writes digits nor is a number word (as numberOf and TEEN_UNITS read
 * it): nearly every word of a text, passed over before the costlier readings.
 */
function mayStartNumber(word: string): boolean {
  if (hasDigit(word)) return true;
  return NUMBER_STARTS.has(word.charCodeAt(0) === 0x648 ? word.replace(/^و(?=\p{L}{3})/u, '') : word);
}

// The words numberOf and TEEN_UNITS look up, in a set: most words are none of them.
const NUMBER_STARTS = new Set([...Object.keys(NUMBER_WORDS), ...Object.keys(TEEN_UNITS)]);

/** True when a string holds an ASCII digit (as /\d/ tells it), by its character codes. */
export function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isAsciiDigit(text.charCodeAt(i))) return true;
  return false;
}

/** True when a word is ASCII digits only, one or more (as /^\d+$/ tells it). */
function allDigits(word: string): boolean {
  if (!word.length) return false;
  for (let i = 0; i < word.length; i++) if (!isAsciiDigit(word.charCodeAt(i))) return false;
  return true;
}

/** True for the character code of an ASCII digit (as /\d/ tells it). */
export const isAsciiDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** The largest power of ten that divides a whole number (2000 → 1000, 2400 → 100, 7 → 1). */
function placeOf(value: number): number {
  let place = 1;
  while (value % (place * 10) === 0 && place * 10 <= value) place *= 10;
  return place;
}

/**
 * True when `next` continues `previous` as one Arabic number written in words, largest part first
 * and each part after و ("الفين واربعمايه وسته وسبعين" is 2476): the two are adjacent, both in
 * letters, and the next part is smaller than the place of the last non-zero digit so far.
 */
function joinsArabicNumber(words: readonly string[], previous: Figure, next: Figure): boolean {
  const [first, joined] = [words[previous.start], words[next.start]];
  if (previous.end !== next.start || !isArabicWord(first) || !isArabicWord(joined) || !/^و/u.test(joined)) return false;
  const value = Number(previous.value);
  return Number.isInteger(value) && value >= 100 && Number(next.value) < placeOf(value);
}

const isArabicWord = (word: string) => /^[\u0600-\u06ff]+$/u.test(word);

// Words that make a figure a rounding: "nearly 1,200", نحو 1200, قرابة, "около 1200", "1200 حالة تقريبا".
const APPROXIMATELY_BEFORE = new Set(['nearly', 'about', 'around', 'almost', 'roughly', 'approximately', 'some', 'نحو', 'حوالي', 'قرابه', 'زهاء', 'يقارب', 'почти', 'около', 'примерно', 'порядка', 'приблизительно']);
const APPROXIMATELY_AFTER = new Set(['تقريبا', 'approximately']);
// How far a rounded figure may stand from the exact one: "nearly 1,200" for 1,187, not for 1,100.
const ROUNDING = 0.05;

/** The figures of a search key, or of two, given as roundings (a word of approximation just before, or within two words after). */
export function roundedIn(first: string, second?: string): ReadonlySet<string> {
  // Asked of every pair: most keys round nothing, and then no set is made.
  const a = roundedOf(first);
  const b = second === undefined ? NONE_ROUNDED : roundedOf(second);
  if (!a.size) return b.size ? b : NONE_ROUNDED;
  return b.size ? new Set([...a, ...b]) : a;
}

const NONE_ROUNDED: ReadonlySet<string> = new Set();

/** One key's figures given as roundings: read once per text, as its figures are. */
const roundedOf: (key: string) => ReadonlySet<string> = remembered((key) => {
  const rounded = new Set<string>();
  const words = figureWords(key);
  for (const f of figuresIn(key)) {
    if (APPROXIMATELY_BEFORE.has(words[f.start - 1] ?? '') || words.slice(f.end, f.end + 3).some((w) => APPROXIMATELY_AFTER.has(w))) rounded.add(f.value);
  }
  return rounded;
});

/**
 * True when two figures say the same: equal, or one a round figure given as a rounding (`rounded`
 * holds it) within 5 % of the other ("nearly 1,200" and "1,187"; not "nearly 1,200" and "1,100").
 */
export function sameFigure(a: string, b: string, rounded: ReadonlySet<string>): boolean {
  if (a === b) return true;
  const [x, y] = [Number(a), Number(b)];
  const roundOne = (v: number, s: string) => rounded.has(s) && Number.isInteger(v) && v >= 10 && v % 10 === 0;
  return (roundOne(x, a) || roundOne(y, b)) && Math.abs(x - y) <= ROUNDING * Math.max(x, y);
}

/** The distinct figures of a search key, as plain digits (see figuresIn); shared between callers, who must not change it. */
export const numbersIn: (key: string) => readonly string[] = remembered((key) => [...new Set(figuresIn(key).map((f) => f.value))]);

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

// Arabic clitics and English plural/possessive endings, stripped only to compare phrases: the
// article with a clitic before it (و, ب, ف, ك), لل, the article alone; two-letter endings before
// one-letter ones. (Plain string tests, not regular expressions: every word of every text of a
// pool is stemmed; the spec checks them against the expressions they replace.)
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'];
const ARABIC_SUFFIXES = ['ات', 'ون', 'ين', 'ان', 'ها', 'هم'];

/** True when a word holds a character of the Arabic script (as /\p{Script=Arabic}/u tells it). */
export function hasArabicScript(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x600) continue;
    // The letters of a search key settle it; any other character is left to the expression.
    if ((code >= 0x621 && code <= 0x63a) || (code >= 0x641 && code <= 0x64a)) return true;
    return /\p{Script=Arabic}/u.test(word);
  }
  return false;
}

/** A light stem for phrase comparison: Arabic article and clitics, common endings; English -s. */
export function lightStem(word: string): string {
  if (hasArabicScript(word)) {
    let stem = word;
    const prefix = ARABIC_PREFIXES.find((p) => word.startsWith(p));
    if (prefix) stem = word.slice(prefix.length);
    if (stem.length > 4) {
      const suffix = ARABIC_SUFFIXES.find((s) => stem.endsWith(s));
      if (suffix) stem = stem.slice(0, -2);
      else if (stem.endsWith('ه') || stem.endsWith('ي')) stem = stem.slice(0, -1);
    }
    return stem.length >= 2 ? stem : word;
  }
  const n = word.length;
  if (n > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (n > 3 && word.charCodeAt(n - 1) === 0x73 && word.charCodeAt(n - 2) !== 0x73) return word.slice(0, -1);
  return word;
}

/** True when a word has more than one letter (code point): `[...word].length > 1` without the array. */
export function longerThanOneLetter(word: string): boolean {
  if (word.length !== 2) return word.length > 2;
  const first = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  // Two UTF-16 units are one letter only as a surrogate pair.
  return !(first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff);
}

const PHRASE_STOP_WORDS = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'is', 'was', 'are', 'were', 'be', 'by', 'for', 'that', 'this', 'with',
  'في', 'من', 'على', 'الى', 'عن', 'ان', 'و', 'او', 'مع', 'هذا', 'هذه', 'التي', 'الذي', 'قد', 'كان', 'ما', 'لا',
]);

let phraseRows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];

/** The longest run of consecutive words (light-stemmed) the two keys share, if at least two words long. */
export function longestSharedPhrase(queryKey: string, candidateKey: string): string[] {
  const qs = lightStemsOf(queryKey);
  const cs = lightStemsOf(candidateKey);
  let [bestStart, bestEnd] = [0, 0];
  // Dynamic programming over the two word sequences; keys are short (a statement or a tweet). The
  // two rows are kept between calls (a query is compared with each text of its pool), zeroed here.
  if (phraseRows[0].length <= cs.length) phraseRows = [new Int32Array(2 * cs.length + 2), new Int32Array(2 * cs.length + 2)];
  let [previous, current] = phraseRows;
  previous.fill(0, 0, cs.length + 1);
  current.fill(0, 0, cs.length + 1);
  for (let i = 1; i <= qs.length; i++) {
    for (let j = 1; j <= cs.length; j++) {
      if (qs[i - 1] === cs[j - 1]) {
        current[j] = previous[j - 1] + 1;
        if (current[j] > bestEnd - bestStart) [bestStart, bestEnd] = [i - current[j], i];
      } else current[j] = 0;
    }
    const row = previous;
    previous = current;
    current = row;
  }
  if (bestEnd - bestStart < 2) return [];
  const phrase = queryKey.split(' ').slice(bestStart, bestEnd);
  const content = phrase.filter((w) => !PHRASE_STOP_WORDS.has(w));
  return content.length >= 1 ? phrase : [];
}

/** A key's words light-stemmed (lightStem), in order: a query's are read against every text of its pool. */
export const lightStemsOf: (key: string) => readonly string[] = remembered((key) => key.split(' ').map(lightStem));

/** The trigrams of a search key as pg_trgm counts them: each word padded with two spaces before and one after. */
function trigramsOf(key: string): Set<string> {
  const out = new Set<string>();
  for (const word of key.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded[i] + padded[i + 1] + padded[i + 2]);
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
