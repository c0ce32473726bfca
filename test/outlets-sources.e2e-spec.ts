import { captureArticle, createOutlet, createSource, createSputnik, errorCode } from './support/factories';
import { SPUTNIK_OUTLET } from './fixtures/seed/sputnik-outlet';
import { ApiConnection, ApiOutlet, ApiSource } from './support/api-types';
import { TestApi } from './support/test-api';

describe('outlets and sources', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api?.stop());

  it('files articles from a known outlet\'s domains and subdomains under that outlet', async () => {
    const sputnikId = await createSputnik(api);
    const article = await captureArticle(api, { url: 'https://arabic.sputniknews.com/20210205/isis.html', text: 'خبر من سبوتنيك عربي.' });
    expect(article.outletId).toBe(sputnikId);
    const { outlet } = await api.ok<{ outlet: ApiOutlet }>(
      `query($id: ID!) { outlet(id: $id) { name kind country languages ownership affiliationNote domains } }`,
      { id: sputnikId },
    );
    expect(outlet).toEqual(SPUTNIK_OUTLET);
  });

  it('refuses a domain another outlet already owns, and leaves both outlets as they were', async () => {
    const response = await api.gql(`mutation { createOutlet(input: { name: "Sputnik copy", domains: ["sputniknews.com"] }) { id } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { outlets } = await api.ok<{ outlets: { nodes: { name: string }[] } }>(`query { outlets(filter: { text: "Sputnik copy" }) { nodes { name } } }`);
    expect(outlets.nodes).toEqual([]);
  });

  it('updates an outlet and finds it by an Arabic name typed without hamza or diacritics', async () => {
    const id = await createOutlet(api, { name: 'وكالة الأنباء السورية', kind: 'NEWS_AGENCY', country: 'SY', domains: ['sana.sy'] });
    await api.ok(`mutation($input: UpdateOutletInput!) { updateOutlet(input: $input) { id } }`, {
      input: { id, ownership: 'STATE_OWNED', affiliationNote: 'Syrian state news agency (سانا)' },
    });
    const { outlets } = await api.ok<{ outlets: ApiConnection<ApiOutlet> }>(
      `query { outlets(filter: { text: "وكاله الانباء", country: "sy" }) { nodes { id ownership } } }`,
    );
    expect(outlets.nodes).toEqual([{ id, ownership: 'STATE_OWNED' }]);
  });

  it('merges a duplicate outlet: its articles and domains move, it points to the one kept', async () => {
    const keep = await createOutlet(api, { name: 'Al Watan', domains: ['alwatan.example'] });
    const duplicate = await createOutlet(api, { name: 'الوطن', domains: ['alwatan-online.example'] });
    const article = await captureArticle(api, { url: 'https://alwatan-online.example/a', text: 'خبر' });
    expect(article.outletId).toBe(duplicate);
    const { mergeOutlets } = await api.ok<{ mergeOutlets: ApiOutlet }>(
      `mutation($input: MergeOutletsInput!) { mergeOutlets(input: $input) { id domains articles { nodes { id } } } }`,
      { input: { keepId: keep, mergeId: duplicate } },
    );
    expect(mergeOutlets).toEqual({ id: keep, domains: ['alwatan-online.example', 'alwatan.example'], articles: { nodes: [{ id: article.id }] } });
    const { outlet } = await api.ok<{ outlet: ApiOutlet }>(`query($id: ID!) { outlet(id: $id) { mergedIntoId } }`, { id: duplicate });
    expect(outlet.mergedIntoId).toBe(keep);
    const again = await captureArticle(api, { url: 'https://alwatan-online.example/b', text: 'خبر آخر' });
    expect(again.outletId).toBe(keep);
    expect(
      await errorCode(api, `mutation($input: MergeOutletsInput!) { mergeOutlets(input: $input) { id } }`, {
        input: { keepId: keep, mergeId: duplicate },
      }),
    ).toBe('BAD_USER_INPUT');
  });

  it('records an anonymous source with the outlet it spoke to, and lists sources by kind, outlet and name', async () => {
    const sanaId = await createOutlet(api, { name: 'سانا', kind: 'NEWS_AGENCY', country: 'SY' });
    const anonymous = await createSource(api, { kind: 'ANONYMOUS', name: 'مصادرُ مطّلعة', confidedToOutletId: sanaId });
    await createSource(api, { kind: 'PERSON', name: 'Sergei Lavrov', language: 'en' });
    const { sources } = await api.ok<{ sources: ApiConnection<ApiSource> }>(
      `query($outletId: ID!) { sources(filter: { kind: ANONYMOUS, outletId: $outletId, text: "مصادر مطلعه" }) {
          nodes { id name confidedToOutlet { name } } } }`,
      { outletId: sanaId },
    );
    expect(sources.nodes).toEqual([{ id: anonymous, name: 'مصادرُ مطّلعة', confidedToOutlet: { name: 'سانا' } }]);
    const { updateSource } = await api.ok<{ updateSource: ApiSource }>(
      `mutation($input: UpdateSourceInput!) { updateSource(input: $input) { name description } }`,
      { input: { id: anonymous, description: 'Unnamed officials quoted by SANA' } },
    );
    expect(updateSource).toEqual({ name: 'مصادرُ مطّلعة', description: 'Unnamed officials quoted by SANA' });
  });

  it.each([
    ['an OUTLET source without its outlet', `mutation { createSource(input: { kind: OUTLET, name: "x" }) { id } }`, 'BAD_USER_INPUT'],
    ['an empty name', `mutation { createSource(input: { kind: PERSON, name: "" }) { id } }`, 'BAD_USER_INPUT'],
    ['an unknown kind', `mutation { createSource(input: { kind: ROBOT, name: "x" }) { id } }`, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown outlet', `mutation { createSource(input: { kind: ANONYMOUS, name: "x", confidedToOutletId: "00000000-0000-4000-8000-000000000000" }) { id } }`, 'NOT_FOUND'],
    ['a bad country code', `mutation { createOutlet(input: { name: "x", country: "Syria" }) { id } }`, 'BAD_USER_INPUT'],
    ['a bad domain', `mutation { createOutlet(input: { name: "x", domains: ["not a domain"] }) { id } }`, 'BAD_USER_INPUT'],
    ['merging an outlet into itself', `mutation { mergeOutlets(input: { keepId: "00000000-0000-4000-8000-000000000000", mergeId: "00000000-0000-4000-8000-000000000000" }) { id } }`, 'BAD_USER_INPUT'],
    ['an unknown source', `query { source(id: "00000000-0000-4000-8000-000000000000") { id } }`, 'NOT_FOUND'],
  ])('refuses %s', async (_name, query, code) => {
    expect(await errorCode(api, query)).toBe(code);
  });
});
