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

/** The query's words otherSpellingShared looks for: of four letters or more, not function words, with their stems and skeletons. */
function spellingWordsOf(queryKey: string): { stem: string; skeleton: string }[] {
  return withoutLinkWords(queryKey)
    .filter((w) => !STOP_STEMS.has(lightStem(w)) && [...w].length >= SPELLING_MIN_LETTERS)
    .map((w) => ({ stem: lightStem(w), skeleton: nameSkeleton(w) }))
    .filter((w) => w.skeleton.length >= SPELLING_MIN_SKELETON);
}

/** otherSpellingShared for one query, its words' stems and skeletons read once for the whole pool. */
function otherSpellingReader(queryKey: string): (candidateKey: string) => number {
  const queryWords = spellingWordsOf(queryKey);
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
  return candidateWeightUnsharedReader(query, stats)(candidate);
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
  return arabicPoolFeaturesAwaitingFrequencies(query, candidates, stats)(frequencies);
}

/**
 * arabicPoolFeatures in two steps: every feature but candidateWeightUnshared, then, given the
 * candidates' terms' frequencies, that one too. ClaimMatcherService makes the first while
 * PostgreSQL reads those frequencies. The same values as the pair functions above, made for the
 * whole pool at once: each distinct word of the pool is read once (its grams, light stem and
 * skeleton), its grams numbered, and each candidate's distinct grams counted by marking their
 * numbers rather than gathered in a set of strings.
 */
export function arabicPoolFeaturesAwaitingFrequencies(
  query: { key: string; terms: TermCounts },
  candidates: readonly { key: string; terms: TermCounts }[],
  stats: CollectionStats,
): (frequencies: CollectionStats) => number[][] {
  const words = new PoolWords();
  const queryGrams = new Set<number>();
  for (const word of words.of(query.key)) for (const gram of word.grams) queryGrams.add(gram);
  const candidateWords = candidates.map((c) => words.of(c.key));
  // Which candidate last counted each gram: a candidate's distinct grams, without a set per candidate.
  const countedBy = new Int32Array(words.gramCount).fill(-1);
  const coverage = candidateWords.map((read, i): [number, number] => {
    let shared = 0;
    let size = 0;
    for (const word of read) {
      for (const gram of word.grams) {
        if (countedBy[gram] === i) continue;
        countedBy[gram] = i;
        size++;
        if (queryGrams.has(gram)) shared++;
      }
    }
    return [shared / Math.max(queryGrams.size, 1), shared / Math.max(size, 1)];
  });
  const best = Math.max(1e-9, ...coverage.map(([, ofCandidate]) => ofCandidate));
  const rarestShared = rarestSharedReader(query.terms, stats);
  const otherSpelling = otherSpellingOfPool(query.key);
  const features = candidates.map((c, i) => [coverage[i][0], coverage[i][1], coverage[i][1] / best, rarestShared(c.terms), otherSpelling(candidateWords[i])]);
  return (frequencies) => {
    const unshared = candidateWeightUnsharedReader(query.terms, frequencies);
    return candidates.map((c, i) => [...features[i], unshared(c.terms)]);
  };
}

/** A word of a pool's search keys as the Arabic features read it, each part read when first asked for. */
class PoolWord {
  private stemRead: string | undefined;
  private skeletonRead: string | null | undefined;

  constructor(
    readonly word: string,
    /** The numbers of its character grams (characterGrams), none for a link's fragment. */
    readonly grams: readonly number[],
  ) {}

  get stem(): string {
    return (this.stemRead ??= lightStem(this.word));
  }

  /** Its nameSkeleton when it has SPELLING_MIN_LETTERS letters or more (as skeletonsOf reads them), else null. */
  get skeleton(): string | null {
    if (this.skeletonRead === undefined) this.skeletonRead = [...this.word].length >= SPELLING_MIN_LETTERS ? nameSkeleton(this.word) : null;
    return this.skeletonRead;
  }
}

/** The distinct words of a pool's keys, read once each, and the numbers given to their grams. */
class PoolWords {
  private readonly words = new Map<string, PoolWord | null>();
  private readonly gramNumbers = new Map<string, number>();

  get gramCount(): number {
    return this.gramNumbers.size;
  }

  /** The words of a search key without a link's fragments (withoutLinkWords), in their order. */
  of(key: string): PoolWord[] {
    const read: PoolWord[] = [];
    for (const word of key.split(' ')) {
      if (!word) continue;
      let found = this.words.get(word);
      if (found === undefined) {
        found = withoutLinkWords(word).length ? new PoolWord(word, this.gramsOf(word)) : null;
        this.words.set(word, found);
      }
      if (found) read.push(found);
    }
    return read;
  }

  /** characterGrams of one word, numbered. */
  private gramsOf(word: string): number[] {
    const bare = word.replace(ARTICLE, '');
    // Arabic and Latin letters are one UTF-16 unit each: the grams are substrings; else, by code point.
    const letters: readonly string[] | string = /[\uD800-\uDFFF]/.test(bare) ? [...bare] : bare;
    if (letters.length < 3) return [];
    const grams: number[] = [];
    if (typeof letters === 'string') {
      const padded = ` ${letters} `;
      for (let i = 0; i + GRAM <= padded.length; i++) grams.push(this.numberOf(padded.slice(i, i + GRAM)));
    } else {
      const padded = [' ', ...letters, ' '];
      for (let i = 0; i + GRAM <= padded.length; i++) grams.push(this.numberOf(padded.slice(i, i + GRAM).join('')));
    }
    return grams;
  }

  private numberOf(gram: string): number {
    let n = this.gramNumbers.get(gram);
    if (n === undefined) this.gramNumbers.set(gram, (n = this.gramNumbers.size));
    return n;
  }
}

/**
 * otherSpellingShared of the query with each candidate (its words as PoolWords read them): the candidate's
 * stems are read only when one of its skeletons is a query word's.
 */
function otherSpellingOfPool(queryKey: string): (candidate: readonly PoolWord[]) => number {
  const queryWords = spellingWordsOf(queryKey);
  const skeletons = new Set(queryWords.map((w) => w.skeleton));
  return (candidate) => {
    if (!queryWords.length) return 0;
    const shared = new Set<string>();
    for (const word of candidate) {
      const skeleton = word.skeleton;
      if (skeleton !== null && skeletons.has(skeleton)) shared.add(skeleton);
    }
    if (!shared.size) return 0;
    const stems = new Set(candidate.map((word) => word.stem));
    return queryWords.some((w) => shared.has(w.skeleton) && !stems.has(w.stem)) ? 1 : 0;
  };
}

/** candidateWeightUnshared for one query, each term's weight computed once for the whole pool. */
function candidateWeightUnsharedReader(query: TermCounts, stats: CollectionStats): (candidate: TermCounts) => number {
  // A number's weight is NaN: it is left out.
  const weights = new Map<string, number>();
  return (candidate) => {
    let unshared = 0;
    let total = 0;
    for (const lexeme of candidate.keys()) {
      let weight = weights.get(lexeme);
      if (weight === undefined) weights.set(lexeme, (weight = /^\d/u.test(lexeme) ? NaN : idf(lexeme, stats)));
      if (Number.isNaN(weight)) continue;
      total += weight;
      if (!query.has(lexeme)) unshared += weight;
    }
    return total > 0 ? unshared / total : 0;
  };
}
