import { PrivateAddressAllowance, allowPrivateAddressesFromEnv, integerFromEnv } from '@isnad/common';

/** How webhook deliveries run; from AppConfig. */
export interface WebhooksOptions {
  /** Run the delivery worker in this process. */
  workerEnabled: boolean;
  /** How often the worker looks for new events and due deliveries, in ms. */
  pollMs: number;
  /** How long a claimed delivery is held before another worker (or this one, restarted) may retry it. */
  leaseMs: number;
  /** Attempts before a delivery is FAILED. */
  maxAttempts: number;
  /** First retry delay; doubled each attempt (with jitter), capped at an hour. */
  backoffMs: number;
  /** Per-attempt HTTP timeout, ms. */
  timeoutMs: number;
  /** REDIS_URL: when set, attempts run as BullMQ jobs on Redis; otherwise the database is the queue. */
  redisUrl: string | null;
  /** Key prefix of the BullMQ queue (WEBHOOK_QUEUE_PREFIX): deployments sharing a Redis keep apart. */
  queuePrefix: string;
  /**
   * EGRESS_ALLOW_PRIVATE_ADDRESSES=true (alias WEBHOOK_ALLOW_PRIVATE_ADDRESSES) lets webhook URLs
   * point at loopback and private networks (tests, local development). Off by default.
   */
  allowPrivateAddresses: PrivateAddressAllowance;
}

export const WEBHOOKS_OPTIONS = Symbol('WEBHOOKS_OPTIONS');

export const DEFAULT_WEBHOOKS_OPTIONS: WebhooksOptions = {
  workerEnabled: true,
  pollMs: 500,
  leaseMs: 30_000,
  maxAttempts: 8,
  backoffMs: 1_000,
  timeoutMs: 10_000,
  redisUrl: null,
  queuePrefix: 'isnad',
  allowPrivateAddresses: false,
};

/** Delay before attempt `attempts + 1`: exponential from backoffMs, ±20 % jitter, capped at an hour. */
export function retryDelayMs(options: Pick<WebhooksOptions, 'backoffMs'>, attempts: number, random = Math.random()): number {
  const base = Math.min(options.backoffMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random));
}

/**
 * Reads the delivery settings once at start-up: WEBHOOK_WORKER (false to run no worker here),
 * WEBHOOK_POLL_MS, WEBHOOK_LEASE_MS, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF_MS, WEBHOOK_TIMEOUT_MS,
 * WEBHOOK_QUEUE_PREFIX, and the shared EGRESS_ALLOW_PRIVATE_ADDRESSES (alias WEBHOOK_ALLOW_PRIVATE_ADDRESSES).
 */
export function webhooksOptionsFromEnv(env: NodeJS.ProcessEnv, redisUrl: string | null): WebhooksOptions {
  const number = (name: string, fallback: number, min: number) => integerFromEnv(env, name, fallback, min);
  return {
    workerEnabled: env.WEBHOOK_WORKER?.trim() !== 'false',
    pollMs: number('WEBHOOK_POLL_MS', DEFAULT_WEBHOOKS_OPTIONS.pollMs, 10),
    leaseMs: number('WEBHOOK_LEASE_MS', DEFAULT_WEBHOOKS_OPTIONS.leaseMs, 100),
    maxAttempts: number('WEBHOOK_MAX_ATTEMPTS', DEFAULT_WEBHOOKS_OPTIONS.maxAttempts, 1),
    backoffMs: number('WEBHOOK_BACKOFF_MS', DEFAULT_WEBHOOKS_OPTIONS.backoffMs, 1),
    timeoutMs: number('WEBHOOK_TIMEOUT_MS', DEFAULT_WEBHOOKS_OPTIONS.timeoutMs, 100),
    redisUrl,
    queuePrefix: env.WEBHOOK_QUEUE_PREFIX?.trim() || DEFAULT_WEBHOOKS_OPTIONS.queuePrefix,
    allowPrivateAddresses: allowPrivateAddressesFromEnv(env),
  };
}
