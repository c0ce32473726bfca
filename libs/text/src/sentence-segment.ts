/**
 * Sentence spans for Arabic and English news text. Intl.Segmenter splits inside quotations and
 * treats the Arabic comma inconsistently across ICU versions, so the rules are written out here:
 * `.` `!` `?` `؟` `؛` `…` and line breaks end a sentence; the Arabic comma `،` does not; a sentence
 * end inside “…” or «…» does not split the quotation.
 */

export interface SentenceSpan {
  text: string;
  /** Code point offset of the first character in the segmented text. */
  start: number;
  /** Code point offset one past the last character. */
  end: number;
}

const TERMINALS = new Set(['.', '!', '?', '؟', '؛', '…']);
const CLOSERS = new Set(['”', '’', '»', '"', "'", ')', ']', '›']);
const OPEN_QUOTES: Record<string, string> = { '“': '”', '«': '»', '„': '”' };
// Abbreviations after which an English full stop rarely ends a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'cmdr', 'adm', 'gov', 'sen', 'rep',
  'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.n', 'u.k', 'e.g', 'i.e', 'approx', 'est',
]);

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);
const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}|\p{N}/u.test(ch);

/** Splits `text` into trimmed sentence spans with code point offsets into `text`. */
export function segmentSentences(text: string): SentenceSpan[] {
  const cps = Array.from(text);
  const spans: SentenceSpan[] = [];
  let start = 0;
  let quoteCloser: string | null = null;

  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isSpace(cps[s])) s++;
    while (e > s && isSpace(cps[e - 1])) e--;
    if (e > s) spans.push({ text: cps.slice(s, e).join(''), start: s, end: e });
  };

  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i];
    if (ch === '\n' || ch === '\u2029') {
      push(start, i);
      start = i + 1;
      quoteCloser = null; // quotations in news copy do not run across paragraphs
      continue;
    }
    if (quoteCloser === null && OPEN_QUOTES[ch]) {
      quoteCloser = OPEN_QUOTES[ch];
      continue;
    }
    if (quoteCloser !== null && ch === quoteCloser) {
      quoteCloser = null;
      // “The war is over.” He left. — the quotation closed a sentence.
      if (TERMINALS.has(cps[i - 1]) && (i + 1 === cps.length || isSpace(cps[i + 1]))) {
        push(start, i + 1);
        start = i + 1;
      }
      continue;
    }
    // A right quote used as an opener (“تل الشاير” … لـ”الإدارة الذاتية”) is glued to the next word.
    if (quoteCloser === null && ch === '”' && isLetter(cps[i + 1])) {
      quoteCloser = '”';
      continue;
    }
    if (!TERMINALS.has(ch) || quoteCloser !== null) continue;
    if (ch === '.' && !isFullStop(cps, i)) continue;

    let end = i + 1;
    while (end < cps.length && (TERMINALS.has(cps[end]) || CLOSERS.has(cps[end]))) end++;
    if (end < cps.length && !isSpace(cps[end])) continue;
    push(start, end);
    start = end;
    i = end - 1;
  }
  push(start, cps.length);
  return spans;
}

function isFullStop(cps: string[], i: number): boolean {
  const next = cps[i + 1];
  if (next !== undefined && /\p{N}/u.test(next)) return false; // 3.5, 1.200
  let w = i;
  while (w > 0 && /[\p{L}.]/u.test(cps[w - 1])) w--;
  const word = cps.slice(w, i).join('').toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{Lu}$/u.test(cps.slice(w, i).join(''))) return false; // initials: J. Smith
  let j = i + 1;
  while (j < cps.length && (isSpace(cps[j]) && cps[j] !== '\n')) j++;
  const after = cps[j];
  if (after !== undefined && /\p{Ll}/u.test(after)) return false; // lower case carries on the sentence
  return true;
}
