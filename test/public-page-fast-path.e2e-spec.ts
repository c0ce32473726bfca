import { randomBytes } from 'node:crypto';
import { IncomingHttpHeaders, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { Role } from '@isnad/auth';
import { RateLimitsConfig } from '@isnad/rate-limits';
import { PublicPageCache } from '@isnad/verdicts';
import { annotate, captureSeedArticle, codePointSpan } from './support/factories';
import { whileLive } from './support/liveness';
import { TestApi } from './support/test-api';
import { publishVerdict } from './support/verdict-factories';

// Anonymous GETs and HEADs of cached public pages are answered on the HTTP server's 'request'
// event, before Express. These tests hold that path to what Express answers for the same request.

const FEED = '/feeds/verdicts.atom?limit=50';
const STATEMENT = 'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة';

/** A response as sent: status, headers, undecoded body. */
interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  /** The header names in the order and case sent. */
  names: string[];
  body: Buffer;
}

function send(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    httpRequest(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, names: res.rawHeaders.filter((_, n) => n % 2 === 0), body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

function limits(addressPerMinute: number): RateLimitsConfig {
  return { addressPerMinute, tokenPerMinute: 1000, keyPrefix: `isnad-test-fast-${process.pid}-${randomBytes(4).toString('hex')}` };
}

/** The API's Express application (handle: where every request it gets enters): what answers whatever the fast path does not. */
function expressOf(api: TestApi): Express & { handle: (...args: unknown[]) => void } {
  return api.provider(HttpAdapterHost).httpAdapter.getInstance<Express & { handle: (...args: unknown[]) => void }>();
}

/** A second listener on the same application handing every request to Express: the slow path, over the same cache and counters. */
async function expressAlone(api: TestApi): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(expressOf(api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Headers that legitimately differ between two answers to the same request. */
const comparable = (headers: IncomingHttpHeaders) => {
  const { date: _date, 'x-request-id': _id, ...rest } = headers;
  return rest;
};

/** An address of its own per call, so the budgets of compared requests stand at the same count. */
let lastOctet = 0;
const nextAddress = () => `198.51.100.${++lastOctet}`;

async function publishOne(api: TestApi): Promise<string> {
  const seed = await captureSeedArticle(api);
  const { claimId } = await annotate(api, { articleId: seed.id, selector: codePointSpan(seed.text, STATEMENT) });
  return (await publishVerdict(api, { claimId })).id;
}

/**
 * Asks the API's own port (the fast path) and a listener handing everything to Express the same
 * requests: the same status, headers (names in the same order and case) and bytes, Express never
 * entered on the fast path.
 */
async function expectSameAnswersAsExpress(
  api: TestApi,
  slow: { url: string },
  verdictId: string,
  etag: string,
  expressCalls: jest.SpyInstance,
): Promise<void> {
  const cases: [string, Record<string, string>, string][] = [
    [FEED, {}, 'GET'],
    [FEED, { 'accept-encoding': 'gzip' }, 'GET'],
    [FEED, { 'accept-encoding': 'gzip, deflate, br' }, 'GET'],
    [FEED, { 'accept-encoding': 'br;q=0, gzip;q=0.5' }, 'GET'],
    [FEED, { 'accept-encoding': 'gzip' }, 'HEAD'],
    [FEED, { 'if-none-match': 'PLACEHOLDER' }, 'GET'],
    [FEED, { 'if-none-match': 'PLACEHOLDER' }, 'HEAD'],
    [FEED, { 'if-none-match': 'W/PLACEHOLDER, "other"' }, 'GET'],
    [FEED, { 'if-modified-since': new Date(Date.now() + 60_000).toUTCString() }, 'GET'],
    [FEED, { 'if-none-match': '"not-the-etag"' }, 'GET'],
    [`/claim-reviews/${verdictId}`, { 'accept-encoding': 'br' }, 'GET'],
    [`/verdicts/${verdictId}`, { 'accept-encoding': 'gzip' }, 'GET'],
  ];
  for (const [path, given, method] of cases) {
    const headers = Object.fromEntries(Object.entries(given).map(([name, value]) => [name, value.replace('PLACEHOLDER', etag)]));
    // The same Host for both listeners: the same public base URL, so the same cached page.
    headers.host = new URL(api.url).host;
    const fast = await send(api.url, path, { ...headers, 'x-forwarded-for': nextAddress() }, method);
    const viaExpress = await send(slow.url, path, { ...headers, 'x-forwarded-for': nextAddress() }, method);
    const label = `${method} ${path} ${JSON.stringify(given)}`;
    expect({ label, status: fast.status, headers: comparable(fast.headers), names: fast.names }).toEqual({
      label,
      status: viaExpress.status,
      headers: comparable(viaExpress.headers),
      names: viaExpress.names,
    });
    expect(fast.body.equals(viaExpress.body)).toBe(true);
    expect(fast.headers['x-request-id']).toMatch(/^[\w.-]+$/);
    // Neither path names the stack it runs on.
    expect(viaExpress.headers['x-powered-by']).toBeUndefined();
  }
  expect(cases.filter(([, given]) => given['if-none-match']?.includes('PLACEHOLDER')).length).toBe(3);
  // Every request to the API's own port above was answered without Express; those to the second listener went through it.
  expect(expressCalls).toHaveBeenCalledTimes(cases.length);
}

describe('cached public pages answered ahead of Express', () => {
  let api: TestApi;
  let slow: { url: string; close: () => Promise<void> };
  let verdictId: string;
  let etag: string;
  let expressCalls: jest.SpyInstance;

  beforeAll(async () => {
    api = await TestApi.start({ rateLimits: limits(20), trustProxy: 'loopback' });
    verdictId = await publishOne(api);
    slow = await expressAlone(api);
  });
  afterAll(async () => {
    await slow?.close();
    await api?.stop();
  });
  beforeEach(async () => {
    // Rendered (by Express) and cached before each test.
    for (const path of [FEED, `/claim-reviews/${verdictId}`, `/verdicts/${verdictId}`]) {
      const rendered = await send(api.url, path, { 'x-forwarded-for': nextAddress() });
      expect(rendered.status).toBe(200);
      if (path === FEED) etag = rendered.headers.etag as string;
    }
    expressCalls = jest.spyOn(expressOf(api), 'handle');
  });
  afterEach(() => expressCalls.mockRestore());

  it('gives a feed reader the same status, headers and bytes as Express for every coding, HEAD and conditional request', async () => {
    await expectSameAnswersAsExpress(api, slow, verdictId, etag, expressCalls);
  });

  it('answers 200, 304 and HEAD from the cache, echoing the caller\'s request id, with the budget headers', async () => {
    const ok = await send(api.url, FEED, { 'accept-encoding': 'br', 'x-request-id': 'trace-1.1' });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-encoding']).toBe('br');
    expect(ok.headers['x-request-id']).toBe('trace-1.1');
    expect(ok.headers['x-ratelimit-limit']).toBe('20');
    const head = await send(api.url, FEED, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, 'gzip', 0]);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    const notModified = await send(api.url, FEED, { 'if-none-match': `W/${etag}` });
    expect([notModified.status, notModified.headers.etag, notModified.body.length]).toEqual([304, etag, 0]);
    expect(expressCalls).not.toHaveBeenCalled();
  });

  it('spends the client address budget on the fast path and answers the 429 Express answers once it is spent', async () => {
    const fastAddress = nextAddress();
    const slowAddress = nextAddress();
    const remaining: string[] = [];
    for (let i = 0; i < 20; i++) {
      const answer = await send(api.url, FEED, { 'x-forwarded-for': fastAddress, ...(i % 2 ? { 'if-none-match': etag } : {}) });
      expect(answer.status).toBe(i % 2 ? 304 : 200);
      remaining.push(answer.headers['x-ratelimit-remaining'] as string);
      await send(slow.url, FEED, { 'x-forwarded-for': slowAddress });
    }
    expect(remaining).toEqual(Array.from({ length: 20 }, (_, i) => String(19 - i)));
    expect(expressCalls).toHaveBeenCalledTimes(20);
    const refused = await send(api.url, FEED, { 'x-forwarded-for': fastAddress });
    const refusedByExpress = await send(slow.url, FEED, { 'x-forwarded-for': slowAddress });
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body.toString()).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', per: 'ADDRESS' });
    expect(comparable(refused.headers)).toEqual(comparable(refusedByExpress.headers));
    expect(refused.body.equals(refusedByExpress.body)).toBe(true);
    // Counted once: the refusal left the count where it was, and the next address still has its budget.
    expect((await send(api.url, FEED, { 'x-forwarded-for': nextAddress() })).headers['x-ratelimit-remaining']).toBe('19');
  });

  it('never serves the anonymous page to a request with a token: Express verifies it first', async () => {
    const made = await send(api.url, FEED, { authorization: `Bearer isn_${randomBytes(16).toString('hex')}`, 'x-forwarded-for': nextAddress() });
    expect(made.status).toBe(401);
    const viewer = await api.member(Role.VIEWER);
    const member = await send(api.url, FEED, { authorization: `Bearer ${viewer.token}` });
    expect(member.status).toBe(200);
    expect(member.headers['x-ratelimit-limit']).toBe('1000');
    expect(expressCalls).toHaveBeenCalledTimes(2);
  });

  it('leaves a refused query text, a cache miss and other paths to Express', async () => {
    // The 304 the key alone would give: the query never passed the text rule, so Express refuses it.
    const bad = '/feeds/verdicts.atom?tag=%00';
    const cache = api.provider(PublicPageCache);
    const badEtag = cache.etagOf(`${api.url} ${bad}`);
    const refused = await send(api.url, bad, { 'if-none-match': badEtag, 'x-forwarded-for': nextAddress() });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body.toString()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER' });
    expect(expressCalls).toHaveBeenCalledTimes(1);

    cache.invalidate();
    const rendered = await send(api.url, FEED, { 'x-forwarded-for': nextAddress() });
    expect([rendered.status, rendered.headers['x-ratelimit-remaining']]).toEqual([200, '19']);
    expect(expressCalls).toHaveBeenCalledTimes(2);

    const other = await send(api.url, '/feeds/verdicts.atom/extra', { 'x-forwarded-for': nextAddress() });
    expect(other.status).toBe(404);
    const posted = await send(api.url, FEED, { 'x-forwarded-for': nextAddress() }, 'POST');
    expect(posted.status).toBe(404);
    expect(expressCalls).toHaveBeenCalledTimes(4);
  });
});

describe('cached public pages answered ahead of Express without rate limits (in the request\'s own turn)', () => {
  it('gives a feed reader the same status, headers and bytes as Express, without the budget headers', async () => {
    const api = await TestApi.start();
    const slow = await expressAlone(api);
    try {
      const verdictId = await publishOne(api);
      for (const path of [FEED, `/claim-reviews/${verdictId}`, `/verdicts/${verdictId}`]) expect((await send(api.url, path)).status).toBe(200);
      const first = await send(api.url, FEED, { 'accept-encoding': 'br' });
      expect(first.headers['x-ratelimit-limit']).toBeUndefined();
      const expressCalls = jest.spyOn(expressOf(api), 'handle');
      try {
        await expectSameAnswersAsExpress(api, slow, verdictId, first.headers.etag as string, expressCalls);
      } finally {
        expressCalls.mockRestore();
      }
    } finally {
      await slow.close();
      await api.stop();
    }
  });
});

describe('the client address of the fast path without a trusted proxy', () => {
  it('ignores X-Forwarded-For, so a forged header buys no budget on cached pages', async () => {
    const api = await TestApi.start({ rateLimits: limits(3) });
    try {
      await publishOne(api);
      // The first GET renders (through Express) and spends the first request of 127.0.0.1's budget.
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await send(api.url, FEED, { 'x-forwarded-for': nextAddress() }));
      expect(answers.map((a) => [a.status, a.headers['x-ratelimit-remaining']])).toEqual([
        [200, '2'],
        [200, '1'],
        [200, '0'],
        [429, '0'],
      ]);
    } finally {
      await api.stop();
    }
  });
});

describe('liveness while the feed is hammered', () => {
  it('keeps /health/live answering while eight clients fetch the cached feed', async () => {
    const api = await TestApi.start();
    try {
      await publishOne(api);
      expect((await send(api.url, FEED)).status).toBe(200);
      let served = 0;
      const client = async () => {
        for (let i = 0; i < 25; i++) {
          const answer = await send(api.url, FEED, { 'accept-encoding': 'gzip' });
          if (answer.status === 200) served++;
        }
      };
      await whileLive(api, () => Promise.all(Array.from({ length: 8 }, client)), 1);
      expect(served).toBe(200);
    } finally {
      await api.stop();
    }
  });
});
