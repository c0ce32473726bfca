import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureSeedArticle, createSputnik, errorCode } from './support/factories';
import { ApiAppearance, ApiCapture } from './support/api-types';
import { TestApi } from './support/test-api';

const page = (name: string) => readFileSync(join(__dirname, 'fixtures', 'html', name), 'utf8');

const CAPTURE_HTML = `mutation($input: CaptureArticleFromHtmlInput!) {
  captureArticleFromHtml(input: $input) {
    status
    article { id canonicalUrl title language direction publishedAt text outlet { name domains } }
    revision { rawFormat rawInput removedLines { kind } }
  } }`;

const CANDIDATES = `query($id: ID!) { claimCandidates(articleId: $id) {
  start end exact score reasons cue dates { text date } annotatedAppearanceId
  suggestedChain { kind relation name descriptor canonicalName matchedOutlet { id name } matchedSource { id name } }
} }`;

interface Candidate {
  start: number;
  end: number;
  exact: string;
  dates: { text: string; date: string }[];
  annotatedAppearanceId: string | null;
  suggestedChain: { kind: string; relation: string; name: string | null; descriptor: string | null; matchedOutlet: { id: string } | null; matchedSource: { id: string } | null }[];
}

describe('capturing web pages and proposing the claims in them', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api?.stop());

  it('captures the WordPress page of the seed article: body, metadata, outlet, and the page kept as evidence', async () => {
    const html = page('wordpress-seed-article.html');
    const { captureArticleFromHtml: captured } = await api.ok<{ captureArticleFromHtml: ApiCapture }>(CAPTURE_HTML, {
      input: { url: 'https://akhbar-example.net/?p=1234&utm_source=fb', html },
    });
    expect(captured.status).toBe('CREATED');
    expect(captured.article).toMatchObject({
      canonicalUrl: 'https://akhbar-example.net/2024/02/02/daesh-syria',
      title: 'تنظيم داعش في سوريا يلتقي استخبارات دول غربية',
      language: 'ar',
      direction: 'RTL',
      publishedAt: '2024-02-02T07:15:00.000Z',
      outlet: { name: 'أخبار المثال', domains: ['akhbar-example.net'] },
    });
    expect(captured.article.text).toContain('أفاد مصدر مطلع اليوم الجمعة');
    expect(captured.article.text).not.toContain('اترك رد');
    expect(captured.article.text).not.toContain('لن يتم نشر عنوان بريدك الإلكتروني');
    expect(captured.revision.rawFormat).toBe('HTML');
    expect(captured.revision.rawInput).toBe(html.normalize('NFC'));
  });

  it('reads the publication date and canonical link from JSON-LD, and English wire copy', async () => {
    const jsonLd = await api.ok<{ captureArticleFromHtml: ApiCapture }>(CAPTURE_HTML, {
      input: { url: 'https://news.example.org/story?id=9', html: page('jsonld-news-article.html') },
    });
    expect(jsonLd.captureArticleFromHtml.article.publishedAt).toBe('2024-03-07T08:00:00.000Z');
    expect(jsonLd.captureArticleFromHtml.article.canonicalUrl).toBe('https://news.example.org/ar/news/2024/03/idlib-displacement');
    const wire = await api.ok<{ captureArticleFromHtml: ApiCapture }>(CAPTURE_HTML, {
      input: { url: 'https://wire.example.com/world/syria-convoy', html: page('english-wire-story.html') },
    });
    expect(wire.captureArticleFromHtml.article).toMatchObject({ language: 'en', direction: 'LTR' });
  });

  it('says clearly when a page has no article, and survives broken markup', async () => {
    const response = await api.gql(CAPTURE_HTML, { input: { url: 'https://home.example.net/', html: page('no-article-homepage.html') } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_ARTICLE_CONTENT' });
    const broken = await api.ok<{ captureArticleFromHtml: ApiCapture }>(CAPTURE_HTML, {
      input: { url: 'https://broken.example.net/a', html: page('broken-markup.html') },
    });
    expect(broken.captureArticleFromHtml.article.text.length).toBeGreaterThan(100);
    expect(await errorCode(api, CAPTURE_HTML, { input: { url: 'mailto:x@y.z', html: page('broken-markup.html') } })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('proposes the seed claims with the informed source → Sputnik chain and the field source → agency chain', async () => {
    const seed = await captureSeedArticle(api);
    const sputnikId = await createSputnik(api);
    const { claimCandidates } = await api.ok<{ claimCandidates: Candidate[] }>(CANDIDATES, { id: seed.id });
    expect(claimCandidates.length).toBeGreaterThanOrEqual(8);
    for (const candidate of claimCandidates) {
      expect([...seed.text].slice(candidate.start, candidate.end).join('')).toBe(candidate.exact);
    }
    const informed = claimCandidates.filter((c) => c.suggestedChain[0]?.descriptor === 'مصدر مطلع');
    expect(informed.length).toBeGreaterThanOrEqual(6);
    for (const candidate of informed) {
      expect(candidate.suggestedChain[1]).toMatchObject({ kind: 'OUTLET', relation: 'RELAYED', matchedOutlet: { id: sputnikId } });
    }
    const fieldReport = claimCandidates.find((c) => c.exact.includes('مصدر ميداني سوري'));
    expect(fieldReport?.suggestedChain.map((h) => [h.kind, h.relation, h.descriptor ?? h.name])).toEqual([
      ['ANONYMOUS', 'ORIGIN', 'مصدر ميداني سوري'],
      ['OUTLET', 'RELAYED', 'للوكالة'],
    ]);
    expect(fieldReport?.suggestedChain[1].matchedOutlet?.id).toBe(sputnikId);
    // "في 25 من يناير الفائت", written in a February 2021 article: 25 January 2021.
    expect(fieldReport?.dates).toContainEqual({ text: expect.stringContaining('25 من يناير الفائت'), date: '2021-01-25' });
  });

  it('accepting candidates annotates them through the ordinary path, reusing the sources it created', async () => {
    const seed = await captureSeedArticle(api, 'https://mirror.example.com/isis-west');
    const { claimCandidates } = await api.ok<{ claimCandidates: Candidate[] }>(CANDIDATES, { id: seed.id });
    const informed = claimCandidates.filter((c) => c.suggestedChain[0]?.descriptor === 'مصدر مطلع').slice(0, 2);
    const ACCEPT = `mutation($input: AcceptClaimCandidateInput!) { acceptClaimCandidate(input: $input) {
      id exact attributionChain { relation source { id kind name confidedToOutlet { name } outlet { name } } } } }`;
    const first = await api.ok<{ acceptClaimCandidate: ApiAppearance }>(ACCEPT, {
      input: { articleId: seed.id, start: informed[0].start, end: informed[0].end, tags: ['سوريا'] },
    });
    const chain = first.acceptClaimCandidate.attributionChain;
    expect(chain.map((h) => [h.relation, h.source.kind])).toEqual([
      ['ORIGIN', 'ANONYMOUS'],
      ['RELAYED', 'OUTLET'],
      ['REPUBLISHED', 'OUTLET'],
    ]);
    expect(chain[0].source).toMatchObject({ name: 'مصدر مطلع', confidedToOutlet: { name: 'سبوتنيك' } });
    expect(chain[2].source.outlet?.name).toBe('mirror.example.com');

    const second = await api.ok<{ acceptClaimCandidate: ApiAppearance }>(ACCEPT, {
      input: { articleId: seed.id, start: informed[1].start, end: informed[1].end },
    });
    expect(second.acceptClaimCandidate.attributionChain[0].source.id).toBe(chain[0].source.id);

    const after = await api.ok<{ claimCandidates: Candidate[] }>(CANDIDATES, { id: seed.id });
    const accepted = after.claimCandidates.find((c) => c.start === informed[0].start);
    expect(accepted?.annotatedAppearanceId).toBe(first.acceptClaimCandidate.id);

    expect(
      await errorCode(api, ACCEPT, { input: { articleId: seed.id, start: 0, end: 3 } }),
    ).toBe('BAD_USER_INPUT');
  });
});
