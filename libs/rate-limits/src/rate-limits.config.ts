/** Request budgets per minute; from AppConfig. 0 turns a limit off. */
export interface RateLimitsConfig {
  /** Requests per minute from one client address that carry no bearer token (RATE_LIMIT_ADDRESS_PER_MINUTE). */
  addressPerMinute: number;
  /** Requests per minute with one bearer token, wherever they come from (RATE_LIMIT_TOKEN_PER_MINUTE). */
  tokenPerMinute: number;
  /** Prefix of the counters' keys in Redis (RATE_LIMIT_KEY_PREFIX): deployments sharing a Redis keep apart. */
  keyPrefix: string;
}

/** Limits off: what an API built without rate-limit settings (tests, benchmarks) runs with. */
export const NO_RATE_LIMITS: RateLimitsConfig = { addressPerMinute: 0, tokenPerMinute: 0, keyPrefix: 'isnad:rate-limit' };

/**
 * Defaults for a newsroom API: an anonymous address (a reader, a feed poller, a whole newsroom
 * behind one NAT before it has tokens) gets 300 requests a minute; a token (one member's tools or
 * one integration) gets 1,200.
 */
export const DEFAULT_RATE_LIMITS: RateLimitsConfig = { addressPerMinute: 300, tokenPerMinute: 1200, keyPrefix: 'isnad:rate-limit' };

/** Reads RATE_LIMIT_ADDRESS_PER_MINUTE, RATE_LIMIT_TOKEN_PER_MINUTE and RATE_LIMIT_KEY_PREFIX once at start-up. */
export function rateLimitsConfigFromEnv(env: NodeJS.ProcessEnv): RateLimitsConfig {
  const perMinute = (name: string, fallback: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of requests per minute (0 = off), got "${raw}"`);
    return value;
  };
  return {
    addressPerMinute: perMinute('RATE_LIMIT_ADDRESS_PER_MINUTE', DEFAULT_RATE_LIMITS.addressPerMinute),
    tokenPerMinute: perMinute('RATE_LIMIT_TOKEN_PER_MINUTE', DEFAULT_RATE_LIMITS.tokenPerMinute),
    keyPrefix: env.RATE_LIMIT_KEY_PREFIX?.trim() || DEFAULT_RATE_LIMITS.keyPrefix,
  };
}
