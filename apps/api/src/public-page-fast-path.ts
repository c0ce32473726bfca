import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Express } from 'express';
import proxyAddr from 'proxy-addr';
import { requestIdOf } from '@isnad/common';
import { RateLimitMiddleware } from '@isnad/rate-limits';
import { HeaderList, PublicPageMiddleware } from '@isnad/verdicts';

/** The check refuseBadQueryText applies to a parsed query string: a problem found, else null. */
export type QueryTextCheck = (query: Record<string, unknown>) => unknown;

/**
 * False when the URL's query string cannot hold text that check refuses (NUL, half a surrogate
 * pair), so it need not be parsed: such text comes only from a percent-escape or a control
 * character, the rest of a request line being Latin-1 characters that parsing only splits.
 */
export function queryMayHoldBadText(url: string): boolean {
  const at = url.indexOf('?');
  return at !== -1 && /[%\x00-\x1f]/.test(url.slice(at + 1));
}

/**
 * Answers anonymous GETs and HEADs of cached public pages (feeds, ClaimReview, verdict pages) on the
 * HTTP server's 'request' event, before Express: Express's app and router dispatch, request
 * decoration and middleware chain cost more than the cached answer itself. The answer is the one
 * the Express stack gives (see createApp, which turns X-Powered-By off): the per-address
 * budget counted by the same RateLimitMiddleware (the client address as req.ip: proxy-addr with
 * Express's own `trust proxy` function, or the socket's address when no proxy is trusted), a request id, then PublicPageCache's answer, and no log
 * line, as on the Express early path. Everything else goes to Express unchanged: a token, another
 * method or path, a cache miss, a query string refuseBadQueryText refuses, a 429 (answered there
 * from this count) and a page that expired while the budget was counted.
 */
export function answerPublicPagesAheadOfExpress(
  server: Server,
  express: Express,
  rateLimits: RateLimitMiddleware,
  publicPages: PublicPageMiddleware,
  badQuery: QueryTextCheck,
): void {
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1) throw new Error(`Expected Express as the HTTP server's only request listener, found ${listeners.length}`);
  const [viaExpress] = listeners;
  server.removeListener('request', viaExpress);

  /** The whole answer is written in one writeHead: the headers Express would have set come first, in its order. */
  const answer = (req: IncomingMessage, res: ServerResponse, key: string, budget: HeaderList): boolean => {
    // createApp turns X-Powered-By off: the head starts with the budget's headers.
    budget.push('x-request-id', requestIdOf(req));
    return publicPages.answerAhead(req, res, key, budget);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const key = req.method === 'GET' || req.method === 'HEAD' ? answerableKey(req) : null;
    if (key === null) return viaExpress(req, res);
    // Nothing to count: answered in this turn, or left to Express (a miss writes nothing).
    if (!rateLimits.enabled) {
      if (!answer(req, res, key, [])) viaExpress(req, res);
      return;
    }
    if (!publicPages.answerable(req, key)) return viaExpress(req, res);
    rateLimits.countAddressEarly(req, clientAddress(req)).then(
      (budget) => {
        if (!budget || !answer(req, res, key, budget)) viaExpress(req, res);
      },
      // Storage away: Express counts again, and answers its failure as it always does.
      () => viaExpress(req, res),
    );
  });

  /** req.ip as Express computes it: without a trusted proxy, the socket's address (X-Forwarded-For is not even read). */
  function clientAddress(req: IncomingMessage): string | undefined {
    const trust = express.get('trust proxy') as unknown;
    if (trust === false || trust === 0 || trust === undefined) return req.socket.remoteAddress;
    return proxyAddr(req, express.get('trust proxy fn') as (address: string, hop: number) => boolean);
  }

  function answerableKey(req: IncomingMessage): string | null {
    const url = req.url ?? '';
    // A fragment makes Express's URL parsing differ from a plain split at '?': leave it to Express.
    if (url.includes('#')) return null;
    const key = publicPages.keyOf(req, () => protocolOf(req));
    if (key === null) return null;
    if (queryMayHoldBadText(url)) {
      const parse = express.get('query parser fn') as ((text: string) => Record<string, unknown>) | undefined;
      if (parse && badQuery(parse(url.slice(url.indexOf('?') + 1)))) return null;
    }
    return key;
  }

  /** req.protocol as Express computes it: X-Forwarded-Proto only from a trusted proxy. */
  function protocolOf(req: IncomingMessage): string {
    const own = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const trust = express.get('trust proxy fn') as (address: string | undefined, hop: number) => boolean;
    if (!trust(req.socket.remoteAddress, 0)) return own;
    const forwarded = req.headers['x-forwarded-proto'];
    const header = (Array.isArray(forwarded) ? forwarded[0] : forwarded) || own;
    const comma = header.indexOf(',');
    return comma !== -1 ? header.substring(0, comma).trim() : header.trim();
  }
}
