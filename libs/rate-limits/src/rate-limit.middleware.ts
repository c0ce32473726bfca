import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Actor, TokenRateLimiter } from '@isnad/auth';
import { errorBody } from '@isnad/common';
import { rateLimitSubject } from './rate-limit-key';
import { RequestBudgetSpentError } from './rate-limits.errors';
import { RateLimitsConfig } from './rate-limits.config';

export const RATE_LIMITS_CONFIG = Symbol('RATE_LIMITS_CONFIG');
export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

const WINDOW_MS = 60_000;

/** One count in the storage: hits in the window, whether over budget, seconds to wait. */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts every HTTP request once, before its body is read: /graphql (one operation or a batch,
 * however many fields it resolves), the feeds, ClaimReview and annotation routes. /health is never
 * counted. Over budget the answer is 429 with Retry-After and a RATE_LIMITED error body; every
 * counted answer carries X-RateLimit-Limit, -Remaining and -Reset (the @nestjs/throttler headers).
 * The counting itself is @nestjs/throttler's storage: in memory, or Redis shared by all instances.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware, TokenRateLimiter {
  private readonly logger = new Logger('RateLimits');
  /** When each subject was last reported over budget: one log line per subject and minute. */
  private readonly reported = new Map<string, number>();
  /**
   * Addresses whose refused tokens (401) spent their address budget, until when. Made-up tokens
   * would otherwise each get a fresh token budget; their failures are charged to the address.
   */
  private readonly failingAddresses = new Map<string, number>();
  /** Requests counted ahead of Express (countAddressEarly) that went on to it: use() settles them without counting again. */
  private readonly countedEarly = new WeakMap<IncomingMessage, { key: string; record: ThrottlerStorageRecord }>();

  constructor(
    @Inject(RATE_LIMITS_CONFIG) private readonly config: RateLimitsConfig,
    @Inject(RATE_LIMIT_STORAGE) private readonly storage: ThrottlerStorage,
  ) {}

  /** True when at least one limit is on; the API installs the middleware only then. */
  get enabled(): boolean {
    return this.config.addressPerMinute > 0 || this.config.tokenPerMinute > 0;
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (req.path === '/health' || req.path.startsWith('/health/')) return next();
    const early = this.countedEarly.get(req);
    if (early) {
      this.countedEarly.delete(req);
      if (this.settle(res, 'address', early.key, this.config.addressPerMinute, early.record)) next();
      return;
    }
    const address = req.ip ?? req.socket.remoteAddress;
    const subject = rateLimitSubject(req.headers.authorization, address);
    if (subject.kind === 'token') {
      // Counted against its token once the token is verified (admit); here only the address's refusals.
      if (this.config.addressPerMinute > 0) {
        const addressSubject = rateLimitSubject(undefined, address);
        const until = this.failingAddresses.get(addressSubject.key) ?? 0;
        if (until > Date.now()) return this.refuse(res, 'address', addressSubject.key, this.config.addressPerMinute, Math.ceil((until - Date.now()) / 1000));
        res.on('finish', () => {
          if (res.statusCode === 401) void this.chargeRefusedToken(addressSubject.key);
        });
      }
      return next();
    }
    try {
      if (await this.spend(res, 'address', subject.key, this.config.addressPerMinute)) next();
    } catch (error) {
      next(error);
    }
  }

  /**
   * Spends one request of an anonymous request's address budget before Express sees it (the cached
   * public pages' fast path; `address` as Express's req.ip gives it). Admitted: the X-RateLimit
   * headers its answer carries ([name, value, ...], for one writeHead). Null: over budget. Either way
   * the count stays with the request, so if it goes on to Express after all, use() answers from it
   * (the budget headers, or the 429) without counting again.
   */
  async countAddressEarly(req: IncomingMessage, address: string | undefined): Promise<(string | number)[] | null> {
    const limit = this.config.addressPerMinute;
    if (limit <= 0) return [];
    const { key } = rateLimitSubject(undefined, address);
    const record = await this.storage.increment(key, WINDOW_MS, limit, 0, 'address');
    this.countedEarly.set(req, { key, record });
    return record.isBlocked ? null : budgetHeaders(limit, record);
  }

  /**
   * Spends one request of a verified member's budget (all their API and session tokens share it,
   * so minting tokens buys nothing); false when it replied 429.
   */
  admit(actor: Actor, res: Response): Promise<boolean> {
    return this.spend(res, 'token', memberKey(actor), this.config.tokenPerMinute);
  }

  /** One graphql-ws subscription, counted like one HTTP request: null when admitted, else seconds to wait. */
  async admitOperation(actor: Actor | null, address: string): Promise<number | null> {
    const [kind, key, limit] = actor
      ? (['token', memberKey(actor), this.config.tokenPerMinute] as const)
      : (['address', rateLimitSubject(undefined, address).key, this.config.addressPerMinute] as const);
    if (limit <= 0) return null;
    const record = await this.storage.increment(key, WINDOW_MS, limit, 0, kind);
    if (!record.isBlocked) return null;
    this.report(kind, key, limit);
    return Math.max(1, record.timeToBlockExpire);
  }

  private async spend(res: Response, kind: 'token' | 'address', key: string, limit: number): Promise<boolean> {
    if (limit <= 0) return true;
    // blockDuration 0: over budget, a caller waits for its window to free, not for an extra penalty.
    return this.settle(res, kind, key, limit, await this.storage.increment(key, WINDOW_MS, limit, 0, kind));
  }

  /** Answers for a counted request: the X-RateLimit headers, and the 429 when it is over budget (false). */
  private settle(res: Response, kind: 'token' | 'address', key: string, limit: number, record: ThrottlerStorageRecord): boolean {
    if (limit <= 0) return true;
    writeBudget(res, limit, record);
    if (!record.isBlocked) return true;
    this.refuse(res, kind, key, limit, record.timeToBlockExpire);
    return false;
  }

  private refuse(res: Response, kind: 'token' | 'address', key: string, limit: number, seconds: number): void {
    const retryAfterSeconds = Math.max(1, seconds);
    const error = new RequestBudgetSpentError(kind, limit, retryAfterSeconds);
    res.setHeader('X-RateLimit-Limit', limit);
    res.setHeader('X-RateLimit-Remaining', 0);
    res.setHeader('Retry-After', retryAfterSeconds);
    res.status(429).json(errorBody(error.code, error.message, error.details));
    this.report(kind, key, limit);
  }

  /** A request whose token was refused spends its address's budget; once spent, the address's tokens wait too. */
  private async chargeRefusedToken(addressKey: string): Promise<void> {
    try {
      const record = await this.storage.increment(`refused-token:${addressKey}`, WINDOW_MS, this.config.addressPerMinute, 0, 'address');
      if (record.isBlocked) {
        if (this.failingAddresses.size > 10_000) this.failingAddresses.clear();
        this.failingAddresses.set(addressKey, Date.now() + Math.max(1, record.timeToBlockExpire) * 1000);
      }
    } catch (error) {
      this.logger.warn(`Could not count a refused token: ${String(error)}`);
    }
  }

  // Refused requests end before the request log, so the first refusal of each minute is logged
  // here: an address as it is, a token by the start of its hash.
  private report(kind: 'token' | 'address', key: string, limit: number): void {
    const id = `${kind}:${key}`;
    const now = Date.now();
    if (now - (this.reported.get(id) ?? 0) < WINDOW_MS) return;
    if (this.reported.size > 10_000) this.reported.clear();
    this.reported.set(id, now);
    const who = kind === 'token' ? `member ${key.slice('member:'.length)}` : `address ${key}`;
    this.logger.warn(`Rate limit of ${limit} a minute reached by ${who}`);
  }
}

function writeBudget(res: ServerResponse, limit: number, record: ThrottlerStorageRecord): void {
  const headers = budgetHeaders(limit, record);
  for (let n = 0; n < headers.length; n += 2) res.setHeader(headers[n] as string, headers[n + 1]);
}

/** The budget a counted answer reports: X-RateLimit-Limit, -Remaining and -Reset, as [name, value, ...]. */
function budgetHeaders(limit: number, record: ThrottlerStorageRecord): (string | number)[] {
  return ['X-RateLimit-Limit', limit, 'X-RateLimit-Remaining', Math.max(0, limit - record.totalHits), 'X-RateLimit-Reset', record.timeToExpire];
}

function memberKey(actor: Actor): string {
  return `member:${actor.memberId}`;
}
