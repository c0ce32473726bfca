/**
 * What the Arabic re-ranker weighs beside the shared features (match-features.ts): how many of each
 * text's character 4-grams the other holds, read on words without the article, so that dialect and
 * inflected spellings of one word still meet (بيرقص / يرقص, الاسباني / اسبانيا, كشفوه / يكشفون), and
 * how rare the rarest word the two texts share is beside the query's rarest word (a tweet naming
 * "قانون كيرز" finds the one claim naming it among many about laws). Tweets' link fragments
 * ("https t co z40abd19gm" in a search key) are left out. Pure functions.
 */
import { idf, CollectionStats, TermCounts } from './match-features';

/** The features arabicPoolFeatures gives each pair of a pool, in this order. */
export const ARABIC_FEATURE_NAMES = ['charGramQueryCoverage', 'charGramCandidateCoverage', 'charGramCandidateCoverageOfBest', 'rarestSharedTerm'] as const;

const GRAM = 4;
const LINK_WORDS = new Set(['http', 'https', 'www', 't', 'co', 'com', 'bit', 'ly']);
const ARTICLE = /^(?:وال|بال|فال|كال|لل|ال)(?=\p{L}{2})/u;

/** The words of a search key without a link's fragments: its scheme and host words, and Latin words holding digits (short-link codes). */
export function withoutLinkWords(key: string): string[] {
  return key.split(' ').filter((w) => w && !LINK_WORDS.has(w) && !(/\p{Script=Latin}/u.test(w) && /\d/u.test(w)));
}

/**
 * The character 4-grams of a search key's words of three letters or more, each word without the
 * article and bounded by spaces (so a word's beginning and end are grams of their own).
 */
export function characterGrams(key: string): Set<string> {
  const grams = new Set<string>();
  for (const word of withoutLinkWords(key)) {
    const letters = [...word.replace(ARTICLE, '')];
    if (letters.length < 3) continue;
    const padded = [' ', ...letters, ' '];
    for (let i = 0; i + GRAM <= padded.length; i++) grams.add(padded.slice(i, i + GRAM).join(''));
  }
  return grams;
}

/** Shares of each text's character grams that the other holds: [of the query's, of the candidate's]. */
export function characterGramCoverage(query: ReadonlySet<string>, candidate: ReadonlySet<string>): [number, number] {
  let shared = 0;
  for (const gram of candidate) if (query.has(gram)) shared++;
  return [shared / Math.max(query.size, 1), shared / Math.max(candidate.size, 1)];
}

/** The IDF of the rarest term the texts share, as a share of the IDF of the query's rarest term (0 when they share none). */
export function rarestSharedTerm(query: TermCounts, candidate: TermCounts, stats: CollectionStats): number {
  let rarest = 0;
  let shared = 0;
  for (const lexeme of query.keys()) {
    if (/^\d/u.test(lexeme)) continue;
    const weight = idf(lexeme, stats);
    rarest = Math.max(rarest, weight);
    if (candidate.has(lexeme)) shared = Math.max(shared, weight);
  }
  return shared / Math.max(rarest, 1e-9);
}

/** The Arabic features of each pair of a pool (ARABIC_FEATURE_NAMES), from the query and the candidates' search keys and terms. */
export function arabicPoolFeatures(
  query: { key: string; terms: TermCounts },
  candidates: readonly { key: string; terms: TermCounts }[],
  stats: CollectionStats,
): number[][] {
  const queryGrams = characterGrams(query.key);
  const coverage = candidates.map((c) => characterGramCoverage(queryGrams, characterGrams(c.key)));
  const best = Math.max(1e-9, ...coverage.map(([, ofCandidate]) => ofCandidate));
  return candidates.map((c, i) => [coverage[i][0], coverage[i][1], coverage[i][1] / best, rarestSharedTerm(query.terms, c.terms, stats)]);
}
