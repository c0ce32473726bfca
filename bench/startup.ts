// `npm run bench:startup [runs]`: how long `npm start`'s process takes to its first answer, and the
// memory it holds idle. For the compiled build (dist/, built first), for `npm start` itself (the same
// build through scripts/start.cjs, with the V8 flags package.json gives it) and, for comparison, the
// TypeScript sources through ts-node (what `npm start` ran before the build existed). Each run
// starts a process on a free loopback port: once on a new PGlite folder (first start: creates and
// migrates it), once again on that folder (restart). Idle memory is VmRSS 5 s after the first
// answer; for each mode a second line splits it (from /proc/<pid>/smaps) into PGlite's WebAssembly
// heap, malloc's memory, the rest of the anonymous memory (V8's heap and code, large buffers) and
// mapped files. PGlite's share: what a bare process that opens the same folder as the API does and
// runs one query holds more than before it loaded PGlite. With DATABASE_URL set, `npm start` is
// also started on PostgreSQL (a fresh schema each run: first start migrates it, then a restart).
// After use: the restarted process is then used as a fact-checker would (10 captures with 3
// annotations each, an Arabic and an English claimMatches, a verdict published, both verdict
// feeds, a page of claims) and its memory read again 5 s later, so that a lower idle figure that
// is only loading put off shows up here (the text workers, stopped after 60 s idle, still run).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../libs/database/src/testing/test-database';
import { Gql, graphqlClient } from '../scripts/demo';
import { quantile } from './support/bench-api';

const runs = Math.max(1, Math.min(Number(process.argv[2] ?? 3), 20));
const root = join(__dirname, '..');
/** What `npm start` runs: package.json's start script is `node <flags> scripts/start.cjs`. */
function npmStartArgs(): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = script.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`package.json's start script is not "node ...": ${script}`);
  return args;
}
const modes: Record<string, readonly string[]> = {
  'compiled (dist)': ['dist/apps/api/src/main.js'],
  'ts-node (sources)': ['-r', './scripts/register-ts.cjs', 'apps/api/src/main.ts'],
  'npm start': npmStartArgs(),
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Resident memory of a process by kind, MiB. */
interface MemoryBreakdown {
  /** WebAssembly linear memory (PGlite's heap: shared buffers, caches, its malloc). */
  wasm: number;
  /** glibc malloc: the brk heap and the threads' 64 MiB arenas (V8's compilers, Node's natives). */
  malloc: number;
  /** Other anonymous memory: V8's heap and compiled code, large buffers (mmapped). */
  anonymous: number;
  /** Mapped files: the node binary and shared libraries. */
  files: number;
}

/**
 * Splits a process's resident memory by kind from /proc/<pid>/smaps. A WebAssembly memory is the
 * readable part of V8's reservation for it (followed by several GiB of guard pages); a malloc arena
 * is a 64 MiB-aligned mapping whose readable part and reserve make 64 MiB.
 */
function memoryBreakdown(pid: number): MemoryBreakdown {
  const maps: Array<{ start: number; size: number; perm: string; name: string; rss: number }> = [];
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (range) {
      const start = parseInt(range[1], 16);
      maps.push({ start, size: parseInt(range[2], 16) - start, perm: range[3], name: range[4].trim(), rss: 0 });
    } else if (line.startsWith('Rss:') && maps.length) {
      maps[maps.length - 1].rss = Number(line.split(/\s+/)[1]) / 1024;
    }
  }
  const out: MemoryBreakdown = { wasm: 0, malloc: 0, anonymous: 0, files: 0 };
  const MiB64 = 64 * 1024 * 1024;
  const GiB = 1024 * 1024 * 1024;
  maps.forEach((map, i) => {
    const next = maps[i + 1];
    const reserved = map.perm === 'rw-p' && !map.name && next?.perm === '---p' && next.start === map.start + map.size ? next.size : -1;
    if (reserved >= 4 * GiB) out.wasm += map.rss;
    else if (map.name === '[heap]' || (reserved >= 0 && map.start % MiB64 === 0 && map.size + reserved === MiB64)) out.malloc += map.rss;
    else if (map.name.startsWith('/')) out.files += map.rss;
    else out.anonymous += map.rss;
  });
  return out;
}

interface StartResult {
  ms: number;
  rss: number;
  memory: MemoryBreakdown;
  /** Resident memory 5 s after `use` (when asked for). */
  afterUse?: { rss: number; memory: MemoryBreakdown };
}

/** What a fact-checker does in a first session: captures, annotations, claim matches, a verdict, the feeds. */
async function useApi(base: string, gql: Gql): Promise<void> {
  type Id = { id: string };
  const { createOutlet } = await gql<{ createOutlet: Id }>(`mutation { createOutlet(input: { name: "سبوتنيك", kind: NEWS_AGENCY }) { id } }`);
  const { createSource } = await gql<{ createSource: Id }>(
    `mutation($o: ID!) { createSource(input: { kind: ANONYMOUS, name: "مصدر مطلع", confidedToOutletId: $o }) { id } }`,
    { o: createOutlet.id },
  );
  let claimId = '';
  for (let n = 0; n < 10; n++) {
    const sentences = [0, 1, 2].map((k) => `وأفاد مصدر مطلع بأن الحادثة ${n}-${k} وقعت قرب دير الزور وأصيب ${k + 2} جنود.`);
    const { captureArticle } = await gql<{ captureArticle: { article: { id: string; outletId: string } } }>(
      `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id outletId } } }`,
      { input: { url: `https://site-${n % 5}.example/news/${n}`, text: sentences.join('\n\n'), language: 'ar', title: `خبر ${n}` } },
    );
    for (const sentence of sentences) {
      const chain = [
        { sourceId: createSource.id, relation: 'ORIGIN' },
        { outletId: createOutlet.id, relation: 'RELAYED' },
        { outletId: captureArticle.article.outletId, relation: 'REPUBLISHED' },
      ];
      const { annotateClaim } = await gql<{ annotateClaim: { claimId: string } }>(
        `mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { claimId } }`,
        { input: { articleId: captureArticle.article.id, selector: { exact: sentence.slice(0, -1) }, tags: ['دير الزور'], chain } },
      );
      claimId = annotateClaim.claimId;
    }
  }
  // The English text is matched through the cross-language lexicon, which loads on first use.
  for (const text of ['أفاد مصدر مطلع بأن الحادثة 3-1 وقعت قرب دير الزور', 'An informed source said that incident 3-1 happened near Deir ez-Zor']) {
    await gql(`query($text: String!) { claimMatches(text: $text) { score } }`, { text });
  }
  const { ratingScales } = await gql<{ ratingScales: { ratings: Id[] }[] }>(`{ ratingScales { ratings { id } } }`);
  const { createVerdict } = await gql<{ createVerdict: { id: string; version: number } }>(
    `mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { id version } }`,
    { input: { claimId, ratingId: ratingScales[0].ratings[0].id, headline: 'لا دليل على الحادثة', summary: 'لم تؤكدها أي جهة مستقلة.', rationale: 'المصدر الوحيد مجهول.', authors: ['ليلى حداد'], language: 'ar' } },
  );
  const { submitVerdictForReview } = await gql<{ submitVerdictForReview: { version: number } }>(
    `mutation($input: VerdictStepInput!) { submitVerdictForReview(input: $input) { version } }`,
    { input: { id: createVerdict.id, expectedVersion: createVerdict.version } },
  );
  await gql(`mutation($input: VerdictStepInput!) { publishVerdict(input: $input) { id } }`, {
    input: { id: createVerdict.id, expectedVersion: submitVerdictForReview.version, by: 'سامر' },
  });
  for (const feed of ['atom', 'json']) {
    const response = await fetch(`${base}/feeds/verdicts.${feed}?limit=50`);
    if (!response.ok) throw new Error(`GET /feeds/verdicts.${feed} answered ${response.status}`);
    await response.text();
  }
  await gql(`{ claims(first: 20) { nodes { statement appearances { nodes { exact article { title outlet { name } } } } } } }`);
}

async function start(args: readonly string[], env: Record<string, string>, use = false): Promise<StartResult> {
  const port = await freePort();
  const token = `isn_${randomBytes(32).toString('base64url')}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '', ISNAD_BOOTSTRAP_ADMIN_TOKEN: token, ...env },
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
        const idle = { ms, rss: rssMiB(child.pid as number), memory: memoryBreakdown(child.pid as number) };
        if (!use) return idle;
        const base = `http://127.0.0.1:${port}`;
        await useApi(base, graphqlClient(`${base}/graphql`, token));
        await sleep(5000);
        return { ...idle, afterUse: { rss: rssMiB(child.pid as number), memory: memoryBreakdown(child.pid as number) } };
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
const {PGlite}=require('@electric-sql/pglite');const {pg_trgm}=require('@electric-sql/pglite/contrib/pg_trgm');const {vector}=require('@electric-sql/pglite-pgvector');
const {PGLITE_START_PARAMS}=require('./dist/libs/database/src/pglite/pglite-start-params.js');
PGlite.create({dataDir:process.argv[1],extensions:{pg_trgm,vector},startParams:[...PGLITE_START_PARAMS]}).then(async(db)=>{await db.query('select count(*) from claims');
await new Promise(r=>setTimeout(r,2000));console.log(rss()-before);await db.close();});`;
  const out = spawnSync(process.execPath, ['-e', script, dataDir], { cwd: root, encoding: 'utf8' });
  return Number(out.stdout.trim()) / 1024;
}

interface ModeResults {
  first: number[];
  restart: number[];
  rss: number[];
  memory: MemoryBreakdown[];
  afterUseRss: number[];
  afterUseMemory: MemoryBreakdown[];
}

/** First start on a new database, then a restart on it, `runs` times, into `r`. */
async function startTwice(r: ModeResults, args: readonly string[], env: Record<string, string>): Promise<void> {
  r.first.push((await start(args, env)).ms);
  const again = await start(args, env, true);
  r.restart.push(again.ms);
  r.rss.push(again.rss);
  r.memory.push(again.memory);
  r.afterUseRss.push(again.afterUse!.rss);
  r.afterUseMemory.push(again.afterUse!.memory);
}

function printResults(results: Map<string, ModeResults>): void {
  const m = (xs: number[]) => quantile(xs, 0.5);
  for (const [label, r] of results) {
    console.log(
      `${label.padEnd(20)} first start ${(m(r.first) / 1000).toFixed(2)} s  restart ${(m(r.restart) / 1000).toFixed(2)} s  idle RSS ${m(r.rss).toFixed(0)} MiB  (medians)`,
    );
  }
  for (const [label, r] of results) {
    const part = (key: keyof MemoryBreakdown) => m(r.memory.map((memory) => memory[key])).toFixed(0);
    console.log(
      `${label.padEnd(20)} idle memory: WebAssembly (PGlite's heap) ${part('wasm')} MiB, malloc ${part('malloc')} MiB, V8 heap and other anonymous ${part('anonymous')} MiB, mapped files ${part('files')} MiB  (medians)`,
    );
  }
  for (const [label, r] of results) {
    const part = (key: keyof MemoryBreakdown) => m(r.afterUseMemory.map((memory) => memory[key])).toFixed(0);
    console.log(
      `${label.padEnd(20)} after use (10 captures, 30 annotations, 2 claimMatches, a verdict, 2 feeds; 5 s later): RSS ${m(r.afterUseRss).toFixed(0)} MiB = WebAssembly ${part('wasm')}, malloc ${part('malloc')}, V8 heap and other anonymous ${part('anonymous')}, mapped files ${part('files')} MiB  (medians)`,
    );
  }
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build.cjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  console.log(`Node ${process.version}, ${runs} runs each (alternating), PGlite on disk; npm start is node ${modes['npm start'].join(' ')}`);
  const results = new Map<string, ModeResults>();
  const resultsOf = (label: string) => results.get(label) ?? results.set(label, { first: [], restart: [], rss: [], memory: [], afterUseRss: [], afterUseMemory: [] }).get(label)!;
  const postgresUrl = process.env.DATABASE_URL?.trim();
  let lastDir = '';
  for (let run = 0; run < runs; run++) {
    for (const [label, args] of Object.entries(modes)) {
      const dataDir = mkdtempSync(join(tmpdir(), 'isnad-startup-'));
      await startTwice(resultsOf(label), args, { ISNAD_DATA_DIR: dataDir });
      if (lastDir) rmSync(lastDir, { recursive: true, force: true });
      lastDir = dataDir;
    }
    if (postgresUrl) {
      const database = await createTestDatabase({ DATABASE_URL: postgresUrl });
      const { url, schema } = database.config as { url: string; schema: string };
      try {
        await startTwice(resultsOf('npm start, PostgreSQL'), modes['npm start'], { DATABASE_URL: url, DATABASE_SCHEMA: schema, DATABASE_MIGRATE: 'true' });
      } finally {
        await database.drop();
      }
    }
  }
  printResults(results);
  console.log(`PGlite's share (a bare process opening the same folder, after one query, less the process before PGlite): ${pgliteAlone(lastDir).toFixed(0)} MiB`);
  rmSync(lastDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
