import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ArticlesService } from '@isnad/articles';
import { InvalidInputError } from '@isnad/common';
import { decodePage } from './page-decoding';
import { FetchedResponse, PageFetcher } from './page-fetcher';
import { PageFetch } from './page-fetch.entity';

/** A capture from a URL: what captureArticleFromHtml returns, and the fetch kept as evidence. */
export type UrlCapture = Awaited<ReturnType<ArticlesService['captureHtml']>> & { fetch: PageFetch };

/** Rejects (BAD_USER_INPUT) what is not an absolute http(s) URL at all. */
export function checkHttpUrl(raw: string, field = 'url'): string {
  const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : null;
  if (!url || !/^https?:$/.test(url.protocol)) throw new InvalidInputError('Give an absolute http(s) URL', { field, reason: url ? 'NOT_HTTP' : 'NOT_A_URL' });
  return url.href;
}

/**
 * Captures an article from its URL: Isnad fetches the page itself (see PageFetcher), reads it in
 * the encoding it was written in, and captures it through the ordinary HTML path (Readability,
 * metadata, revisions, republication, candidates); the bytes and headers are kept with the revision.
 */
@Injectable()
export class UrlCaptureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fetcher: PageFetcher,
    private readonly articles: ArticlesService,
  ) {}

  async capture(rawUrl: string, outletId?: string | null): Promise<UrlCapture> {
    const url = checkHttpUrl(rawUrl);
    const previous = await this.dataSource
      .getRepository(PageFetch)
      .createQueryBuilder('f')
      .where('f.url = :url AND f.article_id IS NOT NULL', { url })
      .orderBy('f.fetched_at', 'DESC')
      .getOne();
    const response = await this.fetcher.fetch({
      url,
      kind: 'PAGE',
      etag: previous?.headers.etag,
      lastModified: previous?.headers['last-modified'],
    });
    if (response.notModified && previous?.articleId) {
      const { article, revision } = await this.articles.getRevision(previous.articleId);
      const fetch = await this.record(response, null, { articleId: article.id, revisionId: revision.id });
      return { article, revision, status: 'UNCHANGED' as UrlCapture['status'], fetch };
    }
    const page = decodePage(response.body, response.headers['content-type']);
    const stored = await this.articles.captureHtml({ url: response.url, html: page.text, outletId: outletId ?? undefined });
    const changed = stored.status !== 'UNCHANGED';
    const fetch = await this.record(response, changed ? page : null, { articleId: stored.article.id, revisionId: stored.revision.id });
    return { ...stored, fetch };
  }

  /** Evidence of one fetch; the bytes only when they made a new revision. */
  private record(
    response: FetchedResponse,
    page: { encoding: string; source: string } | null,
    target: { articleId: string; revisionId: string },
  ): Promise<PageFetch> {
    return this.dataSource.getRepository(PageFetch).save({
      url: response.requestedUrl,
      finalUrl: response.url,
      redirects: response.redirects,
      status: response.status,
      headers: response.headers,
      body: page ? response.body : null,
      byteLength: response.body.length,
      bodySha256: response.body.length ? createHash('sha256').update(response.body).digest('hex') : null,
      encoding: page?.encoding ?? null,
      encodingSource: page?.source ?? null,
      ...target,
    });
  }

  /** The fetches that produced each revision, newest first. */
  async fetchesOfRevisions(revisionIds: readonly string[]): Promise<PageFetch[]> {
    if (!revisionIds.length) return [];
    return this.dataSource
      .getRepository(PageFetch)
      .createQueryBuilder('f')
      .where('f.revision_id IN (:...ids)', { ids: revisionIds })
      .orderBy('f.fetched_at', 'DESC')
      .getMany();
  }
}
