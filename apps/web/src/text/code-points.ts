// The API anchors spans in Unicode code points of the revision's NFC text; the browser's DOM and
// selections count UTF-16 code units. This module is the one place the two meet, and it is pure
// (no DOM) so it is tested with tables of cases.

/** Context length of TextQuoteSelector prefix/suffix, as the API stores it. */
export const QUOTE_CONTEXT = 32;

/** The code-point offset of a UTF-16 offset (an offset inside a surrogate pair counts the pair as before it). */
export function codePointOffset(text: string, utf16: number): number {
  let points = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate after a high one belongs to the same code point.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue;
    points++;
  }
  const splitsPair = utf16 > 0 && utf16 < text.length && isHighSurrogate(text.charCodeAt(utf16 - 1)) && isLowSurrogate(text.charCodeAt(utf16));
  return splitsPair ? points - 1 : points;
}

/** The UTF-16 offset of a code-point offset (past the end: the text's length). */
export function utf16Offset(text: string, codePoints: number): number {
  let i = 0;
  for (let n = 0; n < codePoints && i < text.length; n++) {
    i += isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/**
 * Widens a UTF-16 span to whole grapheme clusters (user-perceived characters), so a selection never
 * splits a surrogate pair or leaves a combining mark (a fatha, a shadda) behind its letter.
 */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  const [from, to] = start <= end ? [start, end] : [end, start];
  const boundaries = [...graphemes(text)].map((piece) => piece.index).concat(text.length);
  const snappedStart = boundaries.filter((edge) => edge <= from).pop() ?? 0;
  const snappedEnd = to <= from ? snappedStart : (boundaries.find((edge) => edge >= to) ?? text.length);
  return { start: snappedStart, end: snappedEnd };
}

/** A W3C text selector of a span of `text`, in the API's units: code-point positions and the quote with its context. */
export interface SpanSelector {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * The selector of the UTF-16 span [start, end) of `text` (a DOM selection), snapped to whole
 * characters. Leading and trailing white space is left out of the span. Null when nothing but white
 * space is selected.
 */
export function selectorOfUtf16Span(text: string, start: number, end: number): SpanSelector | null {
  const snapped = snapToGraphemes(text, start, end);
  let from = snapped.start;
  let to = snapped.end;
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (from === to) return null;
  const points = [...text];
  const cpStart = codePointOffset(text, from);
  const cpEnd = codePointOffset(text, to);
  return {
    start: cpStart,
    end: cpEnd,
    exact: points.slice(cpStart, cpEnd).join(''),
    prefix: points.slice(Math.max(0, cpStart - QUOTE_CONTEXT), cpStart).join(''),
    suffix: points.slice(cpEnd, cpEnd + QUOTE_CONTEXT).join(''),
  };
}

/** A piece of the text for display: plain, or covered by the listed appearances (by id). */
export interface TextPiece {
  /** UTF-16 offset of the piece in the text. */
  offset: number;
  text: string;
  appearanceIds: string[];
}

/** Cuts `text` at the code-point spans' edges, so each piece is covered by the same set of spans. */
export function piecesOfSpans(text: string, spans: { id: string; start: number; end: number }[]): TextPiece[] {
  const cuts = new Set<number>([0, text.length]);
  const ranges = spans.map((span) => ({ id: span.id, start: utf16Offset(text, span.start), end: utf16Offset(text, span.end) }));
  for (const range of ranges) cuts.add(range.start).add(range.end);
  const edges = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i], edges[i + 1]];
    if (from === to) continue;
    const appearanceIds = ranges.filter((range) => range.start <= from && to <= range.end).map((range) => range.id);
    pieces.push({ offset: from, text: text.slice(from, to), appearanceIds });
  }
  return pieces;
}

function graphemes(text: string): Iterable<{ index: number; segment: string }> {
  return new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
