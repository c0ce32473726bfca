/**
 * Scores claim matching on the public CheckThat! claim-retrieval sets:
 *
 *   npm run eval:checkthat -- [DATASETS_DIR] [--without-titles] [--split dev|test] [--verbose]
 *
 * DATASETS_DIR (default ../shared/datasets) holds the folders described in its README:
 * - English 2020 (task 2) and 2022 (task 2A), full retrieval: every verified claim of that year's
 *   collection is loaded as a claim, each test tweet goes through ClaimMatcherService.match, and
 *   the top 5 are scored with MAP@5 against the test qrels (the official measure), plus R@1, R@5.
 *   The 2021 test (2022 "Dev-Test", 2021 collection) is scored too.
 * - Arabic 2021 (task 2A): only the claims in the BM25 pools have texts, so this is re-ranking: the
 *   matcher re-scores each test tweet's BM25 top 20 (onlyClaimIds); claims without text keep their
 *   BM25 order after the ones scored. MAP@5 of the given BM25 order is printed beside it, and the
 *   pool's recall (the share of the relevant claims in it: the ceiling of any re-ranking). On dev,
 *   whose pools hold the BM25 top 50, a second row re-ranks each pool's top 20 only, the pool size
 *   of the test split.
 *
 * Claims are bulk-inserted with SQL into a fresh in-memory PGlite (or a new schema on
 * DATABASE_URL) in batches; the matching index (claim_match_texts, term statistics) is built by the
 * same triggers the API relies on. The statement is the verified claim followed by the fact-check
 * article's title, as in the organisers' BM25 baseline (and, in the 2022 collection, its subtitle:
 * the plain BM25 row stays on claim + title, a "+ subtitle" row beside it reads the matcher's
 * texts); --without-titles keeps the claim alone.
 *
 * --split dev scores the dev splits instead (EN 2020, EN 2022, EN 2021: the 2022 dev queries over
 * the 2021 collection, and AR 2021, whose BM25 pools there hold 50 claims): what the matcher is
 * tuned on, so test stays held out. Each set also gets a line
 * with the pool recall: the share of its relevant claims in the matcher's whole candidate pool,
 * the ceiling of any re-ranking of that pool. --sentence-vectors FILE matches English with the
 * shipped sentence encoder (SENTENCE_ENCODER=local), the claims' vectors read from that cache of
 * scripts/sentence-vectors.ts (embedded there on first use). --sets AR (or "EN 2020,EN 2022", ...) scores
 * only the sets whose names begin so. --verbose prints, for every English query, where its
 * relevant claims stand in the pool.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { averagePrecisionAt, mean, recallAt, suggestionsOf } from '@isnad/linking';
import { normalizeForSearch } from '@isnad/text';
import { CheckThatSplit, PlainBm25, VerifiedClaim, arabicReranking, englishCollections, loadClaims, withFreshDatabase } from './checkthat-data';

interface Scores {
  queries: number;
  map5: number;
  r1: number;
  r5: number;
  /** Share of the relevant claims anywhere in the candidate pool (the matcher's rows only). */
  poolRecall?: number;
  poolSize?: number;
}

/** Full retrieval over a collection: load it, rank each query's top 5, score against the qrels. */
async function fullRetrieval(name: string, claims: VerifiedClaim[], { queries, qrels }: CheckThatSplit, verbose: boolean, sentenceVectors?: string): Promise<Scores> {
  return withFreshDatabase(async (dataSource, matcher, statistics, prefill) => {
    let started = Date.now();
    const ids = await loadClaims(dataSource, claims, 'en', statistics);
    await prefill();
    const loadSeconds = (Date.now() - started) / 1000;
    const external = new Map([...ids].map(([ext, id]) => [id, ext]));
    const ap: number[] = [];
    const r1: number[] = [];
    const r5: number[] = [];
    const pool: number[] = [];
    const poolSize: number[] = [];
    started = Date.now();
    for (const [queryId, relevant] of qrels) {
      const text = queries.get(queryId);
      const candidates = text && normalizeForSearch(text) ? await matcher.rank(text, { language: 'en' }) : [];
      const ranked = suggestionsOf(candidates, { first: 5, minScore: 0 }).map((m) => external.get(m.claimId) as string);
      ap.push(averagePrecisionAt(5, ranked, relevant));
      r1.push(recallAt(1, ranked, relevant));
      r5.push(recallAt(5, ranked, relevant));
      pool.push(recallAt(candidates.length, candidates.map((c) => external.get(c.claimId) as string), relevant));
      poolSize.push(candidates.length);
      if (verbose) {
        const at = (id: string) => candidates.findIndex((c) => external.get(c.claimId) === id);
        // What the rules say of a relevant claim the pool holds (a contradiction or another story cuts it in suggestionsOf).
        const cuts = [...relevant].flatMap((id) => {
          const c = candidates[at(id)];
          const rule = c && (c.evidence.contradiction ?? c.evidence.otherStory);
          return rule ? [`${id} ${rule.kind} ${JSON.stringify(rule.values)}`] : c?.evidence.entitiesOnly ? [`${id} names only`] : [];
        });
        console.log(`    ${queryId}: relevant at ${[...relevant].map((id) => at(id) + 1 || '-').join(',')} of ${candidates.length}; AP@5 ${ap[ap.length - 1].toFixed(2)}${cuts.length ? `; cut: ${cuts.join('; ')}` : ''}`);
      }
    }
    const perQuery = (Date.now() - started) / Math.max(qrels.size, 1);
    console.log(`  ${name}: ${ids.size} claims loaded in ${loadSeconds.toFixed(1)} s; ${qrels.size} queries, ${perQuery.toFixed(1)} ms each`);
    return { queries: qrels.size, map5: mean(ap), r1: mean(r1), r5: mean(r5), poolRecall: mean(pool), poolSize: mean(poolSize) };
  }, sentenceVectors);
}

function print(name: string, scores: Scores, reference: string): void {
  const f = (x: number) => x.toFixed(3);
  console.log(`${name.padEnd(34)} MAP@5 ${f(scores.map5)}  R@1 ${f(scores.r1)}  R@5 ${f(scores.r5)}  (${scores.queries} queries)   ${reference}`);
  if (scores.poolRecall !== undefined) {
    console.log(`${`${name}, candidate pool`.padEnd(34)} recall ${f(scores.poolRecall)}  (${(scores.poolSize ?? 0).toFixed(1)} claims on average)`);
  }
}

/** The plain BM25 reference row of a split. */
function plainBm25(claims: VerifiedClaim[], { queries, qrels }: CheckThatSplit): Scores {
  const bm25 = new PlainBm25(claims);
  const ranked = [...qrels].map(([id, relevant]) => [bm25.rank(queries.get(id) ?? '', 5), relevant] as const);
  return {
    queries: qrels.size,
    map5: mean(ranked.map(([r, relevant]) => averagePrecisionAt(5, r, relevant))),
    r1: mean(ranked.map(([r, relevant]) => recallAt(1, r, relevant))),
    r5: mean(ranked.map(([r, relevant]) => recallAt(5, r, relevant))),
  };
}

const PUBLISHED: Record<string, [string, string]> = {
  'EN 2020': ['EN 2020 task 2, test', 'published: best 0.929 (Buster.ai, unverified), UNIPI-NLE 0.91; BM25 0.852 (dataset README)'],
  'EN 2022': ['EN 2022 task 2A, test', 'published: best ~0.95 (RIET Lab, unverified); SimBa 0.926; BM25 0.860 (dataset README)'],
  'EN 2021': ['EN 2021 task 2A, test', 'published: best 0.883 (Aschern, unverified); SimBa 0.945; BM25 0.825 (dataset README)'],
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const withTitles = !args.includes('--without-titles');
  const splitName = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'test';
  if (splitName !== 'dev' && splitName !== 'test') throw new Error(`--split is dev or test, not ${splitName}`);
  const sentenceVectors = args.includes('--sentence-vectors') ? args[args.indexOf('--sentence-vectors') + 1] : undefined;
  const only = args.includes('--sets') ? args[args.indexOf('--sets') + 1].split(',').map((s) => s.trim()) : null;
  const chosen = (name: string) => !only || only.some((prefix) => name.startsWith(prefix));
  const positional = args.filter((a, i) => !a.startsWith('--') && !['--split', '--sentence-vectors', '--sets'].includes(args[i - 1]));
  const dir = resolve(positional[0] ?? join(__dirname, '..', '..', 'shared', 'datasets'));
  if (!existsSync(dir)) throw new Error(`No datasets folder at ${dir}; give its path as the first argument`);
  const results: [string, Scores, string][] = [];

  // English 2020 (task 2), 2022 and 2021 (task 2A): full retrieval over that year's collection.
  for (const collection of englishCollections(dir, withTitles)) {
    const test = collection.splits[splitName];
    if (!test || !chosen(collection.name)) continue;
    const scores = await fullRetrieval(`${collection.name} ${splitName}`, collection.claims, test, args.includes('--verbose'), sentenceVectors);
    const [testName, reference] = PUBLISHED[collection.name];
    const name = testName.replace(/test$/, splitName);
    results.push([name, scores, splitName === 'test' ? reference : '']);
    results.push([`${name}, plain BM25`, plainBm25(collection.baselineClaims ?? collection.claims, test), 'lower-cased \\w+ words, k1 1.2, b 0.75, claim + title']);
    if (collection.baselineClaims) {
      results.push([`${name}, plain BM25 + subtitle`, plainBm25(collection.claims, test), 'the same over the texts the matcher indexes (claim + title + subtitle)']);
    }
  }

  // Arabic 2021, task 2A: re-ranking the BM25 top 20.
  const arabic = chosen('AR 2021') ? arabicReranking(dir, withTitles) : null;
  const arabicTest = arabic?.splits[splitName];
  if (arabic && arabicTest) {
    const { claims } = arabic;
    const { queries, qrels, pools } = arabicTest;
    const [reranked, bm25, devTop20] = await withFreshDatabase(async (dataSource, matcher, statistics) => {
      const started = Date.now();
      const ids = await loadClaims(dataSource, claims, 'ar', statistics);
      console.log(`  AR 2021 ${splitName}: ${ids.size} claims loaded in ${((Date.now() - started) / 1000).toFixed(1)} s; ${qrels.size} queries`);
      const external = new Map([...ids].map(([ext, id]) => [id, ext]));
      const ours: Scores[] = [];
      const theirs: Scores[] = [];
      // Dev pools hold the BM25 top 50, test pools its top 20: dev is also re-ranked on its top 20,
      // so that a change is judged on dev under the pool size it will meet on test.
      const oursTop20: Scores[] = [];
      const rerank = async (text: string, pool: { id: string }[]): Promise<string[]> => {
        const bm25Order = pool.map((c) => c.id);
        const known = pool.flatMap((c) => ids.get(c.id) ?? []);
        const scored = known.length && normalizeForSearch(text)
          ? (await matcher.match(text, { language: 'ar', first: known.length, minScore: 0, onlyClaimIds: known })).map(
              (m) => external.get(m.claimId) as string,
            )
          : [];
        return [...scored, ...bm25Order.filter((id) => !scored.includes(id))];
      };
      for (const [queryId, relevant] of qrels) {
        const pool = pools.get(queryId) ?? [];
        const bm25Order = pool.map((c) => c.id);
        const text = queries.get(queryId) ?? '';
        const score = (ranked: string[]): Scores => ({
          queries: 1,
          map5: averagePrecisionAt(5, ranked, relevant),
          r1: recallAt(1, ranked, relevant),
          r5: recallAt(5, ranked, relevant),
          poolRecall: recallAt(ranked.length, ranked, relevant),
          poolSize: ranked.length,
        });
        ours.push(score(await rerank(text, pool)));
        theirs.push(score(bm25Order));
        if (splitName === 'dev') oursTop20.push(score(await rerank(text, pool.slice(0, 20))));
      }
      const average = (list: Scores[]): Scores => ({
        queries: list.length,
        map5: mean(list.map((s) => s.map5)),
        r1: mean(list.map((s) => s.r1)),
        r5: mean(list.map((s) => s.r5)),
        poolRecall: mean(list.map((s) => s.poolRecall ?? 0)),
        poolSize: mean(list.map((s) => s.poolSize ?? 0)),
      });
      return [average(ours), average(theirs), oursTop20.length ? average(oursTop20) : null];
    });
    const top = splitName === 'test' ? 'top-20' : 'dev top-50';
    results.push([`AR 2021 task 2A, BM25 ${top} re-ranked`, reranked, splitName === 'test' ? 'published: best 0.908 (bigIR, unverified)' : '']);
    results.push([`AR 2021 task 2A, given BM25 order${splitName === 'test' ? '' : ' (dev)'}`, { ...bm25, poolRecall: undefined }, splitName === 'test' ? "Mansour et al.'s BM25 run: 0.893 (dataset README)" : '']);
    if (devTop20) results.push(['AR 2021 task 2A, BM25 dev top-20 re-ranked', devTop20, 'the pool size of the test split']);
  }

  console.log(`\nCheckThat! claim retrieval (${dir})${withTitles ? ', claims with their titles' : ', claims without titles'}${splitName === 'dev' ? ', dev splits' : ''}`);
  for (const [name, scores, reference] of results) print(name, scores, reference);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
