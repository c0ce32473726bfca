/**
 * What the re-ranker knows about a (text, candidate claim text) pair: BM25 over stemmed lexemes with
 * their term frequencies, how much of each text the other covers, wording, names, @handles, numbers
 * and the cues of a contradiction. Pure functions; the service gathers the lexemes, frequencies and
 * trigram similarity from PostgreSQL and the model (match-model.ts) turns the features into a score.
 */
import { actorsIn, eventsIn, thingsIn, keptAgainstMoved, oppositeDirection, otherEvent, reversedRoute, sameEventKind } from './claim-predicates';
import { isYear, otherExtent, otherModality, otherMonths, otherPartOfYear, otherPeriod, otherSideOfEvent, otherYears, periodsIn, recordAgainstFigure } from './claim-circumstances';
import { PlacesIn, rememberedWithPlaces, swappedRoles, swappedSpeakers } from './claim-roles';
import { otherCount, otherTableUnit, otherUnit } from './figure-counts';
import { challengedStep, otherEventVerb, retracted, sameEventVerb } from './event-verbs';
import { remembered } from './remembered';
import { Figure, MatchReasonKind, MatchReasonParts, figureWords, figuresIn, isAsciiDigit, lightStem, lightStemsOf, longerThanOneLetter, longestSharedPhrase, numbersIn, roundedIn, sameFigure, trigramSimilarity } from './match-scoring';

/** Lexeme → term frequency in one text. */
export type TermCounts = ReadonlyMap<string, number>;

/** Collection statistics for BM25: document frequencies, number of texts, their mean length. */
export interface CollectionStats {
  df: ReadonlyMap<string, number>;
  total: number;
  averageLength: number;
}

/** One version of the query: as written, or translated word by word into another language. */
export interface QueryVariant {
  language: string | null;
  key: string;
  terms: TermCounts;
  /** True for a dictionary translation of the query. */
  translated: boolean;
  /**
   * The share of the query's words (not its stop words) this version renders: 1 as written; for a
   * translation, the words the dictionary, the place names or a name's spelling carried over.
   */
  renderedShare?: number;
}

export interface QueryText {
  key: string;
  /** Capitalised words of the original text (English names), as search keys. */
  names: string[];
  /**
   * The key of what the text states, without links and embedded posts' signatures (withoutPostTrailers):
   * what the contradiction and other-story rules read, for a tweet's dateline is no date or figure of
   * its claim. The key when absent.
   */
  statedKey?: string;
  /** The stated text's sentences, as search keys: a negation contradicts a candidate only from a sentence sharing a word with it. */
  statedSentences?: readonly string[];
  /** Words of the query's names and known places (any language): sharing only these is not stating the same claim. */
  entityWords?: ReadonlySet<string>;
  /**
   * Known places a search key names, by their English name whatever its language (asked only of
   * pairs that report the same kind of event: reading places costs more than the other cues).
   */
  placesIn?: (key: string) => ReadonlySet<string>;
  variants: QueryVariant[];
  /** The query's names spelt in another script: lexeme of the index → the query's word. */
  nameSpellings?: ReadonlyMap<string, string>;
}

export interface CandidateText {
  key: string;
  terms: TermCounts;
  /** pg_trgm similarity(key, query key), 0..1. */
  trigram: number;
}

const BM25_K1 = 1.2;
const TRANSLATION_DISCOUNT = 0.8;
const BM25_B = 0.75;

/** BM25's inverse document frequency (the +1 form, never negative). */
export function idf(lexeme: string, stats: CollectionStats): number {
  const n = Math.max(stats.total, 1);
  const df = Math.min(Math.max(stats.df.get(lexeme) ?? 0, 0), n);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function lengthOf(terms: TermCounts): number {
  let length = 0;
  for (const tf of terms.values()) length += tf;
  return length;
}

/** Okapi BM25 of a candidate text for the query's terms (each query term counted once per occurrence). */
export function bm25(query: TermCounts, candidate: TermCounts, stats: CollectionStats): number {
  return bm25With(query, candidate, stats, (lexeme) => idf(lexeme, stats), lengthOf(candidate));
}

/** bm25 with each query term's IDF given (`idfOf`, as idf() computes it) and the candidate's length. */
function bm25With(query: TermCounts, candidate: TermCounts, stats: CollectionStats, idfOf: (lexeme: string) => number, length: number): number {
  const norm = 1 - BM25_B + (BM25_B * length) / Math.max(stats.averageLength, 1);
  let score = 0;
  query.forEach((qtf, lexeme) => {
    const tf = candidate.get(lexeme);
    if (tf) score += qtf * idfOf(lexeme) * ((tf * (BM25_K1 + 1)) / (tf + BM25_K1 * norm));
  });
  return score;
}

/** The features the model weighs, in this order (the model file names them; see match-model.ts). */
export const FEATURE_NAMES = [
  'bm25',
  'bm25OfBest',
  'bm25ReciprocalRank',
  'queryCoverage',
  'candidateCoverage',
  'trigram',
  'sharedPhrase',
  'lightStemOverlap',
  'sharedNames',
  'sharedHandles',
  'sharedNumbers',
  'differentNumbers',
  'lengthRatio',
  'bm25GapToNext',
  'candidateIdfCoverage',
  'queryCoverageOfBest',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * The features a sentence encoder adds for a pool whose texts all have vectors (English: see
 * LocalSentenceEncoder): the pair's cosine, its reciprocal rank by cosine in the pool, and its
 * distance below the pool's best cosine. A model that weighs them is used only when every text of
 * the pool has a vector; otherwise the model without them (match-model.ts).
 */
export const SENTENCE_FEATURE_NAMES = ['sentenceCosine', 'sentenceReciprocalRank', 'sentenceGapToBest'] as const;

/** The sentence features of each pair of a pool, from each candidate's cosine with the query. */
export function sentenceFeatures(cosines: readonly number[]): number[][] {
  const best = Math.max(-1, ...cosines);
  const rank = new Array<number>(cosines.length);
  cosines
    .map((c, i) => [c, i])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .forEach(([, i], r) => (rank[i] = r + 1));
  return cosines.map((c, i) => [c, 1 / rank[i], c - best]);
}

/** What one pair says before it is compared with the other candidates of the pool: what the model reads. */
export interface PairMeasures {
  /** BM25 of the text as written, or of its translation (discounted) when that is higher. */
  bm25: number;
  translated: boolean;
  queryCoverage: number;
  candidateCoverage: number;
  trigram: number;
  sharedPhrase: string[];
  phraseScore: number;
  lightStemOverlap: number;
  sharedNames: string[];
  sharedHandles: string[];
  sharedNumbers: string[];
  differentNumbers: string[];
  lengthRatio: number;
  /** IDF-weighted share of the candidate's terms that the query holds. */
  candidateIdfCoverage: number;
  sharedTerms: string[];
  /** The texts share names and places but no other word: the same actors, another claim. */
  entitiesOnly: boolean;
}

/**
 * What the hard-negative rules say of a pair (claim-predicates.ts and the modules beside it): read
 * after the model, and only for the candidates that may be offered (suggestionsOf), being the
 * costly part of a pair.
 */
export interface PairRules {
  contradiction: MatchReasonParts | null;
  /**
   * Another claim about the same story: the texts report different kinds of event (OTHER_EVENT, a
   * word of each), or the same kind where each names a place or actor the other does not
   * (OTHER_ACTOR, those names); null when neither.
   */
  otherStory: MatchReasonParts | null;
}

/** A pair's measures and what the rules say of it. */
export type PairEvidence = PairMeasures & PairRules;

// Function words, light-stemmed, that say nothing about what a claim states.
export const STOP_STEMS = new Set(
  [
    'the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'is', 'was', 'are', 'were', 'be', 'by', 'for', 'that', 'this', 'with', 'as',
    'at', 'from', 'it', 'its', 'has', 'have', 'had', 'will', 'would', 'said', 'say', 'says', 'on', 'near', 'after', 'over',
    'في', 'من', 'على', 'الى', 'عن', 'ان', 'او', 'مع', 'هذا', 'هذه', 'التي', 'الذي', 'قد', 'كان', 'قال', 'اعلن', 'بعد', 'قرب',
    'в', 'на', 'и', 'с', 'по', 'что', 'из', 'о', 'к',
  ].map(lightStem),
);

const HANDLE = /(?:^|\s)[@#]([\p{L}\p{N}_]{2,})/gu;

/** @handles and #hashtags of an original text, lower-cased, without the sign. */
export function handlesIn(text: string): string[] {
  return [...new Set([...text.matchAll(HANDLE)].map((m) => m[1].toLowerCase()))];
}

/** Words of a search key, light-stemmed, without one-letter words (shared between callers: not to be changed). */
const stems: (key: string) => ReadonlySet<string> = remembered((key) => {
  // The stems longestSharedPhrase reads of the same key (lightStemsOf), not stemmed a second time.
  const words = key.split(' ');
  const all = lightStemsOf(key);
  const kept = new Set<string>();
  for (let i = 0; i < words.length; i++) if (longerThanOneLetter(words[i])) kept.add(all[i]);
  return kept;
});

/** What pairMeasures reads of the query alone, whatever the candidate: made once per pool, not per pair. */
interface QueryReadings {
  stats: CollectionStats;
  /** IDF of each term of every version of the query, and of the pool's texts' terms as they are read. */
  idf: Map<string, number>;
  /** Each version's IDF sum over its terms. */
  weight: Map<QueryVariant, number>;
  /** The query's names and places, light-stemmed. */
  entities: Set<string>;
  wordCount: number;
}

// A query and its statistics are not changed once built: their readings are kept while the query lives.
const queryReadingsOf = new WeakMap<QueryText, QueryReadings>();

function queryReadings(query: QueryText, stats: CollectionStats): QueryReadings {
  const known = queryReadingsOf.get(query);
  if (known?.stats === stats) return known;
  const idfs = new Map<string, number>();
  for (const variant of query.variants) for (const lexeme of variant.terms.keys()) if (!idfs.has(lexeme)) idfs.set(lexeme, idf(lexeme, stats));
  const readings: QueryReadings = {
    stats,
    idf: idfs,
    weight: new Map(query.variants.map((v) => [v, [...v.terms.keys()].reduce((sum, l) => sum + (idfs.get(l) as number), 0)])),
    entities: new Set([...(query.entityWords ?? []), ...query.names].map(lightStem)),
    wordCount: query.key.split(' ').length,
  };
  queryReadingsOf.set(query, readings);
  return readings;
}

/**
 * BM25 of a candidate for the query: the text as written, or its best word-by-word translation
 * (discounted, being noisier) when that scores higher.
 */
export function queryBm25(query: QueryText, candidate: TermCounts, stats: CollectionStats): { score: number; translated: boolean } {
  // The query's terms' IDFs are its readings' (the same idf(), made once per pool, not per pair).
  const readings = queryReadings(query, stats);
  const idfOf = queryIdfOf(readings);
  const length = lengthOf(candidate);
  const [original, ...translations] = query.variants;
  const originalBm25 = bm25With(original.terms, candidate, stats, idfOf, length);
  let translatedBm25 = 0;
  for (const v of translations) translatedBm25 = Math.max(translatedBm25, bm25With(v.terms, candidate, stats, idfOf, length));
  const score = Math.max(originalBm25, TRANSLATION_DISCOUNT * translatedBm25);
  return { score, translated: score > originalBm25 };
}

/** Evidence for one candidate text against every variant of the query: its measures and what the rules say. */
export function pairEvidence(query: QueryText, queryHandles: string[], candidate: CandidateText, stats: CollectionStats): PairEvidence {
  const measures = pairMeasures(query, queryHandles, candidate, stats);
  return { ...measures, ...pairRules(query, candidate, measures) };
}

/** The IDF of one of the query's own terms, from its readings (each computed once per pool). */
function queryIdfOf(readings: QueryReadings): (lexeme: string) => number {
  return (lexeme) => readings.idf.get(lexeme) as number;
}

/** A term's IDF, computed once per pool (a word common in the pool is held by many of its texts). */
function poolIdf(readings: QueryReadings, lexeme: string): number {
  let weight = readings.idf.get(lexeme);
  if (weight === undefined) readings.idf.set(lexeme, (weight = idf(lexeme, readings.stats)));
  return weight;
}

/** The measures of one candidate text against every variant of the query (what the model reads). */
export function pairMeasures(query: QueryText, queryHandles: string[], candidate: CandidateText, stats: CollectionStats): PairMeasures {
  return pairMeasuresAwaitingTrigram(query, queryHandles, candidate, stats)(candidate.trigram);
}

/**
 * pairMeasures in two steps: all but the text's trigram similarity to the query as PostgreSQL
 * computes it, then the measures once it is known (ClaimMatcherService reads it while these are made).
 */
export function pairMeasuresAwaitingTrigram(
  query: QueryText,
  queryHandles: string[],
  candidate: Omit<CandidateText, 'trigram'>,
  stats: CollectionStats,
): (trigram: number) => PairMeasures {
  const [original] = query.variants;
  const { score, translated } = queryBm25(query, candidate.terms, stats);
  // The variant sharing most terms with the candidate (the text as written on a tie) explains it.
  let best = original;
  let sharedCount = -1;
  for (const variant of query.variants) {
    let count = 0;
    for (const l of variant.terms.keys()) if (candidate.terms.has(l)) count++;
    if (count > sharedCount) [best, sharedCount] = [variant, count];
  }
  const readings = queryReadings(query, stats);
  const queryIdf = queryIdfOf(readings);
  const shared = [...best.terms.keys()].filter((l) => candidate.terms.has(l));
  const sharedWeight = shared.reduce((sum, l) => sum + queryIdf(l), 0);
  let candidateWeight = 0;
  for (const l of candidate.terms.keys()) candidateWeight += poolIdf(readings, l);
  const bestWeight = readings.weight.get(best) as number;
  const sharedTerms = shared
    .filter((l) => !/^\d/.test(l))
    .sort((a, b) => queryIdf(b) - queryIdf(a))
    .slice(0, 6);

  const phrase = longestSharedPhrase(best.key, candidate.key);
  const candidateWordCount = wordCount(candidate.key);
  const q = stems(best.key);
  const c = stems(candidate.key);
  // Counted in one pass, without the list of shared stems (made for every text of every pool).
  const entities = readings.entities;
  let overlap = 0;
  let entitiesOnly = true;
  for (const w of q) {
    if (!c.has(w)) continue;
    overlap++;
    if (entitiesOnly && !(entities.has(w) || STOP_STEMS.has(w) || isAsciiDigit(w.charCodeAt(0)))) entitiesOnly = false;
  }
  entitiesOnly &&= overlap > 0;
  // The candidate's words as a set only for a query with names or handles to look up in it.
  const words = query.names.length || queryHandles.length ? wordSet(candidate.key) : NO_WORDS;
  const speltNames = namesSpeltIn(query, candidate.terms);
  const queryNumbers = numbersIn(query.key);
  const candidateNumbers = numbersIn(candidate.key);
  const rounded = roundedIn(query.key, candidate.key);
  const sharedNumbers = queryNumbers.filter((n) => candidateNumbers.some((m) => sameFigure(n, m, rounded)));
  const differentNumbers = figuresApart(queryNumbers, candidateNumbers, sharedNumbers);
  // PostgreSQL compares the candidate with the text as written; a translated match is compared
  // with the translation that explains it, or its wording would always look unrelated.
  const translatedTrigram = best === original ? null : trigramSimilarity(best.key, candidate.key);
  const measures: PairMeasures = {
    bm25: score,
    translated,
    // A translation that renders one word of six covers all of itself with that one word: it
    // covers no more of the query than it renders, unless the two share a person's name spelt
    // across scripts (between Arabic and Russian, which no dictionary links, often all they share).
    queryCoverage: Math.min(sharedWeight / Math.max(bestWeight, 1e-9), speltNames.length ? 1 : (best.renderedShare ?? 1)),
    candidateCoverage: sharedCount / Math.max(candidate.terms.size, 1),
    trigram: 0, // set below, once known
    sharedPhrase: phrase,
    phraseScore: Math.min(phrase.length / Math.max(Math.min(candidateWordCount, 12), 1), 1),
    lightStemOverlap: overlap / Math.max(Math.min(q.size, c.size), 1),
    sharedNames: sharedNamesOf(query.names, words, speltNames),
    sharedHandles: queryHandles.filter((h) => words.has(h)),
    sharedNumbers,
    differentNumbers,
    lengthRatio: Math.abs(Math.log((candidateWordCount + 1) / (readings.wordCount + 1))),
    candidateIdfCoverage: sharedWeight / Math.max(candidateWeight, 1e-9),
    sharedTerms,
    // A word-by-word translation shares little but names and places even with the right claim.
    entitiesOnly: entitiesOnly && best === original,
  };
  return (trigram) => {
    measures.trigram = translatedTrigram === null ? trigram : Math.max(trigram, translatedTrigram);
    return measures;
  };
}

/** What the hard-negative rules say of one candidate text, given its measures. */
export function pairRules(query: QueryText, candidate: CandidateText, measures: PairMeasures): PairRules {
  const stated = query.statedKey ?? query.variants[0].key;
  let otherFigures = measures.differentNumbers;
  if (stated !== query.key) {
    const statedNumbers = numbersIn(stated);
    const candidateNumbers = numbersIn(candidate.key);
    const rounded = roundedIn(query.key, candidate.key);
    otherFigures = figuresApart(statedNumbers, candidateNumbers, statedNumbers.filter((n) => candidateNumbers.some((m) => sameFigure(n, m, rounded))));
  }
  return {
    // The negation and direction tables hold all three languages: the text as written is compared,
    // not its translation (which carries every sense of every word).
    contradiction: contradictionOf(stated, candidate.key, otherFigures, query.placesIn, query.statedSentences),
    otherStory: otherStoryOf(query, stated, candidate),
  };
}

/** Both texts' figures when each gives some and none of them agree (`shared`: the first's that agree with one of the second's). */
function figuresApart(first: readonly string[], second: readonly string[], shared: readonly string[]): string[] {
  return first.length && second.length && !shared.length ? [...first, ...second] : [];
}

/** Why a candidate tells another story than the query: another kind of event, or the same by other actors or elsewhere. */
function otherStoryOf(query: QueryText, queryKey: string, candidate: CandidateText): MatchReasonParts | null {
  const event = otherEvent(queryKey, candidate.key) ?? otherEventVerb(queryKey, candidate.key) ?? challengedStep(queryKey, candidate.key);
  if (event) return { kind: MatchReasonKind.OTHER_EVENT, values: event };
  const actors = otherActors(query, queryKey, candidate);
  return actors ? { kind: MatchReasonKind.OTHER_ACTOR, values: actors } : null;
}

/** The query's words whose spelling in another script the candidate holds (names agreeing across scripts). */
function namesSpeltIn(query: QueryText, terms: TermCounts): string[] {
  if (!query.nameSpellings?.size) return NO_NAMES;
  const spelt: string[] = [];
  for (const [lexeme, word] of query.nameSpellings) if (terms.has(lexeme)) spelt.push(word);
  return spelt;
}

// Shared empty results, never changed: most pairs share no name spelt across scripts.
const NO_NAMES: string[] = [];
const NO_WORDS: ReadonlySet<string> = new Set();

/** The query's names the candidate's words hold, then those spelt in its script, each once. */
function sharedNamesOf(names: readonly string[], words: ReadonlySet<string>, spelt: readonly string[]): string[] {
  const held = names.filter((name) => words.has(name));
  if (!spelt.length && held.length < 2) return held;
  return [...new Set([...held, ...spelt])];
}

/** A search key's words as a set (remembered: shared between callers, not to be changed). */
const wordSet: (key: string) => ReadonlySet<string> = remembered((key) => new Set(key.split(' ')));


/** How many words `key.split(' ')` gives, counted without splitting. */
function wordCount(key: string): number {
  let count = 1;
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) count++;
  return count;
}

/**
 * The feature vector of each pair of a pool: its own evidence, and how it compares with the other
 * candidates: its BM25 beside the pool's best (rank, share of the best, lead over the next one
 * down), its query coverage as a share of the pool's best. (Trigram similarity and shared word
 * pairs beside the pool's best helped CheckThat! dev a little but sank translated matches, whose
 * wording never resembles the query's: CheckThat! has no cross-language pairs to learn that from.)
 */
export function poolFeatures(pool: readonly PairMeasures[]): number[][] {
  const bestBm25 = Math.max(1e-9, ...pool.map((e) => e.bm25));
  const bestCoverage = Math.max(1e-9, ...pool.map((e) => e.queryCoverage));
  const order = pool.map((e, i) => [e.bm25, i]).sort((a, b) => b[0] - a[0]);
  const rank = new Array<number>(pool.length);
  const next = new Array<number>(pool.length);
  order.forEach(([, i], r) => {
    rank[i] = r + 1;
    next[i] = order[r + 1]?.[0] ?? 0;
  });
  return pool.map((e, i) => [
    e.bm25,
    e.bm25 / bestBm25,
    1 / rank[i],
    e.queryCoverage,
    e.candidateCoverage,
    e.trigram,
    e.phraseScore,
    e.lightStemOverlap,
    Math.min(e.sharedNames.length, 3) / 3,
    e.sharedHandles.length ? 1 : 0,
    e.sharedNumbers.length ? 1 : 0,
    e.differentNumbers.length ? 1 : 0,
    e.lengthRatio,
    (e.bm25 - next[i]) / bestBm25,
    e.candidateIdfCoverage,
    e.queryCoverage / bestCoverage,
  ]);
}

/** Why a pair was suggested, in words a fact-checker can check against the two texts. */
export function reasonsOf(e: PairEvidence): MatchReasonParts[] {
  const reasons: MatchReasonParts[] = [];
  if (e.sharedPhrase.length) reasons.push({ kind: MatchReasonKind.SHARED_PHRASE, values: [e.sharedPhrase.join(' ')] });
  if (e.sharedNames.length) reasons.push({ kind: MatchReasonKind.SHARED_NAMES, values: e.sharedNames });
  if (e.sharedHandles.length) reasons.push({ kind: MatchReasonKind.SHARED_NAMES, values: e.sharedHandles.map((h) => `@${h}`) });
  if (e.sharedNumbers.length) reasons.push({ kind: MatchReasonKind.SHARED_NUMBERS, values: e.sharedNumbers });
  if (e.differentNumbers.length) reasons.push({ kind: MatchReasonKind.DIFFERENT_NUMBERS, values: e.differentNumbers });
  if (e.sharedTerms.length) reasons.push({ kind: MatchReasonKind.SHARED_TERMS, values: e.sharedTerms });
  if (e.translated) reasons.push({ kind: MatchReasonKind.TRANSLATED_TERMS, values: e.sharedTerms });
  if (e.trigram >= 0.5) reasons.push({ kind: MatchReasonKind.SIMILAR_WORDING, values: [e.trigram.toFixed(2)] });
  if (e.contradiction) reasons.push(e.contradiction);
  if (e.otherStory) reasons.push(e.otherStory);
  return reasons;
}

// Words that turn a statement around, in search-key spelling (Arabic folded: ة → ه, أ → ا, ى → ي).
const NEGATIONS = new Set([
  'not', 'no', 'never', 'denies', 'denied', 'deny', 'false', 'fake', "didn't", "isn't", "wasn't", "doesn't", 'didnt', 'isnt', 'wasnt', 'doesnt',
  'لا', 'لم', 'لن', 'ليس', 'ليست', 'غير', 'نفي', 'ينفي', 'تنفي', 'نفت', 'يكذب', 'كذب', 'مزاعم', 'عدم',
  "hasn't", "haven't", "aren't", "don't", "won't", 'hasnt', 'havent', 'arent', 'dont', 'wont',
  'не', 'нет', 'опроверг', 'опровергает', 'опровергла', 'опровергли', 'ложь',
  'untrue', 'baseless', 'unfounded', 'عار', 'عاريه', 'феик', 'феиком', 'феики', 'феиковые', 'феиковыми', 'неправда',
]);

// "Without": a negation only before what a claim reports ("без жертв", "دون اصابات", "without
// casualties"), not before a manner ("talks without preconditions").
const WITHOUT = new Set(['without', 'без', 'دون', 'بدون']);

// What Arabic news puts between "without" and the event it denies: "دون وقوع إصابات", "دون سقوط
// ضحايا", "بدون تسجيل اصابات" (no casualties), "without any casualties".
const OCCURRENCE = new Set(['وقوع', 'سقوط', 'تسجيل', 'حدوث', 'any']);

// Adjectives غير makes privative ("بصورة غير قانونية", illegally): a manner, not a denial of what
// happened; a Russian or English text says it in one word (незаконно, illegally), with no negation.
const PRIVATIVE_AFTER_GHAYR = new Set([
  'قانوني', 'قانونيه', 'شرعي', 'شرعيه', 'مشروع', 'مشروعه', 'نظامي', 'نظاميه', 'رسمي', 'رسميه', 'مباشر', 'مباشره',
  'مسبوق', 'مسبوقه', 'حكومي', 'حكوميه', 'مسلح', 'مسلحه', 'مسلحين', 'مرخص', 'مرخصه', 'معلن', 'معلنه', 'شرعيين', 'نظاميين',
]);

/** True when the i-th word turns the statement around: a negation, or "without" before a kind of event (or its occurrence). */
function negatesAt(words: string[], i: number): boolean {
  if (words[i] === 'غير' && PRIVATIVE_AFTER_GHAYR.has(words[i + 1] ?? '')) return false;
  if (NEGATIONS.has(words[i])) return true;
  if (!WITHOUT.has(words[i])) return false;
  const next = OCCURRENCE.has(words[i + 1] ?? '') ? i + 2 : i + 1;
  return next < words.length && eventsIn(words[next]).size > 0;
}

/**
 * True when the text with a negation first states what the other text says, then denies it: a
 * fact-check ("video of X hitting Macron with eggs. X did not hit Macron...") restating the claim
 * it rates is the same claim, not a contradicting one. It states it when the words before its first
 * negation hold at least half of the content words the two texts share (and at least two). (So
 * "the vaccine given in schools is not safe" reads as a restatement of "... is safe": requiring the
 * words after the negation to hold half of them too cost 0.02 MAP@5 on CheckThat! AR 2021 dev.)
 */
function refutesAfterStating(negating: string[], plain: string[]): boolean {
  const other = content(plain);
  const shared = [...content(negating)].filter((w) => other.has(w));
  if (shared.length < 2) return false;
  const at = negating.findIndex((_, i) => negatesAt(negating, i));
  const stated = negating.slice(0, at);
  if (deniesUnstated(negating, at, stated, other)) return false;
  // The setting alone is not the claim: "the fire at Baiji caused no casualties" states the fire of
  // "three workers were killed in the fire at Baiji", not the deaths. What happened must come first too.
  const events = eventsIn(plain.join(' '));
  if (events.size && ![...eventsIn(stated.join(' ')).keys()].some((kind) => events.has(kind))) return false;
  const before = content(stated);
  return shared.filter((w) => before.has(w)).length * 2 >= shared.length;
}

// Words by which a text denies that what it stated is true ("is not true", "غير صحيح", "не соответствует
// действительности"): what they deny is the statement before them.
const TRUTH = new Set(['true', 'correct', 'accurate', 'real', 'genuine', 'صحيح', 'صحيحا', 'صحيحه', 'دقيق', 'دقيقه', 'صحه', 'правда', 'верно', 'соответствует', 'достоверн']);

// A negated copula, which denies a property of what it speaks of: "is not safe", "isn't", ليس, غير.
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
const NEGATED_COPULAS = new Set(["isn't", "aren't", "wasn't", "weren't", 'isnt', 'arent', 'wasnt', 'werent', 'ليس', 'ليست', 'ليسوا', 'غير']);

/**
 * True when a negated copula denies a property that the other text states and the negating text does
 * not state before its negation: "the vaccine given in schools is not safe" denies "safe" of "... is
 * safe", it does not restate it (a fact-check restating a claim repeats, after its negation, what it
 * stated: "video of X hitting Macron. X did not hit Macron"). Truth words ("is not true") deny the
 * statement before them and are left to the rule, as are other negations ("did not attend", "fake",
 * "not the gun, the permit"): on CheckThat! EN dev they bear on the claim they rate as often.
 */
function deniesUnstated(negating: string[], at: number, stated: string[], other: ReadonlySet<string>): boolean {
  if (!NEGATED_COPULAS.has(negating[at]) && !(negating[at] === 'not' && COPULAS.has(negating[at - 1] ?? ''))) return false;
  const denied = negating.slice(at + 1).find((w) => longerThanOneLetter(w) && !STOP_STEMS.has(lightStem(w)));
  if (denied === undefined || TRUTH.has(denied)) return false;
  const stem = lightStem(denied);
  // The same word in another form ("hitting ... did not hit") is stated: stems that begin alike.
  return other.has(stem) && ![...content(stated)].some((w) => w.startsWith(stem) || (w.length >= 3 && stem.startsWith(w)));
}

/** The light stems of a text's words that say something (no one-letter or function words). */
function content(words: string[]): Set<string> {
  return new Set(words.filter(longerThanOneLetter).map(lightStem).filter((w) => !STOP_STEMS.has(w)));
}

/** The words of a search key that turn its statement around (negatesAt), remembered: every pair reads the candidate's. Not to be changed. */
export const negationsIn: (key: string) => readonly string[] = remembered((key) => {
  const words = key.split(' ');
  return words.filter((_, i) => negatesAt(words, i));
});

/**
 * The negations of the query that bear on the candidate: all of them, or with the query's sentences,
 * those of a sentence sharing a content word with it. A tweet comments around the claim it carries
 * ("Screw Disney for changing Tower of Terror to Guardians of the Galaxy. Trash. Not taking future
 * kids"), and denying something the claim does not speak of does not contradict it.
 */
function queryNegations(queryKey: string, candidateKey: string, sentences?: readonly string[]): readonly string[] {
  const words = negationsIn(queryKey);
  if (!words.length || !sentences || sentences.length < 2) return words;
  const other = content(candidateKey.split(' '));
  const bearing = sentences.some((sentence) => {
    const w = sentence.split(' ');
    return w.some((_, i) => negatesAt(w, i)) && [...content(w)].some((stem) => other.has(stem));
  });
  return bearing ? words : [];
}

function actorsAndPlacesOf(key: string, placesIn: PlacesIn | undefined): Set<string> {
  return new Set([...(placesIn?.(key) ?? []), ...actorsIn(key), ...thingsIn(key)]);
}

/** The places, actors and things a search key (or one word) names: read of the query's words against every pair, so remembered. Not to be changed. */
const actorsAndPlaces: (key: string, placesIn?: PlacesIn) => ReadonlySet<string> = rememberedWithPlaces(actorsAndPlacesOf);

/**
 * The same kind of event somewhere else or by someone else: the places and actors each text names
 * and the other does not, when both have one. Only for texts reporting the same kind of event (a
 * kind of claim-predicates, or a family of event-verbs' verbs: "summoned" and "summoned"):
 * elsewhere a country named on one side only is as often a wider or narrower wording of the same
 * claim (a city against its country), and checking it cost 0.01 MAP@5 on CheckThat! EN 2020 dev.
 */
function otherActors(queryText: QueryText, queryKey: string, candidateText: CandidateText): string[] | null {
  if (!sameEventKind(queryKey, candidateText.key) && !sameEventVerb(queryKey, candidateText.key)) return substitutedActor(queryText, queryKey, candidateText.key);
  return otherNamed(queryText, queryKey, candidateText) ?? substitutedActor(queryText, queryKey, candidateText.key, true);
}

/** The places, actors and things each text names and the other does not, when both name one. */
function otherNamed(queryText: QueryText, queryKey: string, candidateText: CandidateText): string[] | null {
  const query = actorsAndPlaces(queryKey, queryText.placesIn);
  // Nothing named in the query: nothing named on one side only can be the query's (the candidate's names are not read).
  if (!query.size) return null;
  const candidate = actorsAndPlaces(candidateText.key, queryText.placesIn);
  // A spelling may stand for several places ("algeria|algiers"); "tunis" and "tunisia" (the nisba
  // التونسي reads as the city), "algiers" and "algeria": names that begin alike are taken as the same place.
  const alike = (a: string, b: string) => a.startsWith(b) || b.startsWith(a) || (a.length >= 5 && a.slice(0, 5) === b.slice(0, 5));
  const named = (place: string, others: ReadonlySet<string>) => [...others].some((o) => place.split('|').some((p) => o.split('|').some((n) => alike(p, n))));
  const onlyQuery = [...query].filter((p) => !named(p, candidate));
  const onlyCandidate = [...candidate].filter((p) => !named(p, query));
  return onlyQuery.length && onlyCandidate.length ? [...onlyQuery, ...onlyCandidate] : null;
}

const TIMES = new Set(['times', 'fold', 'مرات', 'اضعاف', 'раза']);

/**
 * Where each figure of a search key stands: "<word" for the nearest content word before it, ">word"
 * after it (within two words, light-stemmed), each slot with the figures found there.
 */
function figureSlotsOf(key: string): Map<string, Set<string>> {
  const words = figureWords(key);
  const figures = figuresIn(key);
  const inFigure = new Set(figures.flatMap((f) => Array.from({ length: f.end - f.start }, (_, k) => f.start + k)));
  const content = (i: number) => i >= 0 && i < words.length && !inFigure.has(i) && longerThanOneLetter(words[i]) && !STOP_STEMS.has(lightStem(words[i]));
  const slots = new Map<string, Set<string>>();
  const put = (slot: string, value: string) => slots.set(slot, (slots.get(slot) ?? new Set<string>()).add(value));
  // "Tripled" said as "three times" (ثلاث مرات, в три раза) is a multiple, not a figure of the slot, in a
  // text that names no span ("three times a week" is a frequency, and compared).
  const multiple = (f: Figure) => TIMES.has(words[f.end] ?? '') && !periodsIn(key).size;
  for (const f of figures.filter((f) => !multiple(f))) {
    const before = [f.start - 1, f.start - 2].find(content);
    const after = [f.end, f.end + 1].find(content);
    // A year is compared with years only: "20% in fiscal 2024" against "20% in the 2024 fiscal year".
    const year = isYear(f.value) ? 'year' : '';
    if (before !== undefined) put(`${year}<${lightStem(words[before])}`, f.value);
    if (after !== undefined) put(`${year}>${lightStem(words[after])}`, f.value);
  }
  return slots;
}

/** figureSlotsOf remembered: a query's slots are read against each candidate it is judged with. Not to be changed. */
const figureSlots: (key: string) => ReadonlyMap<string, ReadonlySet<string>> = remembered(figureSlotsOf);

/**
 * Figures that differ where both texts put one in the same place ("killed 5 soldiers in 2023"
 * against "killed 12 soldiers in 2023"; "39 prisoners for 13 hostages" against "13 prisoners for 39
 * hostages"): the figures of the first such slot, the query's first; none when every shared slot
 * holds a figure both texts give there. Words, so texts in one language only.
 */
export function differentFigures(queryKey: string, candidateKey: string): string[] {
  const query = figureSlots(queryKey);
  // A query without figures has no slot to compare: the candidate's are not read.
  if (!query.size) return [];
  const candidate = figureSlots(candidateKey);
  const rounded = roundedIn(queryKey, candidateKey);
  for (const [slot, values] of query) {
    const others = candidate.get(slot);
    if (others && ![...values].some((v) => [...others].some((o) => sameFigure(v, o, rounded)))) return [...values, ...others];
  }
  return [];
}

/**
 * A place or actor that stands where the other text names another, between the same words ("Russia
 * will lend Turkey" against "Russia will lend Egypt"; "Algeria will co-host" against "Morocco will
 * co-host"): those two names. The two words on one side must be the same in both texts, which a
 * wider or narrower wording of the same claim (a city for its country) seldom keeps.
 */
function substitutedActor(queryText: QueryText, queryKey: string, candidateKey: string, peopleOnly = false): string[] | null {
  const q = queryKey.split(' ');
  const c = candidateKey.split(' ');
  const people = substitutedPerson(queryText.names, q, c);
  if (people || peopleOnly) return people;
  const namedIn = (word: string) => actorsAndPlaces(word, queryText.placesIn);
  // The query's words first: the texts' names are read only once a word of the query names something.
  let queryNames: ReadonlySet<string> | undefined;
  let candidateNames: ReadonlySet<string> | undefined;
  const same = (i: number, j: number) => q[i] !== undefined && q[i] === c[j];
  const between = (i: number, j: number) => (same(i - 1, j - 1) && same(i - 2, j - 2)) || (same(i + 1, j + 1) && same(i + 2, j + 2));
  for (let i = 0; i < q.length; i++) {
    const named = namedIn(q[i]);
    if (!named.size) continue;
    const others = (candidateNames ??= actorsAndPlaces(candidateKey, queryText.placesIn));
    const ours = [...named].filter((n) => !others.has(n));
    if (!ours.length || others.has(ours[0])) continue;
    for (let j = 0; j < c.length; j++) {
      // The cheap test first: reading a word's names is what costs.
      if (!between(i, j)) continue;
      const ownNames = (queryNames ??= actorsAndPlaces(queryKey, queryText.placesIn));
      const theirs = [...namedIn(c[j])].filter((n) => !ownNames.has(n));
      if (theirs.length) return [ours[0], theirs[0]];
    }
  }
  return null;
}

// Words inside a person's name ("Mohammed al-Halbousi", "Faisal bin Farhan") or beside a region's ("Курской областью").
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'bint', 'de', 'van', 'von', 'province', 'region', 'governorate', 'область', 'области', 'областью', 'краи', 'края']);

/** Two words that may be one name inflected or spelt otherwise ("россия", "россией"; "houthi", "houthis"). */
function alikeWords(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return (shorter.length >= 4 && longer.startsWith(shorter)) || (shorter.length >= 5 && longer.startsWith(shorter.slice(0, 5)));
}

/**
 * A word of a person's name in the query (a capitalised word next to another one or to al, bin...)
 * that stands where the candidate has a word the query lacks, between the same two words on one
 * side ("elected Mohammed al-Halbousi" against "elected Mahmoud al-Mashhadani"; "Wassim Mansouri was
 * arrested" against "Riad Salameh was arrested"): another holder of the same office, another
 * ship. Not a spelling of the same name: the two words must look unlike, and neither text may
 * hold a word like the other's. One word of a name alone ("Houthis", "НПЗ") is left out: news
 * words a group or a plant otherwise ("Houthi forces", "заводе"). Same language only.
 */
export function substitutedPerson(names: readonly string[], q: readonly string[], c: readonly string[]): string[] | null {
  const isName = new Set(names);
  const inName = (i: number) => isName.has(q[i]) && [q[i - 1], q[i + 1]].some((w) => w !== undefined && (isName.has(w) || NAME_PARTICLES.has(w)));
  const same = (i: number, j: number) => q[i] !== undefined && q[i] === c[j] && !/^\d/.test(q[i]);
  const between = (i: number, j: number) => (same(i - 1, j - 1) && same(i - 2, j - 2)) || (same(i + 1, j + 1) && same(i + 2, j + 2));
  for (let i = 0; i < q.length; i++) {
    if (!inName(i) || c.some((w) => alikeWords(w, q[i]))) continue;
    for (let j = 0; j < c.length; j++) {
      const word = c[j];
      if (!between(i, j) || [...word].length < 3 || /\d/.test(word) || STOP_STEMS.has(lightStem(word)) || q.some((w) => alikeWords(w, word))) continue;
      if (trigramSimilarity(q[i], word) < 0.3) return [q[i], word];
    }
  }
  return null;
}

/** Circumstances that make the same story another claim, tried in this order: the date, the span, what a figure counts, its unit, a record against a figure. */
const OTHER_CIRCUMSTANCES: ReadonlyArray<(queryKey: string, candidateKey: string) => string[] | null> = [
  otherYears, otherMonths, otherPeriod, otherPartOfYear, otherSideOfEvent, otherExtent, otherCount, otherTableUnit, otherUnit, recordAgainstFigure,
];

/** The first rule's answer for the pair, or null when none answers. */
function firstAnswer(rules: typeof OTHER_CIRCUMSTANCES, queryKey: string, candidateKey: string): string[] | null {
  for (const rule of rules) {
    const answer = rule(queryKey, candidateKey);
    if (answer) return answer;
  }
  return null;
}

/**
 * Tells a candidate that contradicts the query: a figure, a year, a month of a date, a span, what
 * a figure counts or its unit, a negation or a direction differs (CONTRADICTS), or the same act is
 * told with its doer and target exchanged, or the same words are said by the other party
 * (ROLE_SWAP; places and countries read with `placesIn`, groups with the actors' table).
 */
export function contradictionOf(
  queryKey: string,
  candidateKey: string,
  differentNumbers: string[],
  placesIn?: QueryText['placesIn'],
  querySentences?: readonly string[],
): MatchReasonParts | null {
  const figures = differentNumbers.length ? differentNumbers : differentFigures(queryKey, candidateKey);
  if (figures.length) return { kind: MatchReasonKind.CONTRADICTS, values: figures };
  const when = firstAnswer(OTHER_CIRCUMSTANCES, queryKey, candidateKey);
  if (when) return { kind: MatchReasonKind.CONTRADICTS, values: when };
  const qn = queryNegations(queryKey, candidateKey, querySentences);
  const cn = negationsIn(candidateKey);
  if (!qn.length !== !cn.length && !refutesAfterStating((qn.length ? queryKey : candidateKey).split(' '), (qn.length ? candidateKey : queryKey).split(' '))) {
    return { kind: MatchReasonKind.CONTRADICTS, values: [...qn, ...cn] };
  }
  // A statement and its retraction ("withdrew its statement that...", "تراجع عن", "отозвал"), as a negation.
  const retraction = retracted(queryKey, candidateKey);
  if (retraction) return { kind: MatchReasonKind.CONTRADICTS, values: [retraction] };
  const opposite =
    otherModality(queryKey, candidateKey) ?? oppositeDirection(queryKey, candidateKey) ?? keptAgainstMoved(queryKey, candidateKey) ?? reversedRoute(queryKey, candidateKey);
  if (opposite) return { kind: MatchReasonKind.CONTRADICTS, values: opposite };
  const roles = swappedRoles(queryKey, candidateKey, placesIn) ?? swappedSpeakers(queryKey, candidateKey, placesIn);
  return roles ? { kind: MatchReasonKind.ROLE_SWAP, values: roles } : null;
}
