import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { assignRequestId } from '@isnad/common';
import { RateLimitMiddleware } from '@isnad/rate-limits';
import { PublicPageMiddleware } from '@isnad/verdicts';

/** Set on a request the front door handed on to Express: its rate limit counted it (true) or failed. */
const COUNTED = Symbol('isnad.countedAtTheFrontDoor');
type FrontDoorRequest = Request & { [COUNTED]?: true | { error: unknown }; id?: unknown };

/**
 * Answers anonymous cache hits and 304s of the public pages (feeds, ClaimReview, verdict pages) at
 * the HTTP server, before Express's router and its middleware stack run: the server's request
 * listener, which is the Express application, is put behind this one.
 *
 * Only an anonymous GET or HEAD of a cached page's path (PublicPageMiddleware.mayAnswerEarly) is
 * looked at; every other request goes to Express untouched. The one looked at is first given what
 * Express's own entry gives every request (its request and response prototypes, so `req.ip` and
 * `req.protocol` follow `trust proxy` and `res.status().json()` is Express's; X-Powered-By), and
 * the request id the request log would echo. Then the per-address rate limit counts it, as it
 * counts every request, with the same middleware and budget store (429 and its headers as
 * anywhere), and the cache answers it when it can. When it cannot, Express takes the request
 * over, and its rate limit (`rateLimitOnce`) does not count it twice.
 */
export function installPublicPageFrontDoor(app: NestExpressApplication, rateLimits: RateLimitMiddleware | null, publicPages: PublicPageMiddleware): void {
  const express = app.getHttpAdapter().getInstance() as Express;
  const server = app.getHttpServer() as Server;
  const listeners = server.listeners('request');
  if (listeners.length !== 1 || listeners[0] !== express) throw new Error('The HTTP server was expected to have the Express application as its only request listener');
  server.removeListener('request', express);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!publicPages.mayAnswerEarly(req)) return void express(req, res);
    const request = Object.setPrototypeOf(req, express.request) as FrontDoorRequest;
    const response = Object.setPrototypeOf(res, express.response) as Response;
    request.res = response;
    response.req = request;
    request.originalUrl = req.url as string;
    response.locals ??= Object.create(null) as Response['locals'];
    if (express.enabled('x-powered-by')) res.setHeader('X-Powered-By', 'Express');
    // The request log, should Express take the request over, keeps this id (pino-http reuses req.id).
    request.id = assignRequestId(req, res);
    const toExpress = () => void express(req, res);
    const fromCache = () => publicPages.early(request, response, toExpress);
    if (!rateLimits) return fromCache();
    void rateLimits.use(request, response, (error?: unknown) => {
      request[COUNTED] = error === undefined ? true : { error };
      if (error === undefined) fromCache();
      else toExpress();
    });
  });
}

/** The per-address rate limit in Express's stack, for the requests the front door did not count (and the error it met, if any, handed on). */
export function rateLimitOnce(rateLimits: RateLimitMiddleware): (req: Request, res: Response, next: NextFunction) => void {
  return (req: FrontDoorRequest, res: Response, next: NextFunction) => {
    const counted = req[COUNTED];
    if (counted === undefined) void rateLimits.use(req, res, next);
    else next(counted === true ? undefined : counted.error);
  };
}
