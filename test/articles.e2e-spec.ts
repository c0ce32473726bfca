import { CaptureArticleFields } from './support/queries';
import { annotate, captureArticle, captureSeedArticle, codePointSpan, errorCode } from './support/factories';
import { ApiAppearance, ApiArticle, ApiConnection } from './support/api-types';
import { TestApi, seedArticleText } from './support/test-api';

const CAPTURE = `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { ${CaptureArticleFields} } }`;

describe('capturing articles', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api?.stop());

  it('captures the Sputnik article without its page furniture, keeps what was pasted, and reads it back right to left', async () => {
    const seed = await captureSeedArticle(api);
    expect(seed.status).toBe('CREATED');

    const { article } = await api.ok<{ article: ApiArticle }>(
      `query($id: ID!) { article(id: $id) {
          canonicalUrl displayUrl title language direction text revisionCount publishedAt
          outlet { name kind domains }
          latestRevision { number contentHash rawInput rawFormat removedLines { kind line } }
       } }`,
      { id: seed.id },
    );
    const title = 'تنظيم داعش في سوريا يلتقي استخبارات دول غربية';
    // The title once, then the body: the repeated title, the comment counter and the comment form are gone.
    expect(article.text.startsWith(`${title}\n\nأفاد مصدر مطلع`)).toBe(true);
    expect(article.text.split(title)).toHaveLength(2);
    expect(article.text.trimEnd().endsWith('على متنها جنود سوريين.')).toBe(true);
    expect(article.text).not.toContain('اترك رد');
    expect(article.latestRevision.removedLines.map((r: { line: string }) => r.line)).toEqual(
      expect.arrayContaining([title, '0', 'اترك رد', 'لن يتم نشر عنوان بريدك الإلكتروني.']),
    );
    // Every body paragraph survives byte for byte.
    for (const paragraph of seedArticleText().normalize('NFC').split('\n').filter((line) => line.length > 40)) {
      expect(article.text).toContain(paragraph);
    }
    expect(article.latestRevision.rawInput).toBe(seedArticleText().normalize('NFC'));
    expect(article.latestRevision.rawFormat).toBe('TEXT');
    expect(article.canonicalUrl).toBe('https://www.syria-news.example/2021/02/isis-meets-western-intelligence');
    expect(article.direction).toBe('RTL');
    expect(article.language).toBe('ar');
    expect(article.publishedAt).toBe('2021-02-05T09:00:00.000Z');
    expect(article.outlet).toEqual({ name: 'syria-news.example', kind: 'SITE', domains: ['syria-news.example'] });
    expect(article.latestRevision.number).toBe(1);
    expect(article.latestRevision.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores text as NFC without changing anything else (diacritics, tatweel, Arabic-Indic digits, RTL/LTR mix)', async () => {
    const decomposed = 'قال المتحدث إن «٢٥» جندياً قُتلوا في (Deir ez-Zor) لـ"الإدارة"'.normalize('NFD');
    const captured = await captureArticle(api, { url: 'https://example.org/nfc', text: decomposed });
    expect(captured.text).toBe(decomposed.normalize('NFC'));
    expect(captured.text).toContain('٢٥');
    expect(captured.text).toContain('جندياً');
    const { article } = await api.ok<{ article: { language: string; direction: string } }>(
      `query($id: ID!) { article(id: $id) { language direction } }`,
      { id: captured.id },
    );
    expect(article).toEqual({ language: 'ar', direction: 'RTL' }); // detected, none was given
  });

  it('stores hostile text exactly as given and finds it again (markup, SQL, bidi overrides)', async () => {
    const hostile = `<script>alert("x")</script> '); DROP TABLE articles; -- \u202Eمصدر\u202C ]]> \u2066سبوتنيك\u2069 ${'%_\\'}`;
    const captured = await captureArticle(api, { url: 'https://hostile.example/a', text: hostile, keepBoilerplate: true });
    expect(captured.text).toBe(hostile);
    const appearance = await annotate(api, { articleId: captured.id, selector: { exact: `DROP TABLE articles; -- \u202Eمصدر` } });
    const { claims } = await api.ok<{ claims: { nodes: { id: string }[] } }>(
      `query($text: String!) { claims(filter: { text: $text }) { nodes { id } } }`,
      { text: 'drop table مصدر' },
    );
    expect(claims.nodes).toEqual([{ id: appearance.claimId }]);
    const { articles } = await api.ok<{ articles: { nodes: unknown[] } }>(`query { articles(first: 100) { nodes { id } } }`);
    expect(articles.nodes.length).toBeGreaterThan(0);
  });

  it('keeps page furniture when asked to', async () => {
    const text = 'خبر عاجل عن اجتماع في دمشق.\n\nاترك رد';
    const captured = await captureArticle(api, { url: "https://example.org/keep", text, keepBoilerplate: true });
    expect(captured.text).toBe(text);
  });

  it('treats the same page under tracking parameters or a fragment as one article', async () => {
    const first = await captureArticle(api, { url: 'https://news.example.com/a/1?id=7&utm_medium=x#top', text: 'نص' });
    const again = await captureArticle(api, { url: 'HTTPS://NEWS.example.com/a/1/?fbclid=abc&id=7', text: 'نص' });
    expect(again.id).toBe(first.id);
    expect(again.status).toBe('UNCHANGED');
    const { articleByUrl } = await api.ok<{ articleByUrl: { id: string } }>(
      `query { articleByUrl(url: "https://news.example.com/a/1?id=7") { id } }`,
    );
    expect(articleByUrl.id).toBe(first.id);
  });

  it('files simultaneous first captures from one new site under one outlet, and of one URL under one article', async () => {
    const sameSite = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => captureArticle(api, { url: `https://brand-new-site.example/news/${n}`, text: `خبر رقم ${n}` })),
    );
    expect(new Set(sameSite.map((a) => a.outletId)).size).toBe(1);
    const sameUrl = await Promise.all(
      [1, 2, 3, 4].map(() => captureArticle(api, { url: 'https://another-new-site.example/story', text: 'النص نفسه' })),
    );
    expect(new Set(sameUrl.map((a) => a.id)).size).toBe(1);
    expect(sameUrl.map((a) => a.status).sort()).toEqual(['CREATED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
  });

  it('adds a revision when a URL is captured again with changed text, and existing anchors keep pointing at their text', async () => {
    const url = 'https://www.syria-news.example/2021/02/edited-story';
    const original = await captureArticle(api, { url, text: seedArticleText(), language: 'ar' });
    const quote = 'الاتفاق على أنه';
    const appearance = await annotate(api, {
      articleId: original.id,
      selector: codePointSpan(original.text, quote),
    });

    // The outlet inserts an editor's note at the top and fixes a typo further down.
    const edited = `تحديث: أضيف تعليق المحرر.\n\n${seedArticleText().replace('المصد المطلع', 'المصدر المطلع')}`;
    const revised = await captureArticle(api, { url, text: edited, language: 'ar' });
    expect(revised).toMatchObject({ id: original.id, status: 'REVISED' });
    expect(revised.revisionId).not.toBe(original.revisionId);

    const { claimAppearance } = await api.ok<{ claimAppearance: ApiAppearance }>(
      `query($id: ID!) { claimAppearance(id: $id) {
          exact start end revision { id number text }
          latestRevisionAnchor { revisionNumber anchor { start end exact } }
          article { revisionCount revisions { number } text }
       } }`,
      { id: appearance.id },
    );
    expect(claimAppearance.revision.number).toBe(1);
    expect([...claimAppearance.revision.text].slice(claimAppearance.start, claimAppearance.end).join('')).toBe(quote);
    expect(claimAppearance.article.revisionCount).toBe(2);
    expect(claimAppearance.article.revisions.map((r) => r.number)).toEqual([1, 2]);
    const moved = claimAppearance.latestRevisionAnchor;
    expect(moved.revisionNumber).toBe(2);
    expect(moved.anchor?.exact).toBe(quote);
    expect([...claimAppearance.article.text].slice(moved.anchor?.start, moved.anchor?.end).join('')).toBe(quote);
    expect(moved.anchor?.start).toBeGreaterThan(claimAppearance.start);
  });

  it('reports a quote that the latest revision dropped', async () => {
    const url = 'https://example.org/retracted-line';
    const original = await captureArticle(api, { url, text: 'السطر الأول.\nادعاء سيحذف لاحقاً.\nالسطر الأخير.' });
    const appearance = await annotate(api, { articleId: original.id, selector: { exact: 'ادعاء سيحذف لاحقاً' } });
    await captureArticle(api, { url, text: 'السطر الأول.\nالسطر الأخير.' });
    const { claimAppearance } = await api.ok<{ claimAppearance: ApiAppearance }>(
      `query($id: ID!) { claimAppearance(id: $id) { exact latestRevisionAnchor { revisionNumber anchor { exact } } } }`,
      { id: appearance.id },
    );
    expect(claimAppearance.exact).toBe('ادعاء سيحذف لاحقاً');
    expect(claimAppearance.latestRevisionAnchor).toEqual({ revisionNumber: 2, anchor: null });
  });

  it('lists articles by outlet, language and date, page by page without gaps or repeats', async () => {
    const outletUrl = (n: number) => `https://paged.example.net/story/${n}`;
    for (let n = 0; n < 7; n++) {
      await captureArticle(api, {
        url: outletUrl(n),
        text: `خبر رقم ${n}`,
        language: n % 2 ? 'en' : 'ar',
        publishedAt: new Date(Date.UTC(2024, 0, 1 + n)).toISOString(),
      });
    }
    const { articles: all } = await api.ok<{ articles: ApiConnection<ApiArticle> }>(`query { articles(first: 100) { nodes { id outletId } } }`);
    const pagedOutletId = all.nodes[0]?.outletId;
    expect(pagedOutletId).toBeDefined();

    const { articleByUrl } = await api.ok<{ articleByUrl: { outletId: string } }>(
      `query { articleByUrl(url: "${outletUrl(0)}") { outletId } }`,
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: { articles: ApiConnection<ApiArticle> } = await api.ok(
        `query($after: String, $outletId: ID!) {
           articles(first: 3, after: $after, filter: { outletId: $outletId }) {
             edges { cursor node { id publishedAt } } pageInfo { hasNextPage endCursor } } }`,
        { after, outletId: articleByUrl.outletId },
      );
      seen.push(...data.articles.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!data.articles.pageInfo.hasNextPage) break;
      after = data.articles.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    const { articles: arabicInJanuary } = await api.ok<{ articles: ApiConnection<ApiArticle> }>(
      `query($outletId: ID!) { articles(filter: { outletId: $outletId, language: "ar", publishedAfter: "2024-01-02T00:00:00Z", publishedBefore: "2024-01-06T00:00:00Z" }) {
          nodes { publishedAt language } } }`,
      { outletId: articleByUrl.outletId },
    );
    expect(arabicInJanuary.nodes.map((a) => a.publishedAt)).toEqual([
      '2024-01-05T00:00:00.000Z',
      '2024-01-03T00:00:00.000Z',
    ]);
  });

  describe('refuses bad input with a typed error and stores nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['empty text', { url: 'https://example.org/empty', text: '' }, 'BAD_USER_INPUT'],
      ['white space only', { url: 'https://example.org/blank', text: ' \n\t ' }, 'BAD_USER_INPUT'],
      ['not a URL', { url: 'not a url', text: 'نص' }, 'BAD_USER_INPUT'],
      ['a non-web URL', { url: 'ftp://example.org/file', text: 'نص' }, 'BAD_USER_INPUT'],
      ['a javascript: URL', { url: 'javascript:alert(1)', text: 'نص' }, 'BAD_USER_INPUT'],
      ['a bad language tag', { url: 'https://example.org/lang', text: 'نص', language: 'not a tag!' }, 'BAD_USER_INPUT'],
      ['an unknown outlet', { url: 'https://example.org/o', text: 'نص', outletId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
      ['a lone surrogate', { url: 'https://example.org/surrogate', text: 'نص \ud800 نص' }, 'BAD_USER_INPUT'],
      ['a NUL character', { url: 'https://example.org/nul', text: 'نص\u0000نص' }, 'BAD_USER_INPUT'],
      ['a 2 MB text', { url: 'https://example.org/huge', text: 'ب'.repeat(2 * 1024 * 1024) }, 'PAYLOAD_TOO_LARGE'],
    ];
    it.each(cases)('%s', async (_name, input, code) => {
      const before = await api.ok<{ articles: { nodes: unknown[] } }>(`query { articles(first: 100) { nodes { id } } }`);
      const response = await api.gql(CAPTURE, { input });
      expect(response.status).toBeLessThan(500);
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
      expect(response.data?.captureArticle ?? null).toBeNull();
      const after = await api.ok<{ articles: { nodes: unknown[] } }>(`query { articles(first: 100) { nodes { id } } }`);
      expect(after.articles.nodes).toHaveLength(before.articles.nodes.length);
    });

    it('a body over the server limit', async () => {
      const body = JSON.stringify({ query: CAPTURE, variables: { input: { url: 'https://x.org/a', text: 'ا'.repeat(13e6) } } });
      const response = await api.raw(body);
      expect(response.status).toBe(413);
      expect(response.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('a body that is not JSON', async () => {
      const response = await api.raw('{"query": ');
      expect(response.status).toBe(400);
      expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('unknown and malformed ids', async () => {
      expect(await errorCode(api, `query { article(id: "00000000-0000-4000-8000-000000000000") { id } }`)).toBe('NOT_FOUND');
      expect(await errorCode(api, `query { article(id: "1; DROP TABLE articles") { id } }`)).toBe('BAD_USER_INPUT');
      expect(await errorCode(api, `query { articles(after: "bm9wZQ") { nodes { id } } }`)).toBe('BAD_USER_INPUT');
      expect(await errorCode(api, `query { articles(first: 1000) { nodes { id } } }`)).toBe('BAD_USER_INPUT');
      expect(await errorCode(api, `query { articleByUrl(url: "https://www.syria-news.example/never-captured") { id } }`)).toBe('NOT_FOUND');
    });
  });
});
