import { codePointLength, codePointToUtf16, sliceByCodePoints, utf16ToCodePoint } from './code-points';

/** How many code points of context a TextQuoteSelector keeps on each side. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** A W3C TextPositionSelector plus TextQuoteSelector over one text, offsets in code points. */
export interface TextAnchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** What a client may send to point at a span: a position, a quote, or both. */
export interface SpanSelector {
  start?: number;
  end?: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
}

export type AnchorFailure =
  | { reason: 'OUT_OF_RANGE'; message: string }
  | { reason: 'EMPTY_SPAN'; message: string }
  | { reason: 'QUOTE_MISMATCH'; message: string }
  | { reason: 'QUOTE_NOT_FOUND'; message: string }
  | { reason: 'QUOTE_AMBIGUOUS'; message: string }
  | { reason: 'NO_SELECTOR'; message: string };

export type AnchorResult = { ok: true; anchor: TextAnchor } | ({ ok: false } & AnchorFailure);

/** The full anchor (position and quote with context) of the span [start, end) of `text`. */
export function anchorAt(text: string, start: number, end: number): TextAnchor {
  const length = codePointLength(text);
  return {
    start,
    end,
    exact: sliceByCodePoints(text, start, end),
    prefix: sliceByCodePoints(text, Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
    suffix: sliceByCodePoints(text, end, Math.min(length, end + QUOTE_CONTEXT_LENGTH)),
  };
}

/**
 * Resolves a selector against `text` the way Hypothesis does: a position is checked against the
 * quote when both are given; a quote alone is searched for, and prefix/suffix choose among
 * repeated occurrences. Fails with a reason instead of guessing.
 */
export function resolveSelector(text: string, selector: SpanSelector): AnchorResult {
  const exact = selector.exact?.normalize('NFC');
  const hasPosition = selector.start !== undefined || selector.end !== undefined;
  if (hasPosition) {
    const { start, end } = selector;
    const length = codePointLength(text);
    if (start === undefined || end === undefined) {
      return { ok: false, reason: 'OUT_OF_RANGE', message: 'A position selector needs both start and end' };
    }
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start > end) {
      return {
        ok: false,
        reason: 'OUT_OF_RANGE',
        message: `Span [${start}, ${end}) is outside the text, which has ${length} code points`,
      };
    }
    if (start === end) return { ok: false, reason: 'EMPTY_SPAN', message: 'The selected span is empty' };
    const anchor = anchorAt(text, start, end);
    if (exact !== undefined && anchor.exact !== exact) {
      return {
        ok: false,
        reason: 'QUOTE_MISMATCH',
        message: `The text at [${start}, ${end}) is "${anchor.exact}", not the quote given`,
      };
    }
    return { ok: true, anchor };
  }
  if (exact === undefined) return { ok: false, reason: 'NO_SELECTOR', message: 'Give start/end, exact, or both' };
  if (exact.length === 0) return { ok: false, reason: 'EMPTY_SPAN', message: 'The quote is empty' };
  return findQuote(text, exact, selector.prefix?.normalize('NFC'), selector.suffix?.normalize('NFC'));
}

function findQuote(text: string, exact: string, prefix?: string, suffix?: string): AnchorResult {
  const occurrences: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) occurrences.push(at);
  if (occurrences.length === 0) {
    return { ok: false, reason: 'QUOTE_NOT_FOUND', message: 'The quote does not occur in the text' };
  }
  const fits = occurrences.filter(
    (at) =>
      (!prefix || text.slice(0, at).endsWith(prefix)) && (!suffix || text.slice(at + exact.length).startsWith(suffix)),
  );
  const chosen = fits.length > 0 ? fits : occurrences;
  if (chosen.length > 1) {
    return {
      ok: false,
      reason: 'QUOTE_AMBIGUOUS',
      message: `The quote occurs ${chosen.length} times; add prefix/suffix or a position to choose one`,
    };
  }
  const start = utf16ToCodePoint(text, chosen[0]);
  return { ok: true, anchor: anchorAt(text, start, start + codePointLength(exact)) };
}

/**
 * Re-anchors an anchor made on one text in another text (a later revision): same position if the
 * quote is still there, else the quote searched with its context. Null when it is gone.
 */
export function reanchor(anchor: TextAnchor, text: string): TextAnchor | null {
  const length = codePointLength(text);
  if (anchor.end <= length && sliceByCodePoints(text, anchor.start, anchor.end) === anchor.exact) {
    return anchorAt(text, anchor.start, anchor.end);
  }
  const found = findQuote(text, anchor.exact, anchor.prefix, anchor.suffix);
  if (found.ok) return found.anchor;
  // Context changed on both sides of a repeated quote: prefer the occurrence nearest the old place.
  if (found.reason === 'QUOTE_AMBIGUOUS') {
    let best: number | null = null;
    const target = codePointToUtf16(text, Math.min(anchor.start, length));
    for (let at = text.indexOf(anchor.exact); at >= 0; at = text.indexOf(anchor.exact, at + 1)) {
      if (best === null || Math.abs(at - target) < Math.abs(best - target)) best = at;
    }
    if (best !== null) {
      const start = utf16ToCodePoint(text, best);
      return anchorAt(text, start, start + codePointLength(anchor.exact));
    }
  }
  return null;
}
