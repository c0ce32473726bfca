import request from 'supertest';
import { ApiVerdict } from './support/api-types';
import { annotate, captureArticle, captureSeedArticle, codePointSpan, createSource, createSputnik } from './support/factories';
import { TestApi } from './support/test-api';
import { publishVerdict, verdictStep } from './support/verdict-factories';

const STATEMENT = 'أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور عبادة للطوائف المختلفة';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** A schema.org node as it comes out of JSON.parse. */
interface JsonLdNode {
  '@type': string;
  name?: string;
  url?: string;
  [property: string]: unknown;
}

/** The parsed ClaimReview JSON-LD, as far as these tests read it. */
interface ParsedClaimReview extends JsonLdNode {
  claimReviewed: string;
  datePublished: string;
  reviewRating: JsonLdNode & { alternateName: string };
  author: JsonLdNode;
  itemReviewed: JsonLdNode & {
    author: JsonLdNode;
    datePublished: string;
    firstAppearance: JsonLdNode;
    appearance: (JsonLdNode & { datePublished: string; publisher: JsonLdNode })[];
  };
}

/** Google's ClaimReview rules: required and recommended properties, checked on the parsed JSON-LD. */
function expectGoogleClaimReview(review: ParsedClaimReview, baseUrl: string) {
  // Required.
  expect(review['@context']).toBe('https://schema.org');
  expect(review['@type']).toBe('ClaimReview');
  expect(typeof review.claimReviewed).toBe('string');
  expect(review.url).toMatch(new RegExp(`^${baseUrl}/verdicts/[0-9a-f-]{36}$`));
  expect(review.reviewRating['@type']).toBe('Rating');
  expect(typeof review.reviewRating.alternateName).toBe('string');
  // Recommended.
  expect(review.author).toMatchObject({ '@type': 'Organization', name: expect.any(String), url: expect.stringMatching(/^https?:/) });
  expect(review.datePublished).toMatch(ISO_DATE);
  expect(review.inLanguage).toBe('ar');
  const claim = review.itemReviewed;
  expect(claim['@type']).toBe('Claim');
  expect(claim.author).toMatchObject({ '@type': expect.stringMatching(/^(Person|Organization)$/), name: expect.any(String) });
  expect(claim.datePublished).toMatch(ISO_DATE);
  expect(claim.firstAppearance).toMatchObject({ '@type': 'CreativeWork', url: expect.stringMatching(/^https:/) });
  expect(claim.appearance.length).toBeGreaterThan(0);
  for (const appearance of claim.appearance) {
    expect(appearance).toMatchObject({ '@type': 'CreativeWork', url: expect.any(String), datePublished: expect.stringMatching(ISO_DATE) });
    expect(appearance.publisher).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
  }
  // Only schema.org terms: every key is a known property of the type it sits on.
  const allowed: Record<string, string[]> = {
    ClaimReview: ['@context', '@type', '@id', 'url', 'claimReviewed', 'headline', 'reviewBody', 'inLanguage', 'datePublished',
      'dateModified', 'version', 'author', 'creator', 'reviewRating', 'itemReviewed', 'citation', 'correction'],
    Rating: ['@type', 'alternateName', 'ratingValue', 'bestRating', 'worstRating'],
    Claim: ['@type', 'author', 'datePublished', 'firstAppearance', 'appearance', 'inLanguage'],
  };
  for (const [node, type] of [[review, 'ClaimReview'], [review.reviewRating, 'Rating'], [claim, 'Claim']] as const) {
    expect(Object.keys(node).filter((key) => !allowed[type].includes(key))).toEqual([]);
  }
}

describe('ClaimReview JSON-LD of a published verdict', () => {
  let api: TestApi;
  let verdict: ApiVerdict;

  beforeAll(async () => {
    api = await TestApi.start();
    const seed = await captureSeedArticle(api);
    const sputnikId = await createSputnik(api);
    const informed = await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر مطلع', language: 'ar', confidedToOutletId: sputnikId });
    const chain = (outletId: string) => [
      { sourceId: informed, relation: 'ORIGIN', cue: 'أفاد مصدر مطلع' },
      { outletId: sputnikId, relation: 'RELAYED' },
      { outletId, relation: 'REPUBLISHED' },
    ];
    const { claimId } = await annotate(api, { articleId: seed.id, selector: codePointSpan(seed.text, STATEMENT), chain: chain(seed.outletId) });
    // An earlier copy elsewhere: it must become the firstAppearance.
    const earlier = await captureArticle(api, {
      url: 'https://earlier.example/news/1',
      text: `قالت الوكالة إنه ${STATEMENT}.`,
      language: 'ar',
      title: 'الخبر الأول',
      publishedAt: '2021-02-04T18:30:00Z',
    });
    await annotate(api, { articleId: earlier.id, selector: codePointSpan(earlier.text, STATEMENT), claimId, chain: chain(earlier.outletId) });
    verdict = await publishVerdict(api, { claimId, headline: 'لا دليل على استهداف دور العبادة </script><script>alert(1)</script>' });
  });
  afterAll(() => api?.stop());

  it('carries every property Google requires and recommends, from the GraphQL field', async () => {
    const { verdict: loaded } = await api.ok<{ verdict: { claimReview: string } }>(
      `query($id: ID!) { verdict(id: $id) { claimReview } }`,
      { id: verdict.id },
    );
    const review = JSON.parse(loaded.claimReview) as ParsedClaimReview;
    expectGoogleClaimReview(review, api.url);
    expect(review.claimReviewed).toBe(STATEMENT);
    expect(review.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'خاطئ', ratingValue: 1, bestRating: 5, worstRating: 1 });
    expect(review.itemReviewed.author).toEqual({ '@type': 'Person', name: 'مصدر مطلع' });
    expect(review.itemReviewed.firstAppearance).toMatchObject({ url: 'https://earlier.example/news/1', headline: 'الخبر الأول' });
    expect(review.itemReviewed.datePublished).toBe('2021-02-04T18:30:00.000Z');
    expect(review.itemReviewed.appearance.map((a) => a.datePublished)).toEqual([
      '2021-02-04T18:30:00.000Z',
      '2021-02-05T09:00:00.000Z',
    ]);
    expect(review.creator).toEqual([{ '@type': 'Person', name: 'ليلى حداد' }]);
  });

  it('is served at a stable URL as application/ld+json, and embedded safely in the verdict page', async () => {
    const response = await request(api.url).get(`/claim-reviews/${verdict.id}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    const review = JSON.parse(response.text) as ParsedClaimReview;
    expectGoogleClaimReview(review, api.url);

    const page = await request(api.url).get(`/verdicts/${verdict.id}`).expect(200);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');
    // The hostile headline is text in the page, and cannot close the JSON-LD script block.
    expect(page.text.match(/<script/g)).toHaveLength(1);
    const embedded = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.text)?.[1] as string;
    expect(JSON.parse(embedded)).toEqual(review);
    expect(JSON.parse(embedded).headline).toContain('</script><script>alert(1)</script>');
  });

  it('shows a correction as a CorrectionComment, and drops the markup (410 Gone) once retracted', async () => {
    const corrected = await verdictStep(api, 'correctVerdict', {
      id: verdict.id,
      expectedVersion: verdict.version,
      summary: 'لا دليل مستقلاً على القائمة المزعومة.',
      note: 'أضفنا تاريخ النشر الأول للخبر.',
    });
    const review = JSON.parse((await request(api.url).get(`/claim-reviews/${verdict.id}`).expect(200)).text) as ParsedClaimReview;
    expect(review.correction).toEqual({ '@type': 'CorrectionComment', text: 'أضفنا تاريخ النشر الأول للخبر.', datePublished: corrected.publishedAt });
    expect(review.reviewBody).toBe('لا دليل مستقلاً على القائمة المزعومة.');
    expect(review.datePublished).toBe(verdict.firstPublishedAt);

    await verdictStep(api, 'retractVerdict', { id: verdict.id, expectedVersion: corrected.version, note: 'سُحب التحقق.' });
    const gone = await request(api.url).get(`/claim-reviews/${verdict.id}`).expect(410);
    expect(gone.body.errors[0].extensions.code).toBe('RETRACTED');
    const { verdict: loaded } = await api.ok<{ verdict: { claimReview: string | null } }>(
      `query($id: ID!) { verdict(id: $id) { claimReview } }`,
      { id: verdict.id },
    );
    expect(loaded.claimReview).toBeNull();
  });

  it('loads the ClaimReviews of a whole list of verdicts in a bounded number of statements', async () => {
    const statementsFor = async (first: number) => {
      const before = api.queryCount;
      const { verdicts } = await api.ok<{ verdicts: { nodes: { claimReview: string | null }[] } }>(
        `query($first: Int!) { verdicts(first: $first, filter: { statuses: [PUBLISHED] }) { nodes { claimReview } } }`,
        { first },
      );
      expect(verdicts.nodes.every((v) => v.claimReview && JSON.parse(v.claimReview)['@type'] === 'ClaimReview')).toBe(true);
      return { count: verdicts.nodes.length, statements: api.queryCount - before };
    };
    const { claimId } = await annotate(api, { articleId: (await captureArticle(api, { url: 'https://more.example/1', text: 'قال الناطق إن الميناء مغلق منذ شهر.', language: 'ar' })).id, selector: { exact: 'الميناء مغلق منذ شهر' } });
    await publishVerdict(api, { claimId, headline: 'الميناء مفتوح' });
    const { claimId: another } = await annotate(api, { articleId: (await captureArticle(api, { url: 'https://more.example/2', text: 'قال الناطق إن المطار مغلق.', language: 'ar' })).id, selector: { exact: 'المطار مغلق' } });
    await publishVerdict(api, { claimId: another, headline: 'المطار يعمل' });
    const one = await statementsFor(1);
    const two = await statementsFor(2);
    expect([one.count, two.count]).toEqual([1, 2]);
    expect(two.statements).toBe(one.statements);
  });

  it('has no public URL for a draft or an unknown id', async () => {
    const missing = await request(api.url).get('/claim-reviews/6f1c2a9e-8b7d-4c6e-9f10-1a2b3c4d5e6f').expect(404);
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const malformed = await request(api.url).get('/verdicts/not-a-uuid').expect(400);
    expect(malformed.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
