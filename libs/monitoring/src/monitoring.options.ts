import { PrivateAddressAllowance, allowPrivateAddressesFromEnv, integerFromEnv } from '@isnad/common';

/** How Isnad fetches pages and feeds and runs its watches; from AppConfig. */
export interface MonitoringOptions {
  /** EGRESS_ALLOW_PRIVATE_ADDRESSES (alias WEBHOOK_ALLOW_PRIVATE_ADDRESSES): fetch loopback and private addresses too. */
  allowPrivateAddresses: PrivateAddressAllowance;
  /** The User-Agent every request carries, with a contact URL (FETCH_CONTACT_URL). */
  userAgent: string;
  /** FETCH_CONNECT_TIMEOUT_MS: time to open a connection. */
  connectTimeoutMs: number;
  /** FETCH_TIMEOUT_MS: time for the whole fetch, redirects included. */
  totalTimeoutMs: number;
  /** FETCH_MAX_BYTES: largest body read (default 10 MB). */
  maxBytes: number;
  /** Redirects followed at most. */
  maxRedirects: number;
  /** FETCH_HOST_CONCURRENCY: requests at once to one host (per process). */
  hostConcurrency: number;
  /** FETCH_HOST_DELAY_MS: least time between two requests to one host (per process). */
  hostDelayMs: number;
  /** How long a host's robots.txt is trusted before it is fetched again. */
  robotsTtlMs: number;
  /** MONITORING_WORKER (false: this process polls no watches and scans no captures for repeats). */
  workerEnabled: boolean;
  /** MONITORING_POLL_MS: how often the worker looks for due watches, items and captures to scan. */
  pollMs: number;
  /** MONITORING_LEASE_MS: how long a claimed watch, item or scan is held before another worker may take it. */
  leaseMs: number;
  /** Attempts at fetching one feed item before it is marked FAILED. */
  itemMaxAttempts: number;
  /** Default minutes between two polls of a watch. */
  defaultEveryMinutes: number;
  /** REDIS_URL: when set, watch polls and item captures are BullMQ jobs (job schedulers per watch). */
  redisUrl: string | null;
  /** MONITORING_QUEUE_PREFIX: the BullMQ key prefix of the watch queue. */
  queuePrefix: string;
  /** MONITORING_RESCAN_DAYS: when a claim is first rated, articles captured this many days back are rescanned for it. */
  rescanDays: number;
  /** MONITORING_RESCAN_MAX_ARTICLES: at most this many of them (the most recently captured). */
  rescanMaxArticles: number;
}

export const MONITORING_OPTIONS = Symbol('MONITORING_OPTIONS');

export const DEFAULT_CONTACT_URL = 'https://github.com/isnad-project/isnad#crawler';

export function userAgentFor(contactUrl: string): string {
  return `IsnadBot/0.1 (+${contactUrl}; fact-checking claims tracker)`;
}

export const DEFAULT_MONITORING_OPTIONS: MonitoringOptions = {
  allowPrivateAddresses: false,
  userAgent: userAgentFor(DEFAULT_CONTACT_URL),
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  hostConcurrency: 2,
  hostDelayMs: 1_000,
  robotsTtlMs: 3_600_000,
  workerEnabled: true,
  pollMs: 1_000,
  leaseMs: 60_000,
  itemMaxAttempts: 3,
  defaultEveryMinutes: 15,
  redisUrl: null,
  queuePrefix: 'isnad',
  rescanDays: 90,
  rescanMaxArticles: 5_000,
};

/**
 * Reads the fetch and watch settings once at start-up: FETCH_CONTACT_URL, FETCH_CONNECT_TIMEOUT_MS,
 * FETCH_TIMEOUT_MS, FETCH_MAX_BYTES, FETCH_HOST_CONCURRENCY, FETCH_HOST_DELAY_MS, MONITORING_WORKER,
 * MONITORING_POLL_MS, MONITORING_LEASE_MS, MONITORING_QUEUE_PREFIX, MONITORING_RESCAN_DAYS, MONITORING_RESCAN_MAX_ARTICLES and
 * the shared EGRESS_ALLOW_PRIVATE_ADDRESSES.
 */
export function monitoringOptionsFromEnv(env: NodeJS.ProcessEnv): MonitoringOptions {
  const number = (name: string, fallback: number, min: number) => integerFromEnv(env, name, fallback, min);
  const contact = env.FETCH_CONTACT_URL?.trim() || DEFAULT_CONTACT_URL;
  if (!URL.canParse(contact) && !/^mailto:/.test(contact)) throw new Error(`FETCH_CONTACT_URL must be a URL, got "${contact}"`);
  const d = DEFAULT_MONITORING_OPTIONS;
  return {
    ...d,
    allowPrivateAddresses: allowPrivateAddressesFromEnv(env),
    userAgent: userAgentFor(contact),
    connectTimeoutMs: number('FETCH_CONNECT_TIMEOUT_MS', d.connectTimeoutMs, 100),
    totalTimeoutMs: number('FETCH_TIMEOUT_MS', d.totalTimeoutMs, 100),
    maxBytes: number('FETCH_MAX_BYTES', d.maxBytes, 1024),
    hostConcurrency: number('FETCH_HOST_CONCURRENCY', d.hostConcurrency, 1),
    hostDelayMs: number('FETCH_HOST_DELAY_MS', d.hostDelayMs, 0),
    workerEnabled: env.MONITORING_WORKER?.trim() !== 'false',
    pollMs: number('MONITORING_POLL_MS', d.pollMs, 10),
    leaseMs: number('MONITORING_LEASE_MS', d.leaseMs, 100),
    queuePrefix: env.MONITORING_QUEUE_PREFIX?.trim() || d.queuePrefix,
    rescanDays: number('MONITORING_RESCAN_DAYS', d.rescanDays, 0),
    rescanMaxArticles: number('MONITORING_RESCAN_MAX_ARTICLES', d.rescanMaxArticles, 0),
  };
}
