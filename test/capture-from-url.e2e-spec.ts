import { DEFAULT_MONITORING_OPTIONS } from '@isnad/monitoring';
import { TestApi } from './support/test-api';
import { articleHtml, redirectTo, servePage, startFixtureSite } from './support/fixture-site';

// Isnad fetches the page itself, from a news site on 127.0.0.1: the egress setting lets loopback
// through (and nothing else private), as EGRESS_ALLOW_PRIVATE_ADDRESSES=127.0.0.0/8 would.

const CAPTURE = `mutation($input: CaptureArticleFromUrlInput!) {
  captureArticleFromUrl(input: $input) {
    status
    article { id canonicalUrl title revisionCount }
    revision { id number text }
    fetch { url finalUrl redirects status encoding encodingSource byteLength bodySha256 bodyKept headers { name value } }
  }
}`;

interface Captured {
  status: string;
  article: { id: string; canonicalUrl: string; title: string; revisionCount: number };
  revision: { id: string; number: number; text: string };
  fetch: {
    url: string;
    finalUrl: string;
    redirects: string[];
    status: number;
    encoding: string | null;
    encodingSource: string | null;
    byteLength: number;
    bodySha256: string | null;
    bodyKept: boolean;
    headers: { name: string; value: string }[];
  };
}

const LEAD = 'أفاد مصدر مطلع اليوم الجمعة عن اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش في سوريا.';
const BODY = [
  LEAD,
  'وأكد المصدر بحسب سبوتنيك أن سلسلة لقاءات عقدت في منطقة التنف جنوب شرقي سوريا بحضور ممثلين عن أجهزة عدة دول.',
  'وأضاف المصدر أنه جرى بحث تكثيف الهجمات على قوات الحكومة السورية وعلى قواعد عسكرية في البلاد خلال الأشهر المقبلة.',
];

describe('capturing an article from its URL, as a careful crawler', () => {
  let api: TestApi;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let slowTimer: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    site = await startFixtureSite({
      '/robots.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
      '/ar/cp1256': servePage(articleHtml('خبر بترميز ويندوز', BODY), { encoding: 'windows-1256', contentType: 'text/html; charset=windows-1256' }),
      '/ar/iso-8859-6': servePage(articleHtml('خبر بترميز أيزو', BODY, { meta: '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">' }), {
        encoding: 'iso-8859-6',
        contentType: 'text/html',
      }),
      '/ar/undeclared': servePage(articleHtml('خبر بلا ترميز معلن', BODY, { meta: '' }), { encoding: 'windows-1256', contentType: 'text/html' }),
      '/ar/etag': servePage(articleHtml('خبر له وسم', BODY), { etag: '"v1"' }),
      '/r/1': redirectTo('/r/2', 301),
      '/r/2': redirectTo('/ar/cp1256'),
      '/r/private': redirectTo('http://169.254.169.254/latest/meta-data/'),
      // .invalid is reserved never to resolve (RFC 6761): no network needed to see the failure.
      '/r/nowhere': redirectTo('http://newsroom.isnad-test.invalid/story'),
      '/r/loop': (req, res) => void res.writeHead(302, { location: `/r/loop?n=${Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0) + 1}` }).end(),
      '/slow': (_req, res) => {
        // Answers after the fetch's 5 s budget (bounded: the test closes the site anyway).
        slowTimer = setTimeout(() => servePage(articleHtml('بطيء', BODY))(_req, res), 9_000);
      },
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const write = () => {
          while (sent < 12 && res.write(chunk)) sent++;
          if (sent >= 12) return void res.end();
          res.once('drain', () => (sent++, write()));
        };
        write();
      },
      '/huge-declared': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(11 * 1024 * 1024) }).end(),
      '/feed.json': (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}'),
      '/gone': (_req, res) => void res.writeHead(410, { 'content-type': 'text/html' }).end('gone'),
      '/private/memo': servePage(articleHtml('سري', BODY)),
    });
    api = await TestApi.start({
      monitoring: { ...DEFAULT_MONITORING_OPTIONS, allowPrivateAddresses: ['127.0.0.0/8'], workerEnabled: false, hostDelayMs: 0, totalTimeoutMs: 5_000 },
    });
  }, 120_000);

  afterAll(async () => {
    clearTimeout(slowTimer);
    await api?.stop();
    await site?.close();
  });

  const capture = (url: string) => api.gql<{ captureArticleFromUrl: Captured }>(CAPTURE, { input: { url } });
  const failure = async (url: string) => {
    const response = await capture(url);
    expect(response.data?.captureArticleFromUrl ?? null).toBeNull();
    return response.errors?.[0]?.extensions ?? {};
  };

  it.each([
    ['a windows-1256 page named by its HTTP header', '/ar/cp1256', 'windows-1256', 'HEADER'],
    ['an ISO-8859-6 page named only by <meta http-equiv>', '/ar/iso-8859-6', 'iso-8859-6', 'META'],
    ['a windows-1256 page that declares no charset anywhere', '/ar/undeclared', 'windows-1256', 'DETECTED'],
  ])('captures %s as Arabic text, never mojibake, and keeps the bytes as evidence', async (_story, path, encoding, source) => {
    const { captureArticleFromUrl: captured } = await api.ok<{ captureArticleFromUrl: Captured }>(CAPTURE, { input: { url: `${site.origin}${path}` } });
    expect(captured.status).toBe('CREATED');
    expect(captured.revision.text).toContain(LEAD);
    expect(captured.revision.text).not.toMatch(/[ØÙ]|\uFFFD/);
    expect(captured.fetch).toMatchObject({ status: 200, encoding, encodingSource: source, bodyKept: true, finalUrl: `${site.origin}${path}` });
    expect(captured.fetch.byteLength).toBeGreaterThan(LEAD.length);
    expect(captured.fetch.headers).toContainEqual({ name: 'content-type', value: expect.stringContaining('text/html') });
    // The revision carries the same evidence when read back.
    const { article } = await api.ok<{ article: { latestRevision: { fetch: { bodySha256: string } } } }>(
      `query($id: ID!) { article(id: $id) { latestRevision { fetch { bodySha256 } } } }`,
      { id: captured.article.id },
    );
    expect(article.latestRevision.fetch.bodySha256).toBe(captured.fetch.bodySha256);
  });

  it('says who it is: an identifying User-Agent with a contact URL, and asks robots.txt first', async () => {
    const hit = site.hits.find((h) => h.path === '/ar/cp1256');
    expect(hit?.headers['user-agent']).toMatch(/^IsnadBot\/\S+ \(\+https?:\/\/\S+/);
    expect(site.hits.findIndex((h) => h.path === '/robots.txt')).toBeLessThan(site.hits.findIndex((h) => h.path === '/ar/cp1256'));
  });

  it('re-fetches with a conditional GET: a 304 keeps the article unchanged', async () => {
    const first = await api.ok<{ captureArticleFromUrl: Captured }>(CAPTURE, { input: { url: `${site.origin}/ar/etag` } });
    const again = await api.ok<{ captureArticleFromUrl: Captured }>(CAPTURE, { input: { url: `${site.origin}/ar/etag` } });
    expect(again.captureArticleFromUrl).toMatchObject({ status: 'UNCHANGED', fetch: { status: 304, bodyKept: false } });
    expect(again.captureArticleFromUrl.revision.id).toBe(first.captureArticleFromUrl.revision.id);
    const hits = site.hits.filter((h) => h.path === '/ar/etag');
    expect(hits.map((h) => h.headers['if-none-match'])).toEqual([undefined, '"v1"']);
  });

  it('follows redirects and records them', async () => {
    const { captureArticleFromUrl: captured } = await api.ok<{ captureArticleFromUrl: Captured }>(CAPTURE, { input: { url: `${site.origin}/r/1` } });
    expect(captured.fetch.redirects).toEqual([`${site.origin}/r/1`, `${site.origin}/r/2`]);
    expect(captured.fetch.finalUrl).toBe(`${site.origin}/ar/cp1256`);
  });

  it('refuses a redirect to a private address without connecting to it', async () => {
    expect(await failure(`${site.origin}/r/private`)).toMatchObject({ code: 'FETCH_FAILED', reason: 'NON_PUBLIC_ADDRESS' });
    expect(await failure('http://10.0.0.1/news')).toMatchObject({ code: 'FETCH_FAILED', reason: 'NON_PUBLIC_ADDRESS' });
    expect(await failure('http://[::127.0.0.1]:1/')).toMatchObject({ code: 'FETCH_FAILED', reason: 'NON_PUBLIC_ADDRESS' });
  });

  it('gives up after five redirects', async () => {
    expect(await failure(`${site.origin}/r/loop`)).toMatchObject({ code: 'FETCH_FAILED', reason: 'TOO_MANY_REDIRECTS' });
    expect(site.hits.filter((h) => h.path.startsWith('/r/loop')).length).toBe(6);
  });

  it('times out on a slow server', async () => {
    const started = Date.now();
    expect(await failure(`${site.origin}/slow`)).toMatchObject({ code: 'FETCH_FAILED', reason: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('stops reading a page over 10 MB, or refuses it at once when its length says so', async () => {
    expect(await failure(`${site.origin}/huge`)).toMatchObject({ code: 'FETCH_FAILED', reason: 'TOO_LARGE' });
    expect(await failure(`${site.origin}/huge-declared`)).toMatchObject({ code: 'FETCH_FAILED', reason: 'TOO_LARGE' });
  });

  it('honours robots.txt: a disallowed page is never requested', async () => {
    expect(await failure(`${site.origin}/private/memo`)).toMatchObject({ code: 'FETCH_FAILED', reason: 'ROBOTS_DISALLOWED' });
    expect(site.hitsOf('/private/memo')).toBe(0);
  });

  it('captures HTML only, and names the status of a failed page', async () => {
    expect(await failure(`${site.origin}/feed.json`)).toMatchObject({ code: 'FETCH_FAILED', reason: 'NOT_HTML' });
    expect(await failure(`${site.origin}/gone`)).toMatchObject({ code: 'FETCH_FAILED', reason: 'HTTP_STATUS', status: 410 });
  });

  it('names a host that does not resolve, asked for or redirected to', async () => {
    expect(await failure('http://newsroom.isnad-test.invalid/story')).toMatchObject({ code: 'FETCH_FAILED', reason: 'UNRESOLVABLE_HOST' });
    expect(await failure(`${site.origin}/r/nowhere`)).toMatchObject({ code: 'FETCH_FAILED', reason: 'UNRESOLVABLE_HOST' });
  });

  it('answers BAD_USER_INPUT for what is not an http(s) URL', async () => {
    for (const url of ['نص', 'ftp://127.0.0.1/file', 'file:///etc/passwd']) {
      expect((await capture(url)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    }
  });
});
