import { TextAnchor, anchorAt, normalizeForSearch, reanchor, segmentSentences } from '@isnad/text';
import { lightStem } from './match-scoring';

/** Where a quote of one article sits in another article's text, and whether it was found word for word. */
export interface LocatedQuote {
  anchor: TextAnchor;
  exact: boolean;
}

/** Least share of the quote's words (light-stemmed) a sentence must hold to stand for an edited quote. */
export const EDITED_QUOTE_OVERLAP = 0.6;

/**
 * Finds a quote in another text: word for word (prefix/suffix break ties), or else the sentence
 * sharing most of its words, at least EDITED_QUOTE_OVERLAP of them (a copy edits lightly).
 */
export function locateQuote(quote: TextAnchor, text: string): LocatedQuote | null {
  const found = reanchor(quote, text);
  if (found) return { anchor: found, exact: true };
  const quoteWords = stems(quote.exact);
  if (!quoteWords.size) return null;
  let best: { start: number; end: number; overlap: number } | null = null;
  for (const sentence of segmentSentences(text)) {
    const words = stems(sentence.text);
    const shared = [...quoteWords].filter((w) => words.has(w)).length;
    const overlap = (2 * shared) / (quoteWords.size + words.size);
    if (!best || overlap > best.overlap) best = { start: sentence.start, end: sentence.end, overlap };
  }
  return best && best.overlap >= EDITED_QUOTE_OVERLAP ? { anchor: anchorAt(text, best.start, best.end), exact: false } : null;
}

function stems(text: string): Set<string> {
  return new Set(normalizeForSearch(text).split(' ').filter(Boolean).map(lightStem));
}
