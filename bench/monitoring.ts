/**
 * `npm run bench:monitoring [PAGES]`: how fast one API process watches outlets. A local site on
 * 127.0.0.1 serves PAGES (default 1,000) generated Arabic article pages through one RSS feed (every
 * 20th page, a copy of the one before, from a second site on 127.0.0.2: another outlet, since
 * republication is detected across outlets only); the
 * API (in this process, on in-memory PGlite unless DATABASE_URL is set) watches it with the worker
 * on, so every page is fetched, decoded, captured through the HTML path (Readability, metadata,
 * republication fingerprints) and scanned for repeats of five claims rated FALSE. Prints pages per
 * minute, sentences per second (and per day, beside Full Fact's ~300,000), and the memory taken,
 * with a fetch-only ceiling measured in the same run.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PageFetcher } from '@isnad/monitoring';
import { segmentSentences } from '@isnad/text';
import { appConfigFromEnv } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';
import { graphqlClient } from '../scripts/demo';
import { articleHtml, rssFeed, serveFeed, servePage, startFixtureSite } from '../test/support/fixture-site';
import { seedArticleText } from '../test/support/test-api';

const PAGES = Number(process.argv[2] ?? 1000);
const TIME_LIMIT_MS = 20 * 60_000;

const RATED = [
  'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة',
  'أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور عبادة للطوائف المختلفة',
  'ينبغي تزويد الجماعات الإرهابية بالتمويل والتقنيات والذخيرة وأنظمة الأسلحة الحديثة',
  'يخضعون لتدريب عسكري خاص تحت إشراف مدربين أميركيين',
  'بحث قضايا تكثيف الهجمات على قوات الحكومة السورية والتشكيلات المسلحة الموالية لإيران، وكذلك على قواعد عسكرية روسية في سوريا',
];
const PLACES = ['دير الزور', 'حلب', 'حمص', 'درعا', 'إدلب', 'الرقة', 'طرطوس', 'اللاذقية', 'حماة', 'القامشلي', 'تدمر', 'دمشق'];
const ACTORS = ['وزارة الصحة', 'مجلس المحافظة', 'الهلال الأحمر', 'مديرية التربية', 'غرفة التجارة', 'نقابة المهندسين', 'البلدية', 'وزارة الزراعة'];
const CUES = ['قال', 'أفاد', 'أعلن', 'أكد', 'ذكر', 'أوضح'];

/** A deterministic generator, so every run serves the same pages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Page n: 3–4 paragraphs of 2–3 sentences; every 10th repeats a rated claim, every 20th copies page n-1 instead. */
function pageParagraphs(n: number): string[] {
  if (isCopy(n)) return pageParagraphs(n - 1);
  const r = random(n * 7919);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)];
  const sentence = () =>
    `${pick(CUES)} مسؤول في ${pick(ACTORS)} في ${pick(PLACES)} إن ${Math.floor(r() * 900) + 10} أسرة استفادت من مشروع ${pick(['المياه', 'الكهرباء', 'الطرق', 'المدارس', 'المخابز'])} رقم ${n} خلال ${Math.floor(r() * 11) + 2} أسابيع.`;
  const paragraphs = Array.from({ length: 3 + Math.floor(r() * 2) }, () => Array.from({ length: 2 + Math.floor(r() * 2) }, sentence).join(' '));
  if (n % 10 === 0) paragraphs.splice(1, 0, `ونقلت وكالة سبوتنيك عن مصدر مطلع أنه ${RATED[(n / 10) % RATED.length]} في ${pick(PLACES)}.`);
  return paragraphs;
}

/** Page n is a copy (served by the copier's site) when it repeats page n-1. */
const isCopy = (n: number) => n % 20 === 0 && n > 1;

async function main(): Promise<void> {
  const site = await startFixtureSite();
  const copier = await startFixtureSite({}, '127.0.0.2');
  const pageUrl = (n: number) => `${isCopy(n) ? copier.origin : site.origin}/news/${n}`;
  site.routes['/feed.xml'] = serveFeed(() => rssFeed(Array.from({ length: PAGES }, (_, i) => ({ link: pageUrl(i + 1), title: `خبر ${i + 1}` }))));
  let sentences = 0;
  let repeating = 0;
  for (let n = 1; n <= PAGES; n++) {
    const paragraphs = pageParagraphs(n);
    if (paragraphs.some((p) => p.includes('سبوتنيك'))) repeating++;
    sentences += paragraphs.reduce((sum, p) => sum + segmentSentences(p).length, 0);
    (isCopy(n) ? copier : site).routes[`/news/${n}`] = servePage(articleHtml(`خبر محلي رقم ${n}`, paragraphs, { publishedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString() }));
  }
  const token = `isn_${randomBytes(32).toString('base64url')}`;
  const env = {
    ...process.env,
    ISNAD_DATA_DIR: process.env.DATABASE_URL ? undefined : 'memory://',
    EGRESS_ALLOW_PRIVATE_ADDRESSES: '127.0.0.0/8',
    MONITORING_POLL_MS: '50',
    // Two local hosts serve every page: the per-host pace is lifted so the bench measures Isnad, not politeness.
    FETCH_HOST_DELAY_MS: '0',
    FETCH_HOST_CONCURRENCY: '4',
    LOG_LEVEL: 'warn',
  };
  const app: INestApplication = await createApp({ ...appConfigFromEnv(env), port: 0, bootstrapAdminToken: token }, { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const gql = graphqlClient(`${await app.getUrl()}/graphql`, token);
  const db = app.get(DataSource);

  // Five claims of the seed rated FALSE: every capture is matched against them.
  const { captureArticle } = await gql<{ captureArticle: { article: { id: string } } }>(
    `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id } } }`,
    { input: { url: 'https://www.syria-news.example/2021/02/isis-meets-western-intelligence/', text: seedArticleText(), language: 'ar', publishedAt: '2021-02-05T09:00:00Z' } },
  );
  const { ratingScales } = await gql<{ ratingScales: { ratings: { id: string; key: string }[] }[] }>(`{ ratingScales { ratings { id key } } }`);
  const ratingId = ratingScales[0].ratings.find((r) => r.key === 'FALSE')?.id;
  for (const quote of RATED) {
    const { annotateClaim } = await gql<{ annotateClaim: { claimId: string } }>(
      `mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { claimId } }`,
      { input: { articleId: captureArticle.article.id, selector: { exact: quote } } },
    );
    const step = async (name: string, input: Record<string, unknown>) =>
      (await gql<Record<string, { id: string; version: number }>>(`mutation($input: VerdictStepInput!) { ${name}(input: $input) { id version } }`, { input }))[name];
    const { createVerdict: draft } = await gql<{ createVerdict: { id: string; version: number } }>(
      `mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { id version } }`,
      { input: { claimId: annotateClaim.claimId, ratingId, language: 'ar', headline: 'ادعاء بلا دليل', summary: 'لا دليل.', rationale: 'لا دليل.', authors: ['محرر'] } },
    );
    const inReview = await step('submitVerdictForReview', { id: draft.id, expectedVersion: draft.version });
    await step('publishVerdict', { id: draft.id, expectedVersion: inReview.version });
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  // Ceiling: the same pages fetched (and nothing else) by the same fetcher, on a sample.
  const fetcher = app.get(PageFetcher);
  const sample = Math.min(200, PAGES);
  const fetchStart = Date.now();
  for (let i = 0; i < sample; i += 4) {
    await Promise.all([0, 1, 2, 3].map((k) => (i + k < sample ? fetcher.fetch({ url: pageUrl(i + k + 1), kind: 'PAGE' }) : null)));
  }
  const fetchPerMinute = (sample / (Date.now() - fetchStart)) * 60_000;
  site.hits.length = 0;

  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const started = Date.now();
  await gql(`mutation($input: WatchFeedInput!) { watchFeed(input: $input) { id } }`, { input: { url: `${site.origin}/feed.xml` } });
  let captured = 0;
  let capturedAt = 0;
  for (;;) {
    const [{ done }]: { done: number }[] = await db.query(`SELECT count(*)::int AS done FROM watch_items WHERE status <> 'PENDING'`);
    const [{ queued }]: { queued: number }[] = await db.query(`SELECT count(*)::int AS queued FROM repeat_scans`);
    if (done !== captured) {
      captured = done;
      if (done >= PAGES) capturedAt = Date.now();
    }
    if (done >= PAGES && queued === 0) break;
    if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`Not done within ${TIME_LIMIT_MS / 60_000} minutes (${done} captured, ${queued} scans queued)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const elapsed = Date.now() - started;
  clearInterval(sampler);
  const [{ failed }]: { failed: number }[] = await db.query(`SELECT count(*)::int AS failed FROM watch_items WHERE status = 'FAILED'`);
  const [{ repeats }]: { repeats: number }[] = await db.query(`SELECT count(*)::int AS repeats FROM claim_repeats`);
  const [{ copies }]: { copies: number }[] = await db.query(`SELECT count(*)::int AS copies FROM article_republications`);
  const perMinute = (PAGES / elapsed) * 60_000;
  const perSecond = sentences / (elapsed / 1000);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (in process)'}; ${PAGES} pages, ${sentences} sentences; ${failed} items failed`);
  console.log(`captured in ${(capturedAt - started) / 1000} s; captured and scanned in ${(elapsed / 1000).toFixed(1)} s`);
  console.log(`pages per minute: ${perMinute.toFixed(0)} (fetch-only ceiling on the same site: ${fetchPerMinute.toFixed(0)}; ratio ${(perMinute / fetchPerMinute).toFixed(3)})`);
  console.log(`sentences per second: ${perSecond.toFixed(1)} → ${Math.round(perSecond * 86_400).toLocaleString('en')} a day (Full Fact: ~300,000 a day; ×${((perSecond * 86_400) / 300_000).toFixed(1)})`);
  console.log(`repeats filed: ${repeats} (pages repeating a rated claim: ${repeating}); republished copies linked: ${copies} (copies served: ${Math.floor(PAGES / 20)})`);
  console.log(`memory: RSS ${mb(baseline)} MB before the watch, peak ${mb(peak)} MB (+${mb(peak - baseline)} MB)`);
  await app.close();
  await site.close();
  await copier.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
