import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { detectLanguage, hashtagWords, nameScript, nameSkeleton, nameSkeletonKeys, normalizeForSearch, primaryLanguage, segmentSentences, withoutPostTrailers } from '@isnad/text';
import { ClaimEmbeddingsService, NearClaimText, checkedSize } from './claim-embeddings.service';
import { ClaimLinkDecision } from './claim-link-review.entity';
import { ClaimTextKind } from './claim-match-text.entity';
import { CrossLanguageLexicon } from './cross-language';
import { EMBEDDING_ENCODER, EmbeddingEncoder, cosine } from './embedding-encoder';
import { InvalidLinkError } from './linking.errors';
import {
  CandidateText,
  CollectionStats,
  FEATURE_NAMES,
  PairEvidence,
  QueryText,
  QueryVariant,
  SENTENCE_FEATURE_NAMES,
  handlesIn,
  idf,
  PairMeasures,
  pairMeasuresAwaitingTrigram,
  pairRules,
  poolFeatures,
  queryBm25,
  reasonsOf,
  sentenceFeatures,
} from './match-features';
import { MatchModel, checkedMatchModel, logitOf, probabilityOf } from './match-model';
import matchModelFile from './match-weights.json';
import sentenceModelFile from './match-weights-sentence.json';
import arabicModelFile from './match-weights-ar.json';
import englishModelFile from './match-weights-en.json';
import { ARABIC_FEATURE_NAMES, arabicPoolFeaturesAwaitingFrequencies } from './arabic-match-features';
import { LINKING_CONFIG, LinkingConfig, usesLocalSentences } from './linking.config';
import { readsLanguage } from './local-sentence-encoder';
import { MatchReasonKind, MatchReasonParts, capitalisedNames } from './match-scoring';
import { MatchStatisticsService, TEXT_COUNT_TERM, TEXT_LENGTH_TERM, collectionStats, documentFrequencySql, foldedFrequencySql } from './match-statistics.service';

const MODEL: MatchModel = checkedMatchModel(matchModelFile as MatchModel);
/**
 * The model for English pools whose texts all have a vector of the shipped sentence encoder
 * (LocalSentenceEncoder): the same features and the sentence encoder's (sentenceFeatures), trained
 * by `npm run train:matcher -- --sentence-vectors FILE` on the English CheckThat! sets. Other pools
 * are scored by MODEL.
 */
const SENTENCE_MODEL: MatchModel = checkedMatchModel(sentenceModelFile as MatchModel, [...FEATURE_NAMES, ...SENTENCE_FEATURE_NAMES]);

/**
 * The model for pools of Arabic texts found for an Arabic query: the same features and the Arabic
 * ones (arabicPoolFeatures), trained by `npm run train:matcher -- --language ar` on pools the
 * matcher retrieves for the Arabic CheckThat! train queries. CheckThat! has no claims in other
 * languages to learn from, and its character grams and rarest shared word sank the Russian claim an
 * Arabic text names (test/linking-cross-language): a pool holding a text in another language is
 * scored by MODEL, as every other pool.
 */
const ARABIC_MODEL: MatchModel = checkedMatchModel(arabicModelFile as MatchModel, [...FEATURE_NAMES, ...ARABIC_FEATURE_NAMES]);

/**
 * The fewest texts in a pool that ARABIC_MODEL scores. It learnt from pools of 36 to 50 and is
 * evaluated on pools of 20; in a pool of a few texts, as when monitoring checks a sentence against
 * a handful of rated claims, the best of the pool looks right whatever it says (its features are
 * relative to the pool's best), so such a pool is scored by MODEL (test/repeats).
 */
const ARABIC_MIN_POOL = 10;

/**
 * The model for pools of English texts found for an English query: the same features as MODEL, 460
 * trees of depth 6 learnt from the English CheckThat! train pools (EN 2020, EN 2022 written both
 * ways) and dev pools, the tree count chosen and the score calibrated on the English dev pools'
 * out-of-fold logits (`npm run train:matcher -- --trees 500 --tree-depth 6 --calibrate-on en
 * --objective pairwise --lambda 1 --dev-folds 5`: task 12be); it ranks them better than MODEL
 * (trained on train only, CheckThat! dev MAP@5 with the rules, EN 2020 0.884 against 0.856). A pool holding a text in another language, or of no known
 * language (a claim recorded without one), stays with MODEL: the cross-language pools are not what
 * these trees learnt, and they ranked them worse there (eval/linking/README.md, task 12ay).
 */
const ENGLISH_MODEL: MatchModel = checkedMatchModel(englishModelFile as MatchModel);

/**
 * The fewest texts in a pool that ENGLISH_MODEL scores: as for ARABIC_MIN_POOL, its pool features
 * and its Platt scaling are relative to the pool's best, learnt from full pools (100 texts), so a
 * pool of a few texts, as when monitoring checks a sentence against a handful of rated claims, is
 * scored by MODEL, whose suggestions there are the ones the dev linking sets measure.
 */
const ENGLISH_MIN_POOL = 10;

/**
 * The calibrated probability from which a match is suggested to fact-checkers (claimMatches,
 * matchSuggestions) and counted as a match by `npm run eval:linking`: chosen on CheckThat! dev
 * data so that 90 % of the suggestions there are the same claim (see match-weights.json). A pool
 * scored by SENTENCE_MODEL, ARABIC_MODEL or ENGLISH_MODEL has that model's own
 * (SENTENCE_SUGGESTION_THRESHOLD, ARABIC_SUGGESTION_THRESHOLD, ENGLISH_SUGGESTION_THRESHOLD, chosen
 * the same way on its dev data): each candidate carries the threshold of the model that scored it.
 */
export const SUGGESTION_THRESHOLD = MODEL.threshold;
export const SENTENCE_SUGGESTION_THRESHOLD = SENTENCE_MODEL.threshold;
export const ARABIC_SUGGESTION_THRESHOLD = ARABIC_MODEL.threshold;
export const ENGLISH_SUGGESTION_THRESHOLD = ENGLISH_MODEL.threshold;

/**
 * A contradicting text, or one that shares only names and places with the claim, is rarely the
 * same claim: its probability is cut to this share. (The model learnt from CheckThat! pools, where
 * the best-ranked candidate is usually right; in a small or unlucky pool it is not, so these two
 * rules guard what the features cannot see.)
 */
const UNLIKELY_FACTOR = 0.25;

/**
 * A text that tells another event of the same story, or the same event by other actors or
 * elsewhere (match-features.ts, otherStory), is never suggested as the same claim: its probability
 * is cut below the threshold (of the model that scored it), but less than UNLIKELY_FACTOR cuts, for
 * a tweet that tells two events may still be the claim it ranks first (0.25 cost 0.005 MAP@5 on
 * CheckThat! EN 2020 dev).
 */
function otherStoryFactor(threshold: number): number {
  return Math.min(0.5, 0.9 * threshold);
}

/** One suggested claim for a text, with the text of the claim that matched best and why. */
export interface ClaimMatchResult {
  claimId: string;
  /** Calibrated probability that the text states this claim (cut when they contradict each other). */
  score: number;
  /** The score from which it is suggested: the threshold of the model that scored it (SUGGESTION_THRESHOLD, SENTENCE_SUGGESTION_THRESHOLD, ARABIC_SUGGESTION_THRESHOLD or ENGLISH_SUGGESTION_THRESHOLD). */
  threshold: number;
  /** SAME, or CONTRADICTS when the texts share their story but a figure, a negation or a direction differs. */
  relation: ClaimLinkDecision.SAME | ClaimLinkDecision.CONTRADICTS;
  /** The claim's text that matched best: its statement, an appearance's quote, or a translation. */
  matchedKind: ClaimTextKind;
  matchedKey: string;
  matchedLanguage: string | null;
  reasons: MatchReasonParts[];
}

/** A candidate claim text with the evidence and model score behind it (for training and evaluation). */
export interface RankedCandidate {
  claimId: string;
  textId: string;
  kind: ClaimTextKind;
  language: string | null;
  key: string;
  features: number[];
  evidence: PairEvidence;
  reasons: MatchReasonParts[];
  logit: number;
  probability: number;
  /** The suggestion threshold of the model that scored it (its probability is calibrated by that model). */
  threshold: number;
}

// Recent queries' vectors of the shipped sentence encoder, by search key: monitoring re-checks the
// same sentences, and a fact-checker asks again for the suggestions of the text on screen. 512
// vectors of 512 numbers are about 2 MB.
const RECENT_QUERY_VECTORS = 512;

export interface MatchOptions {
  /** BCP 47 language of the text; detected when absent. */
  language?: string | null;
  /** How many suggestions at most. */
  first?: number;
  /** Lowest score returned (default: each candidate's model's suggestion threshold; 0 returns every candidate ranked). */
  minScore?: number;
  /** Claims never to suggest (the claim the text already belongs to, reviewed pairs). */
  excludeClaimIds?: readonly string[];
  /** Re-rank only these claims (e.g. another system's candidates) instead of searching the index. */
  onlyClaimIds?: readonly string[];
}

/** The names' spellings found for a query (nameSpellings), with their lexemes' document frequencies as MatchStatisticsService.stats reads them. */
interface SpeltNames {
  spellings: NameSpelling[];
  frequencies: [string, number][];
}

/**
 * The first round trip of a query (FIRST_ROUND_SQL): its lexemes (part 0: n counts its versions from
 * 1, and rows n = 0 give the document frequencies of those lexemes and of the collection's size and
 * length) and the lexemes spelling its names (part 1: a skeleton looked up, a lexeme with that
 * skeleton, its folded count `df`, and its document frequency `frequency`).
 */
interface FirstRoundRow {
  part: number;
  n: number;
  lexeme: string;
  tf: number;
  df: number | null;
  skeleton: string;
  frequency: number;
}

/** A word of the query and one way another script's claim texts spell it (a lexeme of the index). */
export interface NameSpelling {
  word: string;
  lexeme: string;
  language: string;
}

export interface CandidateRow {
  id: string;
  claim_id: string;
  kind: ClaimTextKind;
  language: string | null;
  key: string;
  lexemes: string[];
  tfs: number[];
  trigram: number;
}

/** A candidate text as the first stage lists it: its similarity is read once the BM25 cut has kept it (withTrigrams). */
type ListedRow = Omit<CandidateRow, 'trigram'> & { trigram: number | null };

/** A row of CANDIDATE_COLUMNS or LISTED_COLUMNS as PostgreSQL returns it. */
type StoredRow = Omit<ListedRow, 'lexemes' | 'tfs'> & { tsv: string };

/** A stored row with its terms read from the tsvector's text. */
function listedRow({ tsv, ...row }: StoredRow): ListedRow {
  return { ...row, ...tsvectorTerms(tsv) };
}

/**
 * The lexemes of a tsvector's text (as PostgreSQL writes it: `'lexeme':1,4B 'other'`, a quote or
 * backslash within a lexeme doubled), in their order, and how many positions each has (1 for none):
 * what tsvector_to_array(tsv) and coalesce(array_length(positions, 1), 1) over unnest(tsv) give.
 */
export function tsvectorTerms(text: string): { lexemes: string[]; tfs: number[] } {
  const lexemes: string[] = [];
  const tfs: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "'") throw new Error(`Not a tsvector's text at ${i}: ${text.slice(i, i + 20)}`);
    let lexeme = '';
    let from = ++i;
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Error(`Unterminated lexeme in a tsvector's text: ${text.slice(from - 1, from + 20)}`);
      if (c === "'" || c === '\\') {
        lexeme += text.slice(from, i);
        if (c === "'" && text[i + 1] !== "'") break;
        lexeme += text[i + 1];
        i += 2;
        from = i;
        continue;
      }
      i++;
    }
    i++;
    let tf = 1;
    if (text[i] === ':') {
      for (i++; i < text.length && text[i] !== ' '; i++) if (text[i] === ',') tf++;
    }
    if (text[i] === ' ') i++;
    lexemes.push(lexeme);
    tfs.push(tf);
  }
  return { lexemes, tfs };
}

// The candidate pool: enough to hold the right claim when many share a few words, small enough to
// score in a few milliseconds. The index gives the POOL texts with the highest IDF sum of the
// query's search terms (a BM25 without term frequencies or lengths); a full BM25 keeps the best
// RERANKED_POOL of them for the pair features and the model. On CheckThat! EN 2020 dev, fetching
// 200 and cutting to 100 raised the right claim's presence from 94 % to 95 % and MAP@5 from 0.74
// to 0.79 (the model's pool features need BM25's own best in the pool; the IDF sum misses it).
const POOL = 200;
const RERANKED_POOL = 100;
// Search terms per version of the query, rarest first: 16 left the right claim out of the pool of
// 9 % of EN 2020 dev queries, 32 of 5.6 %, and 64 of as many (for more work in the index).
const QUERY_TERMS = 32;
const TRANSLATED_TERMS = 12;
// Trigram search costs grow with the collection and the query's length, and says little about a
// long text: it is the fallback for short texts whose words found few candidates.
const TRIGRAM_POOL = 30;
const TRIGRAM_MAX_KEY = 200;
const TRIGRAM_FALLBACK_BELOW = 5;
const EMBEDDED_CANDIDATES = 20;
// A name's spellings in the other scripts, per query word: more would let chance look-alikes crowd
// the translated words out of the search terms. Lexemes read per skeleton bound the work when a
// short skeleton is shared by many words of a large collection.
const SPELLINGS_PER_NAME = 2;
const LEXEMES_PER_SKELETON = 10;
// A sentence names a few people and places; a text with many unknown words (another language, a
// list of handles) would only bring look-alikes. The longest skeletons are the surest.
const NAMES_LOOKED_UP = 6;
// Arabic words that are also names (بوتين "butene") are looked up by their exact skeleton only, and
// only when it has three consonants or more: a shorter one (الاسد sd, بري br) matches chance
// names of other scripts. The first words of the text, where a headline names its speaker.
const DICTIONARY_NAMES_LOOKED_UP = 6;
const MIN_DICTIONARY_NAME_SKELETON = 3;
// Texts taken from the vector index (when there is one) into the pool whatever words they share
// with the query: within HNSW's default search breadth (ef_search 40).
const NEAREST_TEXTS = 20;
// A term held by more texts than this is common: past a few hundred texts a word no longer singles
// out a claim (its IDF is low), and reading such lists whole is what made the first stage grow
// with the collection.
const POSTINGS_PER_TERM = 400;
const RESCORED = 3 * POOL;
// The rare terms' lists read in all (rarest first): each posting read is a visit to a row of the
// table, a page read at random once the table outgrows the server's cache, and that is the first
// stage's cost. At a million claims (bench:linking) a query's rare lists held some 1,100 postings
// at the median and 1,950 at the 95th percentile; the edited copies are all found with 1,000
// (one in a hundred is lost with 500). The terms whose lists are not read still count in the
// exact sums of the RESCORED texts.
const POSTINGS_READ = 1000;
// Of those, the query's own words' lists get this many when it has other versions too: the names
// spelt in other scripts and the word-by-word translations are often rarer than its own words,
// and read first in one budget they left an edited copy's own rare words unread (2 of 100 at a
// million claims). The other versions get the rest of POSTINGS_READ.
const OWN_POSTINGS_READ = 600;
// Up to this many postings in all, reading every text that holds a term once is exact and about
// as cheap as reading the rare terms' lists (measured at 100 k claims: past a few thousand
// postings, the single pass costs more).
const EXACT_SEARCH_POSTINGS = 2000;
const COMMON_TERMS_READ = 3;
// The query's own words whose lists are not read (held by more than POSTINGS_PER_TERM texts, or
// past the budget) still single out a text that holds two of them: the texts holding a pair are
// found in the index (GIN intersects the lists there; only the texts that hold a pair are visited),
// so this bounds the postings the index reads, not the rows. As the collection grows, every word's
// list lengthens and fewer count as rare: at three million claims an edited copy's names and words
// were all past 400 texts, and its original, found by none of the rare lists read, was lost (12 of
// 100). Lists of 10,000 postings together cost the first stage nothing measurable there; 50,000
// cost 2–3 ms at its median and found no more.
const PAIRED_TERMS = 6;
const PAIRED_POSTINGS = 10_000;
/**
 * A candidate text with its terms and its trigram similarity to the key ($1). The terms come as the
 * tsvector's text (its lexemes, in unnest's order, and their positions), which tsvectorTerms reads:
 * a fifth of what tsvector_to_array and a subquery over unnest(tsv) for the frequencies cost.
 */
const CANDIDATE_COLUMNS = `SELECT t.id, t.claim_id, t.kind, t.language, t.key, t.tsv::text AS tsv,
         similarity(t.key, $1)::float8 AS trigram
    FROM claim_match_texts t`;
/**
 * The same without the similarity, for the first stage: its POOL texts are cut to RERANKED_POOL by
 * BM25 (bestByBm25), and similarity() (some 14 µs a text at a million claims) is then computed for
 * those kept only (withTrigrams).
 */
const LISTED_COLUMNS = `SELECT t.id, t.claim_id, t.kind, t.language, t.key, t.tsv::text AS tsv, NULL::float8 AS trigram
    FROM claim_match_texts t`;

/**
 * The query's lexemes ($1 its versions' languages, $2 their keys; the frequencies of the terms $3
 * too) and the lexemes of the index whose name skeleton is one of $4, as two statements read them
 * before, now in one round trip: each part is a materialised CTE (planned as when it was a statement
 * of its own), its rows numbered in the order it gives them. The names' lexemes: those of the index
 * (folded or still pending), LEXEMES_PER_SKELETON a skeleton; `df` orders a skeleton's spellings
 * (folded counts only, as it always has), `frequency` is the document frequency as
 * MatchStatisticsService.stats reads it, for the BM25 statistics.
 */
const FIRST_ROUND_SQL = `WITH lexemes AS MATERIALIZED (
       WITH q AS (SELECT v.n::int AS n, q.i, q.lexeme, coalesce(array_length(q.positions, 1), 1)::int AS tf
                    FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS v(language, key, n),
                         unnest(linking_tsvector(v.language, v.key)) WITH ORDINALITY AS q(lexeme, positions, weights, i))
       SELECT q.n, q.i, q.lexeme, q.tf, NULL::int AS df FROM q
        UNION ALL
       SELECT 0, 0, l.lexeme, 0, ${documentFrequencySql('l.lexeme')}
         FROM (SELECT q.lexeme FROM q UNION SELECT unnest($3::text[])) AS l(lexeme)
        ORDER BY n, i),
     spellings AS MATERIALIZED (
       SELECT s.skeleton, s.lexeme, s.df,
              ${documentFrequencySql('s.lexeme', `CASE WHEN s.df > 0 THEN s.df ELSE ${foldedFrequencySql('s.lexeme')} END`)} AS frequency
         FROM (SELECT k.skeleton, m.lexeme, m.df
                 FROM unnest($4::text[]) AS k(skeleton)
                CROSS JOIN LATERAL (SELECT t.lexeme, t.df FROM claim_match_terms t
                                     WHERE linking_name_skeleton(t.lexeme) = k.skeleton AND t.df > 0
                                     LIMIT ${LEXEMES_PER_SKELETON}) AS m
               UNION
               SELECT k.skeleton, p.lexeme, 0
                 FROM unnest($4::text[]) AS k(skeleton)
                CROSS JOIN LATERAL (SELECT DISTINCT c.lexeme FROM claim_match_term_changes c
                                     WHERE linking_name_skeleton(c.lexeme) = k.skeleton AND c.delta > 0
                                     LIMIT ${LEXEMES_PER_SKELETON}) AS p) AS s)
SELECT 0 AS part, l.n, l.lexeme, l.tf, l.df, NULL::text AS skeleton, NULL::int AS frequency, row_number() OVER () AS o FROM lexemes l
 UNION ALL
SELECT 1, NULL, s.lexeme, NULL, s.df, s.skeleton, s.frequency, row_number() OVER () FROM spellings s
 ORDER BY part, o`;

/**
 * Finds existing claims that a text states. PostgreSQL gathers candidate texts from the matching
 * index (full text over the stemmed lexemes of the query and of its word-by-word translation, where
 * names no dictionary knows are spelt as the other scripts' texts spell them (found by consonant
 * skeleton, nameSkeleton in @isnad/text), and pg_trgm over search keys); each is scored with BM25 and the pair features (match-features.ts),
 * and a logistic model trained on CheckThat! data turns them into a calibrated probability.
 * With an embeddings endpoint and a database with pgvector, the texts nearest to the query's
 * vector join the pool too, so a paraphrase that shares no word with the claim can be found.
 */
@Injectable()
export class ClaimMatcherService {
  private readonly logger = new Logger(ClaimMatcherService.name);
  private readonly recentVectors = new Map<string, number[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // Folds the term counts that the matcher's statements read with documentFrequencySql (ranked()
    // no longer asks it for them: they come in the first round trip); a dependency still, so that
    // the folding runs wherever the matcher does.
    private readonly statistics: MatchStatisticsService,
    private readonly lexicon: CrossLanguageLexicon,
    @Optional() @Inject(EMBEDDING_ENCODER) private readonly encoder: EmbeddingEncoder | null = null,
    @Optional() @Inject(ClaimEmbeddingsService) private readonly embeddings: ClaimEmbeddingsService | null = null,
    @Optional() @Inject(LINKING_CONFIG) private readonly config: LinkingConfig | null = null,
  ) {}

  /** True when the encoder is the shipped sentence encoder: its cosines are features of SENTENCE_MODEL, not a blend. */
  private get localSentences(): boolean {
    return usesLocalSentences(this.config);
  }

  /** Ranked suggestions of canonical claims for `text`, best first. */
  async match(text: string, options: MatchOptions = {}, manager: EntityManager = this.dataSource.manager): Promise<ClaimMatchResult[]> {
    const encoding = this.queryVector(text, options, manager);
    let ranked = await this.ranked(text, options, manager, encoding);
    const queryVector = await encoding;
    if (queryVector && ranked.length && !this.localSentences) ranked = await this.withEmbeddings(queryVector, ranked, manager);
    return suggestionsOf(ranked, options);
  }

  /**
   * Every candidate claim of the pool, scored by the model, best first (one entry per claim: its
   * best text). What match() filters and cuts; the training script reads the features from it.
   */
  async rank(text: string, options: MatchOptions = {}, manager: EntityManager = this.dataSource.manager): Promise<RankedCandidate[]> {
    return this.ranked(text, options, manager, this.queryVector(text, options, manager));
  }

  /** `encoding` is the query's vector on its way (null without an encoder): the index is searched meanwhile. */
  private async ranked(text: string, options: MatchOptions, manager: EntityManager, encoding: Promise<number[] | null>): Promise<RankedCandidate[]> {
    if (!normalizeForSearch(text)) throw new InvalidLinkError('The text has no letters or digits', { field: 'text' });
    // The words of "#FyreFestival" or "@JohnnySins" are searched too: a claim states them apart.
    const key = normalizeForSearch([text, ...hashtagWords(text)].join(' '));
    const language = options.language || languageOrNull(detectLanguage(text));
    const excluded = new Set(options.excludeClaimIds ?? []);

    const names = capitalisedNames(text).map(normalizeForSearch);
    const variants = [{ language, key, translated: false }, ...this.lexicon.translations(key, language).map((t) => ({ ...t, translated: true }))];
    // Names no dictionary knows join the translation into each script, spelt as that script's texts spell them.
    const spellingKeys = this.spellingKeys([...new Set([...nameWordsOf(this.lexicon, text, key, language), ...names])], this.lexicon.dictionaryWords(key, language));
    // One statement, one round trip: the query's lexemes and the names' spellings, each with its
    // lexemes' document frequencies (as MatchStatisticsService.stats would read them, a round trip
    // later): the query's own, with the collection's size and length (rows n = 0), each by an index
    // probe (as a join, a long text's many lexemes would hash the whole terms table).
    const firstRows: FirstRoundRow[] = await manager.query(FIRST_ROUND_SQL, [
      variants.map((v) => v.language),
      variants.map((v) => v.key),
      [TEXT_COUNT_TERM, TEXT_LENGTH_TERM],
      [...new Set([...spellingKeys.values()].flat())],
    ]);
    const lexemeRows = firstRows.filter((r) => r.part === 0);
    const { spellings, frequencies } = this.spellingsOf(
      spellingKeys,
      firstRows.filter((r) => r.part === 1),
    );
    // The query's lexemes in the order of its versions and of each version's tsvector, as the pair features read them.
    const termRows = lexemeRows.filter((r) => r.n > 0);
    for (const target of new Set(spellings.map((s) => s.language))) {
      if (!variants.some((v) => v.translated && v.language === target)) variants.push({ language: target, key: '', translated: true, rendered: [] });
    }
    const query = queryTextOf(this.lexicon, text, key, language, names, variants, termRows, spellings);
    const stats = collectionStats([...lexemeRows.filter((r) => r.n === 0).map((r): [string, number] => [r.lexeme, Number(r.df)]), ...frequencies]);
    if (!stats.total) return [];

    const rows: ListedRow[] = options.onlyClaimIds
      ? await this.textsOf(manager, options.onlyClaimIds.filter((id) => !excluded.has(id)), key)
      : await this.candidates(manager, key, this.searchTerms(query, stats), [...excluded], stats);
    const lexical = bestByBm25(query, rows, stats, RERANKED_POOL);
    // PostgreSQL computes the similarity of the texts kept (the first stage's are listed without it)
    // while the query's vector is awaited, the nearest texts read and the pair measures made (below).
    const trigrams = this.withTrigrams(manager, key, lexical);
    trigrams.catch(() => undefined);
    // The nearest texts by meaning join after the BM25 cut, which would drop a paraphrase.
    const seen = new Set(lexical.map((r) => r.id));
    const queryVector = await encoding;
    const nearest = queryVector && !options.onlyClaimIds && !this.localSentences ? await this.nearestTexts(manager, key, queryVector, [...excluded]) : [];
    const pool = [...lexical, ...nearest.filter((r) => !seen.has(r.id))];
    if (!pool.length) return [];

    const cosines = queryVector && this.localSentences ? await this.sentenceCosines(manager, queryVector, pool.map((r) => r.id)) : null;
    // The Arabic model weighs the candidates' own words by their rarity too (candidateWeightUnshared):
    // their frequencies are read, as the similarities are, while Node measures the pool.
    const model = poolModel(language, pool, cosines);
    const poolStats = model === ARABIC_MODEL ? this.statistics.withFrequencies(manager, stats, pool.flatMap((r) => r.lexemes)) : Promise.resolve(stats);
    poolStats.catch(() => undefined);
    // A statement leaves for PostgreSQL only once the event loop turns (the pool hands out its
    // connection asynchronously): without this turn both would wait for the measures below (the
    // Arabic features among them, but for the one that needs the frequencies).
    await new Promise((resolve) => setImmediate(resolve));
    const ranking = measuredPool(text, query, pool, stats, language, cosines, model);
    const [pooled] = await Promise.all([poolStats, trigrams]);
    return ranking(
      pool.map((r) => r.trigram as number),
      pooled,
    );
  }

  /**
   * The skeletons by which the other scripts' spellings of the given words of the query are looked
   * up (spellingsOf): each word's keys (nameSkeletonKeys), for the NAMES_LOOKED_UP words of the
   * longest skeletons, and the exact skeleton of the first DICTIONARY_NAMES_LOOKED_UP
   * `dictionaryWords` (words a dictionary translates that may be names).
   */
  private spellingKeys(words: string[], dictionaryWords: string[] = []): Map<string, string[]> {
    return new Map<string, string[]>([
      ...dictionaryWords
        .filter((w) => !words.includes(w))
        .map((w) => [w, [nameSkeleton(w)]] as [string, string[]])
        .filter(([, [skeleton]]) => skeleton.length >= MIN_DICTIONARY_NAME_SKELETON)
        .slice(0, DICTIONARY_NAMES_LOOKED_UP),
      ...words
        .map((w) => [w, nameSkeletonKeys(w)] as [string, string[]])
        .filter(([, keys]) => keys.length)
        .sort((a, b) => b[1][0].length - a[1][0].length)
        .slice(0, NAMES_LOOKED_UP),
    ]);
  }

  /**
   * How the other scripts' texts spell the words of `keysOf` (spellingKeys), from the lexemes
   * FIRST_ROUND_SQL found for their skeletons (`rows`, in its order): written in another script, and
   * a name there, no place or dictionary word (mayBeName: a chance look-alike such as "cream" for
   * كريم is left out). The
   * closest skeleton first, then the most used spelling; SPELLINGS_PER_NAME per word. With those
   * lexemes' document frequencies, as MatchStatisticsService.stats reads them.
   */
  private spellingsOf(keysOf: ReadonlyMap<string, string[]>, rows: readonly Pick<FirstRoundRow, 'skeleton' | 'lexeme' | 'df' | 'frequency'>[]): SpeltNames {
    const df = new Map<string, { skeleton: string; df: number }>();
    for (const r of rows) if ((df.get(r.lexeme)?.df ?? -1) < Number(r.df)) df.set(r.lexeme, { skeleton: r.skeleton, df: Number(r.df) });
    const frequency = new Map(rows.map((r) => [r.lexeme, Number(r.frequency)]));
    // Dictionary look-ups cost more than the rest: made only for the best candidates, once per lexeme.
    const names = new Map<string, boolean>();
    const isName = (lexeme: string, language: string) => {
      if (!names.has(lexeme)) names.set(lexeme, this.lexicon.mayBeName(lexeme, language));
      return names.get(lexeme);
    };
    const spellings = [...keysOf].flatMap(([word, wordKeys]) => {
      const script = nameScript(word);
      const spelt: NameSpelling[] = [];
      const candidates = [...df]
        .map(([lexeme, found]) => ({ lexeme, language: nameScript(lexeme), rank: wordKeys.indexOf(found.skeleton), df: found.df }))
        .filter((c): c is typeof c & { language: string } => c.rank >= 0 && c.language !== null && c.language !== script)
        .sort((a, b) => a.rank - b.rank || b.df - a.df);
      for (const c of candidates) {
        if (spelt.length === SPELLINGS_PER_NAME) break;
        if (isName(c.lexeme, c.language)) spelt.push({ word, lexeme: c.lexeme, language: c.language });
      }
      return spelt;
    });
    return { spellings, frequencies: spellings.map((s): [string, number] => [s.lexeme, frequency.get(s.lexeme) ?? 0]) };
  }

  /**
   * The rarest terms of each version of the query (very common words find nothing useful), weighted
   * by IDF; `own` when the query's own words hold the term (not only a translation or a spelling).
   */
  private searchTerms(query: QueryText, stats: CollectionStats): SearchTerm[] {
    const terms = new Map<string, number>();
    const own = new Set(query.variants.filter((v) => !v.translated).flatMap((v) => [...v.terms.keys()]));
    query.variants.forEach((variant) => {
      [...variant.terms.keys()]
        .map((lexeme) => ({ lexeme, df: stats.df.get(lexeme) ?? 0 }))
        .filter((t) => t.df > 0 && (stats.total < 200 || t.df / stats.total < 0.1))
        .sort((a, b) => a.df - b.df)
        .slice(0, variant.translated ? TRANSLATED_TERMS : QUERY_TERMS)
        .forEach((t) => terms.set(t.lexeme, idf(t.lexeme, stats)));
    });
    return [...terms].map(([lexeme, weight]) => ({ lexeme, weight, own: own.has(lexeme) }));
  }

  /**
   * Candidate texts from the index: those with the highest IDF sum of the search terms they hold;
   * when those are few and the text is short (a headline, a quote with misspelt words), also the
   * nearest keys by trigrams.
   *
   * The work is bounded whatever the collection's size. When the terms' posting lists hold at most
   * EXACT_SEARCH_POSTINGS texts together, every text holding a term is read once and ranked by its
   * exact sum. Otherwise the lists of the rare terms (held by at most POSTINGS_PER_TERM texts) are
   * read whole through the GIN index, rarest first, up to POSTINGS_READ postings in all
   * (rareListsRead): a common term's list is long to read and picks out nothing, since its texts
   * hold only a low-weight word of the query, and every posting read costs a visit to its row. (When every term is common: the texts
   * holding all of the COMMON_TERMS_READ rarest, and up to POSTINGS_PER_TERM texts of each one's
   * list.) And the texts holding two of the query's own words whose lists are not read (pairedTerms),
   * from the index's intersection of their lists. Every list is read up to POSTINGS_PER_TERM texts. The texts found
   * are ranked by the sum over the lists read; the best RESCORED get their exact sum over all the
   * terms, and the best POOL of those are the pool. Rows move between the stages by physical
   * address (ctid, stable within the statement). The sums are written out term by term: a
   * subquery over the arrays per row costs several times more.
   */
  private async candidates(
    manager: EntityManager,
    key: string,
    terms: SearchTerm[],
    excluded: string[],
    stats: CollectionStats,
  ): Promise<ListedRow[]> {
    const quoted = terms.map((t) => `'${t.lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
    const exactSum = (row: string) => terms.map((_, i) => `(${row}.tsv @@ ($2::tsquery[])[${i + 1}])::int * ($3::float8[])[${i + 1}]`).join(' + ');
    const df = (t: { lexeme: string }) => stats.df.get(t.lexeme) ?? 0;
    const exact = terms.reduce((sum, t) => sum + df(t), 0) <= EXACT_SEARCH_POSTINGS;
    const rare = rareListsRead(terms, df);
    const rarest = [...terms].sort((a, b) => df(a) - df(b)).slice(0, COMMON_TERMS_READ);
    const quotedOf = (t: SearchTerm) => quoted[terms.indexOf(t)];
    const lists = rare.length
      ? rare.map((t) => ({ query: quotedOf(t), weight: t.weight }))
      : [
          // The texts holding all of them first: a cut list may miss them, their intersection does not.
          { query: rarest.map(quotedOf).join(' & '), weight: rarest.reduce((sum, t) => sum + t.weight, 0) },
          ...rarest.map((t) => ({ query: quotedOf(t), weight: t.weight })),
        ];
    const paired = pairedTerms(terms, rare, df);
    if (paired.length >= 2) lists.push(pairsList(paired, quotedOf));
    const pool = exact
      ? `SELECT f.ctid AS tid FROM claim_match_texts f
            WHERE f.tsv @@ $4::tsquery AND NOT (f.claim_id = ANY($1::uuid[]))
            ORDER BY ${exactSum('f')} DESC, f.ctid
            LIMIT ${POOL}`
      : `WITH hits AS (
             SELECT p.ctid AS tid, sum(q.weight) AS partial
               FROM unnest($4::tsquery[], $5::float8[]) AS q(term, weight)
              CROSS JOIN LATERAL (SELECT f.ctid FROM claim_match_texts f
                                   WHERE f.tsv @@ q.term AND NOT (f.claim_id = ANY($1::uuid[]))
                                   LIMIT ${POSTINGS_PER_TERM}) AS p
              GROUP BY p.ctid
              ORDER BY partial DESC, p.ctid
              LIMIT ${RESCORED})
           SELECT r.ctid AS tid FROM claim_match_texts r
            WHERE r.ctid = ANY(ARRAY(SELECT h.tid FROM hits h))
            ORDER BY ${exactSum('r')} DESC, r.ctid
            LIMIT ${POOL}`;
    const rows: ListedRow[] = terms.length
      ? await this.stored(manager, `WITH pool AS (${pool}) ${LISTED_COLUMNS} WHERE t.ctid = ANY(ARRAY(SELECT o.tid FROM pool o))`, [
          excluded,
          quoted,
          terms.map((t) => t.weight),
          ...(exact ? [quoted.join(' | ')] : [lists.map((l) => l.query), lists.map((l) => l.weight)]),
        ])
      : [];
    if (rows.length >= TRIGRAM_FALLBACK_BELOW || [...key].length > TRIGRAM_MAX_KEY) return rows;
    const nearest: ListedRow[] = await this.stored(
      manager,
      `${CANDIDATE_COLUMNS} WHERE t.id IN (SELECT n.id FROM claim_match_texts n WHERE n.key % $1 ORDER BY similarity(n.key, $1) DESC LIMIT ${TRIGRAM_POOL})
                   AND NOT (t.claim_id = ANY($2::uuid[]))`,
      [key, excluded],
    );
    const seen = new Set(rows.map((r) => r.id));
    return [...rows, ...nearest.filter((r) => !seen.has(r.id))];
  }

  /**
   * The query's vector when an endpoint is configured and answers, or from the shipped sentence
   * encoder for an English text (its search key, as the claim texts' vectors are made); null
   * otherwise (matching stays lexical).
   */
  private async queryVector(text: string, options: MatchOptions, manager: EntityManager): Promise<number[] | null> {
    // A text without letters is refused by ranked(): nothing to encode.
    if (!this.encoder || !normalizeForSearch(text)) return null;
    if (this.localSentences) {
      const language = options.language || languageOrNull(detectLanguage(text));
      if (!readsLanguage(language)) return null;
      return this.sentenceVector(normalizeForSearch([text, ...hashtagWords(text)].join(' ')), manager);
    }
    return this.encoded(text);
  }

  /**
   * The shipped encoder's vector of a search key: a recent query's, or the stored vector of a
   * claim text with the same key (the vector the encoder would make: claim-link suggestions match
   * an appearance's text, which is itself indexed and embedded), else encoded.
   */
  private async sentenceVector(key: string, manager: EntityManager): Promise<number[] | null> {
    const recent = this.recentVectors.get(key);
    if (recent) {
      this.recentVectors.delete(key);
      this.recentVectors.set(key, recent);
      return recent;
    }
    const vector = (await this.storedVector(manager, key)) ?? (await this.encoded(key));
    if (vector) {
      this.recentVectors.set(key, vector);
      if (this.recentVectors.size > RECENT_QUERY_VECTORS) this.recentVectors.delete(this.recentVectors.keys().next().value as string);
    }
    return vector;
  }

  /** The stored vector of a claim text whose search key is `key` (null without one, or without the index). */
  private async storedVector(manager: EntityManager, key: string): Promise<number[] | null> {
    if (!this.embeddings) return null;
    try {
      return (await this.embeddings.available()) ? await this.embeddings.vectorOfKey(manager, key) : null;
    } catch (error) {
      this.logger.warn(`Vector index unavailable, encoding the query: ${(error as Error).message}`);
      return null;
    }
  }

  /** The encoder's vector of `input`; null when it fails (matching stays lexical). */
  private async encoded(input: string): Promise<number[] | null> {
    if (!this.encoder) return null;
    try {
      const [vector] = await this.encoder.encode([input]);
      checkedSize([vector]);
      return vector;
    } catch (error) {
      this.logger.warn(`Embeddings unavailable, matching lexically: ${(error as Error).message}`);
      return null;
    }
  }

  /** The cosine of each pool text's stored sentence vector with the query's; null when one has none (or there is no index). */
  private async sentenceCosines(manager: EntityManager, queryVector: number[], textIds: string[]): Promise<number[] | null> {
    if (!this.embeddings) return null;
    try {
      if (!(await this.embeddings.available())) return null;
      const stored = await this.embeddings.similarities(manager, queryVector, textIds);
      return textIds.every((id) => stored.has(id)) ? textIds.map((id) => stored.get(id) as number) : null;
    } catch (error) {
      this.logger.warn(`Vector index unavailable, matching without sentence vectors: ${(error as Error).message}`);
      return null;
    }
  }

  /** The texts nearest to the query's vector in the vector index (none without pgvector). */
  private async nearestTexts(manager: EntityManager, key: string, queryVector: number[], excluded: string[]): Promise<CandidateRow[]> {
    if (!this.embeddings) return [];
    let near: NearClaimText[];
    try {
      near = (await this.embeddings.available()) ? await this.embeddings.nearest(manager, queryVector, NEAREST_TEXTS + excluded.length) : [];
    } catch (error) {
      this.logger.warn(`Vector index unavailable, matching by the lexical pool: ${(error as Error).message}`);
      return [];
    }
    if (!near.length) return [];
    return (await this.stored(manager, `${CANDIDATE_COLUMNS} WHERE t.id = ANY($2::uuid[]) AND NOT (t.claim_id = ANY($3::uuid[]))`, [key, near.map((n) => n.textId), excluded])) as CandidateRow[];
  }

  /** Every indexed text of the given claims. */
  private textsOf(manager: EntityManager, claimIds: readonly string[], key: string): Promise<ListedRow[]> {
    return this.stored(manager, `${CANDIDATE_COLUMNS} WHERE t.claim_id = ANY($2::uuid[])`, [key, [...claimIds]]);
  }

  /** The rows of a statement selecting CANDIDATE_COLUMNS or LISTED_COLUMNS, their terms read. */
  private async stored(manager: EntityManager, sql: string, parameters: unknown[]): Promise<ListedRow[]> {
    const rows: StoredRow[] = await manager.query(sql, parameters);
    return rows.map(listedRow);
  }

  /**
   * Sets the trigram similarity to the key of the rows listed without it (the first stage's), by the
   * same similarity() on their keys, in one statement that reads no table.
   */
  private async withTrigrams(manager: EntityManager, key: string, rows: readonly ListedRow[]): Promise<void> {
    const missing = rows.filter((r) => r.trigram === null);
    if (!missing.length) return;
    const found: { trigram: number }[] = await manager.query(
      `SELECT similarity(u.key, $1)::float8 AS trigram FROM unnest($2::text[]) WITH ORDINALITY AS u(key, i) ORDER BY u.i`,
      [key, missing.map((r) => r.key)],
    );
    missing.forEach((r, i) => (r.trigram = found[i].trigram));
  }

  /**
   * Blends embedding similarity into the best candidates' probabilities (an endpoint's cosine is
   * not calibrated, so the blend is not either); on an endpoint failure, keeps the lexical scores.
   * Texts with a current vector in the index are not sent to the endpoint again.
   */
  private async withEmbeddings(queryVector: number[], ranked: RankedCandidate[], manager: EntityManager): Promise<RankedCandidate[]> {
    const top = ranked.slice(0, EMBEDDED_CANDIDATES);
    try {
      const stored = this.embeddings && (await this.embeddings.available())
        ? await this.embeddings.similarities(manager, queryVector, top.map((c) => c.textId))
        : new Map<string, number>();
      const missing = top.filter((c) => !stored.has(c.textId));
      const vectors = await (this.encoder as EmbeddingEncoder).encode(missing.map((c) => c.key));
      missing.forEach((c, i) => stored.set(c.textId, cosine(queryVector, vectors[i])));
      const rescored = top.map((c) => {
        const similarity = stored.get(c.textId) ?? 0;
        const reasons = similarity >= 0.8 ? [...c.reasons, { kind: MatchReasonKind.SIMILAR_MEANING, values: [similarity.toFixed(2)] }] : c.reasons;
        return { ...c, probability: 0.5 * c.probability + 0.5 * Math.max(similarity, 0), reasons };
      });
      return [...rescored, ...ranked.slice(EMBEDDED_CANDIDATES)].sort((a, b) => b.probability - a.probability);
    } catch (error) {
      this.logger.warn(`Embeddings unavailable, matching lexically: ${(error as Error).message}`);
      return ranked;
    }
  }
}

/**
 * Words of the query that may be names to spell in other scripts: those no dictionary knows,
 * written with a capital in Latin or Cyrillic letters (Arabic has no capitals: all of them there).
 * In a lower-case text, Latin and Cyrillic names go unspelt.
 */
export function nameWordsOf(lexicon: CrossLanguageLexicon, text: string, key: string, language: string | null): string[] {
  const capitalised = new Set(capitalisedNames(text, true).flatMap((w) => normalizeForSearch(w).split(' ')));
  return lexicon.unknownWords(key, language).filter((w) => nameScript(w) === 'ar' || capitalised.has(w));
}

/**
 * The query as the pair features read it, from what ranked() gathered: its versions (`variants`:
 * as written and translated) with their lexemes (`termRows`, n counting the versions from 1) and
 * the names spelt in other scripts (`spellings`). Exported for bench:linking-rules.
 */
export function queryTextOf(
  lexicon: CrossLanguageLexicon,
  text: string,
  key: string,
  language: string | null,
  names: string[],
  variants: readonly ({ language: string | null; key: string; translated: boolean; rendered?: readonly string[] })[],
  termRows: readonly { n: number; lexeme: string; tf: number }[],
  spellings: readonly NameSpelling[],
): QueryText {
  const wordsToRender = lexicon.wordsToRender(key, language);
  const stated = withoutPostTrailers(text);
  return {
    key,
    statedKey: normalizeForSearch([stated, ...hashtagWords(stated)].join(' ')),
    statedSentences: segmentSentences(stated).map((s) => normalizeForSearch(s.text)).filter(Boolean),
    names,
    entityWords: new Set(variants.flatMap((v) => [...lexicon.placeWords(v.key)])),
    placesIn: lexicon.placesIn,
    variants: variants.map((v, i): QueryVariant => {
      const terms = new Map(termRows.filter((r) => r.n === i + 1).map((r) => [r.lexeme, r.tf]));
      const spelt = v.translated ? spellings.filter((s) => s.language === v.language && !terms.has(s.lexeme)) : [];
      spelt.forEach((s) => terms.set(s.lexeme, 1));
      const rendered = new Set([...(v.rendered ?? []), ...spelt.map((s) => s.word)]);
      return {
        language: v.language,
        key: [v.key, ...spelt.map((s) => s.lexeme)].filter(Boolean).join(' '),
        translated: v.translated,
        terms,
        renderedShare: v.translated ? Math.min(1, rendered.size / Math.max(wordsToRender, 1)) : 1,
      };
    }),
    nameSpellings: new Map(spellings.map((s) => [s.lexeme, s.word])),
  };
}

/**
 * The part of ranked() in Node once the pool is read: each text's measures and the pool features,
 * the model's score (the model poolModel chooses), one candidate per claim (its best text), best first. The rules are read when
 * a candidate's evidence or reasons are first asked for. `frequencies` holds the document
 * frequencies of the pool's terms for the Arabic features (MatchStatisticsService.withFrequencies);
 * without it, those of `stats` (the query's terms: the others then weigh as the rarest).
 * Exported for bench:linking-rules.
 */
export function rankedPool(
  text: string,
  query: QueryText,
  pool: readonly CandidateRow[],
  stats: CollectionStats,
  language: string | null,
  cosines: number[] | null,
  frequencies: CollectionStats = stats,
): RankedCandidate[] {
  return measuredPool(text, query, pool, stats, language, cosines)(
    pool.map((row) => row.trigram),
    frequencies,
  );
}

/**
 * rankedPool in two steps: the texts' measures but for their trigram similarity to the query (and,
 * for a pool ARABIC_MODEL scores, the Arabic features but for the one that weighs the candidates'
 * own terms), then, given those (`trigrams`, in the pool's order) and the pool's terms' frequencies,
 * the rest. ranked() makes the first while PostgreSQL computes the similarities of the texts the
 * BM25 cut kept and reads those frequencies. `model` is poolModel's choice, passed by a caller that
 * has made it already.
 */
export function measuredPool(
  text: string,
  query: QueryText,
  pool: readonly Omit<CandidateRow, 'trigram'>[],
  stats: CollectionStats,
  language: string | null,
  cosines: number[] | null,
  model: MatchModel = poolModel(language, pool, cosines),
): (trigrams: readonly number[], frequencies?: CollectionStats) => RankedCandidate[] {
  const handles = handlesIn(text);
  const terms = pool.map(termsOf);
  const measuring = pool.map((row, i) => pairMeasuresAwaitingTrigram(query, handles, { key: row.key, terms: terms[i] }, stats));
  const arabic =
    model === ARABIC_MODEL
      ? arabicPoolFeaturesAwaitingFrequencies(
          query.variants[0],
          pool.map((row, i) => ({ key: row.key, terms: terms[i] })),
          stats,
        )
      : null;
  return (trigrams, frequencies = stats) => {
    const texts = pool.map((row, i): CandidateText => ({ key: row.key, terms: terms[i], trigram: Number(trigrams[i]) }));
    const measures = measuring.map((measured, i) => measured(texts[i].trigram));
    const extra = cosines ? sentenceFeatures(cosines) : arabic && arabic(frequencies);
    return rankedOf(query, pool, texts, measures, language, model, extra);
  };
}

/**
 * The model that scores a pool: SENTENCE_MODEL when its texts have sentence `cosines`, ARABIC_MODEL
 * for an Arabic query and ARABIC_MIN_POOL Arabic texts or more, ENGLISH_MODEL for an English query
 * and ENGLISH_MIN_POOL English texts or more, none in another language (or none), else MODEL.
 */
function poolModel(language: string | null, pool: readonly Pick<CandidateRow, 'language'>[], cosines: number[] | null): MatchModel {
  if (cosines) return SENTENCE_MODEL;
  const reads = (lang: string, fewest: number) =>
    primaryLanguage(language) === lang && pool.length >= fewest && pool.every((row) => primaryLanguage(row.language) === lang);
  if (reads('ar', ARABIC_MIN_POOL)) return ARABIC_MODEL;
  if (reads('en', ENGLISH_MIN_POOL)) return ENGLISH_MODEL;
  return MODEL;
}

/** The pool scored by `model`, each text's pool features followed by `extra` (the sentence or Arabic features the model reads). */
function rankedOf(
  query: QueryText,
  pool: readonly Omit<CandidateRow, 'trigram'>[],
  texts: readonly CandidateText[],
  measures: PairMeasures[],
  language: string | null,
  model: MatchModel,
  extra: number[][] | null,
): RankedCandidate[] {
  const features = extra ? poolFeatures(measures).map((f, i) => [...f, ...extra[i]]) : poolFeatures(measures);
  const logits = features.map((f) => logitOf(model, f, language));
  const bestLogit = Math.max(...logits);
  const best = new Map<string, RankedCandidate>();
  pool.forEach((row, i) => {
    const logit = logits[i];
    const current = best.get(row.claim_id);
    if (current && current.logit >= logit) return;
    // The rules are read when first asked for: suggestionsOf asks only of the candidates it may offer.
    let evidence: PairEvidence | undefined;
    const judged = () => (evidence ??= { ...measures[i], ...pairRules(query, texts[i], measures[i]) });
    best.set(row.claim_id, {
      claimId: row.claim_id,
      textId: row.id,
      kind: row.kind,
      language: row.language,
      key: row.key,
      features: features[i],
      get evidence() {
        return judged();
      },
      get reasons() {
        return reasonsOf(judged());
      },
      logit,
      probability: probabilityOf(model, logit, bestLogit),
      threshold: model.threshold,
    });
  });
  return [...best.values()].sort((a, b) => b.logit - a.logit || (a.claimId < b.claimId ? -1 : 1));
}

// A row's terms are read by the BM25 cut (bestByBm25) and again by the pair measures of those kept.
const termsOfRow = new WeakMap<Omit<CandidateRow, 'trigram'>, Map<string, number>>();

function termsOf(row: Omit<CandidateRow, 'trigram'>): Map<string, number> {
  let terms = termsOfRow.get(row);
  if (!terms) {
    // Set one by one rather than from an array of pairs: 200 rows a query, and no pair made per lexeme.
    terms = new Map();
    for (let i = 0; i < row.lexemes.length; i++) terms.set(row.lexemes[i], row.tfs[i]);
    termsOfRow.set(row, terms);
  }
  return terms;
}

/** The `size` candidate texts with the highest BM25 for the query (all of them when there are fewer). */
export function bestByBm25<R extends Omit<CandidateRow, 'trigram'>>(query: QueryText, rows: R[], stats: CollectionStats, size: number): R[] {
  if (rows.length <= size) return rows;
  return rows
    .map((row) => ({ row, bm25: queryBm25(query, termsOf(row), stats).score }))
    .sort((a, b) => b.bm25 - a.bm25)
    .slice(0, size)
    .map((r) => r.row);
}

/** A term the first stage searches: its IDF, and whether the query's own words hold it (see searchTerms). */
export interface SearchTerm {
  lexeme: string;
  weight: number;
  own: boolean;
}

/**
 * The terms whose posting lists the first stage reads when they are too long to read all of them:
 * the rare ones (held by at most POSTINGS_PER_TERM texts), rarest first, while their lists hold
 * POSTINGS_READ texts together; the query's own terms' lists first, within OWN_POSTINGS_READ when
 * there are other versions' terms too, which get what is left. In the order of `terms`, so that
 * the partial sums add up as before.
 */
export function rareListsRead<T extends Pick<SearchTerm, 'lexeme' | 'own'>>(terms: readonly T[], df: (term: T) => number): T[] {
  const read = new Set<string>();
  const others = terms.filter((term) => !term.own);
  const readRarest = (group: readonly T[], budget: number): number => {
    let postings = 0;
    for (const term of [...group].sort((a, b) => df(a) - df(b))) {
      if (df(term) > POSTINGS_PER_TERM || postings + df(term) > budget) break;
      read.add(term.lexeme);
      postings += df(term);
    }
    return postings;
  };
  const ownPostings = readRarest(
    terms.filter((term) => term.own),
    others.length ? OWN_POSTINGS_READ : POSTINGS_READ,
  );
  readRarest(others, POSTINGS_READ - ownPostings);
  return terms.filter((term) => read.has(term.lexeme));
}

/**
 * The query's own terms whose lists the first stage does not read (not in `read`), rarest first,
 * PAIRED_TERMS at most and while their lists hold PAIRED_POSTINGS texts together: the texts holding
 * two of them are read from the index's intersection of their lists.
 */
export function pairedTerms<T extends Pick<SearchTerm, 'lexeme' | 'own'>>(terms: readonly T[], read: readonly T[], df: (term: T) => number): T[] {
  const paired: T[] = [];
  let postings = 0;
  for (const term of terms.filter((t) => t.own && !read.includes(t)).sort((a, b) => df(a) - df(b))) {
    if (paired.length === PAIRED_TERMS || postings + df(term) > PAIRED_POSTINGS) break;
    paired.push(term);
    postings += df(term);
  }
  return paired;
}

/**
 * The list of the texts holding two of the paired terms, `(a & b) | (a & c) | …`, weighted with the
 * two lightest weights: the least such a text holds of them.
 */
function pairsList(paired: readonly SearchTerm[], quotedOf: (term: SearchTerm) => string): { query: string; weight: number } {
  const [lightest, next] = paired.map((t) => t.weight).sort((a, b) => a - b);
  return {
    query: paired.flatMap((a, i) => paired.slice(i + 1).map((b) => `(${quotedOf(a)} & ${quotedOf(b)})`)).join(' | '),
    weight: lightest + next,
  };
}

/**
 * What match() returns from a ranked pool: contradicting and names-only candidates cut, those under
 * `minScore` dropped (a contradicting claim stays when it is as close as a suggested match), best first.
 * The rules only lower a probability, so candidates are judged from the most probable down, and no
 * further once `first` are kept that the next one's probability cannot reach: the rules, the costly
 * part of a pair, are read for a few candidates of the pool rather than for all of them.
 */
export function suggestionsOf(ranked: readonly RankedCandidate[], options: Pick<MatchOptions, 'first' | 'minScore'> = {}): ClaimMatchResult[] {
  const first = options.first ?? 5;
  const kept: Suggestion[] = [];
  const byProbability = [...ranked].sort((a, b) => b.probability - a.probability);
  for (const c of byProbability) {
    const minScore = options.minScore ?? c.threshold;
    if (Math.max(c.probability, roundedScore(c.probability)) < minScore) continue;
    if (kept.length >= first && kept[first - 1].exact > c.probability) break;
    const suggestion = suggestionOf(c);
    if (suggestion.score < minScore && suggestion.related < minScore) continue;
    kept.push(suggestion);
    kept.sort(bySuggestion);
  }
  return kept.slice(0, first).map(({ related: _related, exact: _exact, logit: _logit, ...result }) => result);
}

type Suggestion = ClaimMatchResult & { related: number; exact: number; logit: number };

/** One candidate as offered: its probability cut by what the rules say of it (UNLIKELY_FACTOR, otherStoryFactor). */
function suggestionOf(c: RankedCandidate): Suggestion {
  // Another event or another place is another claim, whatever figure or direction it gives.
  const otherStory = c.evidence.otherStory !== null;
  const contradicts = c.evidence.contradiction !== null && !c.evidence.entitiesOnly && !otherStory;
  const exact = contradicts || c.evidence.entitiesOnly ? c.probability * UNLIKELY_FACTOR : otherStory ? c.probability * otherStoryFactor(c.threshold) : c.probability;
  return {
    claimId: c.claimId,
    related: contradicts ? c.probability : 0,
    exact,
    logit: c.logit,
    score: roundedScore(exact),
    threshold: c.threshold,
    relation: contradicts ? ClaimLinkDecision.CONTRADICTS : ClaimLinkDecision.SAME,
    matchedKind: c.kind,
    matchedKey: c.key,
    matchedLanguage: c.language,
    reasons: c.reasons,
  };
}

function roundedScore(probability: number): number {
  return Math.round(probability * 1000) / 1000;
}

// Near 1 the rounded scores tie (a verbatim copy and a close paraphrase both show 1): the exact
// probability and then the model's logit keep the better one first.
function bySuggestion(a: Suggestion, b: Suggestion): number {
  return b.exact - a.exact || b.related - a.related || b.logit - a.logit || (a.claimId < b.claimId ? -1 : 1);
}

function languageOrNull(language: string): string | null {
  return language === 'und' ? null : language;
}
