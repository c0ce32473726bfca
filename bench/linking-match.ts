/**
 * Claim-matching latency as the number of claims grows, on PostgreSQL:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:linking -- [SIZES] [QUERIES]
 *
 * SIZES is a comma-separated list of claim counts (default 10000,100000,1000000); QUERIES the
 * queries timed at each size (default 200, after 20 warm-up ones). The bench makes a schema of its
 * own (dropped at the end), runs the migrations, and bulk-inserts generated claims with SQL in
 * batches (half Arabic, half English: words drawn from a Zipf distribution over a large generated
 * vocabulary, names and places, numbers). The claims trigger builds the matching index as in
 * production; for speed the search indexes are dropped during each load and rebuilt after, and
 * term statistics are recounted in one statement (the per-row counting trigger is off during the
 * load). Half the queries are edited copies of stored claims, half new text; each goes through
 * ClaimMatcherService.match (first 10, as claimMatches asks by default), and the median and 95th
 * percentile are printed per size, with the sizes of the matching table and its indexes.
 * Only a loopback server is accepted, so the bench never loads someone else's database.
 */
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '@isnad/database/testing/test-database';
import { ClaimMatcherService } from '@isnad/linking';
import { normalizeForSearch } from '@isnad/text';
import { createApp } from '../apps/api/src/bootstrap';
import { seededRandom } from './support/bench-api';

const BATCH = 5000;
const WARM_UP = 20;

const rand = seededRandom(42);
const LATIN = 'bcdfghjklmnprstvwz';
const VOWELS = 'aeiou';
const ARABIC = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
const ARABIC_LONG = 'اوي';

function latinWord(): string {
  let word = '';
  for (let s = 0; s < 2 + Math.floor(rand() * 3); s++) word += LATIN[Math.floor(rand() * LATIN.length)] + VOWELS[Math.floor(rand() * VOWELS.length)];
  return word;
}

function arabicWord(): string {
  let word = '';
  for (let s = 0; s < 3 + Math.floor(rand() * 3); s++) {
    word += ARABIC[Math.floor(rand() * ARABIC.length)];
    if (rand() < 0.3) word += ARABIC_LONG[Math.floor(rand() * ARABIC_LONG.length)];
  }
  return word;
}

const VOCABULARY = 60_000;
const english = Array.from({ length: VOCABULARY }, latinWord);
const arabic = Array.from({ length: VOCABULARY }, arabicWord);
const englishNames = Array.from({ length: 5000 }, () => latinWord().replace(/^./, (c) => c.toUpperCase()));
const arabicNames = Array.from({ length: 5000 }, arabicWord);
const ENGLISH_GLUE = ['the', 'of', 'in', 'said', 'that', 'a', 'to', 'and', 'on', 'by'];
const ARABIC_GLUE = ['في', 'من', 'على', 'إن', 'أن', 'قال', 'عن', 'مع', 'الى', 'بعد'];

/** Zipf-like rank: most words are rare, a few are everywhere. */
function zipf(n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n))) - 1);
}

function claimText(): { text: string; language: string } {
  const isArabic = rand() < 0.5;
  const [words, names, glue] = isArabic ? [arabic, arabicNames, ARABIC_GLUE] : [english, englishNames, ENGLISH_GLUE];
  const parts: string[] = [names[Math.floor(rand() * names.length)]];
  const length = 8 + Math.floor(rand() * 14);
  for (let i = 0; i < length; i++) {
    const r = rand();
    if (r < 0.25) parts.push(glue[Math.floor(rand() * glue.length)]);
    else if (r < 0.3) parts.push(String(1 + Math.floor(rand() * 500)));
    else if (r < 0.36) parts.push(names[Math.floor(rand() * names.length)]);
    else parts.push(words[zipf(words.length)]);
  }
  return { text: parts.join(' '), language: isArabic ? 'ar' : 'en' };
}

/** An edited copy: a word dropped, two swapped, a prefix added, as a republishing site would. */
function editedCopy(text: string): string {
  const words = text.split(' ');
  words.splice(1 + Math.floor(rand() * (words.length - 2)), 1);
  const i = Math.floor(rand() * (words.length - 1));
  [words[i], words[i + 1]] = [words[i + 1], words[i]];
  return `${rand() < 0.5 ? 'عاجل' : 'BREAKING'}: ${words.join(' ')}`;
}

async function load(dataSource: DataSource, count: number, sample: string[]): Promise<number> {
  const started = Date.now();
  await dataSource.query(`DROP INDEX IF EXISTS claim_match_texts_tsv_idx`);
  await dataSource.query(`DROP INDEX IF EXISTS claim_match_texts_key_trgm_idx`);
  await dataSource.query(`ALTER TABLE claim_match_texts DISABLE TRIGGER claim_match_texts_count_terms`);
  for (let done = 0; done < count; done += BATCH) {
    const statements: string[] = [];
    const keys: string[] = [];
    const languages: string[] = [];
    for (let i = 0; i < Math.min(BATCH, count - done); i++) {
      const { text, language } = claimText();
      statements.push(text);
      keys.push(normalizeForSearch(text));
      languages.push(language);
      if (sample.length < 10_000 && rand() < 0.01) sample.push(text);
    }
    await dataSource.query(
      `INSERT INTO claims (statement, statement_key, language) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [statements, keys, languages],
    );
  }
  await dataSource.query(`ALTER TABLE claim_match_texts ENABLE TRIGGER claim_match_texts_count_terms`);
  await dataSource.query(`TRUNCATE claim_match_terms, claim_match_term_changes`);
  await dataSource.query(
    `INSERT INTO claim_match_terms (lexeme, df)
     SELECT l, count(*) FROM claim_match_texts, unnest(tsvector_to_array(tsv)) AS l GROUP BY l
     UNION ALL SELECT '', count(*) FROM claim_match_texts
     UNION ALL SELECT '#length', coalesce(sum(linking_tsvector_length(tsv)), 0) FROM claim_match_texts`,
  );
  await dataSource.query(`CREATE INDEX claim_match_texts_tsv_idx ON claim_match_texts USING gin (tsv)`);
  await dataSource.query(`CREATE INDEX claim_match_texts_key_trgm_idx ON claim_match_texts USING gin (key gin_trgm_ops)`);
  await dataSource.query(`ANALYZE claim_match_texts`);
  await dataSource.query(`ANALYZE claim_match_terms`);
  return (Date.now() - started) / 1000;
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

/**
 * With BENCH_PROFILE set: wraps the data source's queries to add up the time each statement
 * (named by its first words) takes, so that the SQL stages can be told from the scoring in Node.
 */
function profileQueries(dataSource: DataSource): Map<string, number[]> {
  const spent = new Map<string, number[]>();
  const manager = dataSource.manager;
  const query = manager.query.bind(manager);
  manager.query = (async (sql: string, parameters?: unknown[]) => {
    const started = process.hrtime.bigint();
    try {
      return await query(sql, parameters);
    } finally {
      const name = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
      spent.set(name, [...(spent.get(name) ?? []), Number(process.hrtime.bigint() - started) / 1e6]);
    }
  }) as typeof manager.query;
  return spent;
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('bench:linking needs DATABASE_URL (a PostgreSQL server on this machine)');
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`bench:linking only runs against a loopback server, not ${host}`);
  const args = process.argv.slice(2);
  const sizes = (args[0] ?? '10000,100000,1000000').split(',').map(Number);
  const queries = Number(args[1] ?? 200);

  const database = await createTestDatabase();
  const app: INestApplication = await createApp(
    { port: 0, host: '127.0.0.1', database: database.config, runMigrations: true, bodyLimitBytes: 1e7, schemaFile: null },
    { logger: ['error', 'warn'] },
  );
  const rows: string[] = [];
  try {
    await app.init();
    const dataSource = app.get(DataSource);
    const matcher = app.get(ClaimMatcherService);
    const spent = process.env.BENCH_PROFILE ? profileQueries(dataSource) : null;
    const sample: string[] = [];
    let loaded = 0;
    for (const size of sizes) {
      const seconds = await load(dataSource, size - loaded, sample);
      loaded = size;
      if (process.env.BENCH_EXPLAIN) await explain(dataSource, editedCopy(sample[0]));
      // Even queries: an edited copy of a stored claim, which should come first; odd: new text.
      const originals = Array.from({ length: queries + WARM_UP }, () => sample[Math.floor(rand() * sample.length)]);
      const texts = originals.map((original, i) => (i % 2 ? claimText().text : editedCopy(original)));
      const times: number[] = [];
      let found = 0;
      for (const [i, text] of texts.entries()) {
        const started = process.hrtime.bigint();
        const matches = await matcher.match(text, { first: 10, minScore: 0 });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (i >= WARM_UP) times.push(ms);
        if (i % 2 === 0 && i >= WARM_UP && matches[0]?.matchedKey === normalizeForSearch(originals[i])) found++;
      }
      times.sort((a, b) => a - b);
      const row =
        `${String(size).padStart(9)} claims  load+index ${seconds.toFixed(0).padStart(4)} s  ` +
        `median ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  ` +
        `(edited copies found first: ${found}/${queries / 2})  ${await tableSizes(dataSource)}`;
      rows.push(row);
      console.log(row);
      if (spent) {
        for (const [name, ms] of spent) {
          const sorted = ms.slice(WARM_UP).sort((a, b) => a - b);
          if (sorted.length) console.log(`    ${percentile(sorted, 50).toFixed(1).padStart(6)} ms median, p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms  ×${sorted.length}  ${name}`);
        }
        spent.clear();
      }
    }
  } finally {
    await app.close();
    await database.drop();
  }
  console.log('\nclaim matching on PostgreSQL (first 10, 200 queries per size: half edited copies, half new text)');
  for (const row of rows) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
