// `npm run bench:core [articles] [rounds]`: latency of the core GraphQL operations over loopback HTTP —
// capture, annotate with a three-hop chain, a page of 20 claims with their appearances and chains,
// and an Arabic-aware claim search — on a fresh database (PGlite in memory, or DATABASE_URL in a
// schema of its own). Prints medians and 95th percentiles; asserts nothing. The page of claims is
// also set against its own SQL: the statements it sent, recorded once, replayed alone through the
// same driver one after the other (what the API's time would be if GraphQL, Nest and TypeORM cost
// nothing), and the ratio of the two medians. Each round times a page and then its SQL, so the
// median of the rounds' own ratios is printed too: it is steadier on a machine whose load drifts.
// `rounds` (default 50) is how many pages and replays are timed. PROFILE_PAGE=file.cpuprofile also writes a CPU profile
// of the page alone. The client above runs in the API's process, so its own request building and
// JSON parsing are on the API's event loop and in the page's time: the page is timed again (as
// many rounds, each followed by its SQL) from a client in a child process, and printed as extra lines,
// with this process's CPU time for each page and each replay. Both clients are node:http on one
// kept-alive connection (bench/support/http-client.ts), not fetch, whose own work (some 0.4–0.5 ms
// of CPU a request) the in-process page was charged for; the page still goes over loopback HTTP.
// The API runs as `npm start` runs it (package.json: npm start's V8 flag, and scripts/as-started.cjs
// gives the process npm start's environment, NODE_ENV=production and the malloc settings, before
// anything loads); the second line of the output says which settings were in force.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { QueryCountingLogger } from '@isnad/database';
import { quantile, startBenchApi, startRemoteClient } from './support/bench-api';
import { keepAliveGraphqlClient } from './support/http-client';

const articles = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 50);

function summary(label: string, samples: number[]): string {
  const at = (q: number) => quantile(samples, q);
  return `${label.padEnd(34)} n=${String(samples.length).padStart(4)}  median ${at(0.5).toFixed(1).padStart(6)} ms  p95 ${at(0.95).toFixed(1).padStart(6)} ms`;
}

/** CPU time (user and system) this process used since `start`, ms. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  samples.push(performance.now() - start);
  return result;
}

/** Writes a CPU profile (open it in Chrome's DevTools) of 150 pages in a row, server and client alike. */
async function profilePages(file: string, page: () => Promise<unknown>): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < 150; i++) await page();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}

async function main(): Promise<void> {
  const api = await startBenchApi();
  const client = keepAliveGraphqlClient(`${api.base}/graphql`, api.token);
  const { gql } = client;
  const times = {
    capture: [] as number[],
    annotate: [] as number[],
    page: [] as number[],
    search: [] as number[],
    pageSql: [] as number[],
    pageApart: [] as number[],
    pageApartSql: [] as number[],
    pageApartCpu: [] as number[],
    pageApartSqlCpu: [] as number[],
  };
  try {
    const { createOutlet } = await gql<{ createOutlet: { id: string } }>(`mutation { createOutlet(input: { name: "سبوتنيك", kind: NEWS_AGENCY }) { id } }`);
    const { createSource } = await gql<{ createSource: { id: string } }>(
      `mutation($o: ID!) { createSource(input: { kind: ANONYMOUS, name: "مصدر مطلع", confidedToOutletId: $o }) { id } }`,
      { o: createOutlet.id },
    );
    for (let n = 0; n < articles; n++) {
      const sentences = [0, 1, 2].map((k) => `وأفاد مصدر مطلع بأن الحادثة ${n}-${k} وقعت قرب دير الزور وأصيب ${k + 2} جنود.`);
      const { captureArticle } = await timed(times.capture, () =>
        gql<{ captureArticle: { article: { id: string; outletId: string } } }>(`mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id outletId } } }`, {
          input: { url: `https://site-${n % 25}.example/news/${n}`, text: sentences.join('\n\n'), language: 'ar' },
        }),
      );
      for (const sentence of sentences) {
        await timed(times.annotate, () =>
          gql(`mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id } }`, {
            input: {
              articleId: captureArticle.article.id,
              selector: { exact: sentence.slice(0, -1) },
              tags: ['دير الزور'],
              chain: [
                { sourceId: createSource.id, relation: 'ORIGIN' },
                { outletId: createOutlet.id, relation: 'RELAYED' },
                { outletId: captureArticle.article.outletId, relation: 'REPUBLISHED' },
              ],
            },
          }),
        );
      }
    }
    const pageQuery = `{ claims(first: 20) { nodes { statement tags { label } appearances { nodes {
               exact article { title outlet { name } } attributionChain { relation source { name } } } } } } }`;
    const page = () => gql(pageQuery);
    // The page's statements, as sent (the token's check included). Background work (matching after
    // the annotations) may still be sending its own: wait until it is done (no statement for half a
    // second, at most a minute), then the fewest of three recordings are the page's.
    const sql = api.app.get(QueryCountingLogger);
    for (let waited = 0, last = -1; sql.queryCount !== last && waited < 60_000; waited += 500) {
      last = sql.queryCount;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    let statements: [string, unknown[] | undefined][] = [];
    for (let i = 0; i < 3; i++) {
      const recorded: typeof statements = [];
      sql.onQuery = (query, parameters) => recorded.push([query, parameters]);
      await page();
      sql.onQuery = null;
      if (!statements.length || recorded.length < statements.length) statements = recorded;
    }
    const dataSource = api.app.get(DataSource);
    const replaySql = async () => {
      for (const [query, parameters] of statements) await dataSource.query(query, parameters);
    };
    if (process.env.PROFILE_PAGE) await profilePages(process.env.PROFILE_PAGE, page);
    for (let i = 0; i < rounds; i++) {
      await timed(times.page, page);
      await timed(times.search, () => gql(`{ claims(filter: { text: "الحادثه ${i}-1" }) { nodes { id } } }`));
      await timed(times.pageSql, replaySql);
    }
    const remote = startRemoteClient();
    try {
      const request = { url: `${api.base}/graphql`, headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` }, body: { query: pageQuery } };
      for (let i = 0; i < 5; i++) await remote.time(request); // the child's connection and JIT warm up
      for (let i = 0; i < rounds; i++) {
        let cpu = process.cpuUsage();
        times.pageApart.push(await remote.time(request));
        times.pageApartCpu.push(cpuMsSince(cpu));
        cpu = process.cpuUsage();
        await timed(times.pageApartSql, replaySql);
        times.pageApartSqlCpu.push(cpuMsSince(cpu));
      }
    } finally {
      remote.stop();
    }
    console.log(`${api.kind}, ${articles} articles, ${articles * 3} claims`);
    const v8Flags = process.execArgv.filter((arg) => arg.startsWith('--') && !arg.startsWith('--require')).join(' ') || 'none';
    console.log(`  run as npm start runs the API: NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}, V8 flags ${v8Flags}, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? '(unset)'}`);
    console.log(`  client: node:http, one kept-alive connection, in this process and in the child (not fetch)`);
    console.log(summary('captureArticle', times.capture));
    console.log(summary('annotateClaim (3-hop chain, tag)', times.annotate));
    console.log(summary('claims page of 20, nested', times.page));
    console.log(summary(`  its ${statements.length} statements replayed alone`, times.pageSql));
    console.log(`  page / its SQL alone: ${(quantile(times.page, 0.5) / quantile(times.pageSql, 0.5)).toFixed(2)}× (medians)`);
    const ratios = times.page.map((pageTime, i) => pageTime / times.pageSql[i]);
    console.log(`  page / its SQL alone, round by round: median ${quantile(ratios, 0.5).toFixed(2)}×`);
    console.log(summary('claims search (Arabic, folded)', times.search));
    console.log(summary('claims page, client in a child', times.pageApart));
    console.log(summary(`  its ${statements.length} statements replayed alone`, times.pageApartSql));
    const apartRatios = times.pageApart.map((pageTime, i) => pageTime / times.pageApartSql[i]);
    console.log(`  page (client apart) / its SQL alone, round by round: median ${quantile(apartRatios, 0.5).toFixed(2)}×`);
    // CPU time waits for no one, so it drifts less than latency on a busy machine. With PGlite the
    // SQL runs in this process too; with PostgreSQL this process only drives it.
    const cpuRatios = times.pageApartCpu.map((pageCpu, i) => pageCpu / times.pageApartSqlCpu[i]);
    console.log(
      `  this process's CPU: page (client apart) median ${quantile(times.pageApartCpu, 0.5).toFixed(2)} ms, its SQL alone ${quantile(times.pageApartSqlCpu, 0.5).toFixed(2)} ms, ` +
        `round by round: median ${quantile(cpuRatios, 0.5).toFixed(2)}×`,
    );
  } finally {
    client.close();
    await api.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
