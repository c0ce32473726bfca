import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderList, PublicPageCache, publicPageKey } from './public-page-cache';
import { VERDICTS_OPTIONS, VerdictsOptions, publicBaseUrl, publicBaseUrlOf } from './public-url';

/** The paths PublicPageCache holds pages of (FeedsController and ClaimReviewController render them). */
const CACHED_PATHS = /^\/(?:feeds\/verdicts\.[a-z]+|claim-reviews\/[^/]+|verdicts\/[^/]+)$/;

/**
 * Serves a public page (feed, ClaimReview, verdict page) from PublicPageCache when it can: a 304
 * from the key's ETag, or the cached page. A miss goes on to the controller, which renders and
 * caches the page (a page is only cached after its handler validated the request, and these
 * routes are public).
 *
 * Anonymous requests are answered by `early`, which the API installs right after the per-address
 * rate limit (which counted them): before the request logger, the body parsers and Nest's router.
 * A request with a token goes the whole way, through AuthMiddleware, which verifies the token and
 * spends its member's budget, to `use` here. The API's HTTP server asks `keyOf`, `answerable` and
 * `answerAhead` before Express even sees the request (apps/api's public-page fast path), with the
 * same rules as `early`.
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

  /** For the Express stack, before everything a cached public page does not need. */
  early(req: Request, res: Response, next: NextFunction): void {
    if (req.headers.authorization !== undefined || !this.answer(req, res)) next();
  }

  /**
   * Before Express: the cache key of an anonymous GET or HEAD of a cached path, else null (whether
   * the cache can answer it is for answerable or answerAhead). `protocol` is the request's protocol
   * as Express's req.protocol would give it.
   */
  keyOf(req: IncomingMessage, protocol: () => string): string | null {
    if (req.headers.authorization !== undefined) return null;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    if (!CACHED_PATHS.test(query === -1 ? url : url.slice(0, query))) return null;
    return publicPageKey(publicBaseUrlOf(this.options, req.headers.host, protocol), req);
  }

  /** Before Express: true when the cache can answer under `key` right now (synchronous: for deciding before counting a request). */
  answerable(req: IncomingMessage, key: string): boolean {
    return this.cache.answerable(req, key);
  }

  /**
   * Before Express: answers under a key keyOf gave, its head starting with `lead`; false, with
   * nothing written, when the cache cannot (a miss, or the page expired while the budget was counted).
   */
  answerAhead(req: IncomingMessage, res: ServerResponse, key: string, lead: HeaderList): boolean {
    return this.cache.answer(req, res, key, lead);
  }

  private answer(req: Request, res: Response): boolean {
    const path = req.originalUrl.split('?', 1)[0];
    return CACHED_PATHS.test(path) && this.cache.answer(req, res, publicPageKey(publicBaseUrl(this.options, req), req));
  }
}
