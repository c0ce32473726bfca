import { normalizeForSearch } from '@isnad/text';

/**
 * Word shingles of article texts for finding republished copies: the same story on another site,
 * rewritten around the edges. Every shingle keeps its place in the text, so shared passages can be
 * aligned and shown; a content-defined sample of them (the same shingles in every text) is the
 * index key by which candidates are found in SQL. Pure functions; no I/O.
 */

/** Words per shingle: long enough that unrelated stories rarely share one, short enough to survive light edits. */
export const SHINGLE_WORDS = 4;
/** One shingle in SAMPLE_RATE is kept as an index key (0 mod p sampling: a shingle is kept in every text or in none). */
export const SAMPLE_RATE = 2;
/** Words of a text taken into account: a 5 MB page does not make capture compare megabytes. */
export const MAX_WORDS = 20_000;

/** A word of a text: its search key and where it sits (code points and UTF-16 units of the text). */
export interface WordToken {
  key: string;
  start: number;
  end: number;
  from: number;
  to: number;
}

/** The words of a text and the hash of the shingle starting at each word (shingles.length = words - SHINGLE_WORDS + 1). */
export interface ShingledText {
  text: string;
  words: WordToken[];
  shingles: number[];
}

/** murmur3's 32-bit finaliser: spreads the bits of a 32-bit value. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a over the UTF-16 code units of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text with their search keys (diacritics, letter variants and case folded), at most MAX_WORDS. */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  const keys = new Map<string, string>();
  let cp = 0;
  let unit = 0;
  for (const match of text.matchAll(WORD)) {
    const from = match.index;
    for (; unit < from; unit++) if (!isLowSurrogateAt(text, unit)) cp++;
    const start = cp;
    const to = from + match[0].length;
    for (; unit < to; unit++) if (!isLowSurrogateAt(text, unit)) cp++;
    let key = keys.get(match[0]);
    if (key === undefined) {
      key = normalizeForSearch(match[0]).replace(/ /g, '');
      keys.set(match[0], key);
    }
    if (!key) continue;
    tokens.push({ key, start, end: cp, from, to });
    if (tokens.length >= MAX_WORDS) break;
  }
  return tokens;
}

function isLowSurrogateAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff && index > 0 && text.charCodeAt(index - 1) >= 0xd800 && text.charCodeAt(index - 1) <= 0xdbff;
}

/** The words of a text and the hash of each of its shingles, in text order. */
export function shingleText(text: string): ShingledText {
  const words = wordTokens(text);
  const wordHashes = words.map((w) => fnv1a(w.key));
  const shingles: number[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0x2545f491;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = mix32(h ^ wordHashes[i + k]);
    shingles.push(h);
  }
  return { text, words, shingles };
}

/** Whether a shingle hash is one of the sampled index keys. */
export function isSampled(hash: number): boolean {
  return (mix32(hash ^ 0x5bd1e995) & (SAMPLE_RATE - 1)) === 0;
}

/** The distinct sampled shingle hashes of a text, ascending: what the index stores for it. */
export function sampledKeys(shingled: ShingledText): number[] {
  return [...new Set(shingled.shingles.filter(isSampled))].sort((a, b) => a - b);
}
