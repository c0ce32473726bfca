import { Public } from '@isnad/auth';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorBody } from '@isnad/common';
import { PublicPageCache, RenderedPage, VERDICTS_OPTIONS, publicPageKey, VerdictsOptions, publicBaseUrl } from '@isnad/verdicts';
import { FILTER_KEYS, FeedQuery } from './dto/feed-query';
import { FeedContext, renderAtom, renderDataFeed, renderJsonFeed, renderRss } from './feed-render';
import { FeedPage, FeedsService } from './feeds.service';

const TYPES = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
} as const;
type Format = keyof typeof TYPES;

/**
 * Published verdicts as feeds: /feeds/verdicts.atom, .rss, .json (JSON Feed 1.1) and .jsonld (a
 * schema.org DataFeed of ClaimReview). Filters and paging in the query string. Each page is
 * rendered once and kept in PublicPageCache until the public record changes, with a strong ETag
 * over its body and Last-Modified, so polling readers get 304s without a render.
 */
@Public()
@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly feeds: FeedsService,
    private readonly cache: PublicPageCache,
    @Inject(VERDICTS_OPTIONS) private readonly options: VerdictsOptions,
  ) {}

  @Get('verdicts.:format')
  async verdicts(@Param('format') format: string, @Query() query: FeedQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!(format in TYPES)) {
      res.status(404).json(errorBody('NOT_FOUND', `No feed format "${format}"; try atom, rss, json or jsonld`));
      return;
    }
    const baseUrl = publicBaseUrl(this.options, req);
    const link = (fmt: Format, after?: string | null) => {
      const params = new URLSearchParams();
      for (const key of FILTER_KEYS) if (query[key]) params.set(key, String(query[key]));
      if (query.limit) params.set('limit', String(query.limit));
      if (after) params.set('after', after);
      const qs = params.toString();
      return `${baseUrl}/feeds/verdicts.${fmt}${qs ? `?${qs}` : ''}`;
    };
    const selfUrl = link(format as Format, query.after);
    // Validated by now: from here on PublicPageMiddleware serves this URL from the cache.
    const page = await this.cache.get(publicPageKey(baseUrl, req), async () => {
      const render = (feed: FeedPage, body: string): RenderedPage => ({
        status: 200,
        type: TYPES[format as Format],
        body: Buffer.from(body),
        lastModified: feed.lastModified,
        headers: feed.next ? { Link: `<${link(format as Format, feed.next)}>; rel="next"` } : {},
      });
      const context = (feed: FeedPage): FeedContext => ({
        baseUrl,
        selfUrl,
        nextUrl: feed.next ? link(format as Format, feed.next) : null,
        formats: { atom: link('atom'), rss: link('rss'), json: link('json') },
        title: feedTitle(query),
        language: query.language ?? null,
        updated: feed.lastModified ?? new Date(0),
      });
      if (format === 'jsonld') {
        const feed = await this.feeds.claimReviewPage(query);
        return render(feed, renderDataFeed(feed.bundles, context(feed)));
      }
      const feed = await this.feeds.page(query);
      const renderer = format === 'atom' ? renderAtom : format === 'rss' ? renderRss : renderJsonFeed;
      return render(feed, renderer(feed.bundles, context(feed)));
    });
    await this.cache.send(req, res, page);
  }
}

function feedTitle(query: FeedQuery): string {
  const filters = FILTER_KEYS.filter((key) => query[key]).map((key) => `${key}: ${query[key]}`);
  return `Isnad verdicts${filters.length ? ` (${filters.join(', ')})` : ''}`;
}
