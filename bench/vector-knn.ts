/**
 * Nearest-claim search in the vector index of claim texts: in the embedded PGlite with pgvector, or,
 * when DATABASE_URL is set, in that PostgreSQL server (pgvector installed: scripts/install-pgvector.sh),
 * in a schema of its own dropped at the end:
 *
 *   npm run bench:vectors -- [SIZES] [DIMENSIONS] [QUERIES]
 *
 * SIZES is a comma-separated list of vector counts (default 10000,25000,50000), DIMENSIONS their
 * size (default 256), QUERIES the searches timed at each size (default 100, after 10 warm-up ones).
 * The vectors are stored as claim_match_embeddings stores them (an untyped `vector` column, a
 * partial HNSW index per size over `embedding::vector(n)`, cosine distance) and searched with
 * ClaimEmbeddingsService.nearest's ORDER BY ... LIMIT 20, once by a sequential scan (no index) and
 * once through the index. Vectors are drawn around 500 random directions (claims on the same
 * story), queries are stored vectors moved a little (a paraphrase). Printed per size: the median
 * and 95th percentile of each search, their ratio, the index's recall of the exact top 20, the
 * time to build the index and its size against the table's.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { PGLITE_START_PARAMS } from '@isnad/database/pglite/pglite-start-params';
import { quantile, seededRandom } from './support/bench-api';

const sizes = (process.argv[2] ?? '10000,25000,50000').split(',').map(Number);
const dimensions = Number(process.argv[3] ?? 256);
const queries = Number(process.argv[4] ?? 100);
const K = 20;
const WARM_UP = 10;
const TOPICS = 500;
const BATCH = 1000;

const rand = seededRandom(12);
const gaussian = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
const around = (centre: number[], spread: number) => centre.map((x) => x + spread * gaussian());
const topics = Array.from({ length: TOPICS }, () => Array.from({ length: dimensions }, gaussian));
const literal = (v: number[]) => `[${v.map((x) => x.toFixed(5)).join(',')}]`;

const NEAREST = `SELECT text_id FROM claim_match_embeddings
                  WHERE dimensions = ${dimensions} AND model = 'bench'
                  ORDER BY embedding::vector(${dimensions}) <=> $1::vector(${dimensions}) LIMIT ${K}`;

/** The two calls the benchmark makes, on PGlite or on a PostgreSQL server. */
interface VectorDatabase {
  label: string;
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  close(): Promise<void>;
}

async function openDatabase(): Promise<VectorDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await PGlite.create({ extensions: { vector }, startParams: [...PGLITE_START_PARAMS] });
    await db.exec('CREATE EXTENSION vector');
    return { label: 'PGlite', exec: (sql) => db.exec(sql), query: (sql, params) => db.query(sql, params), close: () => db.close() };
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  const schema = `bench_vectors_${process.pid}`;
  await client.query(`CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public; CREATE SCHEMA ${schema}; SET search_path = ${schema}, public`);
  const { rows: [server] } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  return {
    label: `PostgreSQL ${server.v}`,
    exec: (sql) => client.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
    close: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

async function timed(db: VectorDatabase, probes: number[][]): Promise<{ ms: number[]; results: number[][] }> {
  const ms: number[] = [];
  const results: number[][] = [];
  for (const [i, probe] of probes.entries()) {
    const started = performance.now();
    const { rows } = await db.query<{ text_id: number }>(NEAREST, [literal(probe)]);
    if (i >= WARM_UP) ms.push(performance.now() - started);
    results.push(rows.map((r) => r.text_id));
  }
  return { ms, results };
}

async function main(): Promise<void> {
  const db = await openDatabase();
  await db.exec(`CREATE TABLE claim_match_embeddings (text_id int PRIMARY KEY, model text NOT NULL, dimensions int NOT NULL, key text NOT NULL, embedding vector NOT NULL)`);
  const stored: number[][] = [];
  console.log(`kNN (top ${K}) over ${dimensions}-dimensional vectors in ${db.label} with pgvector ${(await db.query<{ v: string }>(`SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'`)).rows[0].v}, ${queries} queries per size`);
  console.log('vectors | exact scan median / p95 | HNSW median / p95 | exact / HNSW | HNSW recall@20 | index build | table / index MB');
  for (const size of sizes) {
    await db.exec(`DROP INDEX IF EXISTS claim_match_embeddings_hnsw_idx`);
    while (stored.length < size) {
      const batch = Array.from({ length: Math.min(BATCH, size - stored.length) }, () => around(topics[Math.floor(rand() * TOPICS)], 0.6));
      await db.query(
        `INSERT INTO claim_match_embeddings SELECT n, 'bench', ${dimensions}, 'key', v::vector FROM unnest($1::int[], $2::text[]) AS d(n, v)`,
        [batch.map((_, i) => stored.length + i), batch.map(literal)],
      );
      stored.push(...batch);
    }
    await db.exec('VACUUM ANALYZE claim_match_embeddings');
    const probes = Array.from({ length: queries + WARM_UP }, () => around(stored[Math.floor(rand() * stored.length)], 0.3));
    const exact = await timed(db, probes);
    const building = performance.now();
    await db.exec(`CREATE INDEX claim_match_embeddings_hnsw_idx ON claim_match_embeddings
                     USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops) WHERE dimensions = ${dimensions}`);
    const buildMs = performance.now() - building;
    const plan = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${NEAREST}`, [literal(probes[0])])).rows.map((r) => r['QUERY PLAN']).join(' ');
    if (!plan.includes('claim_match_embeddings_hnsw_idx')) throw new Error(`The search does not use the HNSW index: ${plan}`);
    const indexed = await timed(db, probes);
    const recall = exact.results.reduce((sum, truth, i) => sum + indexed.results[i].filter((id) => truth.includes(id)).length / truth.length, 0) / probes.length;
    const { rows: [mb] } = await db.query<{ table: number; index: number }>(
      `SELECT pg_total_relation_size('claim_match_embeddings') / 1048576.0 - pg_relation_size('claim_match_embeddings_hnsw_idx') / 1048576.0 AS table,
              pg_relation_size('claim_match_embeddings_hnsw_idx') / 1048576.0 AS index`,
    );
    const [e50, e95, h50, h95] = [quantile(exact.ms, 0.5), quantile(exact.ms, 0.95), quantile(indexed.ms, 0.5), quantile(indexed.ms, 0.95)];
    console.log(
      `${size} | ${e50.toFixed(1)} / ${e95.toFixed(1)} ms | ${h50.toFixed(2)} / ${h95.toFixed(2)} ms | ${(e50 / h50).toFixed(1)}× | ${recall.toFixed(3)} | ${(buildMs / 1000).toFixed(1)} s | ${Number(mb.table).toFixed(0)} / ${Number(mb.index).toFixed(0)}`,
    );
  }
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
