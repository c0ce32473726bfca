// `npm run bench:feeds [requests] [concurrency]`: throughput and latency of the verdict feeds over
// loopback HTTP. Seeds 50 published verdicts, each on a claim that appears in two articles of two
// outlets with a three-hop attribution chain, then fetches /feeds/verdicts.atom?limit=50 (the whole
// feed, every entry with its claim, appearances and outlets) `requests` times from `concurrency`
// clients, stopping after 60 s at most (after as many unreported, to warm up); then the same with
// If-None-Match (304s), warmed up alike. Fresh database:
// PGlite in memory, or DATABASE_URL in a schema of its own. Prints requests/s, median and p99.
// The ceiling: a bare node:http server in the same process serving the very bytes and headers the
// API sent (the same 200 body and coding, the same 304), hammered by the same client in the same
// run; each API figure is printed with its ratio to the ceiling. That client runs in this process,
// beside the servers it measures, so when `ab` is on PATH (ApacheBench, Debian package apache2-utils)
// the same four loads (ceiling and API, 200 and 304) are also run for AB_SECONDS each from ab, a C
// client in its own process, with `concurrency` kept-alive connections: extra lines, with the
// server's own CPU per request. ab keeps no connection after a 304 (it needs a Content-Length), so the
// same loads are run once more from a small keep-alive client of ours in a process of its own
// (bench/support/keepalive-load.ts): extra lines, the 304s among them with kept-alive connections.
// When `wrk` is on PATH (Debian package wrk: a C client that keeps its connection after a 304),
// the same four loads once more from wrk (one thread, `concurrency` connections, AB_SECONDS each):
// extra lines, with the server's CPU per request and both as shares of the ceiling's; then the 200s
// and 304s again from wrk in 2 s slices, ceiling and API taking turns (8 pairs): the medians of the
// pairs' ratios, steadier than one ratio of two 10 s runs on a machine whose load drifts.
// Then the time of an uncached render (the page cache emptied before each request), sequentially.
// PROFILE_FEED=<file>: this process's CPU profile during ab's 200s, of the API (<file>) and of the
// ceiling (<file>.ceiling), for comparing where the two spend their time per request.
// The API runs as `npm start` runs it: the compiled API from dist/ (built first when missing or
// stale), with npm start's V8 flag (package.json) and environment (scripts/as-started.cjs:
// NODE_ENV=production, the malloc settings); the output's second line says so.
// BENCH_FEEDS_CODE=sources runs the TypeScript sources through ts-node instead (as this benchmark
// did before). BENCH_FEEDS_CLIENTS=<list> (of fetch, ab, keepalive, wrk; default all; empty: none,
// only the uncached render) runs only the loads of those clients, e.g. `wrk` for alternated runs
// comparing two versions of the fast path.
import { IncomingHttpHeaders, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { PublicPageCache } from '@isnad/verdicts';
import { quantile, startBenchApi } from './support/bench-api';
import { AbRun, abAvailable, runAb } from './support/ab';
import { KeepAliveRun, runKeepAliveLoad } from './support/keepalive-load';
import { WrkRun, runWrk, wrkAvailable } from './support/wrk';

/** What reportOwnProcess prints of a load from a client in its own process. */
type OwnProcessRun = Pick<AbRun, 'requests' | 'requestsPerSecond' | 'p50' | 'p99' | 'serverCpuMsPerRequest'>;

const VERDICTS = 50;
const requests = Math.max(1, Math.min(Number(process.argv[2] ?? 2000), 20_000));
const concurrency = Math.max(1, Math.min(Number(process.argv[3] ?? 8), 64));
const TIME_LIMIT_MS = 60_000;
const AB_SECONDS = 10;
const CLIENTS = ['fetch', 'ab', 'keepalive', 'wrk'];
const clients = new Set((process.env.BENCH_FEEDS_CLIENTS ?? CLIENTS.join(',')).split(',').map((name) => name.trim()).filter(Boolean));
for (const name of clients) if (!CLIENTS.includes(name)) throw new Error(`BENCH_FEEDS_CLIENTS: unknown client ${name} (known: ${CLIENTS.join(', ')})`);

interface Run {
  samples: number[];
  elapsedMs: number;
  /** CPU time of this process (server and client) per request, ms: less sensitive to a busy machine than latency. */
  cpuMsPerRequest: number;
  statuses: Map<number, number>;
}

async function hammer(url: string, headers: Record<string, string>): Promise<Run> {
  const samples: number[] = [];
  const statuses = new Map<number, number>();
  let issued = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const client = async () => {
    while (issued < requests && performance.now() - started < TIME_LIMIT_MS) {
      issued++;
      const t0 = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      samples.push(performance.now() - t0);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const used = process.cpuUsage(cpu);
  return { samples, elapsedMs: performance.now() - started, statuses, cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, samples.length) };
}

const rpsOf = (run: Run) => (run.samples.length / run.elapsedMs) * 1000;

function report(label: string, run: Run, ceiling?: Run): string {
  const at = (q: number) => quantile(run.samples, q);
  const statuses = [...run.statuses].map(([status, n]) => `${status}×${n}`).join(' ');
  const ratio = ceiling ? `  ${((rpsOf(run) / rpsOf(ceiling)) * 100).toFixed(0).padStart(3)} % of ceiling` : '';
  return `${label.padEnd(44)} n=${String(run.samples.length).padStart(5)}  ${rpsOf(run).toFixed(1).padStart(7)} req/s  median ${at(0.5).toFixed(1).padStart(6)} ms  p99 ${at(0.99).toFixed(1).padStart(6)} ms  cpu ${run.cpuMsPerRequest.toFixed(2).padStart(6)} ms/req  [${statuses}]${ratio}`;
}

function reportAb(label: string, run: AbRun, ceiling?: AbRun): string {
  return reportOwnProcess(label, run, ceiling, 1, `not 2xx: ${run.non2xx}, not kept alive: ${run.notKeptAlive}`);
}

function reportKeptAlive(label: string, run: KeepAliveRun, ceiling?: KeepAliveRun): string {
  return reportOwnProcess(label, run, ceiling, 2, `not 2xx: ${run.non2xx}, reconnects: ${run.reconnects}`);
}

function reportWrk(label: string, run: WrkRun, ceiling?: WrkRun): string {
  return reportOwnProcess(label, run, ceiling, 2, `status ≥ 400: ${run.errors}, socket errors: ${run.socketErrors}`);
}

/** A load from a client in its own process: throughput, latency, the server's CPU, and both as shares of the ceiling's. */
function reportOwnProcess(label: string, run: OwnProcessRun, ceiling: OwnProcessRun | undefined, msDigits: number, counts: string): string {
  // The CPU ratio too: throughput swings with the machine's load, CPU per request much less.
  const ratio = ceiling
    ? `  ${((run.requestsPerSecond / ceiling.requestsPerSecond) * 100).toFixed(0).padStart(3)} % of ceiling, server cpu ${(run.serverCpuMsPerRequest / ceiling.serverCpuMsPerRequest).toFixed(2)}× its`
    : '';
  return (
    `${label.padEnd(44)} n=${String(run.requests).padStart(5)}  ${run.requestsPerSecond.toFixed(1).padStart(7)} req/s  median ${run.p50.toFixed(msDigits).padStart(6)} ms  ` +
    `p99 ${run.p99.toFixed(msDigits).padStart(6)} ms  server cpu ${run.serverCpuMsPerRequest.toFixed(3).padStart(6)} ms/req  [${counts}]${ratio}`
  );
}

const WRK_PAIRS = 8;
const WRK_SLICE_SECONDS = 2;

/**
 * wrk against the ceiling and the API in turns (WRK_PAIRS pairs of WRK_SLICE_SECONDS slices, which
 * goes first alternating): per pair, the API's requests/s and server CPU per request as shares of the
 * ceiling's in the neighbouring slice.
 */
async function alternatedWrk(ceilingUrl: string, apiUrl: string, headers: Record<string, string>): Promise<{ rps: number[]; cpu: number[] }> {
  const rps: number[] = [];
  const cpu: number[] = [];
  for (let pair = 0; pair < WRK_PAIRS; pair++) {
    const order = pair % 2 === 0 ? [ceilingUrl, apiUrl] : [apiUrl, ceilingUrl];
    const runs = new Map<string, WrkRun>();
    for (const target of order) runs.set(target, await runWrk(target, headers, concurrency, WRK_SLICE_SECONDS));
    const [ceiling, api] = [runs.get(ceilingUrl) as WrkRun, runs.get(apiUrl) as WrkRun];
    rps.push(api.requestsPerSecond / ceiling.requestsPerSecond);
    cpu.push(api.serverCpuMsPerRequest / ceiling.serverCpuMsPerRequest);
  }
  return { rps, cpu };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The response exactly as sent: status, headers and undecoded body. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const COPIED_HEADERS = ['content-type', 'content-encoding', 'etag', 'last-modified', 'cache-control', 'vary', 'link'];

/** A bare node:http server answering every request with the API's own bytes: 304 when If-None-Match matches. */
async function startCeiling(ok: { headers: IncomingHttpHeaders; body: Buffer }): Promise<{ url: string; close: () => Promise<void> }> {
  const headers = Object.fromEntries(COPIED_HEADERS.filter((name) => ok.headers[name] !== undefined).map((name) => [name, ok.headers[name] as string]));
  const server = createServer((req, res) => {
    if (req.headers['if-none-match'] === ok.headers.etag) {
      res.writeHead(304, { etag: headers.etag, 'cache-control': headers['cache-control'] ?? '', vary: headers.vary ?? '' }).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': ok.body.length }).end(ok.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Starts this process's CPU profiler; stop() writes the profile (Chrome DevTools' .cpuprofile) to a file. */
async function startProfile(): Promise<{ stop: (file: string) => Promise<void> }> {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async (file: string) => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** The part of annotateClaim's answer this benchmark reads. */
type Annotated = { annotateClaim: { claimId: string } };

async function main(): Promise<void> {
  const api = await startBenchApi({ compiled: process.env.BENCH_FEEDS_CODE !== 'sources' });
  const { base, gql } = api;
  try {
    const { createOutlet } = await gql<{ createOutlet: { id: string } }>(`mutation { createOutlet(input: { name: "سبوتنيك", kind: NEWS_AGENCY }) { id } }`);
    const { createSource } = await gql<{ createSource: { id: string } }>(
      `mutation($o: ID!) { createSource(input: { kind: ANONYMOUS, name: "مصدر مطلع", confidedToOutletId: $o }) { id } }`,
      { o: createOutlet.id },
    );
    const { ratingScales } = await gql<{ ratingScales: { ratings: { id: string; key: string }[] }[] }>(`{ ratingScales { ratings { id key } } }`);
    const ratings = ratingScales[0].ratings;
    for (let n = 0; n < VERDICTS; n++) {
      const statement = `وصلت شحنة الأسلحة رقم ${n} إلى ميناء طرطوس بحسب مصدر مطلع`;
      let claimId: string | null = null;
      for (const site of [`site-${n % 10}`, `copy-${(n + 3) % 10}`]) {
        const { captureArticle } = await gql<{ captureArticle: { article: { id: string; outletId: string } } }>(
          `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id outletId } } }`,
          { input: { url: `https://${site}.example/news/${n}`, text: `قالت الوكالة: ${statement}.`, language: 'ar', title: `خبر ${n}` } },
        );
        const { annotateClaim }: Annotated = await gql<Annotated>(`mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { claimId } }`, {
          input: {
            articleId: captureArticle.article.id,
            selector: { exact: statement },
            ...(claimId ? { claimId } : {}),
            tags: ['طرطوس'],
            chain: [
              { sourceId: createSource.id, relation: 'ORIGIN' },
              { outletId: createOutlet.id, relation: 'RELAYED' },
              { outletId: captureArticle.article.outletId, relation: 'REPUBLISHED' },
            ],
          },
        });
        claimId = annotateClaim.claimId;
      }
      const { createVerdict } = await gql<{ createVerdict: { id: string; version: number } }>(`mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { id version } }`, {
        input: {
          claimId,
          ratingId: ratings[n % ratings.length].id,
          headline: `لا دليل على وصول الشحنة رقم ${n}`,
          summary: 'لم تؤكد أي جهة مستقلة الخبر، والمصدر الوحيد مجهول.',
          rationale: 'راجعنا صور الأقمار الصناعية وبيانات الميناء.',
          authors: ['ليلى حداد'],
          language: 'ar',
        },
      });
      const { submitVerdictForReview } = await gql<{ submitVerdictForReview: { version: number } }>(
        `mutation($input: VerdictStepInput!) { submitVerdictForReview(input: $input) { version } }`,
        { input: { id: createVerdict.id, expectedVersion: createVerdict.version } },
      );
      await gql(`mutation($input: VerdictStepInput!) { publishVerdict(input: $input) { id } }`, {
        input: { id: createVerdict.id, expectedVersion: submitVerdictForReview.version, by: 'سامر' },
      });
    }
    const path = '/feeds/verdicts.atom?limit=50';
    const url = `${base}${path}`;
    const first = await fetch(url);
    const body = await first.text();
    const entries = body.split('<entry>').length - 1;
    if (entries !== VERDICTS) throw new Error(`expected ${VERDICTS} entries, got ${entries}`);
    const etag = first.headers.get('etag') as string;
    // The coding the client asks for, stated, so the ceiling can serve the same bytes.
    const accept = { 'accept-encoding': 'gzip, deflate, br' };
    const sent = await rawGet(url, accept);
    const ceiling = await startCeiling(sent);
    try {
      console.log(
        `Feed of ${entries} verdicts (${(body.length / 1024).toFixed(0)} KiB, ${(sent.body.length / 1024).toFixed(0)} KiB as sent${sent.headers['content-encoding'] ? ` with ${sent.headers['content-encoding']}` : ''}), ` +
          `${requests} requests, ${concurrency} clients, ${api.kind}, Node ${process.version}`,
      );
      const v8Flags = process.execArgv.filter((arg) => arg.startsWith('--') && !arg.startsWith('--require')).join(' ') || 'none';
      console.log(
        `  API run ${api.code === 'compiled' ? 'as npm start runs it, compiled (dist/)' : 'from its TypeScript sources (ts-node)'}: ` +
          `NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}, V8 flags ${v8Flags}, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? '(unset)'}`,
      );
      const conditional = { ...accept, 'if-none-match': etag };
      if (clients.has('fetch')) {
        await hammer(url, accept); // warm-up, not reported
        await hammer(`${ceiling.url}${path}`, accept);
        const ceiling200 = await hammer(`${ceiling.url}${path}`, accept);
        console.log(report('ceiling: bare node:http, same bytes (200)', ceiling200));
        console.log(report(`GET ${path}`, await hammer(url, accept), ceiling200));
        await hammer(url, conditional); // warm-up of the 304 path, not reported
        const ceiling304 = await hammer(`${ceiling.url}${path}`, conditional);
        console.log(report('ceiling: bare node:http (304)', ceiling304));
        console.log(report('  … with If-None-Match (304)', await hammer(url, conditional), ceiling304));
        console.log(report('GET /feeds/verdicts.json?limit=50', await hammer(`${base}/feeds/verdicts.json?limit=50`, accept)));
      }
      if (!clients.has('ab')) {
        // Left out (BENCH_FEEDS_CLIENTS).
      } else if (await abAvailable()) {
        const load = async (target: string, headers: Record<string, string>) => {
          await runAb(target, headers, concurrency, 2); // warm-up, not reported
          return runAb(target, headers, concurrency, AB_SECONDS);
        };
        const profilingCeiling = process.env.PROFILE_FEED ? await startProfile() : null;
        const abCeiling200 = await load(`${ceiling.url}${path}`, accept);
        if (profilingCeiling) await profilingCeiling.stop(`${process.env.PROFILE_FEED}.ceiling`);
        console.log(reportAb('ab (own process): ceiling (200)', abCeiling200));
        const profiling = process.env.PROFILE_FEED ? await startProfile() : null;
        console.log(reportAb(`ab (own process): GET ${path}`, await load(url, accept), abCeiling200));
        if (profiling) await profiling.stop(process.env.PROFILE_FEED as string);
        const abCeiling304 = await load(`${ceiling.url}${path}`, conditional);
        console.log(reportAb('ab (own process): ceiling (304)', abCeiling304));
        const api304 = await load(url, conditional);
        console.log(reportAb('ab (own process):   … with If-None-Match (304)', api304, abCeiling304));
        if (api304.notKeptAlive || abCeiling304.notKeptAlive) {
          console.log('  (ab keeps a connection only after an answer with a Content-Length: each 304 above opened its own)');
        }
      } else {
        console.log('ab is not on PATH (Debian package apache2-utils): no figures from a client in its own process');
      }
      if (clients.has('keepalive')) {
        const keptAlive = async (target: string, headers: Record<string, string>) => {
          await runKeepAliveLoad(target, headers, concurrency, 2); // warm-up, not reported
          return runKeepAliveLoad(target, headers, concurrency, AB_SECONDS);
        };
        const kaCeiling200 = await keptAlive(`${ceiling.url}${path}`, accept);
        console.log(reportKeptAlive('keep-alive client (own process): ceiling (200)', kaCeiling200));
        console.log(reportKeptAlive(`keep-alive client (own process): GET ${path}`, await keptAlive(url, accept), kaCeiling200));
        const kaCeiling304 = await keptAlive(`${ceiling.url}${path}`, conditional);
        console.log(reportKeptAlive('keep-alive client (own process): ceiling (304)', kaCeiling304));
        console.log(reportKeptAlive('keep-alive client (own process):   … with If-None-Match (304)', await keptAlive(url, conditional), kaCeiling304));
      }
      if (!clients.has('wrk')) {
        // Left out (BENCH_FEEDS_CLIENTS).
      } else if (await wrkAvailable()) {
        const wrk = async (target: string, headers: Record<string, string>) => {
          await runWrk(target, headers, concurrency, 2); // warm-up, not reported
          return runWrk(target, headers, concurrency, AB_SECONDS);
        };
        const wrkCeiling200 = await wrk(`${ceiling.url}${path}`, accept);
        console.log(reportWrk('wrk (own process): ceiling (200)', wrkCeiling200));
        console.log(reportWrk(`wrk (own process): GET ${path}`, await wrk(url, accept), wrkCeiling200));
        const wrkCeiling304 = await wrk(`${ceiling.url}${path}`, conditional);
        console.log(reportWrk('wrk (own process): ceiling (304)', wrkCeiling304));
        console.log(reportWrk('wrk (own process):   … with If-None-Match (304)', await wrk(url, conditional), wrkCeiling304));
        // The same loads in short slices, ceiling and API taking turns: on a machine whose load drifts
        // within a run, a ratio of two neighbouring slices is steadier than one of two 10 s runs.
        for (const [status, headers] of [
          ['200', accept],
          ['304', conditional],
        ] as const) {
          const { rps, cpu } = await alternatedWrk(`${ceiling.url}${path}`, url, headers);
          console.log(
            `wrk (own process), alternated: ${status}s at ${(median(rps) * 100).toFixed(0).padStart(3)} % of ceiling, server cpu ${median(cpu).toFixed(2)}× its ` +
              `(medians of ${rps.length} pairs of ${WRK_SLICE_SECONDS} s slices; per pair ${rps.map((r) => (r * 100).toFixed(0)).join(' ')} %)`,
          );
        }
      } else {
        console.log('wrk is not on PATH (Debian package wrk): no figures from wrk');
      }
    } finally {
      await ceiling.close();
    }
    // A first render: the page cache emptied before each request, one request at a time.
    const cache = api.app.get(api.module<{ PublicPageCache: typeof PublicPageCache }>('libs/verdicts/src').PublicPageCache);
    const renders: number[] = [];
    const renderCpu = process.cpuUsage();
    for (let n = 0; n < 20; n++) {
      cache.invalidate();
      const t0 = performance.now();
      const response = await fetch(url, { headers: accept });
      await response.arrayBuffer();
      renders.push(performance.now() - t0);
    }
    const renderUsed = process.cpuUsage(renderCpu);
    console.log(
      `uncached render of ${entries} entries (Atom), sequential: median ${quantile(renders, 0.5).toFixed(1)} ms  p90 ${quantile(renders, 0.9).toFixed(1)} ms  ` +
        `cpu ${((renderUsed.user + renderUsed.system) / 1000 / renders.length).toFixed(1)} ms/render`,
    );
  } finally {
    await api.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
