/**
 * The part of a claimMatches query spent in Node on its pool, without a database:
 *
 *   npm run bench:linking-rules -- [QUERIES] [POOL] [CORPUS]
 *
 * Generates CORPUS claim texts (default 50,000; bench:linking's generator), then for each of
 * QUERIES queries (default 200, after 20 warm-up ones; half edited copies of a stored text, half new
 * text) reads a pool of POOL texts (default 100, as the matcher keeps after BM25) drawn from the
 * corpus, as ClaimMatcherService ranks one: the pair evidence of each text (match-features.ts
 * pairEvidence: BM25 and the wording features, the hard-negative rules of claim-predicates,
 * claim-circumstances, claim-roles, event-verbs and figure-counts, the places of cross-language.ts)
 * and the pool features. Prints the median and 95th percentile of a pool's time, and of the CPU
 * time the process spent on it (which other processes on the machine do not lengthen), twice: with
 * the rules read for every text of the pool (as before task 12ae), and as claimMatches reads them
 * now, for the candidates it may offer (suggestionsOf): here the JUDGED (default 10) best by BM25,
 * a top 10 asked from score 0; a default request judges only those above the threshold, fewer.
 * The new way runs first: the texts the rules remember from it can only speed the old way up. The query's terms
 * are its words (not PostgreSQL's lexemes), so BM25 is approximate; the rules read the same search
 * keys as in the matcher. A large corpus keeps texts from recurring across pools, as in a large
 * collection (the rules remember what they read of a text).
 *
 *   npm run bench:linking-rules -- --ranked [QUERIES] [CORPUS]
 *   npm run bench:linking-rules -- --ranked=dev [QUERIES]
 *
 * times instead the whole part of a claimMatches query that runs in Node (ClaimMatcherService
 * ranked() and match()), for a top 10 asked from score 0: preparing the query (its search key,
 * language, names, translations, the words that may be names, queryTextOf), the BM25 cut of a pool
 * of 200 texts to 100 (bestByBm25), the pair measures, pool features and model (rankedPool), and
 * suggestionsOf with the rules for the candidates it may offer. The query's lexemes are its
 * words, and no name is spelt in another script (both come from PostgreSQL). With `--ranked`, the
 * generated texts (most read afresh, as in a large collection); with `--ranked=dev`, the queries
 * and claims of the nine dev sets of eval/linking (real wording in three languages, whose places,
 * figures and names the rules read; a few hundred claims, so their readings come back). With
 * READ_TWICE=1 each query is run once untimed before it is timed, so that every reading the
 * matcher remembers of its texts (figures, places, speakers, roles...) is there: what is left is
 * the floor if those readings were stored with the text when it is indexed.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { CandidateRow, bestByBm25, nameWordsOf, queryTextOf, rankedPool, suggestionsOf } from '@isnad/linking/claim-matcher.service';
import { ClaimTextKind } from '@isnad/linking/claim-match-text.entity';
import { CrossLanguageLexicon } from '@isnad/linking/cross-language';
import { CollectionStats, QueryText, handlesIn, pairEvidence, pairMeasures, pairRules, poolFeatures } from '@isnad/linking/match-features';
import { capitalisedNames, trigramSimilarity } from '@isnad/linking/match-scoring';
import { detectLanguage, hashtagWords, normalizeForSearch } from '@isnad/text';
import { claimText, editedCopy, rand } from './support/synthetic-claims';

const WARM_UP = 20;
const JUDGED = Number(process.env.JUDGED ?? 10);

/** A search key's words and how often each occurs (a stand-in for its lexemes). */
function termsOf(key: string): Map<string, number> {
  const terms = new Map<string, number>();
  for (const word of key.split(' ')) terms.set(word, (terms.get(word) ?? 0) + 1);
  return terms;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A query's time and the CPU time the process spent on it (which other processes on the machine do not lengthen), after the warm-up ones. */
class Timings {
  private readonly times: number[] = [];
  private readonly cpu: number[] = [];

  time<T>(query: number, f: () => T): T {
    const started = process.hrtime.bigint();
    const startedCpu = process.cpuUsage();
    const result = f();
    if (query >= WARM_UP) {
      this.times.push(Number(process.hrtime.bigint() - started) / 1e6);
      const used = process.cpuUsage(startedCpu);
      this.cpu.push((used.user + used.system) / 1e3);
    }
    return result;
  }

  summary(): string {
    const [times, cpu] = [this.times, this.cpu].map((values) => [...values].sort((a, b) => a - b));
    return (
      `median ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms; ` +
      `CPU time (steadier on a busy machine) median ${percentile(cpu, 50).toFixed(1)} ms  p95 ${percentile(cpu, 95).toFixed(1)} ms`
    );
  }
}

function main(): void {
  const ranked = process.argv.find((a) => a.startsWith('--ranked'));
  if (ranked) return rankedPath(ranked === '--ranked=dev', process.argv.filter((a) => !a.startsWith('--')).slice(2).map(Number));
  const [queries, poolSize, corpusSize] = [Number(process.argv[2] ?? 200), Number(process.argv[3] ?? 100), Number(process.argv[4] ?? 50_000)];
  const lexicon = new CrossLanguageLexicon();
  const corpus = Array.from({ length: corpusSize }, () => normalizeForSearch(claimText().text));
  const df = new Map<string, number>();
  for (const key of corpus) for (const word of new Set(key.split(' '))) df.set(word, (df.get(word) ?? 0) + 1);
  const stats: CollectionStats = { df, total: corpus.length, averageLength: 15 };
  for (const allJudged of [false, true]) {
    const timings = new Timings();
    for (let q = 0; q < queries + WARM_UP; q++) {
      const source = corpus[Math.floor(rand() * corpus.length)];
      const text = q % 2 ? claimText().text : editedCopy(source);
      const pool = [...(q % 2 ? [] : [source]), ...Array.from({ length: poolSize }, () => corpus[Math.floor(rand() * corpus.length)])].slice(0, poolSize);
      timings.time(q, () => {
        const key = normalizeForSearch(text);
        const query: QueryText = {
          key,
          names: capitalisedNames(text).map(normalizeForSearch),
          entityWords: lexicon.placeWords(key),
          placesIn: lexicon.placesIn,
          variants: [{ language: null, key, translated: false, terms: termsOf(key) }],
          nameSpellings: new Map(),
        };
        const handles = handlesIn(text);
        const texts = pool.map((candidate) => ({ key: candidate, terms: termsOf(candidate), trigram: 0 }));
        if (allJudged) poolFeatures(texts.map((candidate) => pairEvidence(query, handles, candidate, stats)));
        else {
          const measures = texts.map((candidate) => pairMeasures(query, handles, candidate, stats));
          poolFeatures(measures);
          [...measures.keys()]
            .sort((a, b) => measures[b].bm25 - measures[a].bm25)
            .slice(0, JUDGED)
            .forEach((i) => pairRules(query, texts[i], measures[i]));
        }
      });
    }
    console.log(
      `pool of ${poolSize} texts from ${corpusSize} (${queries} queries: half edited copies, half new text), rules read ${allJudged ? 'for every text' : `for the ${JUDGED} best`}: ` +
        timings.summary(),
    );
  }
}

const DEV_SETS = ['contradictions', 'negatives', 'roles', 'negatives2', 'negatives3', 'negatives4', 'negatives5', 'negatives6', 'names'];
const RANKED_POOL_READ = 200;

/** The queries and claim texts of the nine dev sets of eval/linking. */
function devTexts(): { queries: string[]; claims: string[] } {
  type DevSet = { claims: { appearances: { text: string }[] }[]; queries: { text: string }[] };
  const sets = DEV_SETS.map((name) => JSON.parse(readFileSync(`eval/linking/${name}-dev.json`, 'utf8')) as DevSet);
  return { queries: sets.flatMap((s) => s.queries.map((q) => q.text)), claims: [...new Set(sets.flatMap((s) => s.claims.flatMap((c) => c.appearances.map((a) => a.text))))] };
}

/** The Node part of claimMatches (see the header): median and p95 of a query's time and CPU time. */
function rankedPath(dev: boolean, [queryCount = 200, corpusSize = 50_000]: number[]): void {
  const lexicon = new CrossLanguageLexicon();
  const texts = dev ? devTexts() : { queries: [], claims: Array.from({ length: corpusSize }, () => claimText().text) };
  const corpus = texts.claims.map((text) => normalizeForSearch(text));
  const df = new Map<string, number>();
  for (const key of corpus) for (const word of new Set(key.split(' '))) df.set(word, (df.get(word) ?? 0) + 1);
  const stats: CollectionStats = { df, total: corpus.length, averageLength: 15 };
  // What PostgreSQL returns of a text: its lexemes and their frequencies (here its words).
  const rows = corpus.map((key, i): Omit<CandidateRow, 'trigram'> => {
    const terms = termsOf(key);
    return { id: `t${i}`, claim_id: `c${i}`, kind: ClaimTextKind.STATEMENT, language: dev ? detectLanguage(texts.claims[i]) : /\p{Script=Arabic}/u.test(key) ? 'ar' : 'en', key, lexemes: [...terms.keys()], tfs: [...terms.values()] };
  });
  const timings = new Timings();
  let offered = 0;
  for (let q = 0; q < queryCount + WARM_UP; q++) {
    const source = Math.floor(rand() * corpus.length);
    const text = dev ? texts.queries[q % texts.queries.length] : q % 2 ? claimText().text : editedCopy(corpus[source]);
    const drawn = [...(dev || q % 2 ? [] : [source]), ...Array.from({ length: RANKED_POOL_READ }, () => Math.floor(rand() * corpus.length))].slice(0, RANKED_POOL_READ);
    // pg_trgm's similarity comes with the rows from PostgreSQL: computed before the clock starts.
    const queryKey = normalizeForSearch([text, ...hashtagWords(text)].join(' '));
    const read = drawn.map((i): CandidateRow => ({ ...rows[i], trigram: trigramSimilarity(queryKey, rows[i].key) }));
    if (process.env.READ_TWICE) offered += nodePath(lexicon, text, read.map((row) => ({ ...row })), stats);
    offered += timings.time(q, () => nodePath(lexicon, text, read, stats));
  }
  const twice = process.env.READ_TWICE ? 2 : 1;
  console.log(
    `claimMatches in Node, top 10 from score 0, pools of ${RANKED_POOL_READ} → 100 texts from ${corpus.length} ${dev ? 'dev-set claims' : 'generated texts'}` +
      `${twice > 1 ? ', each query run twice (timed the second time)' : ''} (${queryCount} queries, ${(offered / (queryCount + WARM_UP) / twice).toFixed(1)} offered each): ` +
      timings.summary(),
  );
}

/** One query through the Node part of claimMatches (as ClaimMatcherService.ranked() and match(), the statements to PostgreSQL aside): how many it offers. */
function nodePath(lexicon: CrossLanguageLexicon, text: string, read: CandidateRow[], stats: CollectionStats): number {
  const key = normalizeForSearch([text, ...hashtagWords(text)].join(' '));
  const detected = detectLanguage(text);
  const language = detected === 'und' ? null : detected;
  const names = capitalisedNames(text).map(normalizeForSearch);
  const variants = [{ language, key, translated: false }, ...lexicon.translations(key, language).map((t) => ({ ...t, translated: true }))];
  nameWordsOf(lexicon, text, key, language);
  lexicon.dictionaryWords(key, language);
  const termRows = variants.flatMap((v, n) => [...termsOf(v.key)].map(([lexeme, tf]) => ({ n: n + 1, lexeme, tf })));
  const query = queryTextOf(lexicon, text, key, language, names, variants, termRows, []);
  const pool = bestByBm25(query, read, stats, 100);
  return suggestionsOf(rankedPool(text, query, pool, stats, language, null), { first: 10, minScore: 0 }).length;
}

main();
