import { Gql, graphqlClient } from '../../scripts/demo';
import { ApiVerdict } from './api-types';
import { TestApi } from './test-api';

export const VERDICT_FIELDS = `id status version headline summary rationale language authors reviewer publicNote
  firstPublishedAt publishedAt claimId rating { key value label(language: "ar") }
  evidence { kind url archivedUrl hash note }`;

/** The id of a rating of the default scale, by key (TRUE, FALSE, MISSING_CONTEXT ...). */
export async function defaultRatingId(api: TestApi, key: string): Promise<string> {
  const { ratingScales } = await api.ok<{ ratingScales: { ratings: { id: string; key: string }[] }[] }>(
    `{ ratingScales { ratings { id key } } }`,
  );
  const rating = ratingScales[0].ratings.find((r) => r.key === key);
  if (!rating) throw new Error(`no rating ${key} in the default scale`);
  return rating.id;
}

/** An Arabic draft verdict on the claim, rated FALSE unless told otherwise. */
export async function createVerdict(api: TestApi, input: Record<string, unknown>): Promise<ApiVerdict> {
  const ratingId = input.ratingId ?? (await defaultRatingId(api, 'FALSE'));
  const data = await api.ok<{ createVerdict: ApiVerdict }>(
    `mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { ${VERDICT_FIELDS} } }`,
    {
      input: {
        headline: 'لا دليل على لقاءات بين داعش واستخبارات غربية',
        summary: 'الخبر منسوب إلى «مصدر مطلع» مجهول نقلته وكالة سبوتنيك، ولم تؤكده أي جهة أخرى.',
        rationale: 'بحثنا في البيانات الرسمية ولم نجد ما يدعم الادعاء.',
        authors: ['ليلى حداد'],
        language: 'ar',
        evidence: [
          {
            kind: 'OFFICIAL_STATEMENT',
            url: 'https://www.state.gov/briefings/2021-02-06',
            archivedUrl: 'https://web.archive.org/web/20210206/https://www.state.gov/briefings/2021-02-06',
            note: 'نفي رسمي',
          },
        ],
        ...input,
        ratingId,
      },
    },
  );
  return data.createVerdict;
}

/** Runs one workflow mutation (submitVerdictForReview, publishVerdict ...) and returns the verdict. */
export async function verdictStep(api: TestApi, mutation: string, input: Record<string, unknown>): Promise<ApiVerdict> {
  const inputType = mutation === 'correctVerdict' ? 'CorrectVerdictInput' : mutation === 'updateVerdict' ? 'UpdateVerdictInput' : 'VerdictStepInput';
  const data = await api.ok<Record<string, ApiVerdict>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${VERDICT_FIELDS} } }`,
    { input },
  );
  return data[mutation];
}

/** Drafts, submits and publishes a verdict on the claim; returns it as published. */
export async function publishVerdict(api: TestApi, input: Record<string, unknown>): Promise<ApiVerdict> {
  const draft = await createVerdict(api, input);
  const inReview = await verdictStep(api, 'submitVerdictForReview', { id: draft.id, expectedVersion: draft.version });
  return verdictStep(api, 'publishVerdict', { id: draft.id, expectedVersion: inReview.version, by: 'سامر المحرر' });
}

/** An API process started by a test (for crash and multi-instance tests), spoken to over loopback. */
export interface SpawnedApi {
  url: string;
  /** The bootstrap ADMIN token the process was started with (every spawned API gets one). */
  token: string;
  gql: Gql;
  /** Kills the process with the signal and waits for it to exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts `apps/api/src/main.ts` (ts-node) in a child process with the test defaults and `env`. */
async function spawnMain(env: Record<string, string | undefined>, port: number, token: string, stdout: 'ignore' | 'pipe' = 'ignore') {
  const { spawn } = await import('node:child_process');
  const { join } = await import('node:path');
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['-r', './scripts/register-ts.cjs', 'apps/api/src/main.ts'], {
    cwd: root,
    // Rate limits off unless a test asks: these processes all call from 127.0.0.1, and with
    // REDIS_URL they would share one address budget across test files.
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
      RATE_LIMIT_TOKEN_PER_MINUTE: '0',
      ...env,
      ISNAD_BOOTSTRAP_ADMIN_TOKEN: token,
    },
    stdio: ['ignore', stdout, process.env.ISNAD_SPAWN_DEBUG ? 'inherit' : 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { child, stderr: () => stderr, kill };
}

/**
 * Starts an ISNAD_ROLE=worker process (background jobs, no port) and waits until it says it runs
 * (at most 180 s: ts-node on a busy machine).
 */
export async function spawnWorker(env: Record<string, string | undefined>): Promise<{ kill: (signal?: NodeJS.Signals) => Promise<void> }> {
  const { randomBytes } = await import('node:crypto');
  const token = env.ISNAD_BOOTSTRAP_ADMIN_TOKEN ?? `isn_${randomBytes(32).toString('base64url')}`;
  const worker = await spawnMain({ LOG_LEVEL: 'info', ...env, ISNAD_ROLE: 'worker' }, 0, token, 'pipe');
  let stdout = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start within 180 s: ${worker.stderr()}`)), 180_000);
    worker.child.stdout?.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-8000);
      if (stdout.includes('Isnad worker')) {
        clearTimeout(timer);
        resolve();
      }
    });
    worker.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited (${code}): ${worker.stderr()}`));
    });
  });
  worker.child.stdout?.resume();
  return { kill: worker.kill };
}

/**
 * Starts `apps/api/src/main.ts` in a child process on a free loopback port with the given
 * environment and waits (at most 180 s: ts-node on a busy machine) until /graphql answers. Requests carry a bootstrap ADMIN token
 * (the same one for every process on one database when `env` names it).
 */
export async function spawnApi(env: Record<string, string | undefined>): Promise<SpawnedApi> {
  const { randomBytes } = await import('node:crypto');
  const token = env.ISNAD_BOOTSTRAP_ADMIN_TOKEN ?? `isn_${randomBytes(32).toString('base64url')}`;
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const { child, stderr, kill } = await spawnMain(env, port, token);
  const url = `http://127.0.0.1:${port}`;
  const gql = graphqlClient(`${url}/graphql`, token);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited (${child.exitCode}): ${stderr()}`);
    try {
      await gql('{ __typename }');
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`API process did not answer within 180 s: ${stderr()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { url, token, gql, kill };
}

/** A database for spawned API processes: a fresh PostgreSQL schema, or a PGlite folder. */
export async function spawnedDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const { randomBytes } = await import('node:crypto');
  const url = process.env.DATABASE_URL;
  if (url) {
    const { Client } = await import('pg');
    const schema = `isnad_spawn_${randomBytes(6).toString('hex')}`;
    const run = async (sql: string) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await run(`CREATE SCHEMA ${schema}`);
    return {
      env: { DATABASE_URL: url, DATABASE_SCHEMA: schema, DATABASE_MIGRATE: 'true' },
      drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
    };
  }
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'isnad-spawn-'));
  return { env: { ISNAD_DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
}

/** Captures a short Arabic article, annotates its claim and publishes a FALSE verdict on it. */
export async function publishOnSpawned(api: SpawnedApi, n: number): Promise<{ verdictId: string; claimId: string }> {
  const statement = `وصلت شحنة أسلحة رقم ${n} إلى ميناء طرطوس`;
  const { captureArticle } = await api.gql<{ captureArticle: { article: { id: string }; revision: { text: string } } }>(
    `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id } revision { text } } }`,
    { input: { url: `https://news-${n}.example/story`, text: `أفاد مصدر مطلع بأنه ${statement}.`, language: 'ar' } },
  );
  const { text } = captureArticle.revision;
  const start = [...text.slice(0, text.indexOf(statement))].length;
  const { annotateClaim } = await api.gql<{ annotateClaim: { claimId: string } }>(
    `mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { claimId } }`,
    { input: { articleId: captureArticle.article.id, selector: { start, end: start + [...statement].length } } },
  );
  const { ratingScales } = await api.gql<{ ratingScales: { ratings: { id: string; key: string }[] }[] }>(`{ ratingScales { ratings { id key } } }`);
  const ratingId = ratingScales[0].ratings.find((r) => r.key === 'FALSE')?.id;
  const { createVerdict } = await api.gql<{ createVerdict: { id: string; version: number } }>(
    `mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { id version } }`,
    { input: { claimId: annotateClaim.claimId, ratingId, headline: `لا شحنة رقم ${n}`, summary: 'لا دليل.', language: 'ar' } },
  );
  const { submitVerdictForReview } = await api.gql<{ submitVerdictForReview: { version: number } }>(
    `mutation($input: VerdictStepInput!) { submitVerdictForReview(input: $input) { version } }`,
    { input: { id: createVerdict.id, expectedVersion: createVerdict.version } },
  );
  await api.gql(`mutation($input: VerdictStepInput!) { publishVerdict(input: $input) { id } }`, {
    input: { id: createVerdict.id, expectedVersion: submitVerdictForReview.version, by: 'المحرر' },
  });
  return { verdictId: createVerdict.id, claimId: annotateClaim.claimId };
}
