/**
 * Claim-matching latency as the number of claims grows, on PostgreSQL:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:linking -- [SIZES] [QUERIES]
 *
 * SIZES is a comma-separated list of claim counts (default 10000,100000,1000000); QUERIES the
 * queries timed at each size (default 200, after 20 warm-up ones). The bench makes a schema of its
 * own (dropped at the end), runs the migrations, and bulk-inserts generated claims with SQL in
 * batches (half Arabic, half English: words drawn from a Zipf distribution over a large generated
 * vocabulary, names and places, numbers). The matching table gets the rows the claims trigger
 * writes in production, in the same order, but for speed written set-wise: per batch, one statement
 * on a second connection writes the texts of the claims just inserted (and queues their
 * embeddings) while the next batch is generated and inserted, the per-row triggers being off during
 * the load. The search indexes (the claims' trigram index too) are dropped during each load and
 * built after, all at once, and term statistics are recounted in one statement (the per-row
 * counting trigger is off during the load too); the table is then vacuumed and a checkpoint taken, so that the timings are those of a
 * collection in use, not of one whose freshly loaded rows are still being written back (their
 * first reads set hint bits). Half the queries are edited copies of stored claims, half new text; each goes through
 * ClaimMatcherService.match (first 10, as claimMatches asks by default), and the median and 95th
 * percentile are printed per size (and over the Arabic and the English queries apart: only Arabic ones
 * meet the Arabic model), with the sizes of the matching table and its indexes, and those of the
 * CPU time the bench's process spent on a query (the part in Node, which the machine's other work
 * does not lengthen as it does the wall-clock time).
 * Only a loopback server is accepted, so the bench never loads someone else's database. The
 * matcher runs as `npm start` runs the API: its V8 flag (package.json) and its environment
 * (scripts/as-started.cjs: NODE_ENV=production, malloc settings).
 *
 * With --sentences the application runs with the shipped sentence encoder (SENTENCE_ENCODER=local),
 * and every English claim text gets a synthetic 512-dimensional vector (random, inserted with SQL:
 * the real encoder makes about 100 a second), so that English pools are scored with the sentence
 * model as they are once the embedding worker has caught up. Each query is then matched twice,
 * alternately in the local mode and lexically (a ClaimMatcherService without encoder, first in
 * every other pair) with the query's language given, and both modes' median and p95 are printed,
 * over all queries and over the English ones (only those are encoded): the extra cost of the mode
 * is encoding the query, reading the pool's vectors by id and scoring three more features. The
 * vectors' HNSW index is not built (this mode never searches it). A last row times English queries
 * that are stored claim texts as they are (as claim-link suggestions match an appearance's text):
 * their vectors are read from the index instead of encoded.
 *
 * Loading a million claims takes some three minutes on a quiet machine; to time several tries on one collection:
 *
 *   DATABASE_URL=… npm run bench:linking -- 1000000 200 --keep     # loads, times, and keeps the schema
 *   DATABASE_URL=… npm run bench:linking -- 1000000 200 --reuse    # times the kept collection, no load
 *
 * --keep loads into the schema KEPT_SCHEMA (replacing one left there) and leaves it, with the texts
 * the edited copies are made from (table bench_sample); --reuse times that collection as it is (one
 * size, the one loaded; it is left in place too). Drop it with `DROP SCHEMA isnad_bench_linking
 * CASCADE`, or drop the database. Reused runs draw the same queries as each other (not as the run
 * that loaded, whose random sequence the load advanced), so runs before and after a change compare.
 *
 * BENCH_PROFILE=1 times the SQL statements apart (median and p95 per statement); with it,
 * BENCH_BUFFERS=1 runs each timed statement again under EXPLAIN (ANALYZE, BUFFERS) and prints the
 * pages it touched (a count the machine's load does not move), and BENCH_EXPLAIN_SLOWEST=n prints
 * the plans of the n slowest statements.
 */
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseConfigFromEnv } from '@isnad/database';
import { createTestDatabase, TestDatabase } from '@isnad/database/testing/test-database';
import { ARABIC_SUGGESTION_THRESHOLD, ClaimMatcherService, CrossLanguageLexicon, EMBEDDING_ENCODER, EmbeddingEncoder, MatchStatisticsService, SENTENCE_SUGGESTION_THRESHOLD } from '@isnad/linking';
import { LOCAL_SENTENCE_MODEL } from '@isnad/linking/local-sentence-encoder';
import { normalizeForSearch } from '@isnad/text';
import { createApp } from '../apps/api/src/bootstrap';
import { claimText, editedCopy, rand } from './support/synthetic-claims';

const BATCH = 5000;
const WARM_UP = 20;
// The schema --keep leaves and --reuse reads.
const KEPT_SCHEMA = 'isnad_bench_linking';

/**
 * The bench's database: a fresh schema dropped at the end, or with --keep the kept schema made
 * anew, or with --reuse the kept one as it is; both of those are left in place.
 */
async function benchDatabase(keep: boolean, reuse: boolean): Promise<TestDatabase> {
  if (!keep && !reuse) return createTestDatabase();
  const base = databaseConfigFromEnv({ DATABASE_URL: process.env.DATABASE_URL, ISNAD_DATA_DIR: 'memory://' });
  if (base.kind !== 'postgres') throw new Error('--keep and --reuse need a PostgreSQL DATABASE_URL');
  const client = new Client({ connectionString: base.url });
  await client.connect();
  try {
    if (reuse) {
      const [found] = (await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [KEPT_SCHEMA])).rows;
      if (!found) throw new Error(`--reuse found no schema ${KEPT_SCHEMA}: run once with --keep`);
    } else {
      await client.query(`DROP SCHEMA IF EXISTS ${KEPT_SCHEMA} CASCADE`);
      await client.query(`CREATE SCHEMA ${KEPT_SCHEMA}`);
    }
  } finally {
    await client.end();
  }
  return { config: { ...base, schema: KEPT_SCHEMA }, drop: async () => undefined };
}

/** The kept collection's size and the texts the edited copies are made from (--reuse). */
async function keptCollection(dataSource: DataSource): Promise<{ size: number; sample: string[] }> {
  const [{ size }] = await dataSource.query(`SELECT count(*)::int AS size FROM claims`);
  const sample: { text: string }[] = await dataSource.query(`SELECT text FROM bench_sample ORDER BY n`);
  return { size, sample: sample.map((s) => s.text) };
}

/** Keeps the sample beside the collection, for a later --reuse. */
async function keepSample(dataSource: DataSource, sample: string[]): Promise<void> {
  await dataSource.query(`DROP TABLE IF EXISTS bench_sample`);
  await dataSource.query(`CREATE TABLE bench_sample (n int PRIMARY KEY, text text NOT NULL)`);
  await dataSource.query(`INSERT INTO bench_sample SELECT * FROM unnest($1::int[], $2::text[])`, [sample.map((_, i) => i), sample]);
}

/** One batch of generated claims, in the order they are inserted. */
interface ClaimBatch {
  statements: string[];
  keys: string[];
  languages: string[];
}

/** The next `size` generated claims (drawing the sample as it goes, as every load has). */
function generateBatch(size: number, sample: string[]): ClaimBatch {
  const batch: ClaimBatch = { statements: [], keys: [], languages: [] };
  for (let i = 0; i < size; i++) {
    const { text, language } = claimText();
    batch.statements.push(text);
    batch.keys.push(normalizeForSearch(text));
    batch.languages.push(language);
    if (sample.length < 10_000 && rand() < 0.01) sample.push(text);
  }
  return batch;
}

/**
 * Loads `count` generated claims; returns the seconds taken. The rows are those the triggers would
 * write, in the same order, but the per-row work is done set-wise: the claims trigger that writes
 * the statement's matching text (and the one that queues its embedding) is off during the load, and
 * each batch's texts are written by one statement on a second connection, from the claims the batch
 * inserted, in their order, while the next batch is generated and inserted. The search indexes (the
 * claims' trigram index too) are dropped during the load and built after; term statistics are
 * counted in one statement. Where the time went is printed.
 */
/**
 * The sources (md5) of the per-row trigger functions whose INSERT the load does set-wise
 * (`indexTexts` below): a migration that changes either must change the load too, or the bench
 * would time a collection production no longer builds.
 */
const MIRRORED_TRIGGERS: Record<string, string> = {
  linking_index_claim: '44406757cdb5c01ce789183372497fc2',
  linking_queue_embedding: 'a3031ca25c903b0320955eca360eb898',
};

async function assertTriggersMirrored(dataSource: DataSource): Promise<void> {
  for (const [name, md5] of Object.entries(MIRRORED_TRIGGERS)) {
    const [row]: { md5: string | null }[] = await dataSource.query(`SELECT md5(prosrc) AS md5 FROM pg_proc WHERE oid = to_regproc($1)`, [name]);
    if (row && row.md5 !== md5) throw new Error(`${name}() changed since bench:linking's set-wise load was written from it: update load() and MIRRORED_TRIGGERS`);
  }
}

async function load(dataSource: DataSource, count: number, sample: string[]): Promise<number> {
  await assertTriggersMirrored(dataSource);
  const started = Date.now();
  const [{ jobs }]: { jobs: boolean }[] = await dataSource.query(`SELECT to_regclass('claim_match_embedding_jobs') IS NOT NULL AS jobs`);
  const [{ definition: claimsTrigram }]: { definition: string }[] = await dataSource.query(
    `SELECT pg_get_indexdef(to_regclass('claims_statement_key_trgm_idx')) AS definition`,
  );
  await dataSource.query(`DROP INDEX IF EXISTS claim_match_texts_tsv_idx`);
  await dataSource.query(`DROP INDEX IF EXISTS claim_match_texts_key_trgm_idx`);
  await dataSource.query(`DROP INDEX IF EXISTS claims_statement_key_trgm_idx`);
  await dataSource.query(`ALTER TABLE claim_match_texts DISABLE TRIGGER claim_match_texts_count_terms`);
  await dataSource.query(`ALTER TABLE claims DISABLE TRIGGER claims_linking_index`);
  if (jobs) await dataSource.query(`ALTER TABLE claim_match_texts DISABLE TRIGGER claim_match_texts_queue_embedding`);
  // One connection each, so that each table's rows go where one backend's inserts put them (a
  // backend fills its last page; another would fill earlier pages' gaps): as the triggers' rows do.
  const claimsConnection = dataSource.createQueryRunner();
  const textsConnection = dataSource.createQueryRunner();
  // What linking_index_claim() and linking_queue_embedding() do per row, for one batch's claims (by id,
  // in the order inserted). New texts: the queue's ON CONFLICT never applies.
  const indexTexts = (ids: string[]): Promise<unknown> =>
    textsConnection.query(
      `${jobs ? 'WITH texts AS (' : ''}INSERT INTO claim_match_texts (claim_id, origin_claim_id, kind, language, key, tsv)
       SELECT coalesce(c.merged_into_id, c.id), c.id, 'STATEMENT', c.language, c.statement_key, linking_tsvector(c.language, c.statement_key)
         FROM unnest($1::uuid[]) WITH ORDINALITY AS n(id, i) JOIN claims c ON c.id = n.id ORDER BY n.i
       ${jobs ? 'RETURNING id) INSERT INTO claim_match_embedding_jobs (text_id) SELECT id FROM texts' : ''}`,
      [ids],
    );
  try {
    // Three stages at once: Node generates batch k+2 while the server inserts batch k+1's claims on
    // one connection and writes batch k's texts on another.
    let inserting: Promise<{ id: string }[]> | null = null;
    let indexing: Promise<unknown> | null = null;
    for (let done = 0; done < count || inserting; done += BATCH) {
      const batch = done < count ? generateBatch(Math.min(BATCH, count - done), sample) : null;
      if (inserting) {
        const inserted = await inserting;
        if (indexing) await indexing;
        indexing = indexTexts(inserted.map((row) => row.id));
      }
      inserting = batch
        ? claimsConnection.query(`INSERT INTO claims (statement, statement_key, language) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) RETURNING id`, [
            batch.statements,
            batch.keys,
            batch.languages,
          ])
        : null;
    }
    if (indexing) await indexing;
  } finally {
    await claimsConnection.release();
    await textsConnection.release();
    await dataSource.query(`ALTER TABLE claims ENABLE TRIGGER claims_linking_index`);
    if (jobs) await dataSource.query(`ALTER TABLE claim_match_texts ENABLE TRIGGER claim_match_texts_queue_embedding`);
    await dataSource.query(`ALTER TABLE claim_match_texts ENABLE TRIGGER claim_match_texts_count_terms`);
  }
  const rowsWritten = Date.now();
  await dataSource.query(`TRUNCATE claim_match_terms, claim_match_term_changes`);
  // The statistics and the three indexes at once, each on its own connection (an index build
  // takes a lock other builds share).
  await Promise.all([
    dataSource.query(
      `INSERT INTO claim_match_terms (lexeme, df)
       SELECT l, count(*) FROM claim_match_texts, unnest(tsvector_to_array(tsv)) AS l GROUP BY l
       UNION ALL SELECT '', count(*) FROM claim_match_texts
       UNION ALL SELECT '#length', coalesce(sum(linking_tsvector_length(tsv)), 0) FROM claim_match_texts`,
    ),
    dataSource.query(`CREATE INDEX claim_match_texts_tsv_idx ON claim_match_texts USING gin (tsv)`),
    dataSource.query(`CREATE INDEX claim_match_texts_key_trgm_idx ON claim_match_texts USING gin (key gin_trgm_ops)`),
    claimsTrigram ? dataSource.query(claimsTrigram) : null,
  ]);
  await dataSource.query(`ANALYZE claim_match_texts`);
  await dataSource.query(`ANALYZE claim_match_terms`);
  const indexed = Date.now();
  // A collection in use, not one just bulk-loaded: rows whose visibility is settled (the first
  // reads of fresh rows write their hint bits) and no checkpoint of the load under way.
  await dataSource.query(`VACUUM claim_match_texts`);
  await dataSource.query(`CHECKPOINT`);
  const ended = Date.now();
  console.log(
    `    load of ${count} claims: rows ${((rowsWritten - started) / 1000).toFixed(0)} s (${Math.round(count / ((rowsWritten - started) / 1000))} claims/s), ` +
      `statistics and indexes ${((indexed - rowsWritten) / 1000).toFixed(0)} s, vacuum and checkpoint ${((ended - indexed) / 1000).toFixed(0)} s`,
  );
  return (ended - started) / 1000;
}

/** With BENCH_EXPLAIN set: the plans of the candidate search's two halves, for one edited copy. */
async function explain(dataSource: DataSource, text: string): Promise<void> {
  const key = normalizeForSearch(text);
  for (const sql of [
    `EXPLAIN ANALYZE SELECT t.id FROM claim_match_texts t WHERE t.key % $1 ORDER BY similarity(t.key, $1) DESC LIMIT 30`,
  ]) {
    console.log((await dataSource.query(sql, [key])).map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
}

/** A statement as it was run, and how long it took. */
interface TimedStatement {
  sql: string;
  parameters?: unknown[];
  ms: number;
}

/**
 * With BENCH_PROFILE set: wraps the data source's queries to add up the time each statement
 * (named by its first words) takes, so that the SQL stages can be told from the scoring in Node;
 * `slowest` keeps the slowest statements (BENCH_EXPLAIN_SLOWEST of them) to be explained.
 */
function profileQueries(dataSource: DataSource): { spent: Map<string, number[]>; slowest: TimedStatement[]; all: TimedStatement[]; recording: { on: boolean } } {
  const spent = new Map<string, number[]>();
  const slowest: TimedStatement[] = [];
  const all: TimedStatement[] = [];
  const counted = Boolean(process.env.BENCH_BUFFERS);
  const kept = Number(process.env.BENCH_EXPLAIN_SLOWEST ?? 0);
  // On only while a timed query runs (not the load, not the warm-up queries), so that a statement
  // only some queries make (an Arabic pool's frequencies) is counted from the first timed one.
  const recording = { on: false };
  const manager = dataSource.manager;
  const query = manager.query.bind(manager);
  manager.query = (async (sql: string, parameters?: unknown[]) => {
    const started = process.hrtime.bigint();
    try {
      return await query(sql, parameters);
    } finally {
      if (recording.on) record(sql, parameters, Number(process.hrtime.bigint() - started) / 1e6);
    }
  }) as typeof manager.query;
  return { spent, slowest, all, recording };

  function record(sql: string, parameters: unknown[] | undefined, ms: number): void {
    const name = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
    spent.set(name, [...(spent.get(name) ?? []), ms]);
    if (counted) all.push({ sql, parameters, ms });
    if (kept) {
      slowest.push({ sql, parameters, ms });
      slowest.sort((a, b) => b.ms - a.ms).splice(kept);
    }
  }
}

/**
 * With BENCH_BUFFERS (and BENCH_PROFILE): each statement timed is run again under EXPLAIN
 * (ANALYZE, BUFFERS), and per statement the pages it touched (shared buffers hit or read, whatever
 * the machine's load) and its execution time in that second run are printed (median and p95).
 */
async function countBuffers(dataSource: DataSource, statements: TimedStatement[]): Promise<void> {
  const counts = new Map<string, { pages: number[]; ms: number[] }>();
  for (const { sql, parameters } of statements) {
    const name = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
    const [{ 'QUERY PLAN': [plan] }]: { 'QUERY PLAN': { Plan: Record<string, number>; 'Execution Time': number }[] }[] = await dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
      parameters,
    );
    const count = counts.get(name) ?? { pages: [], ms: [] };
    count.pages.push(plan.Plan['Shared Hit Blocks'] + plan.Plan['Shared Read Blocks']);
    count.ms.push(plan['Execution Time']);
    counts.set(name, count);
  }
  statements.splice(0);
  for (const [name, { pages, ms }] of counts) {
    const p = pages.sort((a, b) => a - b);
    const t = ms.sort((a, b) => a - b);
    console.log(`    pages median ${percentile(p, 50)}, p95 ${percentile(p, 95)}; again ${percentile(t, 50).toFixed(1)} / ${percentile(t, 95).toFixed(1)} ms  ×${p.length}  ${name}`);
  }
}

/**
 * The plans, with buffers read, of the slowest statements timed (BENCH_EXPLAIN_SLOWEST=n with
 * BENCH_PROFILE): run again, so their pages are cached now; what they read is what to compare.
 */
async function explainSlowest(dataSource: DataSource, slowest: TimedStatement[]): Promise<void> {
  for (const { sql, parameters, ms } of slowest.splice(0)) {
    const plan: Record<string, string>[] = await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
    console.log(`\n--- ${ms.toFixed(1)} ms when timed: ${sql.replace(/\s+/g, ' ').trim().slice(0, 60)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}

/** The matching table's size and its search indexes' sizes, as PostgreSQL reports them. */
async function tableSizes(dataSource: DataSource): Promise<string> {
  const [row]: Record<string, string>[] = await dataSource.query(
    `SELECT pg_size_pretty(pg_table_size('claim_match_texts')) AS "table",
            pg_size_pretty(pg_relation_size('claim_match_texts_tsv_idx')) AS "tsv GIN",
            pg_size_pretty(pg_relation_size('claim_match_texts_key_trgm_idx')) AS "trigram GIN",
            pg_size_pretty(pg_indexes_size('claim_match_texts')) AS "all indexes"`,
  );
  return Object.entries(row).map(([name, size]) => `${name} ${size}`).join(', ');
}

/**
 * Gives every English claim text without one a random unit-less 512-dimensional vector as if the
 * shipped sentence encoder had embedded it, and empties the embedding queue; returns the seconds taken.
 */
async function syntheticSentenceVectors(dataSource: DataSource): Promise<number> {
  const started = Date.now();
  // The subquery refers to the row, so that each text gets its own random vector.
  await dataSource.query(
    `INSERT INTO claim_match_embeddings (text_id, model, dimensions, key, embedding)
     SELECT t.id, $1, 512, t.key, (SELECT array_agg(random() - 0.5) FROM generate_series(1, 512 + 0 * length(t.key)))::vector
       FROM claim_match_texts t
      WHERE t.language = 'en' AND NOT EXISTS (SELECT 1 FROM claim_match_embeddings e WHERE e.text_id = t.id)`,
    [LOCAL_SENTENCE_MODEL],
  );
  await dataSource.query(`TRUNCATE claim_match_embedding_jobs`);
  await dataSource.query(`ANALYZE claim_match_embeddings`);
  return (Date.now() - started) / 1000;
}

/** Median and p95 of a list of milliseconds, as a bench row prints them. */
function timing(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The --sentences rows: each query matched in both modes, alternately first, with its language
 * given; timings over all queries and over the English ones, and how many English pools the
 * sentence model scored (a pool with a text in another language is scored lexically).
 */
async function compareModes(
  size: number,
  seconds: number,
  sample: string[],
  queries: number,
  local: ClaimMatcherService,
  lexical: ClaimMatcherService,
  dataSource: DataSource,
  encoder: EmbeddingEncoder,
): Promise<string> {
  const picked = Array.from({ length: queries + WARM_UP }, (_, i) => {
    const original = sample[Math.floor(rand() * sample.length)];
    return i % 2 ? claimText() : { text: editedCopy(original), language: languageOf(original) };
  });
  const times = { local: [] as number[], lexical: [] as number[], localEn: [] as number[], lexicalEn: [] as number[], localAr: [] as number[], lexicalAr: [] as number[], encodeEn: [] as number[] };
  let sentencePools = 0;
  let englishQueries = 0;
  for (const [i, { text, language }] of picked.entries()) {
    const order: ('local' | 'lexical')[] = i % 4 < 2 ? ['local', 'lexical'] : ['lexical', 'local'];
    for (const mode of order) {
      const started = process.hrtime.bigint();
      const matches = await (mode === 'local' ? local : lexical).match(text, { first: 10, minScore: 0, language });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (i < WARM_UP) continue;
      times[mode].push(ms);
      times[`${mode}${language === 'en' ? 'En' : 'Ar'}`].push(ms);
      if (mode === 'local' && language === 'en' && matches[0]?.threshold === SENTENCE_SUGGESTION_THRESHOLD) sentencePools++;
    }
    if (language === 'en') {
      // The query's encoding alone (as the matcher makes it), to tell it from the rest of the extra cost.
      const started = process.hrtime.bigint();
      await encoder.encode([normalizeForSearch(text)]);
      if (i >= WARM_UP) times.encodeEn.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    if (i >= WARM_UP && language === 'en') englishQueries++;
  }
  // Stored English texts as they are: their vectors are read, not encoded (each asked once, so no
  // recent-query cache is involved).
  const stored = sample.filter((text) => languageOf(text) === 'en').slice(0, queries / 2);
  const storedTimes = { local: [] as number[], lexical: [] as number[] };
  for (const [i, text] of stored.entries()) {
    for (const mode of i % 2 ? (['lexical', 'local'] as const) : (['local', 'lexical'] as const)) {
      const started = process.hrtime.bigint();
      await (mode === 'local' ? local : lexical).match(text, { first: 10, minScore: 0, language: 'en' });
      storedTimes[mode].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return (
    `${String(size).padStart(9)} claims  load+index+vectors ${seconds.toFixed(0).padStart(4)} s\n` +
    `    local    all ${timing(times.local)}   English ${timing(times.localEn)}   Arabic ${timing(times.localAr)}  (${sentencePools}/${englishQueries} English pools scored with sentence vectors)\n` +
    `    lexical  all ${timing(times.lexical)}   English ${timing(times.lexicalEn)}   Arabic ${timing(times.lexicalAr)}\n` +
    `    encoding an English query alone ${timing(times.encodeEn)}\n` +
    `    ${stored.length} stored English texts as queries: local ${timing(storedTimes.local)}   lexical ${timing(storedTimes.lexical)}\n` +
    `    ${await tableSizes(dataSource)}, vectors ${(await dataSource.query(`SELECT pg_size_pretty(pg_total_relation_size('claim_match_embeddings')) AS s`))[0].s}`
  );
}

/** The language a generated text is in (claimText's: Latin letters are English). */
function languageOf(text: string): string {
  return /[a-z]/i.test(text) ? 'en' : 'ar';
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('bench:linking needs DATABASE_URL (a PostgreSQL server on this machine)');
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`bench:linking only runs against a loopback server, not ${host}`);
  const sentences = process.argv.includes('--sentences');
  const keep = process.argv.includes('--keep');
  const reuse = process.argv.includes('--reuse');
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const sizes = (args[0] ?? '10000,100000,1000000').split(',').map(Number);
  const queries = Number(args[1] ?? 200);

  const database = await benchDatabase(keep, reuse);
  // The embedding loop stays off: --sentences inserts the vectors itself.
  const linking = sentences ? { embeddings: null, localSentences: true, embeddingWorker: { enabled: false, pollMs: 1_000 } } : undefined;
  const app: INestApplication = await createApp(
    { port: 0, host: '127.0.0.1', database: database.config, runMigrations: true, bodyLimitBytes: 1e7, schemaFile: null, linking },
    { logger: ['error', 'warn'] },
  );
  const rows: string[] = [];
  try {
    await app.init();
    const dataSource = app.get(DataSource);
    const matcher = app.get(ClaimMatcherService);
    const profile = process.env.BENCH_PROFILE ? profileQueries(dataSource) : null;
    const kept = reuse ? await keptCollection(dataSource) : null;
    if (kept && (sizes.length !== 1 || sizes[0] !== kept.size)) throw new Error(`--reuse times the kept collection only: give its size, ${kept.size}`);
    const sample: string[] = kept?.sample ?? [];
    let loaded = kept?.size ?? 0;
    for (const size of sizes) {
      const seconds = kept ? 0 : await load(dataSource, size - loaded, sample);
      loaded = size;
      if (keep) await keepSample(dataSource, sample);
      if (process.env.BENCH_EXPLAIN) await explain(dataSource, editedCopy(sample[0]));
      if (sentences) {
        const lexical = new ClaimMatcherService(dataSource, app.get(MatchStatisticsService), app.get(CrossLanguageLexicon));
        const encoder = app.get<EmbeddingEncoder>(EMBEDDING_ENCODER);
        rows.push(await compareModes(size, seconds + (await syntheticSentenceVectors(dataSource)), sample, queries, matcher, lexical, dataSource, encoder));
        console.log(rows[rows.length - 1]);
        continue;
      }
      // Even queries: an edited copy of a stored claim, which should come first; odd: new text.
      const originals = Array.from({ length: queries + WARM_UP }, () => sample[Math.floor(rand() * sample.length)]);
      const texts = originals.map((original, i) => (i % 2 ? claimText() : { text: editedCopy(original), language: languageOf(original) }));
      const times: number[] = [];
      // The CPU time this process spent on each query (Node's part, whatever else the machine runs).
      const cpu: number[] = [];
      const byLanguage = { ar: [] as number[], en: [] as number[] };
      // The Arabic queries whose pool the Arabic model scored (ARABIC_MODEL: a pool of ten Arabic
      // texts or more), the only ones that read their pool's frequencies and its Arabic features.
      const arabicModel = { ms: [] as number[], cpu: [] as number[] };
      let found = 0;
      // The edited copies not found first: their original lower in the top 10, or not in it at all
      // (left out of the first stage's pool, or outranked by ten others).
      const missed = { lower: 0, absent: 0 };
      for (const [i, { text, language }] of texts.entries()) {
        if (profile) profile.recording.on = i >= WARM_UP;
        const started = process.hrtime.bigint();
        const startedCpu = process.cpuUsage();
        const matches = await matcher.match(text, { first: 10, minScore: 0 });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const used = process.cpuUsage(startedCpu);
        if (i >= WARM_UP) times.push(ms);
        if (i >= WARM_UP) cpu.push((used.user + used.system) / 1e3);
        if (i >= WARM_UP) byLanguage[language === 'en' ? 'en' : 'ar'].push(ms);
        if (i >= WARM_UP && matches[0]?.threshold === ARABIC_SUGGESTION_THRESHOLD) {
          arabicModel.ms.push(ms);
          arabicModel.cpu.push((used.user + used.system) / 1e3);
        }
        if (i % 2 || i < WARM_UP) continue;
        const place = matches.findIndex((m) => m.matchedKey === normalizeForSearch(originals[i]));
        if (place === 0) found++;
        else {
          missed[place > 0 ? 'lower' : 'absent']++;
          if (process.env.BENCH_MISSES) console.log(`    missed (${place > 0 ? `${place + 1}th` : 'not in the top 10'}): ${JSON.stringify(text)}\n      original ${JSON.stringify(originals[i])}\n      first    ${JSON.stringify(matches[0]?.matchedKey)} ${matches[0]?.score.toFixed(3)}`);
        }
      }
      times.sort((a, b) => a - b);
      const row =
        `${String(size).padStart(9)} claims  load+index ${seconds.toFixed(0).padStart(4)} s  ` +
        `median ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  ` +
        `(edited copies found first: ${found}/${queries / 2}; lower in the top 10 ${missed.lower}, not in it ${missed.absent})  ${await tableSizes(dataSource)}`;
      rows.push(row);
      console.log(row);
      console.log(`    Arabic queries (${byLanguage.ar.length}) ${timing(byLanguage.ar)}   English queries (${byLanguage.en.length}) ${timing(byLanguage.en)}`);
      console.log(`    Arabic queries scored by the Arabic model (${arabicModel.ms.length}) ${timing(arabicModel.ms)}   their CPU time ${timing(arabicModel.cpu)}`);
      console.log(`    CPU time of this process per query (Node's part; other processes do not lengthen it) ${timing(cpu)}`);
      if (profile) {
        const { spent, slowest, all } = profile;
        profile.recording.on = false;
        for (const [name, ms] of spent) {
          const sorted = [...ms].sort((a, b) => a - b);
          if (sorted.length) console.log(`    ${percentile(sorted, 50).toFixed(1).padStart(6)} ms median, p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms  ×${sorted.length}  ${name}`);
        }
        spent.clear();
        await explainSlowest(dataSource, slowest);
        await countBuffers(dataSource, all);
      }
    }
  } finally {
    await app.close();
    await database.drop();
  }
  console.log(
    `\nclaim matching on PostgreSQL (first 10, ${queries} queries per size: half edited copies, half new text)` +
      (sentences ? ', each matched with the sentence encoder (local) and lexically, alternately' : ''),
  );
  for (const row of rows) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
