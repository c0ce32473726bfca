import { createServer } from 'node:net';
import { INestApplication, LogLevel } from '@nestjs/common';
import { DatabaseConfig } from '@isnad/database';
import { createTestDatabase } from '@isnad/database/testing/test-database';
import { AppConfig } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';

// What happens when a service the API needs goes away: readiness says which one.

interface RunningApi {
  base: string;
  close: () => Promise<void>;
}

/** The API on the given database, listening on a loopback port, with a hand-built AppConfig. */
async function startApi(database: DatabaseConfig, extra: Partial<AppConfig> = {}, logger: LogLevel[] = ['error']): Promise<RunningApi> {
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    database,
    runMigrations: true,
    bodyLimitBytes: 12 * 1024 * 1024,
    schemaFile: null,
    ...extra,
  };
  const app: INestApplication = await createApp(config, { logger });
  await app.listen(0, '127.0.0.1');
  return { base: await app.getUrl(), close: () => app.close() };
}

async function readiness(base: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.json() };
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
