import request from 'supertest';
import { TestApi } from './support/test-api';

describe('limits and health', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api?.stop());

  it('answers liveness and readiness (the database answers; no Redis is configured, so none is checked)', async () => {
    const live = await request(api.url).get('/health/live');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
    const ready = await request(api.url).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    expect(Object.keys(ready.body.details)).toEqual(['database', 'storage']); // no REDIS_URL, no Redis check
  });

  it('refuses a query nested deeper than the limit before running it', async () => {
    // claim → appearances → claim → appearances ... : each round trip adds three levels.
    let selection = 'id';
    for (let i = 0; i < 5; i++) selection = `appearances { nodes { claim { ${selection} } } }`;
    const before = api.queryCount;
    // Anonymous, so that not even a token lookup reaches the database.
    const response = await api.as(null).gql(`query { claims { nodes { ${selection} } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(api.queryCount).toBe(before);
  });

  it('refuses a query whose nested pages could return too many rows', async () => {
    const response = await api.gql(
      `query { claims(first: 100) { nodes { appearances(first: 100) { nodes { claim { appearances(first: 100) { nodes { id } } } } } } } }`,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toMatch(/limit is 20000/);
  });

  it('lets an ordinary annotator\'s page through', async () => {
    const response = await api.gql(`query { claims(first: 20) { nodes { statement tags { label }
      appearances(first: 5) { nodes { exact article { title outlet { name domains } }
        attributionChain { relation source { name outlet { name } } } } } } } }`);
    expect(response.errors).toBeUndefined();
  });
});
