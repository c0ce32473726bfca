import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { PublicPageCache, publicPageKey } from './public-page-cache';
import { VERDICTS_OPTIONS, VerdictsOptions, publicBaseUrl } from './public-url';

/** The paths PublicPageCache holds pages of (FeedsController and ClaimReviewController render them). */
const CACHED_PATHS = /^\/(?:feeds\/verdicts\.[a-z]+|claim-reviews\/[^/]+|verdicts\/[^/]+)$/;

/**
 * Serves a public page (feed, ClaimReview, verdict page) from PublicPageCache when it can: a 304
 * from the key's ETag, or the cached page. A miss goes on to the controller, which renders and
 * caches the page (a page is only cached after its handler validated the request, and these
 * routes are public).
 *
 * Anonymous requests are answered by `early`, which the API calls at the HTTP server, before
 * Express, once the per-address rate limit counted them (apps/api/src/public-page-front-door.ts):
 * before the request logger, the body parsers and the routers. A request with a token goes the
 * whole way, through AuthMiddleware, which verifies the token and spends its member's budget, to
 * `use` here.
 */
@Injectable()
export class PublicPageMiddleware implements NestMiddleware {
  constructor(
    private readonly cache: PublicPageCache,
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (!this.answer(req, res)) next();
  }

  /** Whether `early` may answer this request as it arrives (anonymous GET or HEAD of a cached page's path): the rest never needs it. */
  mayAnswerEarly(req: IncomingMessage): boolean {
    if (req.headers.authorization !== undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    return CACHED_PATHS.test(query === -1 ? url : url.slice(0, query));
  }

  /** Before everything a cached public page does not need (the request log, body parsers, token check, routers). */
  early(req: Request, res: Response, next: NextFunction): void {
    if (req.headers.authorization !== undefined || !this.answer(req, res)) next();
  }

  private answer(req: Request, res: Response): boolean {
    const path = req.originalUrl.split('?', 1)[0];
    return CACHED_PATHS.test(path) && this.cache.answer(req, res, publicPageKey(publicBaseUrl(this.options, req), req));
  }
}
