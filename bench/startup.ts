// `npm run bench:startup [runs]`: how long `npm start`'s process takes to its first answer, and the
// memory it holds idle. For the compiled build (dist/, built first) and, for comparison, the
// TypeScript sources through ts-node (what `npm start` ran before the build existed). Each run
// starts a process on a free loopback port: once on a new PGlite folder (first start: creates and
// migrates it), once again on that folder (restart). Idle memory is VmRSS 5 s after the first
// answer. PGlite's share: what a bare process that opens the same folder as the API does and runs one
// query holds more than before it loaded PGlite.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { quantile } from './support/bench-api';

const runs = Math.max(1, Math.min(Number(process.argv[2] ?? 3), 20));
const root = join(__dirname, '..');
const modes = {
  'compiled (dist)': ['dist/apps/api/src/main.js'],
  'ts-node (sources)': ['-r', './scripts/register-ts.cjs', 'apps/api/src/main.ts'],
} as const;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function start(args: readonly string[], dataDir: string): Promise<{ ms: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ISNAD_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(20)) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
      const answered = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }).then((r) => r.ok, () => false);
      if (answered) {
        const ms = performance.now() - started;
        await sleep(5000);
        return { ms, rss: rssMiB(child.pid as number) };
      }
    }
    throw new Error('the API did not answer within 300 s');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
}

/**
 * PGlite's share: what a bare process holding only PGlite open on the folder (started as the API
 * starts it, dist/), after one query, holds more than before it loaded PGlite.
 */
function pgliteAlone(dataDir: string): number {
  const script = `const rss=()=>Number(require('node:fs').readFileSync('/proc/self/status','utf8').match(/VmRSS:\\s+(\\d+)/)[1]);const before=rss();
const {PGlite}=require('@electric-sql/pglite');const {pg_trgm}=require('@electric-sql/pglite/contrib/pg_trgm');
const {PGLITE_START_PARAMS}=require('./dist/libs/database/src/pglite/pglite-start-params.js');
PGlite.create({dataDir:process.argv[1],extensions:{pg_trgm},startParams:[...PGLITE_START_PARAMS]}).then(async(db)=>{await db.query('select count(*) from claims');
await new Promise(r=>setTimeout(r,2000));console.log(rss()-before);await db.close();});`;
  const out = spawnSync(process.execPath, ['-e', script, dataDir], { cwd: root, encoding: 'utf8' });
  return Number(out.stdout.trim()) / 1024;
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build.cjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  console.log(`Node ${process.version}, ${runs} runs each (alternating), PGlite on disk`);
  const results = new Map<string, { first: number[]; restart: number[]; rss: number[] }>();
  let lastDir = '';
  for (let run = 0; run < runs; run++) {
    for (const [label, args] of Object.entries(modes)) {
      const dataDir = mkdtempSync(join(tmpdir(), 'isnad-startup-'));
      const r = results.get(label) ?? { first: [], restart: [], rss: [] };
      r.first.push((await start(args, dataDir)).ms);
      const again = await start(args, dataDir);
      r.restart.push(again.ms);
      r.rss.push(again.rss);
      results.set(label, r);
      if (lastDir) rmSync(lastDir, { recursive: true, force: true });
      lastDir = dataDir;
    }
  }
  for (const [label, r] of results) {
    const m = (xs: number[]) => quantile(xs, 0.5);
    console.log(
      `${label.padEnd(20)} first start ${(m(r.first) / 1000).toFixed(2)} s  restart ${(m(r.restart) / 1000).toFixed(2)} s  idle RSS ${m(r.rss).toFixed(0)} MiB  (medians)`,
    );
  }
  console.log(`PGlite's share (a bare process opening the same folder, after one query, less the process before PGlite): ${pgliteAlone(lastDir).toFixed(0)} MiB`);
  rmSync(lastDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
