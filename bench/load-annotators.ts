// `npm run bench:load [annotators] [seconds]`: concurrent annotators against one API on loopback for
// a bounded time. Each annotator loops: capture an article, annotate two spans with a chain, read
// a page of claims. Prints throughput, latency percentiles and every HTTP status seen (the goal is
// no 5xx at all). Fresh database: PGlite in memory, or DATABASE_URL in a schema of its own.
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { quantile, startBenchApi } from './support/bench-api';

const annotators = Number(process.argv[2] ?? 8);
const seconds = Number(process.argv[3] ?? 20);

async function main(): Promise<void> {
  const api = await startBenchApi();
  const url = `${api.base}/graphql`;
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const errors = new Map<string, number>();

  const post = async (query: string, variables: Record<string, unknown>) => {
    const start = performance.now();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${api.token}` };
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as {
      data?: { captureArticle?: { article: { id: string; outletId: string } } };
      errors?: { extensions?: { code?: string } }[];
    };
    latencies.push(performance.now() - start);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    for (const error of body.errors ?? []) {
      const code = error.extensions?.code ?? 'UNKNOWN';
      errors.set(code, (errors.get(code) ?? 0) + 1);
    }
    return body.data;
  };

  const deadline = Date.now() + seconds * 1000;
  const annotator = async (who: number) => {
    for (let n = 0; Date.now() < deadline; n++) {
      const text = `أفاد مصدر مطلع لوكالة سبوتنيك أن القافلة ${who}-${n} تعرضت لهجوم قرب تدمر. وأضاف المصدر أن ${n % 9 + 2} آليات دمرت.`;
      const captured = await post(
        `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id outletId } } }`,
        { input: { url: `https://site-${n % 7}.example/${who}/${n}`, text, language: 'ar' } },
      );
      const article = captured?.captureArticle?.article;
      if (!article) continue;
      for (const exact of [`القافلة ${who}-${n} تعرضت لهجوم قرب تدمر`, `${n % 9 + 2} آليات دمرت`]) {
        await post(`mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id } }`, {
          input: {
            articleId: article.id,
            selector: { exact },
            chain: [
              { newSource: { kind: 'ANONYMOUS', name: 'مصدر مطلع' }, relation: 'ORIGIN' },
              { outletId: article.outletId, relation: 'REPUBLISHED' },
            ],
          },
        });
      }
      await post(`query { claims(first: 20) { nodes { statement appearances(first: 3) { nodes { exact } } } } }`, {});
    }
  };

  const waits = await sampleLockWaits();
  const started = performance.now();
  await Promise.all(Array.from({ length: annotators }, (_, who) => annotator(who)));
  const elapsed = (performance.now() - started) / 1000;
  const lockWaits = await waits.stop();
  await api.stop();

  const at = (q: number) => quantile(latencies, q).toFixed(1);
  console.log(`${api.kind}: ${annotators} annotators for ${elapsed.toFixed(1)} s`);
  console.log(`requests ${latencies.length}, ${(latencies.length / elapsed).toFixed(1)} req/s; latency median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`);
  console.log(`HTTP statuses: ${[...statuses].map(([status, count]) => `${status}×${count}`).join(', ')}`);
  console.log(`GraphQL error codes: ${errors.size ? [...errors].map(([code, count]) => `${code}×${count}`).join(', ') : 'none'}`);
  if (lockWaits) console.log(`lock waits (PostgreSQL, sampled every 100 ms): ${lockWaits}`);
  if ([...statuses.keys()].some((status) => status >= 500)) process.exitCode = 1;
}

/**
 * On PostgreSQL, samples pg_stat_activity during the run: how often sessions were seen waiting on
 * a lock (Lock:transactionid is one transaction waiting for another's row), by wait event.
 */
async function sampleLockWaits(): Promise<{ stop: () => Promise<string | null> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { stop: async () => null };
  const client = new Client({ connectionString: url });
  await client.connect();
  const seen = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ event: string; n: number }>(
        `SELECT wait_event_type || ':' || wait_event AS event, count(*)::int AS n FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() GROUP BY 1`,
      );
      samples++;
      for (const row of rows) seen.set(row.event, (seen.get(row.event) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await client.end();
      const events = [...seen].map(([event, n]) => `${event}×${n}`).join(', ');
      return `${samples} samples, sessions seen waiting: ${events || 'none'}`;
    },
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
