import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PublicPageCache, publicPageKey } from './public-page-cache';
import { VERDICTS_OPTIONS, VerdictsOptions, publicBaseUrl } from './public-url';

/**
 * Serves a public page (feed, ClaimReview, verdict page) straight from PublicPageCache when it is
 * there, before Nest's router, guards and pipes: a page is only cached after its handler validated
 * the request, and these routes are public. Runs after the logging, rate-limit and auth middleware.
 * A miss goes on to the controller, which renders and caches the page.
 */
@Injectable()
export class PublicPageMiddleware implements NestMiddleware {
  constructor(
    private readonly cache: PublicPageCache,
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const page = req.method === 'GET' || req.method === 'HEAD' ? this.cache.peek(publicPageKey(publicBaseUrl(this.options, req), req)) : undefined;
    if (!page) return next();
    this.cache.send(req, res, page).catch(next);
  }
}
