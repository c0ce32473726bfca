import request from 'supertest';
import { annotate, captureArticle, createSource, createSputnik } from './support/factories';
import { TestApi } from './support/test-api';

// Every list field resolves through DataLoaders: the number of SQL statements a page costs must not
// grow with the page size.
const CLAIMS_PAGE = `query($first: Int!) {
  claims(first: $first) { nodes {
    statement tags { label } appearanceCount
    appearances(first: 5) { nodes {
      exact latestRevisionAnchor { anchor { start } }
      article { title text outlet { name domains } revisions { number } }
      claimant { name confidedToOutlet { name } }
      attributionChain { relation source { name outlet { name } } }
    } }
  } } }`;

const SOURCES_PAGE = `query($first: Int!) {
  sources(first: $first) { nodes { name outlet { name } claims(first: 3) { nodes { statement } } } } }`;

const OUTLETS_PAGE = `query($first: Int!) {
  outlets(first: $first) { nodes {
    name domains
    articles(first: 3) { nodes { title claimAppearances { exact claim { statement } } } }
    relayedSources { appearanceCount source { name } }
  } } }`;

describe('list queries cost a bounded number of SQL statements', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
    const sputnikId = await createSputnik(api);
    for (let n = 0; n < 24; n++) {
      const text = `أفاد مصدر مطلع لوكالة سبوتنيك أن الحادثة رقم ${n} وقعت قرب دير الزور، وأن ${n + 2} جنود أصيبوا.`;
      const source = await createSource(api, { kind: 'ANONYMOUS', name: `مصدر مطلع ${n}`, confidedToOutletId: sputnikId });
      const first = await captureArticle(api, { url: `https://site-${n}.example/story/${n}`, text, language: 'ar', title: `خبر ${n}` });
      const copy = await captureArticle(api, { url: `https://copy-${n % 4}.example/story/${n}`, text, language: 'ar', title: `نسخة ${n}` });
      const chain = (outletId: string) => [
        { sourceId: source, relation: 'ORIGIN' },
        { outletId: sputnikId, relation: 'RELAYED' },
        { outletId, relation: 'REPUBLISHED' },
      ];
      const quote = `الحادثة رقم ${n} وقعت قرب دير الزور`;
      const appearance = await annotate(api, { articleId: first.id, selector: { exact: quote }, chain: chain(first.outletId), tags: ['دير الزور', `حادثة ${n % 3}`] });
      await annotate(api, { articleId: copy.id, selector: { exact: quote }, claimId: appearance.claimId, chain: chain(copy.outletId) });
    }
  });
  afterAll(() => api?.stop());

  it.each([
    ['claims with appearances, articles, outlets and chains', CLAIMS_PAGE],
    ['sources with their claims', SOURCES_PAGE],
    ['outlets with articles, appearances and relayed sources', OUTLETS_PAGE],
  ])('%s', async (_name, query) => {
    const statementsFor = async (first: number) => {
      const before = api.queryCount;
      const response = await api.gql<Record<string, { nodes: unknown[] }>>(query, { first });
      expect(response.errors).toBeUndefined();
      const [list] = Object.values(response.data ?? {});
      return { statements: api.queryCount - before, rows: list.nodes.length };
    };
    const small = await statementsFor(2);
    const large = await statementsFor(20);
    expect(small.rows).toBe(2);
    expect(large.rows).toBe(20);
    // DataLoader batches per tick, and which loads share a tick depends on which earlier query came
    // back first, so the count may move by one or two. An N+1 would add a statement per row (18+).
    expect(Math.abs(large.statements - small.statements)).toBeLessThanOrEqual(2);
    expect(large.statements).toBeLessThanOrEqual(16);
  });
});

describe('authentication', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api?.stop());

  it('costs one SQL statement per request with a token, none without', async () => {
    const statementsOf = async (caller: TestApi) => {
      const before = api.queryCount;
      const response = await caller.gql<{ __typename: string }>('{ __typename }');
      expect(response.data?.__typename).toBe('Query');
      return api.queryCount - before;
    };
    // The first request also records the token's lastUsedAt (at most once a minute).
    await statementsOf(api);
    expect(await statementsOf(api)).toBe(1);
    expect(await statementsOf(api.as(null))).toBe(0);
  });

  it('answers GraphQL with Cache-Control: no-store, since answers depend on the caller', async () => {
    const response = await request(api.url).post('/graphql').send({ query: '{ __typename }' }).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
