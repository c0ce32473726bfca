import { Public } from '@isnad/auth';
import { createHash } from 'node:crypto';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorBody } from '@isnad/common';
import { VERDICTS_OPTIONS, VerdictsOptions, publicBaseUrl } from '@isnad/verdicts';
import { FILTER_KEYS, FeedQuery } from './dto/feed-query';
import { FeedContext, renderAtom, renderDataFeed, renderJsonFeed, renderRss } from './feed-render';
import { FeedsService } from './feeds.service';

const FORMATS = {
  atom: { type: 'application/atom+xml; charset=utf-8', render: renderAtom },
  rss: { type: 'application/rss+xml; charset=utf-8', render: renderRss },
  json: { type: 'application/feed+json; charset=utf-8', render: renderJsonFeed },
  jsonld: { type: 'application/ld+json; charset=utf-8', render: renderDataFeed },
} as const;
type Format = keyof typeof FORMATS;

/**
 * Published verdicts as feeds: /feeds/verdicts.atom, .rss, .json (JSON Feed 1.1) and .jsonld (a
 * schema.org DataFeed of ClaimReview). Filters and paging in the query string; a strong ETag over
 * the body and Last-Modified let readers poll with conditional requests and get 304s.
 */
@Public()
@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly feeds: FeedsService,
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  @Get('verdicts.:format')
  async verdicts(@Param('format') format: string, @Query() query: FeedQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!(format in FORMATS)) {
      res.status(404).json(errorBody('NOT_FOUND', `No feed format "${format}"; try atom, rss, json or jsonld`));
      return;
    }
    const chosen = FORMATS[format as Format];
    const page = await this.feeds.page(query);
    const baseUrl = publicBaseUrl(this.options, req);
    const link = (fmt: Format, after?: string | null) => {
      const params = new URLSearchParams();
      for (const key of FILTER_KEYS) if (query[key]) params.set(key, String(query[key]));
      if (query.limit) params.set('limit', String(query.limit));
      if (after) params.set('after', after);
      const qs = params.toString();
      return `${baseUrl}/feeds/verdicts.${fmt}${qs ? `?${qs}` : ''}`;
    };
    const ctx: FeedContext = {
      baseUrl,
      selfUrl: link(format as Format, query.after),
      nextUrl: page.next ? link(format as Format, page.next) : null,
      formats: { atom: link('atom'), rss: link('rss'), json: link('json') },
      title: feedTitle(query),
      language: query.language ?? null,
      updated: page.lastModified ?? new Date(0),
    };
    const body = chosen.render(page.bundles, ctx);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    res.set('ETag', etag);
    res.set('Cache-Control', 'public, max-age=60');
    res.set('Vary', 'Accept-Encoding');
    if (page.lastModified) res.set('Last-Modified', page.lastModified.toUTCString());
    if (ctx.nextUrl) res.set('Link', `<${ctx.nextUrl}>; rel="next"`);
    if (notModified(req, etag, page.lastModified)) {
      res.status(304).end();
      return;
    }
    res.status(200).type(chosen.type).send(body);
  }
}

/** RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since (second precision). */
function notModified(req: Request, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = req.get('if-none-match');
  if (ifNoneMatch) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  }
  const ifModifiedSince = req.get('if-modified-since');
  if (ifModifiedSince && lastModified) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

function feedTitle(query: FeedQuery): string {
  const filters = FILTER_KEYS.filter((key) => query[key]).map((key) => `${key}: ${query[key]}`);
  return `Isnad verdicts${filters.length ? ` (${filters.join(', ')})` : ''}`;
}
