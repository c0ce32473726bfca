import { Role } from '@isnad/auth';
import { DEFAULT_MONITORING_OPTIONS } from '@isnad/monitoring';
import { DEFAULT_WEBHOOKS_OPTIONS } from '@isnad/webhooks';
import { annotate, codePointSpan } from './support/factories';
import { Route, articleHtml, rssFeed, serveFeed, servePage, startFixtureSite, waitFor } from './support/fixture-site';
import { TestApi } from './support/test-api';

// Other fact-checkers publish their verdicts as schema.org ClaimReview. Isnad reads them from the
// review pages and DataFeeds, keeps each rating exactly as its reviewer gave it, links each to the
// claim it reviews, and says "already checked by another organisation" wherever the claim shows up.

const SEED_QUOTE = 'اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش';
const SEED_STATEMENT = 'عقدت استخبارات دول غربية اجتماعات مع قادة ميدانيين من تنظيم داعش في سوريا';
const CHOLERA = 'أعلنت وزارة الصحة السورية تسجيل خمسمئة إصابة جديدة بالكوليرا في مدينة حلب خلال يوم واحد';
const VACCINE = 'The new vaccine changes the DNA of everyone who receives it within a week';

/** A ClaimReview as fact-checkers publish it, with the fields Google asks for and the usual extras. */
function claimReview(input: { url: string; claim: string; rating: string; value?: number; reviewer?: string; lang?: string; appearance?: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.url,
    datePublished: '2021-02-07',
    inLanguage: input.lang ?? 'ar',
    claimReviewed: input.claim,
    author: { '@type': 'Organization', name: input.reviewer ?? 'مسبار', url: 'https://misbar.example' },
    reviewRating: { '@type': 'Rating', ratingValue: input.value ?? 1, bestRating: 5, worstRating: 1, alternateName: input.rating },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'سبوتنيك' },
      datePublished: '2021-02-05',
      firstAppearance: { '@type': 'CreativeWork', url: input.appearance ?? 'https://sputnik.example/first' },
      appearance: [{ '@type': 'CreativeWork', url: input.appearance ?? 'https://sputnik.example/first' }],
    },
  };
}

/** A fact-check page: the article, and its ClaimReview in a JSON-LD script (or any blocks given). */
function factCheckPage(title: string, ...blocks: unknown[]): Route {
  const scripts = blocks.map((b) => `<script type="application/ld+json">${typeof b === 'string' ? b : JSON.stringify(b)}</script>`).join('');
  return (req, res) => servePage(articleHtml(title, ['تحقق فريقنا من هذا الادعاء ولم يجد أي دليل عليه في المصادر الرسمية أو الميدانية.']).replace('</head>', `${scripts}</head>`))(req, res);
}

const REVIEW_FIELDS = `id claimId reviewUrl foundAtUrl reviewerName reviewerUrl ratingValue ratingText bestRating worstRating claimReviewed claimAuthor
  datePublished appearances firstAppearance language`;
const IMPORT = `mutation($url: String!) { importClaimReviews(input: { url: $url }) {
  reviews { status claimCreated review { ${REVIEW_FIELDS} } } skipped { reason detail } } }`;

interface ApiReview {
  id: string;
  claimId: string;
  reviewUrl: string;
  reviewerName: string;
  ratingValue: string;
  ratingText: string;
  claimReviewed: string;
  appearances: string[];
  [field: string]: unknown;
}
interface ImportResult {
  importClaimReviews: { reviews: { status: string; claimCreated: boolean; review: ApiReview }[]; skipped: { reason: string; detail: string }[] };
}

describe("other fact-checkers' verdicts (ClaimReview)", () => {
  jest.setTimeout(120_000);
  let api: TestApi;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let newsSite: Awaited<ReturnType<typeof startFixtureSite>>;
  let seedClaimId: string;
  let seedRating = 'زائف';
  const webhookBodies: { type: string; data: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    site = await startFixtureSite();
    const review = (path: string, input: Omit<Parameters<typeof claimReview>[0], 'url'>) => claimReview({ url: `${site.origin}${path}`, ...input });
    Object.assign(site.routes, {
      // Arabic: Misbar's review of the seed's claim, in its own words; the rating can change.
      '/ar/isis-meeting': (req, res) => factCheckPage('ادعاء اجتماع استخبارات غربية مع داعش', review('/ar/isis-meeting', { claim: SEED_STATEMENT, rating: seedRating }))(req, res),
      // English, a claim Isnad has never seen, in a @graph.
      '/en/vaccine-dna': factCheckPage('Vaccine DNA claim', {
        '@context': 'https://schema.org',
        '@graph': [{ '@type': 'WebPage', name: 'Vaccine DNA' }, review('/en/vaccine-dna', { claim: VACCINE, rating: 'Pants on Fire', value: 0, reviewer: 'PolitiFact', lang: 'en' })],
      }),
      // A DataFeed of two reviews, as Google's Fact Check tools publish them.
      '/feeds/claim-reviews.json': serveFeed(
        () =>
          JSON.stringify({
            '@context': 'https://schema.org',
            '@type': 'DataFeed',
            dataFeedElement: [
              { '@type': 'DataFeedItem', item: [review('/ar/cholera', { claim: CHOLERA, rating: 'مضلل', value: 2 })] },
              { '@type': 'DataFeedItem', item: [review('/ar/isis-meeting-2', { claim: SEED_STATEMENT, rating: 'خطأ', reviewer: 'فتبينوا' })] },
            ],
          }),
        'application/ld+json',
      ),
      '/broken': factCheckPage('صفحة معطوبة', '{ "@type": "ClaimReview", "claimReviewed": ', { '@type': 'NewsArticle', headline: 'x' }),
      '/image.png': (_req, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10)),
      // A feed of fact-check pages, for a CLAIM_REVIEW watch.
      '/fact-checks.xml': serveFeed(() => rssFeed([{ link: '/watched/1', title: 'تحقق 1' }, { link: '/watched/2', title: 'تحقق 2' }, { link: '/broken', title: 'معطوبة' }])),
      '/watched/1': factCheckPage('تحقق 1', review('/watched/1', { claim: 'انقطاع الكهرباء عن دمشق كلها لمدة أسبوع كامل بسبب عطل في محطة واحدة', rating: 'زائف' })),
      // The organisation's webhook receiver.
      '/hook': (req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          webhookBodies.push(JSON.parse(body));
          res.writeHead(200).end('ok');
        });
      },
      '/watched/2': factCheckPage('تحقق 2', review('/watched/2', { claim: 'توزيع مئة ألف سلة غذائية في درعا خلال شهر واحد من قبل منظمة دولية', rating: 'صحيح جزئياً' })),
    } satisfies Record<string, Route>);
    newsSite = await startFixtureSite(
      {
        '/seed': servePage(articleHtml('تنظيم داعش في سوريا يلتقي استخبارات دول غربية', [
          `كشفت وكالة سبوتنيك الروسية نقلاً عن مصدر مطلع عن ${SEED_QUOTE} في سوريا.`,
          'وبحسب المصدر، عقدت هذه اللقاءات في منطقة التنف جنوب شرقي البلاد بمشاركة ممثلين عن دول غربية عدة.',
        ], { publishedAt: '2021-02-05T09:00:00Z' })),
        '/cholera-today': servePage(articleHtml('الكوليرا في حلب', [
          `ونقلت وكالة محلية عن مصدر طبي أن ${CHOLERA}، وسط نقص في الأدوية.`,
          'من جهة أخرى، افتتحت البلدية حديقة عامة جديدة في حي الشهباء بمساحة ثلاثة آلاف متر مربع.',
        ], { publishedAt: new Date().toISOString() })),
      },
      '127.0.0.2',
    );
    const loopback = ['127.0.0.0/8'];
    api = await TestApi.start({
      monitoring: { ...DEFAULT_MONITORING_OPTIONS, allowPrivateAddresses: loopback, workerEnabled: true, pollMs: 100, hostDelayMs: 0 },
      webhooks: { ...DEFAULT_WEBHOOKS_OPTIONS, workerEnabled: true, pollMs: 100, allowPrivateAddresses: loopback },
    });
    await api.ok(`mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`, { input: { url: `${site.origin}/hook` } });
    // The seed, with its claim annotated: Misbar's review should find this claim, not make another.
    const seed = await api.ok<{ captureArticleFromUrl: { article: { id: string }; revision: { text: string } } }>(
      `mutation($url: String!) { captureArticleFromUrl(input: { url: $url }) { article { id } revision { text } } }`,
      { url: `${newsSite.origin}/seed` },
    );
    seedClaimId = (
      await annotate(api, {
        articleId: seed.captureArticleFromUrl.article.id,
        selector: codePointSpan(seed.captureArticleFromUrl.revision.text, SEED_QUOTE),
        statement: SEED_STATEMENT,
      })
    ).claimId;
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await site?.close();
    await newsSite?.close();
  });

  it("imports an Arabic review onto the claim it reviews, with the reviewer's own rating text", async () => {
    const { importClaimReviews } = await api.ok<ImportResult>(IMPORT, { url: `${site.origin}/ar/isis-meeting` });
    expect(importClaimReviews.skipped).toEqual([]);
    expect(importClaimReviews.reviews).toHaveLength(1);
    const [{ status, claimCreated, review }] = importClaimReviews.reviews;
    expect({ status, claimCreated }).toEqual({ status: 'NEW', claimCreated: false });
    expect(review).toMatchObject({
      claimId: seedClaimId,
      reviewUrl: `${site.origin}/ar/isis-meeting`,
      reviewerName: 'مسبار',
      reviewerUrl: 'https://misbar.example/',
      ratingValue: '1',
      ratingText: 'زائف',
      bestRating: '5',
      worstRating: '1',
      claimReviewed: SEED_STATEMENT,
      claimAuthor: 'سبوتنيك',
      datePublished: '2021-02-07',
      appearances: ['https://sputnik.example/first'],
      firstAppearance: 'https://sputnik.example/first',
      language: 'ar',
    });

    // The claim says it was checked elsewhere; so does a match for a text stating it.
    const { claim } = await api.ok<{ claim: { externalReviews: ApiReview[] } }>(`query($id: ID!) { claim(id: $id) { externalReviews { id ratingText reviewerName } } }`, { id: seedClaimId });
    expect(claim.externalReviews).toEqual([{ id: review.id, ratingText: 'زائف', reviewerName: 'مسبار' }]);
    const { claimMatches } = await api.ok<{ claimMatches: { claimId: string; externalReviews: { reviewUrl: string }[] }[] }>(
      `query($text: String!) { claimMatches(text: $text) { claimId externalReviews { reviewUrl } } }`,
      { text: SEED_STATEMENT },
    );
    expect(claimMatches[0]).toEqual({ claimId: seedClaimId, externalReviews: [{ reviewUrl: review.reviewUrl }] });
  });

  it('makes a new claim for an English review of a claim never seen, read from a @graph', async () => {
    const { importClaimReviews } = await api.ok<ImportResult>(IMPORT, { url: `${site.origin}/en/vaccine-dna` });
    const [{ status, claimCreated, review }] = importClaimReviews.reviews;
    expect({ status, claimCreated }).toEqual({ status: 'NEW', claimCreated: true });
    expect(review).toMatchObject({ reviewerName: 'PolitiFact', ratingText: 'Pants on Fire', ratingValue: '0', language: 'en' });
    const { claim } = await api.ok<{ claim: { statement: string; language: string } }>(`query($id: ID!) { claim(id: $id) { statement language } }`, { id: review.claimId });
    expect(claim).toEqual({ statement: VACCINE, language: 'en' });
  });

  it('is idempotent by review URL: the same page changes nothing, a changed rating updates the review', async () => {
    const url = `${site.origin}/ar/isis-meeting`;
    const again = await api.ok<ImportResult>(IMPORT, { url });
    expect(again.importClaimReviews.reviews.map((r) => r.status)).toEqual(['UNCHANGED']);
    seedRating = 'مضلل';
    const changed = await api.ok<ImportResult>(IMPORT, { url });
    expect(changed.importClaimReviews.reviews.map((r) => [r.status, r.review.ratingText, r.review.claimId])).toEqual([['UPDATED', 'مضلل', seedClaimId]]);
    expect(changed.importClaimReviews.reviews[0].review.id).toBe(again.importClaimReviews.reviews[0].review.id);
    const { claim } = await api.ok<{ claim: { externalReviews: ApiReview[] } }>(`query($id: ID!) { claim(id: $id) { externalReviews { ratingText } } }`, { id: seedClaimId });
    expect(claim.externalReviews).toEqual([{ ratingText: 'مضلل' }]);
  });

  it('imports every review of a DataFeed, each onto its claim', async () => {
    const { importClaimReviews } = await api.ok<ImportResult>(IMPORT, { url: `${site.origin}/feeds/claim-reviews.json` });
    expect(importClaimReviews.reviews.map((r) => [r.review.reviewUrl, r.review.ratingText, r.claimCreated])).toEqual([
      [`${site.origin}/ar/cholera`, 'مضلل', true],
      [`${site.origin}/ar/isis-meeting-2`, 'خطأ', false],
    ]);
    expect(importClaimReviews.reviews[1].review.claimId).toBe(seedClaimId);
    expect(importClaimReviews.reviews.every((r) => r.review.foundAtUrl === `${site.origin}/feeds/claim-reviews.json`)).toBe(true);
  });

  it('refuses what carries no ClaimReview with a typed error and the reasons, never a 500', async () => {
    const broken = await api.gql(IMPORT, { url: `${site.origin}/broken` });
    expect(broken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_CLAIM_REVIEW', skipped: [{ reason: 'INVALID_JSON_LD' }] });
    const image = await api.gql(IMPORT, { url: `${site.origin}/image.png` });
    expect(image.errors?.[0]?.extensions).toMatchObject({ code: 'FETCH_FAILED', reason: 'NOT_HTML' });
    const missing = await api.gql(IMPORT, { url: `${site.origin}/nothing-here` });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'FETCH_FAILED', reason: 'HTTP_STATUS', status: 404 });
    const viewer = await api.member(Role.VIEWER);
    expect((await api.as(viewer).gql(IMPORT, { url: `${site.origin}/ar/isis-meeting` })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('watches a feed of fact-check pages (CLAIM_REVIEW): each page is imported, a page without a review fails alone', async () => {
    const { watchFeed } = await api.ok<{ watchFeed: { id: string; kind: string } }>(
      `mutation($input: WatchFeedInput!) { watchFeed(input: $input) { id kind } }`,
      { input: { url: `${site.origin}/fact-checks.xml`, kind: 'CLAIM_REVIEW' } },
    );
    expect(watchFeed.kind).toBe('CLAIM_REVIEW');
    const watch = async () =>
      (await api.ok<{ watches: { id: string; itemsSeen: number; reviewsImported: number; articlesCaptured: number }[] }>(`{ watches { id itemsSeen reviewsImported articlesCaptured } }`)).watches.find(
        (w) => w.id === watchFeed.id,
      );
    await waitFor(async () => (await watch())?.reviewsImported === 2, 'the two fact-checks to be imported');
    expect(await watch()).toMatchObject({ itemsSeen: 3, reviewsImported: 2, articlesCaptured: 0 });
    const { claims } = await api.ok<{ claims: { nodes: { statement: string; externalReviews: { ratingText: string }[] }[] } }>(
      `{ claims(first: 50) { nodes { statement externalReviews { ratingText } } } }`,
    );
    expect(claims.nodes.find((c) => c.statement.startsWith('توزيع مئة ألف سلة'))?.externalReviews).toEqual([{ ratingText: 'صحيح جزئياً' }]);
    // A fact-check page is not captured as an article.
    expect((await api.gql(`query($url: String!) { articleByUrl(url: $url) { id } }`, { url: `${site.origin}/watched/1` })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('flags a repeat of a claim only another organisation checked, naming that organisation, and tells the webhook', async () => {
    const copy = await api.ok<{ captureArticleFromUrl: { article: { id: string } } }>(
      `mutation($url: String!) { captureArticleFromUrl(input: { url: $url }) { article { id } } }`,
      { url: `${newsSite.origin}/cholera-today` },
    );
    const articleId = copy.captureArticleFromUrl.article.id;
    const REPEATS = `{ repeats(first: 20) { nodes { exact verdict { id } article { id } externalReviews { reviewerName ratingText reviewUrl }
      alert { rating reviewedBy reviewUrl verdictId } } } }`;
    type Repeats = { repeats: { nodes: { exact: string; verdict: null; article: { id: string }; externalReviews: unknown[]; alert: Record<string, unknown> }[] } };
    await waitFor(async () => (await api.ok<Repeats>(REPEATS)).repeats.nodes.some((r) => r.article.id === articleId), 'a repeat of the cholera claim');
    const [repeat] = (await api.ok<Repeats>(REPEATS)).repeats.nodes.filter((r) => r.article.id === articleId);
    expect(repeat.exact).toContain(CHOLERA);
    expect(repeat.verdict).toBeNull();
    expect(repeat.externalReviews).toEqual([{ reviewerName: 'مسبار', ratingText: 'مضلل', reviewUrl: `${site.origin}/ar/cholera` }]);
    expect(repeat.alert).toEqual({ rating: 'مضلل', reviewedBy: 'مسبار', reviewUrl: `${site.origin}/ar/cholera`, verdictId: null });
    // The partner's webhook hears it through the outbox too, though no verdict of ours is involved.
    const repeated = () => webhookBodies.find((b) => b.type === 'claim.repeated' && b.data.articleId === articleId);
    await waitFor(() => Boolean(repeated()), 'the claim.repeated webhook');
    expect(repeated()?.data).toMatchObject({ rating: 'مضلل', reviewedBy: 'مسبار', reviewUrl: `${site.origin}/ar/cholera`, verdictId: null });
    expect(String(repeated()?.data.exact)).toContain(CHOLERA);
  });

  it('keeps the external reviews with the claim that stays when an editor merges two claims', async () => {
    // Importing again is UNCHANGED and names each review's claim.
    const claimOf = async (path: string) => (await api.ok<ImportResult>(IMPORT, { url: `${site.origin}${path}` })).importClaimReviews.reviews[0].review.claimId;
    const kept = await claimOf('/watched/1');
    const duplicate = await claimOf('/en/vaccine-dna');
    await api.ok(`mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { id } }`, { input: { keepId: kept, mergeId: duplicate } });
    const { claim } = await api.ok<{ claim: { externalReviews: { reviewerName: string }[] } }>(
      `query($id: ID!) { claim(id: $id) { externalReviews { reviewerName } } }`,
      { id: kept },
    );
    expect(claim.externalReviews.map((r) => r.reviewerName).sort()).toEqual(['PolitiFact', 'مسبار']);
  });
});
