import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TestDatabase, createTestDatabase } from '@isnad/database/testing/test-database';
import { createApp } from '../apps/api/src/bootstrap';
import { FakeEmbeddings, startFakeEmbeddings } from './support/fake-embeddings';
import { createTestMember } from './support/test-api';
import { DEFAULT_ORGANISATION_ID, Role } from '@isnad/auth';

// A stand-in embeddings endpoint on loopback: texts about the same event get the same direction.
const CONCEPTS: [RegExp, number][] = [
  [/bread|loaf|bakery/, 0],
  [/price|cost|syrian pounds|lira/, 1],
  [/cholera|outbreak/, 2],
];
function vector(text: string): number[] {
  const v = [0, 0, 0, 0.1];
  for (const [pattern, dim] of CONCEPTS) if (pattern.test(text.toLowerCase())) v[dim] = 1;
  return v;
}

describe('matching with an embeddings endpoint configured', () => {
  let endpoint: FakeEmbeddings;
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  let token: string;
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await request(url).post('/graphql').set('authorization', `Bearer ${token}`).send({ query, variables });
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    return response.body.data;
  };

  beforeAll(async () => {
    endpoint = await startFakeEmbeddings(vector);
    database = await createTestDatabase();
    app = await createApp(
      {
        port: 0,
        host: '127.0.0.1',
        database: database.config,
        runMigrations: true,
        bodyLimitBytes: 1e7,
        schemaFile: null,
        linking: { embeddings: { url: endpoint.url, model: 'test-model', apiKey: null } },
      },
      { logger: ['error'] },
    );
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    token = (await createTestMember(app, Role.ANNOTATOR, DEFAULT_ORGANISATION_ID)).token;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await endpoint?.close();
  });

  it('re-scores the lexical candidates by meaning and says so', async () => {
    const { captureArticle } = await gql(
      `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id } revision { text } } }`,
      { input: { url: 'https://damascus-news.example/bread', text: 'The government raised the price of a bundle of subsidised bread to 200 Syrian pounds.', language: 'en' } },
    );
    const text: string = captureArticle.revision.text;
    await gql(`mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id } }`, {
      input: { articleId: captureArticle.article.id, selector: { start: 0, end: [...text].length } },
    });
    await gql(`mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id } }`, {
      input: { articleId: captureArticle.article.id, selector: { start: 0, end: 14 }, statement: 'The government announced a cholera outbreak in Idlib' },
    });

    const query = 'Damascus doubles what a loaf costs: subsidised bread now 200 pounds, the government said';
    const { claimMatches } = await gql(
      `query($text: String!) { claimMatches(text: $text, minScore: 0) { score reasons { kind values } claim { statement } } }`,
      { text: query },
    );
    expect(endpoint.calls.some((input) => input[0] === query)).toBe(true);
    expect(claimMatches[0].claim.statement).toContain('subsidised bread');
    expect(claimMatches[0].reasons.map((r: { kind: string }) => r.kind)).toContain('SIMILAR_MEANING');
    const cholera = claimMatches.find((m: { claim: { statement: string } }) => m.claim.statement.includes('cholera'));
    expect(cholera?.reasons.map((r: { kind: string }) => r.kind) ?? []).not.toContain('SIMILAR_MEANING');
  });
});
