import { IncomingMessage, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEFAULT_ORGANISATION_ID, Role } from '@isnad/auth';
import { DEFAULT_MONITORING_OPTIONS } from '@isnad/monitoring';
import { DEFAULT_WEBHOOKS_OPTIONS } from '@isnad/webhooks';
import { annotate, codePointSpan } from './support/factories';
import { articleHtml, servePage, startFixtureSite, waitFor } from './support/fixture-site';
import { TestApi, TestMember, seedParagraphs } from './support/test-api';
import { publishVerdict } from './support/verdict-factories';

// The story a fact-checker lives: the seed article is captured and one of its claims rated FALSE;
// then another site prints a rewritten copy of it, and Isnad says so at once, with the claim, the
// sentence, and where the copy came from.

const CLAIM_QUOTE = 'اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش';
const REPEATED = 'كشفت وكالة سبوتنيك الروسية نقلاً عن مصدر مطلع عن اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش في سوريا.';
 // A second claim of the seed, and a site's sentence that quotes it.
const SECOND_QUOTE = 'تمكنت المروحيات التابعة للقوات الروسية العاملة في سوريا، من تدمير سيارة دفع رباعي';
const EARLY_SENTENCE = `وذكرت مصادر محلية أنه ${SECOND_QUOTE} تابعة لتنظيم داعش على طريق دير الزور.`;
const UNRELATED = 'من جهة أخرى، أعلنت وزارة الصحة عن افتتاح مستشفى جديد في مدينة حماة بطاقة 150 سريراً.';


const REWRITTEN = [
  REPEATED,
  'وبحسب المصدر، عقدت هذه اللقاءات في منطقة التنف التي تسيطر عليها القوات الأمريكية جنوب شرقي البلاد، وفي دول مجاورة لسوريا، بمشاركة ممثلين عن الولايات المتحدة وفرنسا وبريطانيا.',
  'وأشار المصدر إلى أن المجتمعين بحثوا تكثيف الهجمات على القوات الحكومية السورية وعلى القواعد العسكرية الروسية.',
  UNRELATED,
];

const REPEAT_FIELDS = `id status start end exact prefix suffix score afterVerdict appearanceId
  claim { id } verdict { id rating { key } } article { id canonicalUrl } originalArticle { id canonicalUrl }
  alert { claimStatement rating articleUrl originalArticleUrl }`;
const REPEATS = `query($filter: RepeatFilter) { repeats(first: 50, filter: $filter) { nodes { ${REPEAT_FIELDS} } } }`;

interface ApiRepeat {
  id: string;
  status: string;
  start: number;
  end: number;
  exact: string;
  score: number;
  afterVerdict: boolean;
  appearanceId: string | null;
  claim: { id: string };
  verdict: { id: string; rating: { key: string } };
  article: { id: string; canonicalUrl: string };
  originalArticle: { id: string; canonicalUrl: string } | null;
  alert: { claimStatement: string; rating: string; articleUrl: string; originalArticleUrl: string | null };
}

const ALERT_FIELDS = 'repeatId claimId claimStatement rating articleUrl originalArticleUrl exact start end score';

/** A graphql-ws client as `token`'s member (none: anonymous) following claimRepeated: what it received, and the errors. */
async function followRepeats(url: string, token: string | null, organisationId?: string) {
  const alerts: Record<string, unknown>[] = [];
  const errors: { extensions?: { code?: unknown } }[] = [];
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
  });
  await new Promise<void>((resolve) => {
    client.on('connected', () => setTimeout(resolve, 200));
    client.subscribe<{ claimRepeated: Record<string, unknown> }>(
      { query: `subscription($org: ID) { claimRepeated(organisationId: $org) { ${ALERT_FIELDS} } }`, variables: { org: organisationId } },
      {
        next: (result) => (result.data ? alerts.push(result.data.claimRepeated) : errors.push(...(result.errors ?? []))),
        error: (error) => errors.push(...(Array.isArray(error) ? error : [{ extensions: { code: String(error) } }])),
        complete: () => undefined,
      },
    );
  });
  return { client, alerts, errors };
}

const CAPTURE = `mutation($url: String!) { captureArticleFromUrl(input: { url: $url }) { status article { id } revision { id text } } }`;

describe('repeats of a claim already rated', () => {
  jest.setTimeout(120_000);
  let api: TestApi;
  let site: Awaited<ReturnType<typeof startFixtureSite>>;
  let copySite: Awaited<ReturnType<typeof startFixtureSite>>;
  let outsider: TestMember;
  type Follower = Awaited<ReturnType<typeof followRepeats>>;
  let member: Follower;
  let stranger: Follower;
  let anonymous: Follower;
  let trespasser: Follower;
  const webhookBodies: { type: string; data: Record<string, unknown> }[] = [];
  let receiver: ReturnType<typeof createServer>;
  let claimId: string;
  let seedId: string;
  let verbatimText = [...seedParagraphs()];

  beforeAll(async () => {
    site = await startFixtureSite({
      '/2021/02/isis-meets-western-intelligence': servePage(articleHtml('تنظيم داعش في سوريا يلتقي استخبارات دول غربية', seedParagraphs(), { publishedAt: '2021-02-05T09:00:00Z' })),
    });
    copySite = await startFixtureSite({
      // Published when it is fetched: after the verdict.
      '/world/syria-report': (req, res) =>
        servePage(articleHtml('سبوتنيك: لقاءات بين استخبارات غربية وداعش', REWRITTEN, { publishedAt: new Date().toISOString() }))(req, res),
      // Captured before its claim is rated: found when the verdict is published.
      '/early-copy': servePage(articleHtml('مروحيات روسية تدمر سيارة لداعش', [EARLY_SENTENCE, UNRELATED], { publishedAt: '2021-02-06T10:00:00Z' })),
      '/copy': (req, res) => servePage(articleHtml('تنظيم داعش في سوريا يلتقي استخبارات دول غربية', verbatimText))(req, res),
      // Another host, so another outlet: republication is detected across outlets only.
    }, '127.0.0.2');
    receiver = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        webhookBodies.push(JSON.parse(body));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const loopback = ['127.0.0.0/8'];
    api = await TestApi.start({
      monitoring: { ...DEFAULT_MONITORING_OPTIONS, allowPrivateAddresses: loopback, workerEnabled: true, pollMs: 100, hostDelayMs: 0 },
      webhooks: { ...DEFAULT_WEBHOOKS_OPTIONS, workerEnabled: true, pollMs: 100, allowPrivateAddresses: loopback },
    });
    await api.ok(`mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`, {
      input: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` },
    });
    outsider = await api.organisation('فريق آخر');
    const followers = await Promise.all([
      followRepeats(api.url, api.token),
      followRepeats(api.url, outsider.token),
      followRepeats(api.url, null),
      followRepeats(api.url, outsider.token, DEFAULT_ORGANISATION_ID),
    ]);
    [member, stranger, anonymous, trespasser] = followers;

    // The seed, fetched from its site; one of its claims annotated and rated FALSE.
    const seed = await api.ok<{ captureArticleFromUrl: { article: { id: string }; revision: { text: string } } }>(CAPTURE, {
      url: `${site.origin}/2021/02/isis-meets-western-intelligence`,
    });
    seedId = seed.captureArticleFromUrl.article.id;
    const annotated = await annotate(api, {
      articleId: seedId,
      selector: codePointSpan(seed.captureArticleFromUrl.revision.text, CLAIM_QUOTE),
      statement: 'عقدت استخبارات دول غربية اجتماعات مع قادة ميدانيين من تنظيم داعش في سوريا',
    });
    claimId = annotated.claimId;
    await publishVerdict(api, { claimId });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([member, stranger, anonymous, trespasser].map((f) => f?.client.dispose()));
    await api?.stop();
    await site?.close();
    await copySite?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  const repeats = async (filter: Record<string, unknown> = {}) => (await api.ok<{ repeats: { nodes: ApiRepeat[] } }>(REPEATS, { filter })).repeats;

  it('flags the rewritten copy from another site: the right claim, the sentence, the verdict', async () => {
    const copy = await api.ok<{ captureArticleFromUrl: { article: { id: string }; revision: { text: string } } }>(CAPTURE, { url: `${copySite.origin}/world/syria-report` });
    const copyId = copy.captureArticleFromUrl.article.id;
    await waitFor(async () => (await repeats({ status: 'NEW' })).nodes.some((r) => r.article.id === copyId), 'a repeat in the copy');
    const found = (await repeats()).nodes.filter((r) => r.article.id === copyId);
    expect(found).toHaveLength(1);
    const [repeat] = found;
    expect(repeat).toMatchObject({ status: 'NEW', claim: { id: claimId }, verdict: { rating: { key: 'FALSE' } }, exact: REPEATED, afterVerdict: true });
    expect(copy.captureArticleFromUrl.revision.text).toContain(REPEATED);
    expect(codePointSpan(copy.captureArticleFromUrl.revision.text, REPEATED)).toEqual({ start: repeat.start, end: repeat.end });
    expect(repeat.score).toBeGreaterThanOrEqual(0.4);
    expect(found.some((r) => r.exact.includes('وزارة الصحة'))).toBe(false);

    // Alerted live over the subscription, and to the partner's webhook through the outbox.
    await waitFor(() => member.alerts.some((a) => a.repeatId === repeat.id), 'the subscription alert');
    expect(member.alerts.find((a) => a.repeatId === repeat.id)).toMatchObject({ claimId, rating: 'FALSE', exact: REPEATED, articleUrl: repeat.article.canonicalUrl });
    await waitFor(() => webhookBodies.some((b) => b.type === 'claim.repeated' && b.data.repeatId === repeat.id), 'the claim.repeated webhook');
    expect(webhookBodies.find((b) => b.type === 'claim.repeated')?.data).toMatchObject({ claimId, exact: REPEATED, rating: 'FALSE' });
  });

  it("alerts members only, and only to their own organisation's repeats", async () => {
    await waitFor(() => member.alerts.length > 0, 'the member\'s alert');
    // Another organisation's member is connected and subscribed, and hears nothing of these repeats.
    expect(stranger.errors).toEqual([]);
    expect(stranger.alerts).toEqual([]);
    // An anonymous socket may connect (public subscriptions exist) but not follow repeats.
    expect(anonymous.alerts).toEqual([]);
    expect(anonymous.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Naming another organisation is refused outright.
    expect(trespasser.alerts).toEqual([]);
    expect(trespasser.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('names the original when the repeat is in a republished copy', async () => {
    const copy = await api.ok<{ captureArticleFromUrl: { article: { id: string } } }>(CAPTURE, { url: `${copySite.origin}/copy` });
    const copyId = copy.captureArticleFromUrl.article.id;
    await waitFor(async () => (await repeats()).nodes.some((r) => r.article.id === copyId), 'a repeat in the verbatim copy');
    const repeat = (await repeats()).nodes.find((r) => r.article.id === copyId) as ApiRepeat;
    expect(repeat.originalArticle?.id).toBe(seedId);
    expect(repeat.alert.originalArticleUrl).toBe(`${site.origin}/2021/02/isis-meets-western-intelligence`);
    expect(repeat.exact).toContain(CLAIM_QUOTE);
  });

  it('confirms a repeat as an appearance with its chain; a dismissed one is never raised again', async () => {
    const all = (await repeats()).nodes;
    const rewritten = all.find((r) => r.exact === REPEATED) as ApiRepeat;
    const verbatim = all.find((r) => r.originalArticle) as ApiRepeat;

    const { confirmRepeat } = await api.ok<{ confirmRepeat: ApiRepeat }>(`mutation($id: ID!) { confirmRepeat(id: $id) { ${REPEAT_FIELDS} } }`, { id: rewritten.id });
    expect(confirmRepeat.status).toBe('CONFIRMED');
    const { claimAppearance } = await api.ok<{ claimAppearance: { claimId: string; articleId: string; exact: string; attributionChain: { relation: string }[] } }>(
      `query($id: ID!) { claimAppearance(id: $id) { claimId articleId exact attributionChain { relation } } }`,
      { id: confirmRepeat.appearanceId },
    );
    expect(claimAppearance).toMatchObject({ claimId, articleId: rewritten.article.id, exact: REPEATED });
    // The chain the sentence gives: an informed source, relayed by Sputnik, printed by the copy's site.
    expect(claimAppearance.attributionChain.map((h) => h.relation)).toEqual(['ORIGIN', 'RELAYED', 'REPUBLISHED']);

    const { dismissRepeat } = await api.ok<{ dismissRepeat: ApiRepeat }>(`mutation($id: ID!) { dismissRepeat(id: $id) { status } }`, { id: verbatim.id });
    expect(dismissRepeat.status).toBe('DISMISSED');
    // The copy changes (a new revision, the same sentence): the dismissed span stays dismissed.
    verbatimText = [...seedParagraphs(), 'تحديث: أضيفت هذه الفقرة بعد النشر بساعة لتوضيح مكان الاجتماعات.'];
    const again = await api.ok<{ captureArticleFromUrl: { status: string } }>(CAPTURE, { url: `${copySite.origin}/copy` });
    expect(again.captureArticleFromUrl.status).toBe('REVISED');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const ofCopy = (await repeats()).nodes.filter((r) => r.article.id === verbatim.article.id);
    expect(ofCopy.map((r) => r.status)).toEqual(['DISMISSED']);
  });

  it('counts repeats over time, and who keeps pushing the false claim after the verdict', async () => {
    const { claim } = await api.ok<{ claim: { repeats: { day: string; count: number }[] } }>(`query($id: ID!) { claim(id: $id) { repeats { day count } } }`, { id: claimId });
    expect(claim.repeats).toEqual([{ day: new Date().toISOString().slice(0, 10), count: 1 }]);
    const { repeatPushers } = await api.ok<{ repeatPushers: { kind: string; id: string; count: number }[] }>(`{ repeatPushers { kind id count } }`);
    const { article } = await api.ok<{ article: { outletId: string } }>(`query($id: ID!) { article(id: $id) { outletId } }`, {
      id: (await repeats({ status: 'CONFIRMED' })).nodes[0].article.id,
    });
    expect(repeatPushers).toContainEqual({ kind: 'OUTLET', id: article.outletId, count: 1 });
  });

  it("publishes the organisation's repeat alerts as Atom to its members, dismissed ones left out", async () => {
    const path = `/feeds/organisations/${DEFAULT_ORGANISATION_ID}/repeats.atom`;
    const viewer = await api.member(Role.VIEWER);
    const response = await api.as(viewer).get(path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const { extractFromXml } = await import('@extractus/feed-extractor');
    const feed = extractFromXml(response.text, { descriptionMaxLen: 0 });
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries?.[0]).toMatchObject({ link: expect.stringContaining('/world/syria-report'), description: REPEATED });
    expect(feed.entries?.[0].title).toContain('FALSE');
    expect((await api.get('/feeds/organisations/not-an-id/repeats.atom')).status).toBe(404);

    // Nobody else: an anonymous reader, another organisation's member.
    const refusedAnonymous = await api.get(path, { anonymous: true });
    expect(refusedAnonymous.status).toBe(401);
    expect(refusedAnonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await api.as(outsider).get(path)).status).toBe(403);
  });

  it('lets a feed reader in with the organisation\'s feed key until it is replaced or revoked', async () => {
    const CREATE = `mutation { createRepeatFeedKey { url createdAt } }`;
    const viewer = await api.member(Role.VIEWER);
    expect((await api.as(viewer).gql(CREATE)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const first = new URL((await api.ok<{ createRepeatFeedKey: { url: string } }>(CREATE)).createRepeatFeedKey.url);
    expect(first.pathname).toBe(`/feeds/organisations/${DEFAULT_ORGANISATION_ID}/repeats.atom`);
    const withKey = (url: URL) => api.get(`${url.pathname}${url.search}`, { anonymous: true });
    expect((await withKey(first)).status).toBe(200);
    expect((await withKey(first)).text).toContain(REPEATED);
    // The key opens only its own organisation's feed, and a guessed one opens nothing.
    const outsiders = new URL(first.href.replace(DEFAULT_ORGANISATION_ID, outsider.organisationId));
    expect((await withKey(outsiders)).status).toBe(401);
    expect((await api.get(`${first.pathname}?key=guessed`, { anonymous: true })).status).toBe(401);

    const second = new URL((await api.ok<{ createRepeatFeedKey: { url: string } }>(CREATE)).createRepeatFeedKey.url);
    expect((await withKey(first)).status).toBe(401);
    expect((await withKey(second)).status).toBe(200);
    expect((await api.ok<{ revokeRepeatFeedKey: boolean }>(`mutation { revokeRepeatFeedKey }`)).revokeRepeatFeedKey).toBe(true);
    expect((await withKey(second)).status).toBe(401);
  });

  it("shows an organisation only its own repeats", async () => {
    expect((await api.as(outsider).ok<{ repeats: { nodes: ApiRepeat[] } }>(REPEATS, {})).repeats.nodes).toEqual([]);
    const forbidden = await api.as(outsider).gql(REPEATS, { filter: { organisationId: DEFAULT_ORGANISATION_ID } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [repeat] = (await repeats()).nodes;
    const refused = await api.as(outsider).gql(`mutation($id: ID!) { dismissRepeat(id: $id) { id } }`, { id: repeat.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('rescans earlier captures when a claim is first rated: a copy captured before the verdict is found', async () => {
    const early = await api.ok<{ captureArticleFromUrl: { article: { id: string } } }>(CAPTURE, { url: `${copySite.origin}/early-copy` });
    const earlyId = early.captureArticleFromUrl.article.id;
    const seed = await api.ok<{ article: { text: string } }>(`query($id: ID!) { article(id: $id) { text } }`, { id: seedId });
    // The seed's text keeps the page's no-break spaces: the quote is taken from it as printed.
    const at = seed.article.text.indexOf('تمكنت المروحيات');
    const printedQuote = seed.article.text.slice(at, seed.article.text.indexOf('رباعي', at) + 'رباعي'.length);
    expect(printedQuote.replace(/\u00a0/g, ' ')).toBe(SECOND_QUOTE);
    const { claimId: secondClaimId } = await annotate(api, {
      articleId: seedId,
      selector: codePointSpan(seed.article.text, printedQuote),
      statement: 'دمرت مروحيات روسية في سوريا سيارة دفع رباعي تابعة لتنظيم داعش',
    });
    // Scanned on capture: the claim is not rated yet, so nothing is found.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await repeats({ claimId: secondClaimId })).nodes).toEqual([]);

    await publishVerdict(api, { claimId: secondClaimId });
    // The verbatim copy captured earlier prints the sentence too: both are rescanned, in either order.
    await waitFor(async () => (await repeats({ claimId: secondClaimId })).nodes.length >= 2, 'the rescan to find both earlier copies');
    const found = (await repeats({ claimId: secondClaimId })).nodes;
    expect(found.find((r) => r.article.id === earlyId)).toMatchObject({ exact: EARLY_SENTENCE, afterVerdict: false, verdict: { rating: { key: 'FALSE' } } });
    // The seed, where the claim is filed, is no repeat of it.
    expect(found.map((r) => r.article.canonicalUrl).sort()).toEqual([`${copySite.origin}/copy`, `${copySite.origin}/early-copy`]);
    await waitFor(() => member.alerts.some((a) => a.claimId === secondClaimId), 'the alert of the rescan');
  });
});
