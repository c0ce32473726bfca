import { randomBytes } from 'node:crypto';
// `npm run demo [ARTICLE.txt]`: the fact-checker's first story, told through the public GraphQL
// endpoint. Captures the seed article (an "informed source" quoted via Sputnik), files Sputnik as
// a state-owned agency, annotates five statements with the anonymous source → Sputnik → site
// chain, prints them back by query, publishes a verdict, then watches a local feed that brings in
// copies of the seed and shows the repeat alerts. Talks to ISNAD_API_URL when set; otherwise starts the API
// on an in-memory PGlite for the duration of the demo.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { appConfigFromEnv } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';
import { publishVerdictDemo } from './demo-verdict';
import { watchFeedDemo } from './demo-watch';
import { SPUTNIK_OUTLET } from '../test/fixtures/seed/sputnik-outlet';
import { type Gql, graphqlClient } from './graphql-client';

export type { Gql };
export { graphqlClient };

const SEED = join(__dirname, '..', 'test', 'fixtures', 'seed', '000_1b4abf1cf8d92138.txt');

const STATEMENTS = [
  'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة',
  'بحث قضايا تكثيف الهجمات على قوات الحكومة السورية والتشكيلات المسلحة الموالية لإيران، وكذلك على قواعد عسكرية روسية في سوريا',
  'أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور عبادة للطوائف المختلفة',
  'ينبغي تزويد الجماعات الإرهابية بالتمويل والتقنيات والذخيرة وأنظمة الأسلحة الحديثة',
  'يخضعون لتدريب عسكري خاص تحت إشراف مدربين أميركيين',
  'العسكريون الروس الموجودون في سوريا',
];

/** Runs the capture-and-annotate story and returns the ids later steps build on. */
export async function annotateSeedArticle(gql: Gql, text: string): Promise<{ articleId: string; claimIds: string[] }> {
  const { captureArticle } = await gql<{
    captureArticle: {
      status: string;
      article: { id: string; outletId: string; outlet: { name: string } };
      revision: { number: number; removedLines: { kind: string; line: string }[] };
    };
  }>(
    `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) {
       status article { id outletId outlet { name } } revision { number removedLines { kind line } } } }`,
    {
      input: {
        url: 'https://www.syria-news.example/2021/02/isis-meets-western-intelligence/?utm_source=telegram',
        text,
        title: 'تنظيم داعش في سوريا يلتقي استخبارات دول غربية',
        publishedAt: '2021-02-05T09:00:00Z',
      },
    },
  );
  const { article } = captureArticle;
  console.log(`Captured article ${article.id} (${captureArticle.status}, revision ${captureArticle.revision.number}) from ${article.outlet.name}`);
  for (const removed of captureArticle.revision.removedLines) console.log(`  removed ${removed.kind}: «${removed.line}»`);

  const { outlets } = await gql<{ outlets: { nodes: { id: string }[] } }>(`query { outlets(filter: { text: "سبوتنيك" }) { nodes { id } } }`);
  const sputnikId: string =
    outlets.nodes[0]?.id ??
    (
      await gql<{ createOutlet: { id: string } }>(
        `mutation($input: CreateOutletInput!) { createOutlet(input: $input) { id } }`,
        { input: SPUTNIK_OUTLET },
      )
    ).createOutlet.id;
  const { createSource } = await gql<{ createSource: { id: string } }>(
    `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`,
    { input: { kind: 'ANONYMOUS', name: 'مصدر مطلع', language: 'ar', confidedToOutletId: sputnikId } },
  );

  const { claimCandidates } = await gql<{ claimCandidates: { start: number }[] }>(`query($id: ID!) { claimCandidates(articleId: $id) { start } }`, { id: article.id });
  console.log(`Isnad proposes ${claimCandidates.length} claim candidates; annotating ${STATEMENTS.length} statements by hand:`);

  const claimIds: string[] = [];
  for (const exact of STATEMENTS) {
    const { annotateClaim } = await gql<{ annotateClaim: { id: string; claimId: string } }>(
      `mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id claimId } }`,
      {
        input: {
          articleId: article.id,
          selector: { exact },
          tags: ['سوريا', 'داعش'],
          chain: [
            { sourceId: createSource.id, relation: 'ORIGIN', cue: 'أفاد مصدر مطلع' },
            { outletId: sputnikId, relation: 'RELAYED', cue: 'بحسب سبوتنيك' },
            { outletId: article.outletId, relation: 'REPUBLISHED' },
          ],
        },
      },
    );
    claimIds.push(annotateClaim.claimId);
  }
  return { articleId: article.id, claimIds };
}

/** The article as printAnnotations asks for it. */
interface DemoArticle {
  title: string;
  direction: string;
  outlet: { name: string };
  claimAppearances: {
    start: number;
    end: number;
    exact: string;
    claim: { id: string; tags: { label: string }[] };
    attributionChain: { relation: string; cue: string | null; source: { kind: string; name: string } }[];
  }[];
}

/** Prints an article's annotated claims with their anchors and attribution chains. */
export async function printAnnotations(gql: Gql, articleId: string): Promise<void> {
  const { article } = await gql<{ article: DemoArticle }>(
    `query($id: ID!) { article(id: $id) { title direction outlet { name }
       claimAppearances { start end exact claim { id tags { label } }
         attributionChain { relation cue source { kind name } } } } }`,
    { id: articleId },
  );
  console.log(`\n${article.title} (${article.outlet.name}, ${article.direction})`);
  for (const appearance of article.claimAppearances) {
    console.log(`\n[${appearance.start}–${appearance.end}] «${appearance.exact}»`);
    console.log(`  claim ${appearance.claim.id}  tags: ${appearance.claim.tags.map((t) => t.label).join('، ')}`);
    const chain = appearance.attributionChain.map((hop) => `${hop.source.name} (${hop.source.kind}, ${hop.relation})`);
    console.log(`  chain: ${chain.join(' → ')}`);
  }
}

async function main(): Promise<void> {
  const text = readFileSync(process.argv[2] ?? SEED, 'utf8');
  let app: INestApplication | undefined;
  let url = process.env.ISNAD_API_URL;
  // Against a running API, an EDITOR's (or ADMIN's) token in ISNAD_API_TOKEN; a throw-away API gets a bootstrap admin.
  let token = process.env.ISNAD_API_TOKEN ?? null;
  if (!url) {
    token = `isn_${randomBytes(32).toString('base64url')}`;
    // Loopback allowed (only it), so the watch step can fetch the demo's local news site.
    const env = { ISNAD_DATA_DIR: 'memory://', EGRESS_ALLOW_PRIVATE_ADDRESSES: '127.0.0.0/8', MONITORING_POLL_MS: '200', FETCH_HOST_DELAY_MS: '0' };
    const config = { ...appConfigFromEnv(env), port: 0, bootstrapAdminToken: token };
    app = await createApp(config, { logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`;
    console.log(`Started a throw-away API (in-memory PGlite) at ${url}\n`);
  }
  try {
    const gql = graphqlClient(url, token);
    const { articleId, claimIds } = await annotateSeedArticle(gql, text);
    await printAnnotations(gql, articleId);
    await publishVerdictDemo(gql, claimIds[0], url.replace(/\/graphql$/, ''));
    await watchFeedDemo(gql, text);
  } finally {
    await app?.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
