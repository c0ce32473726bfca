import { TestApi } from './support/test-api';

// Text reaches Isnad from copy-paste, scrapers and other people's code. What cannot be stored as it
// was sent is refused, named, and leaves the data as it was; nothing turns into a 500.

const CREATE_SOURCE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id name } }`;
const COUNT_SOURCES = `{ sources(first: 100) { nodes { id } } }`;

describe('hostile text', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  const sourceCount = async () => (await api.ok<{ sources: { nodes: unknown[] } }>(COUNT_SOURCES)).sources.nodes.length;

  it.each([
    ['a NUL character in a name', CREATE_SOURCE, { input: { kind: 'PERSON', name: 'مصدر\u0000مطلع' } }, 'NUL_CHARACTER', '$.input.name'],
    ['half a surrogate pair in a name', CREATE_SOURCE, { input: { kind: 'PERSON', name: 'مصدر \ud800' } }, 'UNPAIRED_SURROGATE', '$.input.name'],
    ['a NUL character in a search', `query($text: String) { claims(filter: { text: $text }) { nodes { id } } }`, { text: 'داعش\u0000' }, 'NUL_CHARACTER', '$.text'],
    ['a NUL character deep in a list', `mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id } }`, {
      input: { articleId: '00000000-0000-4000-8000-000000000001', selector: { exact: 'نص' }, tags: ['سوريا', 'x\u0000'] },
    }, 'NUL_CHARACTER', '$.input.tags.1'],
  ])('refuses %s with BAD_USER_INPUT before anything runs', async (_case, query, variables, reason, at) => {
    const before = await sourceCount();
    const response = await api.gql(query, variables);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, at });
    expect(await sourceCount()).toBe(before);
  });

  it('refuses the same text written inline in the query', async () => {
    const response = await api.gql(`mutation { createSource(input: { kind: PERSON, name: "مصدر\\u0000" }) { id } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER' });
  });

  it('refuses a body that is not UTF-8 instead of reading it with replacement characters', async () => {
    const before = await sourceCount();
    const body = Buffer.concat([
      Buffer.from(JSON.stringify({ query: CREATE_SOURCE, variables: { input: { kind: 'PERSON', name: 'XX' } } }).split('XX')[0]),
      Buffer.from([0xd9, 0x85, 0xff, 0xfe]), // "م" then two bytes that are not UTF-8
      Buffer.from(JSON.stringify({ query: CREATE_SOURCE, variables: { input: { kind: 'PERSON', name: 'XX' } } }).split('XX')[1]),
    ]);
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors[0]).toMatchObject({ message: 'The request body is not valid UTF-8', extensions: { code: 'BAD_REQUEST' } });
    expect(await sourceCount()).toBe(before);
  });

  it('keeps everything else exactly as sent: bidi controls, emoji, Arabic-Indic digits, markup and SQL', async () => {
    const name = '\u202Eمصدر مطلع\u202C 🛰️ ٣ <b>x</b> \'); DROP TABLE sources; --';
    const { createSource } = await api.ok<{ createSource: { name: string } }>(CREATE_SOURCE, { input: { kind: 'PERSON', name } });
    expect(createSource.name).toBe(name);
  });
});
