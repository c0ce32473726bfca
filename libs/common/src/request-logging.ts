import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type PinoPretty from 'pino-pretty';

export type LogLevelName = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Request headers that must never reach a log line. */
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-isnad-signature'];

/**
 * Structured JSON logging (pino) for the API: one line per request with a request id (taken from
 * X-Request-Id when the caller sends a sane one, echoed back), credentials redacted, health probes
 * not logged.
 */
export function requestLoggingOptions(level: LogLevelName, destination?: NodeJS.WritableStream): Params {
  return {
    pinoHttp: [
      {
        level,
        redact: {
          paths: SECRET_HEADERS.flatMap((h) => [`req.headers["${h}"]`, `res.headers["${h}"]`]),
          censor: '[redacted]',
        },
        genReqId: assignRequestId,
        autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
        // A token a client put in the query string (?access_token=) is a credential like the header.
        serializers: {
          req: (req: { url?: string; query?: Record<string, unknown> }) =>
            Object.assign(req, { url: req.url && redactQuerySecrets(req.url), query: req.query && redactSecretParameters(req.query) }),
        },
      },
      ...(destination ? [destination] : []),
    ] as Params['pinoHttp'],
  };
}

/**
 * The request's id: the one already given to this answer, else the caller's X-Request-Id when it is
 * sane, else a new one; echoed back in the answer (also by answers given before the request log, so
 * every answer carries one, and the log line names the id the caller saw).
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const assigned = res.getHeader('x-request-id');
  if (typeof assigned === 'string') return assigned;
  const id = requestIdOf(req);
  res.setHeader('x-request-id', id);
  return id;
}

/** The id a request's answer echoes: the caller's X-Request-Id when it is sane, else a new one (for answers that write their head at once). */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : newRequestId();
}

/** This process's prefix of the ids it gives: 12 random base64url characters (72 bits), so ids of different processes never meet. */
const REQUEST_ID_PREFIX = randomBytes(9).toString('base64url');
let requestCount = 0;

/**
 * A new request id: this process's random prefix and a count of the ids it gave, in base 36
 * ("Xq3v_0aB9kLm-1k2f"). Unique like a random UUID for finding a request in the logs, at a fraction of
 * its cost (a cached public page's 304 is answered in some ten microseconds); not a secret.
 */
export function newRequestId(): string {
  return `${REQUEST_ID_PREFIX}-${(++requestCount).toString(36)}`;
}

/**
 * Log lines for a person at a terminal: coloured, one readable line per event with its context
 * (pino-pretty, in this process; loaded only when asked for).
 */
export function prettyLogStream(): NodeJS.WritableStream {
  const pretty = require('pino-pretty') as typeof PinoPretty;
  return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', messageKey: 'msg', singleLine: true });
}

const SECRET_PARAMETER_NAMES = /^(?:access_token|token|api_key|apikey|key)$/iu;
const SECRET_QUERY_PARAMETERS = /([?&](?:access_token|token|api_key|apikey|key)=)[^&#]*/giu;

function redactSecretParameters(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, SECRET_PARAMETER_NAMES.test(name) ? '[redacted]' : value]));
}

/** The URL with the values of credential-looking query parameters replaced by [redacted]. */
export function redactQuerySecrets(url: string): string {
  return url.replace(SECRET_QUERY_PARAMETERS, '$1[redacted]');
}
