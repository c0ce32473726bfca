import { foldArabic } from './arabic-normalize';

/**
 * A matching view of a text: Arabic variants, diacritics and tatweel folded, Latin lower-cased,
 * with a map back to code point offsets in the original. Cue and date patterns run over the
 * folded string; their hits are reported in the original's coordinates.
 */
export interface FoldedText {
  readonly folded: string;
  /** For each UTF-16 unit of `folded` (plus one past the end), the code point offset in the original. */
  readonly origin: readonly number[];
}

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/u;

/** Folds `text` code point by code point, keeping a map from folded positions to original code points. */
export function foldWithMap(text: string): FoldedText {
  const origin: number[] = [];
  let folded = '';
  let cp = 0;
  for (const ch of text) {
    const out = INVISIBLE.test(ch) ? '' : foldArabic(ch).toLowerCase();
    for (let i = 0; i < out.length; i++) origin.push(cp);
    folded += out;
    cp++;
  }
  origin.push(cp);
  return { folded, origin };
}

/** The original code point span [start, end) of the folded UTF-16 span [from, to). */
export function originalSpan(view: FoldedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) return { start: view.origin[from], end: view.origin[from] };
  // Marks and tatweel fold to nothing; the span runs up to the next kept character so that a
  // trailing kasra stays with its word.
  return { start: view.origin[from], end: view.origin[to] };
}
