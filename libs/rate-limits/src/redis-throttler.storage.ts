import { Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One atomic step of a fixed-window counter with an optional block, the algorithm of
 * @nestjs/throttler's storage contract: count the hit (unless blocked), start the window on the
 * first hit, and once the count passes the limit either block for `block` ms or refuse until the
 * window ends. Returns {hits, window ms left, blocked 0/1, block ms left}.
 */
const INCREMENT = `
local hitKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', blockKey)
if blockLeft > 0 then
  return { tonumber(redis.call('GET', hitKey) or limit + 1), math.max(redis.call('PTTL', hitKey), 0), 1, blockLeft }
end
local hits = redis.call('INCR', hitKey)
local left = redis.call('PTTL', hitKey)
if left < 0 then
  redis.call('PEXPIRE', hitKey, ttl)
  left = ttl
end
if hits <= limit then return { hits, left, 0, 0 } end
if block > 0 then
  redis.call('SET', blockKey, '1', 'PX', block)
  return { hits, left, 1, block }
end
return { hits, left, 1, left }
`;

/**
 * @nestjs/throttler storage over Redis (REDIS_URL), so every API instance spends the same budgets.
 * Each increment is one Lua script, atomic on the server. When Redis cannot be reached the request
 * is let through (and a warning logged): an outage of the limiter must not take the API down.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis;
  private lastWarning = 0;

  constructor(
    redisUrl: string,
    private readonly keyPrefix: string,
  ) {
    // A request waits at most a second on Redis, then goes through uncounted.
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.redis.defineCommand('isnadRateLimitIncrement', { numberOfKeys: 2, lua: INCREMENT });
    this.redis.on('error', (error: Error) => this.warn(error));
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.keyPrefix}:${throttlerName}:${key}`;
    try {
      const [hits, left, blocked, blockLeft] = (await (
        this.redis as unknown as { isnadRateLimitIncrement: (...args: (string | number)[]) => Promise<number[]> }
      ).isnadRateLimitIncrement(`${base}:hits`, `${base}:block`, ttl, limit, blockDuration)) as number[];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(left / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: blocked === 1 ? Math.max(1, Math.ceil(blockLeft / 1000)) : 0,
      };
    } catch (error) {
      this.warn(error);
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`Rate limits are not enforced while Redis does not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
}
