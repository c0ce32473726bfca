import { randomBytes } from 'node:crypto';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';
import { RedisThrottlerStorage } from './redis-throttler.storage';

// The same budget rules from the in-process storage and, when REDIS_URL is set, from Redis.
const prefix = `isnad-test-rate-${process.pid}-${randomBytes(4).toString('hex')}`;
const STORAGES: [string, () => ThrottlerStorage & { onApplicationShutdown(): unknown }][] = [
  ['in process (@nestjs/throttler memory storage)', () => new ThrottlerStorageService()],
  ...(process.env.REDIS_URL
    ? [['on Redis (REDIS_URL)', () => new RedisThrottlerStorage(process.env.REDIS_URL as string, prefix)] as [string, () => RedisThrottlerStorage]]
    : []),
];

describe.each(STORAGES)('request budgets counted %s', (_where, create) => {
  let storage: ReturnType<typeof create>;
  beforeEach(() => {
    storage = create();
  });
  afterEach(() => storage.onApplicationShutdown());
  afterAll(async () => {
    if (!process.env.REDIS_URL) return;
    const redis = new Redis(process.env.REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('lets the budget through, then refuses until the window ends', async () => {
    const key = `k-${randomBytes(4).toString('hex')}`;
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await storage.increment(key, 60_000, 3, 0, 'address'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(hits[3].timeToBlockExpire).toBeGreaterThan(0);
    expect(hits[3].timeToBlockExpire).toBeLessThanOrEqual(60);
    expect(hits[0].timeToExpire).toBeLessThanOrEqual(60);
    // Another key, or the same key under another throttler, has a budget of its own.
    expect((await storage.increment(`${key}-other`, 60_000, 3, 0, 'address')).isBlocked).toBe(false);
    expect((await storage.increment(key, 60_000, 3, 0, 'token')).isBlocked).toBe(false);
  });

  it('gives the budget back once the window has passed', async () => {
    const key = `k-${randomBytes(4).toString('hex')}`;
    await storage.increment(key, 300, 1, 0, 'token');
    expect((await storage.increment(key, 300, 1, 0, 'token')).isBlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await storage.increment(key, 300, 1, 0, 'token')).isBlocked).toBe(false);
  });

  it('counts concurrent requests exactly', async () => {
    const key = `k-${randomBytes(4).toString('hex')}`;
    const results = await Promise.all(Array.from({ length: 50 }, () => storage.increment(key, 60_000, 20, 0, 'token')));
    expect(results.filter((r) => !r.isBlocked)).toHaveLength(20);
  });
});

describe('when Redis does not answer', () => {
  it('lets requests through uncounted rather than failing them', async () => {
    const storage = new RedisThrottlerStorage('redis://127.0.0.1:1', prefix);
    try {
      const started = Date.now();
      const record = await storage.increment('k', 60_000, 1, 0, 'address');
      expect(record.isBlocked).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await storage.onApplicationShutdown();
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // ioredis's command timer runs out
    }
  });
});
