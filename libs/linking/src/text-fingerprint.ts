import { normalizeForSearch } from '@isnad/text';

/**
 * MinHash fingerprints of article texts for finding republished copies: the same story on another
 * site, lightly edited, with other boilerplate and another title. Pure functions; no I/O.
 */

/** Words per shingle: long enough that unrelated stories rarely share one, short enough to survive light edits. */
export const SHINGLE_WORDS = 4;
export const SIGNATURE_LENGTH = 64;
/** Locality-sensitive hashing: 32 bands of 2 rows, so texts with Jaccard 0.3 meet in a band 99% of the time. */
export const BAND_COUNT = 32;
const ROWS_PER_BAND = SIGNATURE_LENGTH / BAND_COUNT;

export interface TextFingerprint {
  /** Minimum hash of the text's shingles under each of SIGNATURE_LENGTH hash functions (signed int32). */
  signature: number[];
  /** One hash per band of the signature, tagged with the band number (signed int32): the index keys. */
  bands: number[];
  shingleCount: number;
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

const SEEDS = Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

/** The word shingles of a text's search key (the whole key when it is shorter than one shingle). */
export function shingles(text: string): Set<string> {
  const words = normalizeForSearch(text).split(' ').filter(Boolean);
  const result = new Set<string>();
  if (words.length && words.length < SHINGLE_WORDS) result.add(words.join(' '));
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) result.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return result;
}

/** The MinHash signature and LSH band keys of a text, or null when it has no words. */
export function fingerprint(text: string): TextFingerprint | null {
  const hashes = [...shingles(text)].map(fnv1a);
  if (!hashes.length) return null;
  const signature = SEEDS.map((seed) => {
    let min = Infinity;
    for (const h of hashes) min = Math.min(min, mix32(h ^ seed));
    return min;
  });
  const bands = Array.from({ length: BAND_COUNT }, (_, band) => {
    let h = mix32(band + 1);
    for (let row = 0; row < ROWS_PER_BAND; row++) h = mix32(h ^ signature[band * ROWS_PER_BAND + row]);
    return h;
  });
  return { signature, bands, shingleCount: hashes.length };
}

/** The Jaccard similarity of two texts' shingle sets, estimated from their signatures. */
export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_LENGTH;
}
