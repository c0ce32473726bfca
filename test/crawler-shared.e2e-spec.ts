import { DEFAULT_MONITORING_OPTIONS } from '@isnad/monitoring';
import { Route, articleHtml, servePage, startFixtureSite } from './support/fixture-site';
import { TestApi } from './support/test-api';

// Two API instances crawl one outlet: with REDIS_URL their manners are one crawler's, not two.
const REDIS_URL = process.env.REDIS_URL;
// Two instances on one database need PostgreSQL (an embedded PGlite database has one owner).
const describeWithRedis = REDIS_URL && process.env.DATABASE_URL ? describe : describe.skip;
if (!(REDIS_URL && process.env.DATABASE_URL)) {
  process.stdout.write('SKIPPED (shared crawler manners): two API instances need DATABASE_URL and REDIS_URL; the PostgreSQL pass runs them\n');
}

const CAPTURE = `mutation($url: String!) { captureArticleFromUrl(input: { url: $url }) { article { id } } }`;

describeWithRedis('the crawler\'s manners, shared by every API instance through Redis', () => {
  jest.setTimeout(120_000);
  let first: TestApi;
  let second: TestApi;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  const starts: number[] = [];
  const inFlight = { now: 0, max: 0 };

  beforeAll(async () => {
    const page = (n: number): Route => (req, res) => {
      starts.push(Date.now());
      inFlight.now++;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      setTimeout(() => {
        inFlight.now--;
        servePage(
          articleHtml(`الخبر رقم ${n}`, [
            `قال مسؤول محلي إن ${n + 3} عائلات عادت إلى منازلها هذا الأسبوع بعد إصلاح شبكة المياه في الحي رقم ${n}.`,
            `وأضاف أن فرق الصيانة عملت ${n * 2 + 5} يوماً متواصلة، وأن المرحلة الأولى من المشروع تشمل ${n + 12} شارعاً.`,
            `وأوضح أن البلدية خصصت ميزانية قدرها ${(n + 1) * 1000} دولار للمشروع رقم ${n} في العام الجاري.`,
          ]),
        )(req, res);
      }, 150);
    };
    site = await startFixtureSite({
      '/robots.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
      ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`/news/${n}`, page(n)])),
    });
    const monitoring = {
      ...DEFAULT_MONITORING_OPTIONS,
      allowPrivateAddresses: ['127.0.0.0/8'],
      workerEnabled: false,
      hostConcurrency: 1,
      hostDelayMs: 200,
      queuePrefix: `isnad-test-crawl-${process.pid}-${Date.now()}`,
    };
    first = await TestApi.start({ redisUrl: REDIS_URL, monitoring });
    second = await first.alongside({ redisUrl: REDIS_URL, monitoring });
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await site?.close();
  });

  it('fetches one page of a host at a time, the delay apart, and reads its robots.txt once, whichever instance asks', async () => {
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => (n % 2 ? first : second).ok(CAPTURE, { url: `${site.origin}/news/${n}` })));
    expect(inFlight.max).toBe(1);
    const gaps = starts.slice(1).map((start, i) => start - starts[i]);
    // The 200 ms delay, less the millisecond rounding of two clocks and a timer firing early (189 ms seen once).
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(180);
    expect(site.hitsOf('/robots.txt')).toBe(1);
    // The second instance learnt the disallow rule from the shared cache, without asking again.
    const refused = await second.gql(CAPTURE, { url: `${site.origin}/private/memo` });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FETCH_FAILED', reason: 'ROBOTS_DISALLOWED' });
    expect(site.hitsOf('/robots.txt')).toBe(1);
  });
});
