import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Role } from '@isnad/auth';
import { RateLimitsConfig } from '@isnad/rate-limits';
import { GraphQLResponse, TestApi } from './support/test-api';

const PING = '{ __typename }';

/** Limits small enough to spend in a test, under a key prefix of this run's own. */
function smallLimits(addressPerMinute: number, tokenPerMinute: number): RateLimitsConfig {
  return { addressPerMinute, tokenPerMinute, keyPrefix: `isnad-test-rate-${process.pid}-${randomBytes(4).toString('hex')}` };
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const newToken = () => `isn_test_${randomBytes(12).toString('hex')}`;

/** A 429 answer (from api.gql, or api.get's response) in the GraphQL error shape, with Retry-After. */
function expectRateLimited(
  response: { status: number; headers: Record<string, string>; errors?: GraphQLResponse['errors']; body?: { errors?: GraphQLResponse['errors'] } },
  per: 'ADDRESS' | 'TOKEN',
) {
  const errors = response.errors ?? response.body?.errors;
  expect(response.status).toBe(429);
  expect(errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', per, retryAfterSeconds: expect.any(Number) });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(errors?.[0]?.extensions?.retryAfterSeconds).toBe(retryAfter);
  expect(response.headers['x-ratelimit-remaining']).toBe('0');
}

describe('rate limits per client address and per token', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ rateLimits: smallLimits(3, 4) });
  });
  afterAll(() => api?.stop());

  it('refuses an anonymous address over its budget with 429 RATE_LIMITED, on /graphql and the HTTP routes, while a token goes on', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await api.gql(PING, {}, { anonymous: true });
      expect(response.status).not.toBe(429);
      remaining.push(response.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await api.gql(PING, {}, { anonymous: true });
    expectRateLimited(refused, 'ADDRESS');
    expect(refused.headers['x-ratelimit-limit']).toBe('3');
    expect(refused.errors?.[0]?.message).toMatch(/limit is 3 a minute/);
    expectRateLimited(await api.get('/feeds/verdicts.atom', { anonymous: true }), 'ADDRESS');

    const withToken = await api.gql(PING, {}, bearer((await api.member(Role.VIEWER)).token));
    expect(withToken.status).not.toBe(429);
    expect(withToken.headers['x-ratelimit-limit']).toBe('4');
  });

  it('never limits /health, even for an address over its budget', async () => {
    for (let i = 0; i < 5; i++) await api.gql(PING, {}, { anonymous: true });
    for (let i = 0; i < 10; i++) {
      const live = await api.get('/health/live', { anonymous: true });
      expect(live.status).toBe(200);
      expect(live.headers['x-ratelimit-limit']).toBeUndefined();
    }
    expect((await api.get('/health/ready', { anonymous: true })).status).toBe(200);
  });
});

describe('budgets of tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ rateLimits: smallLimits(5, 3) });
  });
  afterAll(() => api?.stop());

  it('gives each token a budget of its own, apart from the address budget', async () => {
    const reporter = (await api.member(Role.ANNOTATOR)).token;
    const editor = (await api.member(Role.EDITOR)).token;
    for (let i = 0; i < 3; i++) expect((await api.gql(PING, {}, bearer(reporter))).status).not.toBe(429);
    expectRateLimited(await api.gql(PING, {}, bearer(reporter)), 'TOKEN');

    const other = await api.gql(PING, {}, bearer(editor));
    expect(other.status).not.toBe(429);
    expect(other.headers['x-ratelimit-remaining']).toBe('2');

    // Same address, no token: the address budget was not touched by the token's requests.
    const anonymous = await api.gql(PING, {}, { anonymous: true });
    expect(anonymous.status).not.toBe(429);
    expect(anonymous.headers['x-ratelimit-remaining']).toBe('4');
  });
});

describe('made-up tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ rateLimits: smallLimits(3, 100) });
  });
  afterAll(() => api?.stop());

  it('charges refused tokens to the address, so inventing a new token per request buys nothing', async () => {
    // The budget (3) is spent by the fourth refusal; from then on the address's tokens wait.
    for (let i = 0; i < 4; i++) expect((await api.gql(PING, {}, bearer(newToken()))).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the charge is counted after the 401 is sent
    expectRateLimited(await api.gql(PING, {}, bearer(newToken())), 'ADDRESS');
  });
});

describe('the client address behind a proxy', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxy, so a forged header buys no budget', async () => {
    const direct = await TestApi.start({ rateLimits: smallLimits(2, 10) });
    try {
      for (let i = 0; i < 2; i++) await direct.gql(PING, {}, { anonymous: true, headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      expectRateLimited(await direct.gql(PING, {}, { anonymous: true, headers: { 'x-forwarded-for': '198.51.100.99' } }), 'ADDRESS');
    } finally {
      await direct.stop();
    }

    const proxied = await TestApi.start({ rateLimits: smallLimits(2, 10), trustProxy: 'loopback' });
    try {
      const from = (address: string) => proxied.gql(PING, {}, { anonymous: true, headers: { 'x-forwarded-for': address } });
      await from('198.51.100.1');
      await from('198.51.100.1');
      expectRateLimited(await from('198.51.100.1'), 'ADDRESS');
      expect((await from('198.51.100.2')).status).not.toBe(429);
    } finally {
      await proxied.stop();
    }
  });

  it('counts a cached public page and its 304 like any request, by the same client address', async () => {
    const proxied = await TestApi.start({ rateLimits: smallLimits(3, 10), trustProxy: 'loopback' });
    try {
      const from = (address: string, headers: Record<string, string> = {}) =>
        proxied.get('/feeds/verdicts.atom', { anonymous: true, headers: { 'x-forwarded-for': address, ...headers } });
      const rendered = await from('198.51.100.1');
      const cached = await from('198.51.100.1');
      const notModified = await from('198.51.100.1', { 'if-none-match': rendered.headers.etag });
      expect([rendered, cached, notModified].map((r) => [r.status, r.headers['x-ratelimit-remaining']])).toEqual([
        [200, '2'],
        [200, '1'],
        [304, '0'],
      ]);
      expectRateLimited(await from('198.51.100.1'), 'ADDRESS');
      expectRateLimited(await from('198.51.100.1', { 'if-none-match': rendered.headers.etag }), 'ADDRESS');
      const elsewhere = await from('198.51.100.2');
      expect([elsewhere.status, elsewhere.headers['x-ratelimit-remaining']]).toEqual([200, '2']);
    } finally {
      await proxied.stop();
    }
  });
});

// Needs Redis: two instances on one database share the budgets through it.
if (process.env.REDIS_URL) {
  describe('budgets shared by API instances through Redis (REDIS_URL)', () => {
    const limits = smallLimits(100, 4);
    afterAll(async () => {
      const redis = new Redis(process.env.REDIS_URL as string);
      try {
        const keys = await redis.keys(`${limits.keyPrefix}:*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    });

    it('spends one token budget whichever instance answers', async () => {
      const first = await TestApi.start({ rateLimits: limits, redisUrl: process.env.REDIS_URL });
      const second = await first.alongside({ rateLimits: limits, redisUrl: process.env.REDIS_URL });
      try {
        const token = (await first.member(Role.VIEWER)).token;
        for (const api of [first, second, first, second]) expect((await api.gql(PING, {}, bearer(token))).status).not.toBe(429);
        expectRateLimited(await first.gql(PING, {}, bearer(token)), 'TOKEN');
        expectRateLimited(await second.gql(PING, {}, bearer(token)), 'TOKEN');
        expect((await second.gql(PING, {}, bearer((await first.member(Role.VIEWER)).token))).status).not.toBe(429);
      } finally {
        await second.stop();
        await first.stop();
      }
    });
  });
}
