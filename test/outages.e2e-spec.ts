import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { INestApplication, LogLevel } from '@nestjs/common';
import { Client } from 'pg';
import { DatabaseConfig } from '@isnad/database';
import { createTestDatabase } from '@isnad/database/testing/test-database';
import { AppConfig } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';
import { PrivatePostgres } from './support/private-postgres';

// What happens to a fact-checker's work when a service the API needs goes away: readiness says
// which one, requests fail with a retryable SERVICE_UNAVAILABLE, and what the API acknowledged
// is still there afterwards.

interface RunningApi {
  base: string;
  close: () => Promise<void>;
}

/** The annotators' token: the bootstrap admin of each API this file starts. */
const ADMIN_TOKEN = `isn_${randomBytes(32).toString('base64url')}`;

/** The API on the given database, listening on a loopback port, with a hand-built AppConfig. */
async function startApi(database: DatabaseConfig, extra: Partial<AppConfig> = {}, logger: LogLevel[] = ['error']): Promise<RunningApi> {
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    database,
    runMigrations: true,
    bodyLimitBytes: 12 * 1024 * 1024,
    schemaFile: null,
    bootstrapAdminToken: ADMIN_TOKEN,
    ...extra,
  };
  const app: INestApplication = await createApp(config, { logger });
  await app.listen(0, '127.0.0.1');
  return { base: await app.getUrl(), close: () => app.close() };
}

/** The fields this file's operations answer with. */
interface Answers {
  captureArticle?: { article: { id: string; outletId: string } };
  annotateClaim?: { id: string };
  articleByUrl?: { id: string } | null;
}

/** @nestjs/terminus's readiness body. */
interface HealthReport {
  status: 'ok' | 'error';
  info?: Record<string, { status: string }>;
  error?: Record<string, { status: string; message?: string }>;
}

interface GraphQLReply {
  status: number;
  data?: Answers | null;
  errors?: { message: string; extensions?: { code?: string; retryable?: boolean } }[];
}

/** Every GraphQL request of this file goes through here, as the bootstrap admin. */
async function postGraphQL(base: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLReply> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json()) as Omit<GraphQLReply, 'status'>;
  return { status: response.status, ...body };
}

async function readiness(base: string): Promise<{ status: number; body: HealthReport }> {
  const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json()) as HealthReport };
}

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    await sleep(50);
  }
}

describe('readiness names the service that is down', () => {
  it('answers 503 naming Redis when REDIS_URL points at a Redis that does not answer', async () => {
    const database = await createTestDatabase();
    const api = await startApi(database.config, { redisUrl: `redis://127.0.0.1:${await closedPort()}` }, []);
    try {
      const ready = await readiness(api.base);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'error',
        info: { database: { status: 'up' } },
        error: { redis: { status: 'down', message: expect.stringContaining('ECONNREFUSED') } },
      });
    } finally {
      await api.close();
      await database.drop();
    }
  });

  // The real Redis exists only in CI's PostgreSQL + Redis pass.
  if (process.env.REDIS_URL) {
    it('answers 200 with Redis up when the configured Redis answers (REDIS_URL)', async () => {
      const database = await createTestDatabase();
      const api = await startApi(database.config, { redisUrl: process.env.REDIS_URL });
      try {
        const ready = await readiness(api.base);
        expect(ready.status).toBe(200);
        expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
      } finally {
        await api.close();
        await database.drop();
      }
    });
  }
});

// Restarting PostgreSQL needs a server of our own: the test starts a private one from the
// machine's installation (never the shared cluster other test runs use). It exists in CI's
// PostgreSQL pass (DATABASE_URL set), like the cross-process subscription test; there a missing
// PostgreSQL installation fails it with a message rather than skipping it.
if (process.env.DATABASE_URL) {
  describe('the local PostgreSQL restarting during traffic (DATABASE_URL)', () => {
    jest.setTimeout(90_000);

    const ANNOTATORS = 6;
    const WARM_UP_MS = 15_000; // at most; usually a second or two
    const DOWN_MS = 2000;
    const AFTER_MS = 2000;

    interface Attempt {
      operation: 'captureArticle' | 'annotateClaim';
      sentAt: number;
      answeredAt: number;
      status: number;
      code?: string;
      retryable?: boolean;
      message?: string;
    }

    let server: PrivatePostgres | undefined;
    // Also stops the private server when the test timed out before its own cleanup ran.
    afterAll(() => server?.destroy());

    it('keeps annotators working across the restart: the API recovers by itself and loses no acknowledged write', async () => {
      server = await PrivatePostgres.start();
      let api: RunningApi | undefined;
      try {
        api = await startApi({ kind: 'postgres', url: server.url, logging: false });
        const base = api.base;

        const attempts: Attempt[] = [];
        const acknowledgedArticles = new Map<string, string>(); // url → article id
        const acknowledgedAppearances = new Map<string, string>(); // appearance id → article id
        let stopTraffic = false;

        // One GraphQL call, remembered with when it went and what came back.
        const attempt = async <K extends Attempt['operation']>(operation: K, query: string, variables: Record<string, unknown>) => {
          const sentAt = performance.now();
          const reply = await postGraphQL(base, query, variables);
          const error = reply.errors?.[0];
          attempts.push({
            operation,
            sentAt,
            answeredAt: performance.now(),
            status: reply.status,
            code: error?.extensions?.code,
            retryable: error?.extensions?.retryable,
            message: error?.message,
          });
          return error || !reply.data ? null : reply.data[operation];
        };

        const annotator = async (who: number) => {
          for (let n = 0; !stopTraffic; n++) {
            const url = `https://restart-${who}.example/reports/${n}`;
            const article = await attempt(
              'captureArticle',
              `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id outletId } } }`,
              { input: { url, language: 'ar', text: `أفاد مصدر مطلع لوكالة سبوتنيك أن القافلة ${who}-${n} تعرضت لهجوم قرب تدمر. وأضاف المصدر أن آليات دمرت.` } },
            );
            if (!article) {
              await sleep(50); // a client backing off before it tries again
              continue;
            }
            acknowledgedArticles.set(url, article.article.id);
            const appearance = await attempt(
              'annotateClaim',
              `mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id } }`,
              {
                input: {
                  articleId: article.article.id,
                  selector: { exact: `القافلة ${who}-${n} تعرضت لهجوم قرب تدمر` },
                  chain: [
                    { newSource: { kind: 'ANONYMOUS', name: 'مصدر مطلع' }, relation: 'ORIGIN' },
                    { outletId: article.article.outletId, relation: 'REPUBLISHED' },
                  ],
                },
              },
            );
            if (appearance) acknowledgedAppearances.set(appearance.id, article.article.id);
            else await sleep(50);
          }
        };

        const traffic = Promise.all(Array.from({ length: ANNOTATORS }, (_, who) => annotator(who)));
        try {
          // Traffic flows, then the server goes away for a while, then comes back on the same data.
          await waitUntil(() => acknowledgedAppearances.size >= ANNOTATORS, WARM_UP_MS, 'annotations before the restart');
          const stopping = performance.now();
          await server.stop();
          const readyWhileDown = await readiness(base);
          await sleep(DOWN_MS);
          await server.startServer();
          const back = performance.now();
          const acknowledgedBefore = acknowledgedAppearances.size;
          await sleep(AFTER_MS);
          await waitUntil(() => acknowledgedAppearances.size >= acknowledgedBefore + ANNOTATORS, AFTER_MS * 3, 'annotations after the restart');
          stopTraffic = true;
          await traffic;

          const readyAfter = await readiness(base);

          // (1) Recovered without restarting the API: writes acknowledged after the server came back.
          const acknowledged = attempts.filter((a) => !a.code);
          const firstAfter = acknowledged.filter((a) => a.sentAt >= back).sort((a, b) => a.answeredAt - b.answeredAt)[0];
          expect(firstAfter).toBeDefined();
          const recoveryMs = firstAfter.answeredAt - back;

          // (3) What failed, failed as retryable SERVICE_UNAVAILABLE, in the GraphQL error shape, and
          // only while the server was away.
          const failed = attempts.filter((a) => a.code);
          const byCode = failed.reduce<Record<string, number>>((counts, a) => ({ ...counts, [a.code!]: (counts[a.code!] ?? 0) + 1 }), {});
          expect(failed.length).toBeGreaterThan(0);
          expect(byCode).toEqual({ SERVICE_UNAVAILABLE: failed.length });
          for (const failure of failed) {
            expect(failure).toMatchObject({ retryable: true, message: 'The database is unavailable; try again shortly' });
            // 503 when the token itself could not be checked, 200 (code in the body) when a resolver met the outage.
            expect([200, 503]).toContain(failure.status);
            expect(failure.answeredAt).toBeGreaterThanOrEqual(stopping);
            expect(failure.sentAt).toBeLessThan(back);
          }

          // (4) Readiness followed the database.
          expect(readyWhileDown.status).toBe(503);
          expect(readyWhileDown.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
          expect(readyAfter.status).toBe(200);

          // (2) Every acknowledged write is there: in the tables, and through the API.
          const sql = new Client({ connectionString: server.url });
          await sql.connect();
          try {
            const articles = await sql.query<{ canonical_url: string; id: string }>('SELECT id, canonical_url FROM articles');
            const stored = new Map(articles.rows.map((row) => [row.canonical_url, row.id]));
            const missingArticles = [...acknowledgedArticles].filter(([url, id]) => stored.get(url) !== id);
            expect(missingArticles).toEqual([]);
            const appearances = await sql.query<{ id: string; article_id: string }>(
              'SELECT id, article_id FROM claim_appearances',
            );
            const storedAppearances = new Map(appearances.rows.map((row) => [row.id, row.article_id]));
            const missingAppearances = [...acknowledgedAppearances].filter(([id, articleId]) => storedAppearances.get(id) !== articleId);
            expect(missingAppearances).toEqual([]);
          } finally {
            await sql.end();
          }
          const sample = [...acknowledgedArticles].filter((_, i) => i % 10 === 0);
          for (const [url, id] of sample) {
            const reply = await postGraphQL(base, `query($url: String!) { articleByUrl(url: $url) { id } }`, { url });
            expect(reply.data?.articleByUrl).toEqual({ id });
          }

          const seconds = (performance.now() - attempts[0].sentAt) / 1000;
          console.log(
            [
              `PostgreSQL restart during traffic: ${ANNOTATORS} annotators for ${seconds.toFixed(1)} s, ${attempts.length} requests`,
              `acknowledged ${acknowledged.length} (${acknowledgedArticles.size} captures, ${acknowledgedAppearances.size} annotations)`,
              `failed ${failed.length}: ${Object.entries(byCode).map(([code, count]) => `${code}×${count}`).join(', ')}`,
              `server stopped and started in ${(back - stopping).toFixed(0)} ms; first acknowledged write ${recoveryMs.toFixed(0)} ms after it was back`,
              `readiness: ${readyWhileDown.status} while down, ${readyAfter.status} after`,
            ].join('\n'),
          );
        } finally {
          stopTraffic = true;
          await traffic.catch(() => undefined);
        }
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.stack : String(error)}\n--- private PostgreSQL log ---\n${server.log().slice(-4000)}`);
      } finally {
        await api?.close();
        await server.destroy();
      }
    });
  });
}
