import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createTestDatabase } from '../../libs/database/src/testing/test-database';
import { NO_RATE_LIMITS } from '../../libs/rate-limits/src/rate-limits.config';
import type { appConfigFromEnv as AppConfigFromEnv } from '../../apps/api/src/app.config';
import type { createApp as CreateApp } from '../../apps/api/src/bootstrap';
import { Gql, graphqlClient } from '../../scripts/graphql-client';

/** An API on loopback over a fresh database (PGlite in memory, or DATABASE_URL in its own schema). */
export interface BenchApi {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  base: string;
  /** "pglite" or "postgres". */
  kind: string;
  /** An ADMIN token (the bootstrap one) for benchmarks that call the API themselves. */
  token: string;
  gql: Gql;
  /** The application itself, for benchmarks that reach a provider (in this process). */
  app: INestApplication;
  /** "compiled" (dist/, as npm start runs it) or "sources" (the TypeScript through ts-node). */
  code: 'compiled' | 'sources';
  /**
   * A module of the repository as the API runs it (`libs/verdicts/src`: the sources' module, or its
   * compiled twin in dist/), for reaching the API's own providers (app.get needs the very class).
   */
  module: <T>(path: string) => T;
  stop: () => Promise<void>;
}

export interface BenchApiOptions {
  /**
   * Run the compiled API (dist/, built first when missing or stale, as npm start does) rather than
   * its TypeScript sources through ts-node: the code npm start runs. The benchmark itself stays
   * TypeScript; only test support (the throwaway database) and plain data come from the sources.
   */
  compiled?: boolean;
}

/**
 * Starts the API for a benchmark, quiet but for errors, with rate limits off: every simulated
 * annotator calls from 127.0.0.1, and a benchmark measures the API, not its budgets.
 */
export async function startBenchApi(options: BenchApiOptions = {}): Promise<BenchApi> {
  const root = join(__dirname, '..', '..');
  let module = <T>(path: string): T => require(join(root, path)) as T;
  if (options.compiled) {
    (require('../../scripts/build-if-stale.cjs') as { buildIfStale: () => void }).buildIfStale();
    module = <T>(path: string): T => require(join(root, 'dist', path)) as T;
  }
  const { appConfigFromEnv } = module<{ appConfigFromEnv: typeof AppConfigFromEnv }>('apps/api/src/app.config');
  const { createApp } = module<{ createApp: typeof CreateApp }>('apps/api/src/bootstrap');
  const database = await createTestDatabase();
  const token = `isn_${randomBytes(32).toString('base64url')}`;
  const config = { ...appConfigFromEnv({}), database: database.config, runMigrations: true, bootstrapAdminToken: token, rateLimits: NO_RATE_LIMITS };
  const app = await createApp(config, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  // Clients keep connections across a benchmark's phases: idle ones must not be closed under them.
  (app.getHttpServer() as import('node:http').Server).keepAliveTimeout = 120_000;
  const base = await app.getUrl();
  return {
    base,
    kind: database.config.kind,
    token,
    gql: graphqlClient(`${base}/graphql`, token),
    app,
    code: options.compiled ? 'compiled' : 'sources',
    module,
    stop: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The q-quantile (0..1) of samples, by the nearest-rank method. */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A small deterministic PRNG (mulberry32): numbers in [0, 1), the same for the same seed on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A POST with a JSON body, as the remote client sends it. */
export interface RemoteRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** What the remote client measured: build, send, receive and parse one request. */
export interface RemoteTiming {
  ms: number;
  ok: boolean;
  error?: string;
}

/**
 * A client in a child process (bench/support/remote-client.ts), for figures that leave out the
 * client's own work: `time` resolves with how long the child took for one request, end to end.
 */
export function startRemoteClient(): { time: (request: RemoteRequest) => Promise<number>; stop: () => void } {
  // The child inherits this process's -r ./scripts/register-ts.cjs, so it runs the TypeScript as is.
  const child = fork(join(__dirname, 'remote-client.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    time: (request) =>
      new Promise((resolve, reject) => {
        child.once('message', (timing: RemoteTiming) => (timing.ok ? resolve(timing.ms) : reject(new Error(`remote client: ${timing.error ?? 'the request failed'}`))));
        child.send(request);
      }),
    stop: () => child.kill(),
  };
}
