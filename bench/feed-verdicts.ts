// `npm run bench:feeds [requests] [concurrency]`: throughput and latency of the verdict feeds over
// loopback HTTP. Seeds 50 published verdicts, each on a claim that appears in two articles of two
// outlets with a three-hop attribution chain, then fetches /feeds/verdicts.atom?limit=50 (the whole
// feed, every entry with its claim, appearances and outlets) `requests` times from `concurrency`
// clients, stopping after 60 s at most; then the same with If-None-Match (304s). Fresh database:
// PGlite in memory, or DATABASE_URL in a schema of its own. Prints requests/s, median and p99.
import { performance } from 'node:perf_hooks';
import { quantile, startBenchApi } from './support/bench-api';

const VERDICTS = 50;
const requests = Math.max(1, Math.min(Number(process.argv[2] ?? 400), 20_000));
const concurrency = Math.max(1, Math.min(Number(process.argv[3] ?? 8), 64));
const TIME_LIMIT_MS = 60_000;

interface Run {
  samples: number[];
  elapsedMs: number;
  statuses: Map<number, number>;
}

async function hammer(url: string, headers: Record<string, string>): Promise<Run> {
  const samples: number[] = [];
  const statuses = new Map<number, number>();
  let issued = 0;
  const started = performance.now();
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
  return { samples, elapsedMs: performance.now() - started, statuses };
}

function report(label: string, run: Run): string {
  const at = (q: number) => quantile(run.samples, q);
  const rps = (run.samples.length / run.elapsedMs) * 1000;
  const statuses = [...run.statuses].map(([status, n]) => `${status}×${n}`).join(' ');
  return `${label.padEnd(40)} n=${String(run.samples.length).padStart(5)}  ${rps.toFixed(1).padStart(7)} req/s  median ${at(0.5).toFixed(1).padStart(6)} ms  p99 ${at(0.99).toFixed(1).padStart(6)} ms  [${statuses}]`;
}

/** The part of annotateClaim's answer this benchmark reads. */
type Annotated = { annotateClaim: { claimId: string } };

async function main(): Promise<void> {
  const api = await startBenchApi();
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
    const url = `${base}/feeds/verdicts.atom?limit=50`;
    const first = await fetch(url);
    const body = await first.text();
    const entries = body.split('<entry>').length - 1;
    if (entries !== VERDICTS) throw new Error(`expected ${VERDICTS} entries, got ${entries}`);
    const etag = first.headers.get('etag') as string;
    console.log(`Feed of ${entries} verdicts (${(body.length / 1024).toFixed(0)} KiB), ${requests} requests, ${concurrency} clients, ${api.kind}`);
    await hammer(url, {}); // warm-up, not reported
    console.log(report('GET /feeds/verdicts.atom?limit=50', await hammer(url, {})));
    console.log(report('  … with If-None-Match (304)', await hammer(url, { 'if-none-match': etag })));
    console.log(report('GET /feeds/verdicts.json?limit=50', await hammer(`${base}/feeds/verdicts.json?limit=50`, {})));
  } finally {
    await api.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
