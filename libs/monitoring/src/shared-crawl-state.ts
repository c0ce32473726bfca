import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/** What a host's robots.txt said, as the fetcher keeps it: the status, and the body of a 2xx. */
export interface RobotsRecord {
  status: number;
  body: string;
}

// Takes a slot of a host when fewer than `concurrency` are held and its delay has passed; else
// answers how long to wait (ms). Redis's own clock, so processes on several machines agree.
// KEYS: the host's slots (sorted set: token -> lease end), its next allowed start.
// ARGV: token, leaseMs, concurrency, delayMs.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local nextStart = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextStart > now then return nextStart - now end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
local delay = tonumber(ARGV[4])
if delay > 0 then redis.call('SET', KEYS[2], now + delay, 'PX', delay) end
return 0
`;

/** How long a process waits before asking again for a slot held by others. */
const BUSY_WAIT_MS = 50;

/**
 * The crawler's manners across every API process sharing REDIS_URL: at most `concurrency`
 * requests at once per host and `delayMs` between two starts, counted in Redis (a slot is a lease,
 * so a process that dies frees it when the lease ends), and each origin's robots.txt fetched once
 * per TTL for all of them.
 */
export class SharedCrawlState {
  private readonly logger = new Logger('SharedCrawlState');
  private readonly redis: Redis;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly limits: { concurrency: number; delayMs: number; leaseMs: number },
  ) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    this.redis.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.redis.defineCommand('isnadHostSlot', { numberOfKeys: 2, lua: ACQUIRE });
  }

  /** Runs `task` holding one of the host's slots, once its delay has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const token = randomUUID();
    const keys = [`${this.prefix}:host:${host}:slots`, `${this.prefix}:host:${host}:next`];
    for (;;) {
      const wait = (await (this.redis as Redis & { isnadHostSlot: (...args: (string | number)[]) => Promise<number> }).isnadHostSlot(
        ...keys,
        token,
        this.limits.leaseMs,
        this.limits.concurrency,
        this.limits.delayMs,
      )) as number;
      if (wait === 0) break;
      await new Promise((resolve) => setTimeout(resolve, wait > 0 ? wait : BUSY_WAIT_MS));
    }
    try {
      return await task();
    } finally {
      await this.redis.zrem(keys[0], token).catch((error: Error) => this.logger.warn(`Could not free a slot of ${host}: ${error.message}`));
    }
  }

  async robots(origin: string): Promise<RobotsRecord | null> {
    const raw = await this.redis.get(`${this.prefix}:robots:${origin}`);
    return raw ? (JSON.parse(raw) as RobotsRecord) : null;
  }

  async saveRobots(origin: string, record: RobotsRecord, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}:robots:${origin}`, JSON.stringify(record), 'PX', Math.max(1, ttlMs));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
