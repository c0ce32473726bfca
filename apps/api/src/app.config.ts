import { LogLevelName } from '@isnad/common';
import { DatabaseConfig, databaseConfigFromEnv } from '@isnad/database';
import { WebhooksOptions, webhooksOptionsFromEnv } from '@isnad/webhooks/webhooks.options';
import { LinkingConfig, linkingConfigFromEnv } from '@isnad/linking/linking.config';
import { MonitoringOptions, monitoringOptionsFromEnv } from '@isnad/monitoring/monitoring.options';
import { RateLimitsConfig, rateLimitsConfigFromEnv } from '@isnad/rate-limits/rate-limits.config';
import ipaddr from 'ipaddr.js';
import { resolve } from 'node:path';

/** Everything the API reads from its environment, read and checked once at start-up. */
export interface AppConfig {
  /**
   * ISNAD_ROLE: what this process runs. `all` (the default): the HTTP API and the background jobs
   * (webhook delivery); `api`: the API only; `worker`: the background jobs only, no HTTP port. Split
   * roles need PostgreSQL (PGlite's folder belongs to one process).
   */
  role?: ProcessRole;
  /** LOG_FORMAT: `pretty` (pino-pretty, for people) or `json` (one line per event, for machines); default: pretty on a terminal. */
  logFormat?: LogFormat;
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Run pending migrations when the API starts (always on PGlite; opt-in on a server). */
  runMigrations: boolean;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Where to write the schema SDL at start-up, or null to keep it in memory. */
  schemaFile: string | null;
  /** Claim linking: the optional embeddings endpoint (EMBEDDINGS_URL, EMBEDDINGS_MODEL, EMBEDDINGS_API_KEY). */
  linking?: LinkingConfig;
  /**
   * Base of public links (ClaimReview url, feed links); PUBLIC_BASE_URL. When unset, links use the
   * origin each request came to.
   */
  publicBaseUrl?: string | null;
  /** REDIS_URL: when set, webhook deliveries and subscriptions go through Redis and cross processes. */
  redisUrl?: string | null;
  /** Webhook delivery settings (WEBHOOK_*). */
  webhooks?: WebhooksOptions;
  /** Fetching pages and feeds, watches and repeat scans (FETCH_*, MONITORING_*, EGRESS_ALLOW_PRIVATE_ADDRESSES). */
  monitoring?: MonitoringOptions;
  /** ISNAD_BOOTSTRAP_ADMIN_TOKEN: a token secret made an ADMIN of the default organisation at start-up (see AuthOptions). */
  bootstrapAdminToken?: string | null;
  /** SESSION_SECRET: signing key of session tokens (≥ 32 characters; the same on every instance). */
  sessionSecret?: string | null;
  /** Log level (LOG_LEVEL): fatal, error, warn, info (default), debug, trace or silent. */
  logLevel?: LogLevelName;
  /** Requests per minute per client address and per bearer token (RATE_LIMIT_*); absent: no limits. */
  rateLimits?: RateLimitsConfig;
  /**
   * Which proxies may name the client in X-Forwarded-For (TRUST_PROXY), as Express's `trust proxy`:
   * false (the default: the connecting address is the client), a hop count, or addresses/subnets.
   */
  trustProxy?: TrustProxy;
  /** The built workspace (WEB_DIST_DIR, default apps/web/dist) served at `/`; absent: not served. */
  webDir?: string | null;
  /**
   * Schema introspection and field suggestions for members only (anonymous callers get neither):
   * on when NODE_ENV=production, or GRAPHQL_SCHEMA_VISIBILITY=members; GRAPHQL_SCHEMA_VISIBILITY=public turns it off.
   */
  schemaForMembersOnly?: boolean;
}

export type ProcessRole = 'api' | 'worker' | 'all';
export type LogFormat = 'pretty' | 'json';

/** Express's `trust proxy` setting, as TRUST_PROXY gives it. */
export type TrustProxy = boolean | number | string;

/** Reads AppConfig from the environment; throws a readable error on a bad value. */
export function appConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const database = databaseConfigFromEnv(env);
  const redisUrl = parseRedisUrl(env.REDIS_URL);
  const role = parseRole(env.ISNAD_ROLE);
  if (role !== 'all' && database.kind === 'pglite') {
    throw new Error(`ISNAD_ROLE=${role} needs DATABASE_URL: the embedded database's folder belongs to one process, which runs every role`);
  }
  const webhooks = webhooksOptionsFromEnv(env, redisUrl);
  return {
    role,
    logFormat: parseLogFormat(env.LOG_FORMAT, Boolean(process.stdout.isTTY)),
    port,
    host: env.HOST ?? '127.0.0.1',
    database,
    runMigrations: database.kind === 'pglite' || env.DATABASE_MIGRATE === 'true',
    bodyLimitBytes: 12 * 1024 * 1024,
    schemaFile: env.GRAPHQL_SCHEMA_FILE ?? null,
    linking: linkingConfigFromEnv(env, role !== 'api'),
    publicBaseUrl: parseBaseUrl(env.PUBLIC_BASE_URL),
    redisUrl,
    webhooks: { ...webhooks, workerEnabled: webhooks.workerEnabled && role !== 'api' },
    monitoring: monitoringOptionsFromEnv(env),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    bootstrapAdminToken: parseBootstrapToken(env.ISNAD_BOOTSTRAP_ADMIN_TOKEN),
    sessionSecret: parseSessionSecret(env.SESSION_SECRET),
    rateLimits: rateLimitsConfigFromEnv(env),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    webDir: resolve(env.WEB_DIST_DIR?.trim() || 'apps/web/dist'),
    schemaForMembersOnly: parseSchemaVisibility(env.GRAPHQL_SCHEMA_VISIBILITY, env.NODE_ENV),
  };
}

function parseRole(value: string | undefined): ProcessRole {
  const role = value?.trim() || 'all';
  if (role !== 'api' && role !== 'worker' && role !== 'all') throw new Error(`ISNAD_ROLE must be api, worker or all, got "${value}"`);
  return role;
}

function parseLogFormat(value: string | undefined, terminal: boolean): LogFormat {
  const format = value?.trim() || (terminal ? 'pretty' : 'json');
  if (format !== 'pretty' && format !== 'json') throw new Error(`LOG_FORMAT must be pretty or json, got "${value}"`);
  return format;
}

const LOG_LEVELS: LogLevelName[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseLogLevel(value: string | undefined): LogLevelName {
  const level = (value?.trim() || 'info') as LogLevelName;
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return level;
}

function parseRedisUrl(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  if (!/^rediss?:\/\//.test(value.trim())) throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  return value.trim();
}

function parseBaseUrl(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`PUBLIC_BASE_URL must be an http(s) URL, got "${value}"`);
  return value.trim().replace(/\/+$/, '');
}

function parseBootstrapToken(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  if (!/^isn_[A-Za-z0-9_-]{43}$/.test(value.trim())) {
    throw new Error('ISNAD_BOOTSTRAP_ADMIN_TOKEN must be "isn_" followed by 43 base64url characters (e.g. from `npm run -s token:new`)');
  }
  return value.trim();
}

const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: unset or `false` (X-Forwarded-For is ignored, so it cannot be forged to dodge the
 * rate limits), a number of proxy hops, or a comma-separated list of proxy addresses, subnets
 * (CIDR) and Express's names `loopback`, `linklocal`, `uniquelocal`. `true` (trust any sender of
 * X-Forwarded-For) is accepted only as the explicit word.
 */
function parseTrustProxy(value: string | undefined): TrustProxy {
  const raw = value?.trim() ?? '';
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const parts = raw.split(',').map((part) => part.trim());
  for (const part of parts) {
    if (!PROXY_RANGE_NAMES.includes(part) && !ipaddr.isValid(part) && !ipaddr.isValidCIDR(part)) {
      throw new Error(`TRUST_PROXY must be false, true, a hop count or proxy addresses/subnets, got "${part}"`);
    }
  }
  return parts.join(',');
}

function parseSessionSecret(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`)');
  return value;
}

function parseSchemaVisibility(value: string | undefined, nodeEnv: string | undefined): boolean {
  const visibility = value?.trim() || (nodeEnv === 'production' ? 'members' : 'public');
  if (visibility !== 'members' && visibility !== 'public') throw new Error(`GRAPHQL_SCHEMA_VISIBILITY must be members or public, got "${value}"`);
  return visibility === 'members';
}
