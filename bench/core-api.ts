// `npm run bench:core [articles]`: latency of the core GraphQL operations over loopback HTTP —
// capture, annotate with a three-hop chain, a page of 20 claims with their appearances and chains,
// and an Arabic-aware claim search — on a fresh database (PGlite in memory, or DATABASE_URL in a
// schema of its own). Prints medians and 95th percentiles; asserts nothing.
import { performance } from 'node:perf_hooks';
import { quantile, startBenchApi } from './support/bench-api';

const articles = Number(process.argv[2] ?? 200);

function summary(label: string, samples: number[]): string {
  const at = (q: number) => quantile(samples, q);
  return `${label.padEnd(34)} n=${String(samples.length).padStart(4)}  median ${at(0.5).toFixed(1).padStart(6)} ms  p95 ${at(0.95).toFixed(1).padStart(6)} ms`;
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  samples.push(performance.now() - start);
  return result;
}

async function main(): Promise<void> {
  const api = await startBenchApi();
  const { gql } = api;
  const times = { capture: [] as number[], annotate: [] as number[], page: [] as number[], search: [] as number[] };
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
    for (let i = 0; i < 50; i++) {
      await timed(times.page, () =>
        gql(`{ claims(first: 20) { nodes { statement tags { label } appearances { nodes {
                 exact article { title outlet { name } } attributionChain { relation source { name } } } } } } }`),
      );
      await timed(times.search, () => gql(`{ claims(filter: { text: "الحادثه ${i}-1" }) { nodes { id } } }`));
    }
    console.log(`${api.kind}, ${articles} articles, ${articles * 3} claims`);
    console.log(summary('captureArticle', times.capture));
    console.log(summary('annotateClaim (3-hop chain, tag)', times.annotate));
    console.log(summary('claims page of 20, nested', times.page));
    console.log(summary('claims search (Arabic, folded)', times.search));
  } finally {
    await api.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
