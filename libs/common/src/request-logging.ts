import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';

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
        genReqId: (req: IncomingMessage, res: ServerResponse) => {
          const given = req.headers['x-request-id'];
          const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
          res.setHeader('x-request-id', id);
          return id;
        },
        autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
        // A token a client put in the query string (?access_token=) is a credential like the header.
        serializers: { req: (req: { url?: string }) => Object.assign(req, { url: req.url && redactQuerySecrets(req.url) }) },
      },
      ...(destination ? [destination] : []),
    ] as Params['pinoHttp'],
  };
}

const SECRET_QUERY_PARAMETERS = /([?&](?:access_token|token|api_key|apikey|key)=)[^&#]*/giu;

/** The URL with the values of credential-looking query parameters replaced by [redacted]. */
export function redactQuerySecrets(url: string): string {
  return url.replace(SECRET_QUERY_PARAMETERS, '$1[redacted]');
}
