import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` on PGlite, as an operator runs it (package.json's start script): the API answers from
// the very process npm started (so Ctrl-C and a supervisor's SIGTERM reach it), with glibc's malloc
// settings in its environment from its first instruction (that is what keeps an idle API small),
// and it stops cleanly on SIGTERM. scripts/start.cjs compiles dist/ first when it is stale.
const root = join(__dirname, '..');

function startScriptArgs(): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = script.trim().split(/\s+/);
  expect(command).toBe('node');
  return args;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Environment variables of a running process (Linux). */
function environmentOf(pid: number): Record<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return Object.fromEntries(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'isnad-npm-start-'));
  const started: ChildProcess[] = [];
  // A failed expectation must not leave an API running (nor Jest waiting on it).
  afterEach(() => started.splice(0).forEach((child) => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function npmStart(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; exited: Promise<NodeJS.Signals | number | null> }> {
    const port = await freePort();
    const child = spawn(process.execPath, startScriptArgs(), {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', DATABASE_URL: '', REDIS_URL: '', ISNAD_DATA_DIR: dataDir, ...env },
      stdio: 'ignore',
    });
    started.push(child);
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    // Up to 4 minutes: a stale dist/ is compiled first.
    for (const deadline = Date.now() + 240_000; ; await new Promise((resolve) => setTimeout(resolve, 200))) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('npm start did not answer within 240 s');
      const answered = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }).then((response) => response.ok, () => false);
      if (answered) return { child, port, exited };
    }
  }

  const introspects = (port: number) =>
    fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __schema { queryType { name } } }"}' })
      .then((response) => response.json() as Promise<{ data?: unknown; errors?: unknown[] }>);

  it('serves from the process npm started, with the malloc settings and in production mode, and stops on SIGTERM', async () => {
    // Jest sets NODE_ENV=test; an operator who sets nothing gets production mode.
    const { child, port, exited } = await npmStart({ NODE_ENV: '' });
    const environment = environmentOf(child.pid as number);
    expect(environment).toMatchObject({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' });
    // graphql-js, Express and graphql-ws on their production paths; the schema stays public, as before.
    expect(environment).toMatchObject({ NODE_ENV: 'production', GRAPHQL_SCHEMA_VISIBILITY: 'public' });
    await expect(introspects(port)).resolves.toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
    // The compiled API itself, not a wrapper waiting on a child.
    expect(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')).toContain(join('dist', 'apps', 'api', 'src', 'main.js'));
    child.kill('SIGTERM');
    await expect(exited).resolves.toBe('SIGTERM');
  }, 300_000);

  it("keeps an operator's own malloc settings and NODE_ENV, whose production shows the schema to members only", async () => {
    const { child, port, exited } = await npmStart({ MALLOC_ARENA_MAX: '4', NODE_ENV: 'production' });
    expect(environmentOf(child.pid as number).MALLOC_ARENA_MAX).toBe('4');
    expect(environmentOf(child.pid as number).GRAPHQL_SCHEMA_VISIBILITY).toBeUndefined();
    const anonymous = await introspects(port);
    expect(anonymous.data).toBeUndefined();
    expect(anonymous.errors).toBeDefined();
    child.kill('SIGTERM');
    await exited;
  }, 300_000);
});
