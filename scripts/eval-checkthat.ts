/**
 * Scores claim matching on the public CheckThat! claim-retrieval sets:
 *
 *   npm run eval:checkthat -- [DATASETS_DIR] [--without-titles]
 *
 * DATASETS_DIR (default ../shared/datasets) holds the folders described in its README:
 * - English 2020 (task 2) and 2022 (task 2A), full retrieval: every verified claim of that year's
 *   collection is loaded as a claim, each test tweet goes through ClaimMatcherService.match, and
 *   the top 5 are scored with MAP@5 against the test qrels (the official measure), plus R@1, R@5.
 *   The 2021 test (2022 "Dev-Test", 2021 collection) is scored too.
 * - Arabic 2021 (task 2A): only the claims in the BM25 pools have texts, so this is re-ranking: the
 *   matcher re-scores each test tweet's BM25 top 20 (onlyClaimIds); claims without text keep their
 *   BM25 order after the ones scored. MAP@5 of the given BM25 order is printed beside it.
 *
 * Claims are bulk-inserted with SQL into a fresh in-memory PGlite (or a new schema on
 * DATABASE_URL) in batches; the matching index (claim_match_texts, term statistics) is built by the
 * same triggers the API relies on. The statement is the verified claim followed by the fact-check
 * article's title, as in the organisers' BM25 baseline; --without-titles keeps the claim alone.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '@isnad/database/testing/test-database';
import { ClaimMatcherService, averagePrecisionAt, mean, recallAt } from '@isnad/linking';
import { normalizeForSearch } from '@isnad/text';
import { createApp } from '../apps/api/src/bootstrap';

const BATCH = 500;

/** Rows of a TAB-separated file whose fields may be double-quoted (with "" and newlines inside). */
function readTsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === '\t') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim()));
}

function readQrels(path: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  for (const [query, , doc, relevance] of readTsv(path)) {
    if (Number(relevance) > 0) qrels.set(query, (qrels.get(query) ?? new Set()).add(doc));
  }
  return qrels;
}

interface VerifiedClaim {
  id: string;
  text: string;
}

/** Inserts the claims in batches; the triggers index them. Returns external id → claim uuid. */
async function loadClaims(dataSource: DataSource, claims: VerifiedClaim[], language: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let at = 0; at < claims.length; at += BATCH) {
    const batch = claims.slice(at, at + BATCH).filter((c) => normalizeForSearch(c.text));
    const params: string[] = [];
    const values = batch.map((claim, i) => {
      params.push(claim.text, normalizeForSearch(claim.text), language);
      return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`;
    });
    const rows: { id: string }[] = await dataSource.query(
      `INSERT INTO claims (statement, statement_key, language) VALUES ${values.join(', ')} RETURNING id`,
      params,
    );
    rows.forEach((row, i) => ids.set(batch[i].id, row.id));
  }
  return ids;
}

async function withFreshDatabase<T>(work: (dataSource: DataSource, matcher: ClaimMatcherService) => Promise<T>): Promise<T> {
  const database = await createTestDatabase();
  const app: INestApplication = await createApp(
    { port: 0, host: '127.0.0.1', database: database.config, runMigrations: true, bodyLimitBytes: 1e7, schemaFile: null },
    { logger: ['error', 'warn'] },
  );
  try {
    await app.init();
    return await work(app.get(DataSource), app.get(ClaimMatcherService));
  } finally {
    await app.close();
    await database.drop();
  }
}

interface Scores {
  queries: number;
  map5: number;
  r1: number;
  r5: number;
}

/** Full retrieval over a collection: load it, rank each query's top 5, score against the qrels. */
async function fullRetrieval(name: string, claims: VerifiedClaim[], queries: Map<string, string>, qrels: Map<string, Set<string>>): Promise<Scores> {
  return withFreshDatabase(async (dataSource, matcher) => {
    let started = Date.now();
    const ids = await loadClaims(dataSource, claims, 'en');
    const loadSeconds = (Date.now() - started) / 1000;
    const external = new Map([...ids].map(([ext, id]) => [id, ext]));
    const ap: number[] = [];
    const r1: number[] = [];
    const r5: number[] = [];
    started = Date.now();
    for (const [queryId, relevant] of qrels) {
      const text = queries.get(queryId);
      const ranked = text ? (await matcher.match(text, { language: 'en', first: 5, minScore: 0 })).map((m) => external.get(m.claimId) as string) : [];
      ap.push(averagePrecisionAt(5, ranked, relevant));
      r1.push(recallAt(1, ranked, relevant));
      r5.push(recallAt(5, ranked, relevant));
    }
    const perQuery = (Date.now() - started) / Math.max(qrels.size, 1);
    console.log(`  ${name}: ${ids.size} claims loaded in ${loadSeconds.toFixed(1)} s; ${qrels.size} queries, ${perQuery.toFixed(1)} ms each`);
    return { queries: qrels.size, map5: mean(ap), r1: mean(r1), r5: mean(r5) };
  });
}

function print(name: string, scores: Scores, reference: string): void {
  const f = (x: number) => x.toFixed(3);
  console.log(`${name.padEnd(34)} MAP@5 ${f(scores.map5)}  R@1 ${f(scores.r1)}  R@5 ${f(scores.r5)}  (${scores.queries} queries)   ${reference}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const withTitles = !args.includes('--without-titles');
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(__dirname, '..', '..', 'shared', 'datasets'));
  if (!existsSync(dir)) throw new Error(`No datasets folder at ${dir}; give its path as the first argument`);
  const claimText = (claim: string, title: string) => (withTitles && title ? `${claim} ${title}` : claim);
  const results: [string, Scores, string][] = [];

  // English 2020, task 2.
  const en2020 = join(dir, 'clef2020-checkthat-task2-en');
  if (existsSync(en2020)) {
    const claims = readTsv(join(en2020, 'verified_claims.docs.tsv')).slice(1).map(([id, text, title]) => ({ id, text: claimText(text, title) }));
    const queries = new Map(readTsv(join(en2020, 'test', 'tweets.queries.tsv')).slice(1).map(([id, text]) => [id, text]));
    const scores = await fullRetrieval('EN 2020 test', claims, queries, readQrels(join(en2020, 'test', 'tweet-vclaim-pairs.qrels')));
    results.push(['EN 2020 task 2, test', scores, 'published: best 0.929 (Buster.ai, unverified), UNIPI-NLE 0.91; BM25 0.852 (dataset README)']);
  }

  // English 2021 and 2022, task 2A.
  const en2022 = join(dir, 'clef2022-checkthat-task2a-en');
  if (existsSync(en2022)) {
    const claims2022 = readFileSync(join(en2022, 'CT2022-Task2A-EN-vclaims.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { vclaim_id: string; vclaim: string; title: string })
      .map((c) => ({ id: c.vclaim_id, text: claimText(c.vclaim, c.title) }));
    const queries2022 = new Map(readTsv(join(en2022, 'CT2022-Task2A-EN-Test_Queries.tsv')).map(([id, text]) => [id, text]));
    const scores2022 = await fullRetrieval('EN 2022 test', claims2022, queries2022, readQrels(join(en2022, 'CT2022-Task2A-EN-Test_Qrels_gold.tsv')));
    results.push(['EN 2022 task 2A, test', scores2022, 'published: best ~0.95 (RIET Lab, unverified); SimBa 0.926; BM25 0.860 (dataset README)']);

    const claims2021 = readTsv(join(en2022, 'CT2021-Task2A-EN-Verified_Claims.tsv')).slice(1).map(([id, text, title]) => ({ id, text: claimText(text, title) }));
    const queries2021 = new Map(readTsv(join(en2022, 'CT2022-Task2A-EN-Dev-Test_Queries.tsv')).slice(1).map(([id, text]) => [id, text]));
    const scores2021 = await fullRetrieval('EN 2021 test', claims2021, queries2021, readQrels(join(en2022, 'CT2022-Task2A-EN-Dev-Test_QRELs.tsv')));
    results.push(['EN 2021 task 2A, test', scores2021, 'published: best 0.883 (Aschern, unverified); SimBa 0.945; BM25 0.825 (dataset README)']);
  }

  // Arabic 2021, task 2A: re-ranking the BM25 top 20.
  const ar2021 = join(dir, 'clef2021-checkthat-task2a-ar');
  if (existsSync(ar2021)) {
    const claims = readTsv(join(ar2021, 'vclaims_partial.tsv')).slice(1).map(([id, text, title]) => ({ id, text: claimText(text, title) }));
    const queries = new Map(readTsv(join(ar2021, 'CT2021-Task2A-AR-Test_Queries.tsv')).slice(1).map(([id, text]) => [id, text]));
    const qrels = readQrels(join(ar2021, 'CT2021-Task2A-AR-Test_QRELs.tsv'));
    const pools = new Map<string, { id: string; rank: number }[]>();
    for (const [tweet, vclaim, rank] of readTsv(join(ar2021, 'bm25_candidates_test_top20.tsv')).slice(1)) {
      pools.set(tweet, [...(pools.get(tweet) ?? []), { id: vclaim, rank: Number(rank) }]);
    }
    const [reranked, bm25] = await withFreshDatabase(async (dataSource, matcher) => {
      const started = Date.now();
      const ids = await loadClaims(dataSource, claims, 'ar');
      console.log(`  AR 2021 test: ${ids.size} claims loaded in ${((Date.now() - started) / 1000).toFixed(1)} s; ${qrels.size} queries`);
      const external = new Map([...ids].map(([ext, id]) => [id, ext]));
      const ours: Scores[] = [];
      const theirs: Scores[] = [];
      for (const [queryId, relevant] of qrels) {
        const pool = (pools.get(queryId) ?? []).sort((a, b) => a.rank - b.rank);
        const bm25Order = pool.map((c) => c.id);
        const known = pool.flatMap((c) => ids.get(c.id) ?? []);
        const text = queries.get(queryId) ?? '';
        const scored = known.length && normalizeForSearch(text)
          ? (await matcher.match(text, { language: 'ar', first: known.length, minScore: 0, onlyClaimIds: known })).map(
              (m) => external.get(m.claimId) as string,
            )
          : [];
        const order = [...scored, ...bm25Order.filter((id) => !scored.includes(id))];
        const score = (ranked: string[]): Scores => ({
          queries: 1,
          map5: averagePrecisionAt(5, ranked, relevant),
          r1: recallAt(1, ranked, relevant),
          r5: recallAt(5, ranked, relevant),
        });
        ours.push(score(order));
        theirs.push(score(bm25Order));
      }
      const average = (list: Scores[]): Scores => ({
        queries: list.length,
        map5: mean(list.map((s) => s.map5)),
        r1: mean(list.map((s) => s.r1)),
        r5: mean(list.map((s) => s.r5)),
      });
      return [average(ours), average(theirs)];
    });
    results.push(['AR 2021 task 2A, BM25 top-20 re-ranked', reranked, 'published: best 0.908 (bigIR, unverified)']);
    results.push(['AR 2021 task 2A, given BM25 order', bm25, "Mansour et al.'s BM25 run: 0.893 (dataset README)"]);
  }

  console.log(`\nCheckThat! claim retrieval (${dir})${withTitles ? ', claims with their titles' : ', claims without titles'}`);
  for (const [name, scores, reference] of results) print(name, scores, reference);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
