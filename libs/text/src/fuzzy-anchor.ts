import search from 'approx-string-match';
import { codePointLength } from './code-points';
import { FoldedText, foldWithMap, originalSpan } from './folded-text';
import { TextAnchor, anchorAt, reanchor } from './text-anchor';

/**
 * Fuzzy re-anchoring of a quote in another text, the way Hypothesis anchors annotations on a page
 * that changed (approx-string-match, quote scored with its prefix and suffix): tolerant of changed
 * quote marks, diacritics, letter variants and small edits.
 */

/** A quote found again: where, how well (0..1), and whether word for word. */
export interface FuzzyAnchor {
  anchor: TextAnchor;
  score: number;
  verbatim: boolean;
}

/** Least share of the quote's characters that must match for a place to count. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Longest quote searched for (code units of the folded quote): a claim is a sentence or two. */
export const MAX_FUZZY_QUOTE = 1000;

// Weights of Hypothesis's match-quote: the quote counts most, its context breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

const MARKS: Record<string, string> = {
  '«': '"', '»': '"', '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '‹': "'", '›': "'", '‘': "'", '’': "'", '‚': "'",
  '،': ',', '؛': ';', '؟': '?', '–': '-', '—': '-', '\u00a0': ' ',
};

/** The matching view of a text: folded as claim search folds it, quote marks and Arabic punctuation made plain. */
export function foldForAnchoring(text: string): FoldedText {
  const view = foldWithMap(text);
  let folded = '';
  for (const ch of view.folded) folded += MARKS[ch] ?? ch;
  return { folded, origin: view.origin };
}

/**
 * Finds `quote` (an anchor made on another text) in `text`: word for word first, else the best
 * approximate place scored on quote, prefix, suffix and nearness to `positionHint` (a code point
 * offset in `text`). Null when no place reaches MIN_QUOTE_SIMILARITY.
 */
export function fuzzyReanchor(
  quote: Pick<TextAnchor, 'exact' | 'prefix' | 'suffix' | 'start' | 'end'>,
  text: string,
  positionHint?: number,
  view: FoldedText = foldForAnchoring(text),
): FuzzyAnchor | null {
  const exact = reanchor(quote, text);
  if (exact) return { anchor: exact, score: 1, verbatim: true };
  const pattern = foldForAnchoring(quote.exact).folded.trim();
  if (!pattern || pattern.length > MAX_FUZZY_QUOTE) return null;
  const maxErrors = Math.floor(pattern.length * (1 - MIN_QUOTE_SIMILARITY));
  const matches = search(view.folded, pattern, maxErrors);
  if (!matches.length) return null;
  const prefix = foldForAnchoring(quote.prefix).folded;
  const suffix = foldForAnchoring(quote.suffix).folded;
  const length = view.folded.length;
  const hint = positionHint ?? null;
  let best: { start: number; end: number; score: number } | null = null;
  for (const match of matches.slice(0, 50)) {
    const quoteScore = 1 - match.errors / pattern.length;
    const prefixScore = prefix ? similarity(prefix, view.folded.slice(Math.max(0, match.start - prefix.length), match.start)) : 1;
    const suffixScore = suffix ? similarity(suffix, view.folded.slice(match.end, match.end + suffix.length)) : 1;
    const positionScore = hint === null ? 1 : 1 - Math.abs(view.origin[match.start] - hint) / Math.max(1, view.origin[length]);
    const score =
      (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
      (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  if (!best) return null;
  const { start, end } = originalSpan(view, best.start, best.end);
  if (end <= start || end > codePointLength(text)) return null;
  return { anchor: anchorAt(text, start, end), score: Math.round(best.score * 1000) / 1000, verbatim: false };
}

/** 1 minus the edit distance of `a` in `b` over the length of `a` (0 when nothing matches). */
function similarity(a: string, b: string): number {
  if (!b) return 0;
  const [match] = search(b, a, a.length);
  return match ? 1 - match.errors / a.length : 0;
}
