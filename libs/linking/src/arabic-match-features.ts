/**
 * What the Arabic re-ranker weighs beside the shared features (match-features.ts): how many of each
 * text's character 4-grams the other holds, read on words without the article, so that dialect and
 * inflected spellings of one word still meet (بيرقص / يرقص, الاسباني / اسبانيا, كشفوه / يكشفون), and
 * how rare the rarest word the two texts share is beside the query's rarest word (a tweet naming
 * "قانون كيرز" finds the one claim naming it among many about laws). Tweets' link fragments
 * ("https t co z40abd19gm" in a search key) are left out. And whether the candidate spells a word of
 * the query otherwise: a name or loanword that Arabic writers spell with other letters (أمريكا /
 * أميركا, أردوجان / أردوغان, جاتوزو / غاتوزو) shares its consonant skeleton but neither its
 * spelling nor its light stem, so BM25 and the other features do not see it. And how much of the
 * candidate's own weight the query lacks (candidateWeightUnshared: a sibling story's other name).
 * Pure functions.
 */
import { nameSkeleton } from '@isnad/text';
import { idf, CollectionStats, STOP_STEMS, TermCounts } from './match-features';
import { lightStem } from './match-scoring';

/** The features arabicPoolFeatures gives each pair of a pool, in this order. */
export const ARABIC_FEATURE_NAMES = [
  'charGramQueryCoverage',
  'charGramCandidateCoverage',
  'charGramCandidateCoverageOfBest',
  'rarestSharedTerm',
  'otherSpellingShared',
  'candidateWeightUnshared',
] as const;

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
  return rarestSharedReader(query, stats)(candidate);
}

/** rarestSharedTerm for one query, its terms weighed once for the whole pool. */
function rarestSharedReader(query: TermCounts, stats: CollectionStats): (candidate: TermCounts) => number {
  const weights = [...query.keys()].filter((lexeme) => !/^\d/u.test(lexeme)).map((lexeme): [string, number] => [lexeme, idf(lexeme, stats)]);
  const rarest = weights.reduce((max, [, weight]) => Math.max(max, weight), 0);
  return (candidate) => {
    let shared = 0;
    for (const [lexeme, weight] of weights) if (candidate.has(lexeme)) shared = Math.max(shared, weight);
    return shared / Math.max(rarest, 1e-9);
  };
}

// A skeleton of fewer than three consonants (words of under four letters) matches too many words.
const SPELLING_MIN_LETTERS = 4;
const SPELLING_MIN_SKELETON = 3;

/** The consonant skeletons (nameSkeleton) of the words of four letters or more. */
function skeletonsOf(words: readonly string[]): string[] {
  return words.filter((w) => [...w].length >= SPELLING_MIN_LETTERS).map(nameSkeleton);
}

/**
 * 1 when the candidate writes a word of the query of four letters or more (not a function word)
 * with other letters: the same consonant skeleton, but not the same light stem (أمريكا / أميركا,
 * اردوجان / اردوغان); 0 otherwise.
 */
export function otherSpellingShared(queryKey: string, candidateKey: string): number {
  return otherSpellingReader(queryKey)(candidateKey);
}

/** otherSpellingShared for one query, its words' stems and skeletons read once for the whole pool. */
function otherSpellingReader(queryKey: string): (candidateKey: string) => number {
  const queryWords = withoutLinkWords(queryKey)
    .filter((w) => !STOP_STEMS.has(lightStem(w)) && [...w].length >= SPELLING_MIN_LETTERS)
    .map((w) => ({ stem: lightStem(w), skeleton: nameSkeleton(w) }))
    .filter((w) => w.skeleton.length >= SPELLING_MIN_SKELETON);
  return (candidateKey) => {
    if (!queryWords.length) return 0;
    const candidateWords = withoutLinkWords(candidateKey);
    const candidateStems = new Set(candidateWords.map(lightStem));
    const candidateSkeletons = new Set(skeletonsOf(candidateWords));
    return queryWords.some((w) => !candidateStems.has(w.stem) && candidateSkeletons.has(w.skeleton)) ? 1 : 0;
  };
}

/**
 * The IDF-weighted share of the candidate's terms (each counted once, numbers left out) that the
 * query does not hold: a claim whose heavy words the tweet lacks is a sibling story (another
 * footballer retiring, another death hoax), not the tweet's claim. `stats` must hold the document
 * frequency of every term of the candidate (MatchStatisticsService.withFrequencies reads those of
 * a pool): a term it lacks counts as held by no text, the heaviest. 0 for a candidate without terms.
 */
export function candidateWeightUnshared(query: TermCounts, candidate: TermCounts, stats: CollectionStats): number {
  let unshared = 0;
  let total = 0;
  for (const lexeme of candidate.keys()) {
    if (/^\d/u.test(lexeme)) continue;
    const weight = idf(lexeme, stats);
    total += weight;
    if (!query.has(lexeme)) unshared += weight;
  }
  return total > 0 ? unshared / total : 0;
}

/**
 * The Arabic features of each pair of a pool (ARABIC_FEATURE_NAMES), from the query and the
 * candidates' search keys and terms. `stats` holds the query's terms' document frequencies,
 * `frequencies` those of the candidates' terms as well (candidateWeightUnshared).
 */
export function arabicPoolFeatures(
  query: { key: string; terms: TermCounts },
  candidates: readonly { key: string; terms: TermCounts }[],
  stats: CollectionStats,
  frequencies: CollectionStats,
): number[][] {
  const queryGrams = characterGrams(query.key);
  const coverage = candidates.map((c) => characterGramCoverage(queryGrams, characterGrams(c.key)));
  const best = Math.max(1e-9, ...coverage.map(([, ofCandidate]) => ofCandidate));
  const rarestShared = rarestSharedReader(query.terms, stats);
  const otherSpelling = otherSpellingReader(query.key);
  return candidates.map((c, i) => [
    coverage[i][0],
    coverage[i][1],
    coverage[i][1] / best,
    rarestShared(c.terms),
    otherSpelling(c.key),
    candidateWeightUnshared(query.terms, c.terms, frequencies),
  ]);
}
