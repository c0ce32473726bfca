import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import Parser from 'rss-parser';
import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { DEFAULT_ORGANISATION_ID } from '@isnad/auth';
import { PublicPageCache } from '@isnad/verdicts';
import { ApiVerdict } from './support/api-types';
import { annotate, captureArticle, captureSeedArticle, codePointSpan, createSource, createSputnik } from './support/factories';
import { TestApi } from './support/test-api';
import { defaultRatingId, publishVerdict, verdictStep } from './support/verdict-factories';

const STATEMENTS = [
  'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة',
  'أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور عبادة للطوائف المختلفة',
  'ينبغي تزويد الجماعات الإرهابية بالتمويل والتقنيات والذخيرة وأنظمة الأسلحة الحديثة',
  'يخضعون لتدريب عسكري خاص تحت إشراف مدربين أميركيين',
];
// Markup, a CDATA terminator, a right-to-left override and Arabic with full diacritics.
const HOSTILE = 'خَبَرٌ مُضَلِّلٌ <script>alert("x")</script> ]]> \u202Egnp.exe & <b>';
const HOSTILE_AS_READ = 'خَبَرٌ مُضَلِّلٌ <script>alert("x")</script> ]]> gnp.exe & <b>';

/** Decodes the HTML escapes of a title a reader would render as HTML. */
const fromHtml = (text: string) =>
  text.replace(/&#(\d+);/g, (_m, code) => String.fromCharCode(Number(code))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** JSON Feed 1.1, as these tests read it. */
interface JsonFeed {
  [member: string]: unknown;
  version: string;
  feed_url: string;
  items: { id: string; title: string; language?: string; authors?: { name: string }[] }[];
}

/** The schema.org DataFeed of ClaimReviews, as these tests read it. */
interface ClaimReviewDataFeed {
  '@type': string;
  dataFeedElement: { '@type': string; url: string; correction?: { text: string } }[];
}

describe('verdict feeds: Atom, RSS, JSON Feed and DataFeed, read by feed readers', () => {
  let api: TestApi;
  let sputnikId: string;
  let informedId: string;
  let englishOutletId: string;
  const published: Record<string, ApiVerdict> = {};

  const get = (path: string) => request(api.url).get(path);
  /** The response's bytes as sent, not decoded. */
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<{ status?: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      httpRequest(`${api.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });

  beforeAll(async () => {
    api = await TestApi.start();
    const seed = await captureSeedArticle(api);
    sputnikId = await createSputnik(api);
    informedId = await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر مطلع', confidedToOutletId: sputnikId });
    const chain = [
      { sourceId: informedId, relation: 'ORIGIN' },
      { outletId: sputnikId, relation: 'RELAYED' },
      { outletId: seed.outletId, relation: 'REPUBLISHED' },
    ];
    const claimIds: string[] = [];
    for (const [i, quote] of STATEMENTS.entries()) {
      const { claimId } = await annotate(api, {
        articleId: seed.id,
        selector: codePointSpan(seed.text, quote),
        chain,
        tags: i === 0 ? ['سوريا', 'استخبارات'] : ['سوريا'],
      });
      claimIds.push(claimId);
    }
    const english = await captureArticle(api, {
      url: 'https://wire.example/2021/02/training',
      text: 'US instructors train militants in Syria, the agency claimed on Friday.',
      language: 'en',
      title: 'Agency claims US trains militants',
    });
    englishOutletId = english.outletId;
    const englishClaim = await annotate(api, { articleId: english.id, selector: codePointSpan(english.text, 'US instructors train militants in Syria') });

    published.meetings = await publishVerdict(api, { claimId: claimIds[0] });
    published.targets = await publishVerdict(api, { claimId: claimIds[1], headline: HOSTILE, summary: `${HOSTILE} ملخص`, ratingId: await defaultRatingId(api, 'MISLEADING') });
    published.supplies = await publishVerdict(api, { claimId: claimIds[2], headline: 'تحقق سيُصحَّح' });
    published.supplies = await verdictStep(api, 'correctVerdict', {
      id: published.supplies.id,
      expectedVersion: published.supplies.version,
      note: 'صحّحنا التاريخ',
    });
    published.training = await publishVerdict(api, { claimId: claimIds[3], headline: 'تحقق سيُسحب' });
    published.training = await verdictStep(api, 'retractVerdict', { id: published.training.id, expectedVersion: published.training.version, note: 'سُحب' });
    published.english = await publishVerdict(api, {
      claimId: englishClaim.claimId,
      language: 'en',
      headline: 'No evidence US instructors train militants',
      summary: 'The only source is an anonymous one.',
      authors: ['Jane Doe'],
      ratingId: await defaultRatingId(api, 'UNPROVEN'),
    });
  });
  afterAll(() => api?.stop());

  it('serves Atom 1.0 that rss-parser and feed-extractor read, Arabic and hostile text intact as text', async () => {
    const response = await get('/feeds/verdicts.atom').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml; charset=utf-8/);
    expect(response.text).not.toContain('\u202E');
    expect(response.text).not.toContain('<script>');

    const feed = await new Parser().parseString(response.text);
    expect(feed.items).toHaveLength(5);
    const titles = feed.items.map((item) => fromHtml(item.title as string));
    expect(titles).toContain('لا دليل على لقاءات بين داعش واستخبارات غربية');
    expect(titles).toContain(HOSTILE_AS_READ);
    expect(titles).toContain('سُحب التحقق: تحقق سيُسحب');
    const hostile = feed.items.find((item) => fromHtml(item.title as string) === HOSTILE_AS_READ) as (Parser.Item & { id?: string }) | undefined;
    expect(hostile?.link).toBe(`${api.url}/verdicts/${published.targets.id}`);
    expect(hostile?.id).toBe(`urn:uuid:${published.targets.id}`);
    expect(hostile?.content).toContain('مضلِّل');
    expect(hostile?.content).toContain('&#60;script&#62;');
    // Newest public change first: the English verdict was published last.
    expect(feed.items[0].title).toBe('No evidence US instructors train militants');

    const extracted = extractFromXml(response.text, { normalization: true, descriptionMaxLen: 0 });
    expect(extracted.entries?.map((e) => e.link)).toEqual(feed.items.map((item) => item.link));
  });

  it('serves RSS 2.0 that both readers parse, with the same entries', async () => {
    const response = await get('/feeds/verdicts.rss').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/rss\+xml/);
    const feed = await new Parser().parseString(response.text);
    expect(feed.items.map((item) => item.guid)).toEqual(
      [published.english, published.training, published.supplies, published.targets, published.meetings].map((v) => `urn:uuid:${v.id}`),
    );
    expect(fromHtml(feed.items[3].title as string)).toBe(HOSTILE_AS_READ);
    expect(feed.items[4].categories).toEqual(['خاطئ']);
    const extracted = extractFromXml(response.text);
    expect(extracted.entries).toHaveLength(5);
  });

  it('serves JSON Feed 1.1 that feed-extractor reads', async () => {
    const response = await get('/feeds/verdicts.json').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/feed\+json/);
    const json = JSON.parse(response.text) as JsonFeed;
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`${api.url}/feeds/verdicts.json`);
    const hostile = json.items.find((item) => item.id === `urn:uuid:${published.targets.id}`);
    expect(hostile?.title).toBe(HOSTILE_AS_READ);
    expect(hostile?.language).toBe('ar');
    expect(hostile?.authors).toEqual([{ name: 'ليلى حداد' }]);
    const extracted = extractFromJson(json);
    expect(extracted.entries?.map((e) => e.id)).toEqual(json.items.map((item) => item.id));
  });

  it('serves a schema.org DataFeed of the ClaimReviews, without the retracted verdict', async () => {
    const response = await get('/feeds/verdicts.jsonld').expect(200);
    const feed = JSON.parse(response.text) as ClaimReviewDataFeed;
    expect(feed['@type']).toBe('DataFeed');
    expect(feed.dataFeedElement.map((r) => r['@type'])).toEqual(['ClaimReview', 'ClaimReview', 'ClaimReview', 'ClaimReview']);
    expect(feed.dataFeedElement.map((r) => r.url)).not.toContain(`${api.url}/verdicts/${published.training.id}`);
    const corrected = feed.dataFeedElement.find((r) => r.url.endsWith(published.supplies.id));
    expect(corrected?.correction?.text).toBe('صحّحنا التاريخ');
  });

  it('filters by language, rating, outlet, source, tag and organisation', async () => {
    const ids = async (query: string) =>
      (JSON.parse((await get(`/feeds/verdicts.json?${query}`).expect(200)).text) as JsonFeed).items.map((item) => item.id.slice('urn:uuid:'.length));
    expect(await ids('language=en')).toEqual([published.english.id]);
    expect(await ids('rating=MISLEADING')).toEqual([published.targets.id]);
    expect(await ids(`outlet=${englishOutletId}`)).toEqual([published.english.id]);
    expect(await ids(`source=${informedId}`)).toHaveLength(4);
    expect(await ids(`tag=${encodeURIComponent('استخبارات')}`)).toEqual([published.meetings.id]);
    expect(await ids(`organisation=${DEFAULT_ORGANISATION_ID}`)).toHaveLength(5);
    expect(await ids('organisation=6f1c2a9e-8b7d-4c6e-9f10-1a2b3c4d5e6f')).toEqual([]);
    expect(await ids(`language=ar&rating=MISLEADING&source=${informedId}`)).toEqual([published.targets.id]);
    expect((await ids(`language=ar&rating=FALSE&source=${informedId}`)).sort()).toEqual(
      [published.meetings.id, published.supplies.id, published.training.id].sort(),
    );
  });

  it('pages with a next link until every public verdict was seen once', async () => {
    const seen: string[] = [];
    let url: string | null = `${api.url}/feeds/verdicts.atom?limit=2`;
    for (let pages = 0; url && pages < 10; pages++) {
      const response: request.Response = await request(url).get('').expect(200);
      // rss-parser's types take only field names for `feed`; its runtime also takes [from, to, options].
      const keepEveryLink = [['link', 'links', { keepArray: true }]] as unknown as 'links'[];
      const feed = await new Parser<{ links: unknown[] }>({ customFields: { feed: keepEveryLink } }).parseString(response.text);
      seen.push(...feed.items.map((item) => item.id as string));
      const next = /<([^>]+)>; rel="next"/.exec(response.headers.link ?? '')?.[1] ?? null;
      if (next) expect(response.text).toContain(`<link rel="next" href="${next.replace(/&/g, '&#38;')}"/>`);
      url = next;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    // Refusals carry the same typed error body as GraphQL errors.
    const code = (response: { body: { errors: { extensions: { code: string } }[] } }) => response.body.errors[0].extensions.code;
    expect(code(await get('/feeds/verdicts.json?limit=500').expect(400))).toBe('BAD_USER_INPUT');
    expect(code(await get('/feeds/verdicts.json?after=forged').expect(400))).toBe('BAD_USER_INPUT');
    expect(code(await get('/feeds/verdicts.json?tag=%00').expect(400))).toBe('BAD_USER_INPUT');
    expect(code(await get('/feeds/verdicts.html').expect(404))).toBe('NOT_FOUND');
  });

  it('costs the same number of SQL statements for a page of 2 entries and of 5', async () => {
    const statementsFor = async (path: string) => {
      api.provider(PublicPageCache).invalidate(); // a first render, not a cached page
      const before = api.queryCount;
      await get(path).expect(200);
      return api.queryCount - before;
    };
    const two = await statementsFor('/feeds/verdicts.atom?limit=2');
    const five = await statementsFor('/feeds/verdicts.atom?limit=5');
    expect(five).toBe(two);
    // Atom, RSS and JSON Feed entries need no attribution chains, organisations or scales.
    expect(two).toBeLessThanOrEqual(8);
    const claimReviews = await statementsFor(`/feeds/verdicts.jsonld?limit=5&source=${informedId}`);
    expect(claimReviews).toBe(await statementsFor(`/feeds/verdicts.jsonld?limit=2&source=${informedId}`));
    expect(claimReviews).toBeLessThanOrEqual(12);
  });

  it('serves a page again, and its 304, without a statement or a render', async () => {
    const path = `/feeds/verdicts.atom?limit=4&source=${informedId}`;
    const first = await get(path).expect(200);
    const before = api.queryCount;
    const again = await get(path).expect(200);
    await get(path).set('If-None-Match', first.headers.etag).expect(304);
    expect(api.queryCount - before).toBe(0);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('answers a reader revalidating a dropped page with 304 from its ETag alone, until something public changes', async () => {
    const path = `/claim-reviews/${published.meetings.id}`;
    const first = await get(path).expect(200);
    const feed = await get('/feeds/verdicts.json?language=ar').expect(200);
    // Past the page's max age, or another process: the page is not in memory any more.
    api.provider(PublicPageCache).invalidate();
    const before = api.queryCount;
    const revalidated = await get(path).set('If-None-Match', first.headers.etag).expect(304);
    await get('/feeds/verdicts.json?language=ar').set('If-None-Match', `W/${feed.headers.etag}`).expect(304);
    expect(api.queryCount - before).toBe(0);
    expect(revalidated.headers.etag).toBe(first.headers.etag);
    expect(revalidated.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    // "*" only holds for a page that exists: that takes a look.
    await get('/claim-reviews/6f1c2a9e-8b7d-4c6e-9f10-1a2b3c4d5e6f').set('If-None-Match', '*').expect(404);
    // Any mutation may change what a page shows: new ETags, rendered again.
    await captureArticle(api, { url: 'https://echo.example/2021/03/other', text: 'خبر آخر لا علاقة له بالتحقق.', language: 'ar', title: 'آخر' });
    const renewed = await get(path).set('If-None-Match', first.headers.etag).expect(200);
    expect(renewed.headers.etag).not.toBe(first.headers.etag);
    expect(renewed.text).toBe(first.text);
  });

  it('checks a token sent for a cached page, as for any request', async () => {
    await get('/feeds/verdicts.atom?limit=3').expect(200);
    await get('/feeds/verdicts.atom?limit=3').set('Authorization', 'Bearer isn_not-a-real-token').expect(401);
    await get('/feeds/verdicts.atom?limit=3').set('Authorization', `Bearer ${api.token as string}`).expect(200);
  });

  it('sends a cached page and its 304 with the same headers before Express as the whole way through', async () => {
    /** The headers a reader sees, but the two that differ per answer (their presence still compared). */
    const comparable = ({ status, headers }: { status?: number; headers: IncomingHttpHeaders }) => ({
      status,
      ...headers,
      date: typeof headers.date,
      'x-request-id': typeof headers['x-request-id'],
    });
    const token = { authorization: `Bearer ${api.token as string}` };
    for (const path of ['/feeds/verdicts.atom?limit=5', `/claim-reviews/${published.meetings.id}`, `/verdicts/${published.meetings.id}`]) {
      for (const coding of ['br', 'gzip', 'identity']) {
        api.provider(PublicPageCache).invalidate();
        const accept = { 'accept-encoding': coding };
        // A first render by the route, then the same page from the cache: anonymous (before Express), and with a token (the whole way).
        const rendered = await raw(path, accept);
        const early = await raw(path, accept);
        const whole = await raw(path, { ...accept, ...token });
        expect(comparable(early)).toEqual(comparable(rendered));
        expect(comparable(early)).toEqual(comparable(whole));
        expect(early.status).toBe(200);
        expect(early.body.equals(whole.body)).toBe(true);
        expect(early.headers['content-encoding']).toBe(coding === 'identity' ? undefined : coding);

        const conditional = { ...accept, 'if-none-match': early.headers.etag as string };
        const notModifiedEarly = await raw(path, conditional);
        const notModifiedWhole = await raw(path, { ...conditional, ...token });
        expect(comparable(notModifiedEarly)).toEqual(comparable(notModifiedWhole));
        expect(notModifiedEarly.status).toBe(304);
        expect(notModifiedEarly.headers.etag).toBe(early.headers.etag);
      }
    }
    // The request id a caller sends comes back from an answer given before Express too.
    expect((await raw('/feeds/verdicts.atom?limit=5', { 'x-request-id': 'feed-poll-7' })).headers['x-request-id']).toBe('feed-poll-7');
  });

  it('compresses a page with brotli or gzip, as the reader accepts', async () => {
    const path = '/feeds/verdicts.atom?limit=5';
    const plain = await raw(path, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await raw(path, { 'accept-encoding': 'gzip;q=0.5, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await raw(path, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    // One ETag for the page, whichever coding carries it.
    expect(new Set([plain, br, gz].map((r) => r.headers.etag)).size).toBe(1);
  });

  it('shows a new appearance of a published claim at once', async () => {
    const feedOf = async (outletId: string) => (JSON.parse((await get(`/feeds/verdicts.json?outlet=${outletId}`).expect(200)).text) as JsonFeed).items;
    const copy = await captureArticle(api, {
      url: 'https://echo.example/2021/02/meetings',
      text: `نقلت الصحيفة أنه ${STATEMENTS[0]}.`,
      language: 'ar',
      title: 'لقاءات',
    });
    expect(await feedOf(copy.outletId)).toEqual([]);
    await annotate(api, { articleId: copy.id, selector: codePointSpan(copy.text, STATEMENTS[0]), claimId: published.meetings.claimId });
    expect((await feedOf(copy.outletId)).map((item) => item.id)).toEqual([`urn:uuid:${published.meetings.id}`]);
  });

  it('answers 304 to a conditional request until a verdict changes', async () => {
    const first = await get('/feeds/verdicts.rss?language=ar').expect(200);
    const { etag } = first.headers;
    const lastModified = first.headers['last-modified'];
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(lastModified).toBeTruthy();
    await get('/feeds/verdicts.rss?language=ar').set('If-None-Match', etag).expect(304);
    await get('/feeds/verdicts.rss?language=ar').set('If-Modified-Since', lastModified).expect(304);
    await get('/feeds/verdicts.rss?language=ar').set('If-None-Match', '"something-else"').expect(200);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // Last-Modified has one-second precision
    await verdictStep(api, 'correctVerdict', { id: published.meetings.id, expectedVersion: published.meetings.version, note: 'تصحيح' });
    const changed = await get('/feeds/verdicts.rss?language=ar').set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    await get('/feeds/verdicts.rss?language=ar').set('If-Modified-Since', lastModified).expect(200);
  });
});
