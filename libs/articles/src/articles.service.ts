import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { EntityRows } from '@isnad/database';
import {
  ChildPageSpec,
  Connection,
  DEFAULT_PAGE_SIZE,
  Keyset,
  PageArgs,
  PayloadTooLargeError,
  childPageIds,
  decodeCursor,
  isUniqueViolation,
  toConnection,
} from '@isnad/common';
import { OutletsService } from '@isnad/outlets';
import {
  ExtractedArticle,
  InvalidArticleUrlError,
  NoArticleContentError,
  PageTooComplexError,
  PageTooLargeError,
  RemovedLine,
  TextWorkerPool,
  cleanArticleText,
  detectLanguage,
  normalizeArticleUrl,
  siteHostOf,
} from '@isnad/text';
import { ArticleRevision, CaptureFormat } from './article-revision.entity';
import { Article } from './article.entity';
import { ArticleNotFoundError, ArticleRevisionNotFoundError, ArticleTooLargeError, InvalidArticleError } from './articles.errors';
import { ArticleFilter } from './dto/article.filter';
import { CaptureArticleInput } from './dto/capture-article.input';
import { CaptureArticleFromHtmlInput } from './dto/capture-html.input';
import { CaptureArticlePayload, CaptureStatus } from './dto/capture-article.payload';

/** Longest article text accepted, in UTF-16 code units (about 1 MB of Latin, 2 MB of Arabic in UTF-8). */
export const MAX_ARTICLE_TEXT_LENGTH = 1_000_000;

/** Longest page HTML accepted, in UTF-16 code units. */
export const MAX_HTML_LENGTH = 10_000_000;

/** One capture, whatever it came from, ready to be stored. */
interface CaptureParts {
  url: string;
  text: string;
  rawInput: string;
  rawFormat: CaptureFormat;
  removedLines: RemovedLine[];
  title?: string;
  byline?: string;
  publishedAt?: Date;
  language?: string | null;
  outletId?: string;
  siteName?: string;
}

function languageOrNull(language: string): string | null {
  return language && language !== 'und' ? language : null;
}

/**
 * Called inside the capture's transaction for each new revision (not for an unchanged capture), so
 * other libraries can derive data from it atomically (claim linking fingerprints it for copies).
 */
export type RevisionStoredListener = (manager: EntityManager, stored: CaptureArticlePayload) => Promise<void>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ARTICLES_OF_OUTLET: ChildPageSpec = { table: 'articles', parentColumn: 'outlet_id', sortColumn: 'sort_time', order: 'DESC' };

/** Capturing articles into revisions, and reading them back. */
@Injectable()
export class ArticlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outlets: OutletsService,
    private readonly textWorkers: TextWorkerPool,
  ) {}

  private readonly revisionListeners: RevisionStoredListener[] = [];

  /** Registers a listener for new revisions (see RevisionStoredListener). */
  onRevisionStored(listener: RevisionStoredListener): void {
    this.revisionListeners.push(listener);
  }

  /**
   * Stores a capture of pasted text at `input.url`: a new article, a new revision when the text
   * changed, or only a fresh last-captured time when it did not. Page furniture (comment forms,
   * share bars, a repeated title ...) is removed unless asked not to; the input is kept as given.
   */
  async capture(input: CaptureArticleInput): Promise<CaptureArticlePayload> {
    const raw = this.checkText(input.text, MAX_ARTICLE_TEXT_LENGTH);
    const cleaned = input.keepBoilerplate ? { text: raw, removed: [] } : cleanArticleText(raw, { title: input.title });
    return this.store({
      url: this.canonicalUrl(input.url),
      text: this.checkText(cleaned.text, MAX_ARTICLE_TEXT_LENGTH),
      rawInput: raw,
      rawFormat: CaptureFormat.TEXT,
      removedLines: cleaned.removed,
      title: input.title,
      byline: input.byline,
      publishedAt: input.publishedAt,
      language: input.language,
      outletId: input.outletId,
    });
  }

  /**
   * Captures an article from its page HTML: main text, title, byline, date, language and canonical
   * URL come from the page (Readability, Open Graph, JSON-LD, <html lang>); the HTML is kept.
   */
  async captureHtml(input: CaptureArticleFromHtmlInput): Promise<CaptureArticlePayload> {
    const html = this.checkText(input.html, MAX_HTML_LENGTH);
    const fetchedFrom = this.canonicalUrl(input.url);
    let page: ExtractedArticle;
    try {
      // In a worker: a page built to make the parser crawl costs a worker its time limit, not the API.
      page = await this.textWorkers.extractArticle(html, { url: fetchedFrom });
    } catch (error) {
      if (error instanceof PageTooComplexError) {
        throw new InvalidArticleError(error.message, { field: 'html', reason: 'PAGE_TOO_COMPLEX' });
      }
      if (error instanceof NoArticleContentError) {
        throw new InvalidArticleError(error.message, { field: 'html', reason: 'NO_ARTICLE_CONTENT' });
      }
      if (error instanceof PageTooLargeError) throw new PayloadTooLargeError(error.message, { field: 'html' });
      throw error;
    }
    return this.store({
      url: page.canonicalUrl ? this.canonicalUrl(page.canonicalUrl) : fetchedFrom,
      text: this.checkText(page.text, MAX_ARTICLE_TEXT_LENGTH),
      rawInput: html,
      rawFormat: CaptureFormat.HTML,
      removedLines: page.removed,
      title: page.title ?? undefined,
      byline: page.byline ?? undefined,
      publishedAt: page.publishedAt ? new Date(page.publishedAt) : undefined,
      language: page.language,
      outletId: input.outletId,
      siteName: page.siteName ?? undefined,
    });
  }

  private async store(capture: CaptureParts): Promise<CaptureArticlePayload> {
    const text = capture.text;
    if (!text.trim()) throw new InvalidArticleError('The article text is empty', { field: 'text' });
    const contentHash = createHash('sha256').update(text, 'utf8').digest('hex');
    const language = capture.language ?? languageOrNull(detectLanguage(text));
    const parts = { ...capture, contentHash, language };
    const storeAndNotify = async (manager: EntityManager) => {
      const stored = await this.storeIn(manager, parts);
      if (stored.status !== CaptureStatus.UNCHANGED) for (const listener of this.revisionListeners) await listener(manager, stored);
      return stored;
    };
    try {
      return await this.dataSource.transaction(storeAndNotify);
    } catch (error) {
      // Two first captures of one URL raced; the loser is now a re-capture of the winner's article.
      if (!isUniqueViolation(error, 'articles_canonical_url_key')) throw error;
      return this.dataSource.transaction(storeAndNotify);
    }
  }

  private async storeIn(
    manager: EntityManager,
    capture: CaptureParts & { contentHash: string; language: string | null },
  ): Promise<CaptureArticlePayload> {
    const { url, text, contentHash } = capture;
    const title = capture.title?.trim().normalize('NFC') || null;
    const byline = capture.byline?.trim().normalize('NFC') || null;
    const evidence = { rawInput: capture.rawInput, rawFormat: capture.rawFormat, removedLines: capture.removedLines };
    const now = new Date();
    const existing = await manager
      .getRepository(Article)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.canonical_url = :url', { url })
      .getOne();

    if (!existing) {
      const outlet = capture.outletId
        ? await this.outlets.get(capture.outletId, manager)
        : await this.outlets.findOrCreateForHost(siteHostOf(url), manager, capture.siteName);
      const article = await manager.save(
        manager.create(Article, {
          canonicalUrl: url,
          outletId: outlet.id,
          title,
          byline,
          language: capture.language,
          publishedAt: capture.publishedAt ?? null,
          sortTime: capture.publishedAt ?? now,
          lastCapturedAt: now,
          revisionCount: 1,
        }),
      );
      const revision = await manager.save(
        manager.create(ArticleRevision, { articleId: article.id, number: 1, text, contentHash, title, ...evidence }),
      );
      return { article, revision, status: CaptureStatus.CREATED };
    }

    const latest = await manager.findOneByOrFail(ArticleRevision, {
      articleId: existing.id,
      number: existing.revisionCount,
    });
    existing.lastCapturedAt = now;
    if (latest.contentHash === contentHash) {
      await manager.update(Article, { id: existing.id }, { lastCapturedAt: now });
      return { article: existing, revision: latest, status: CaptureStatus.UNCHANGED };
    }
    const revision = await manager.save(
      manager.create(ArticleRevision, {
        articleId: existing.id,
        number: existing.revisionCount + 1,
        text,
        contentHash,
        title: title ?? latest.title,
        ...evidence,
      }),
    );
    existing.revisionCount = revision.number;
    if (title) existing.title = title;
    if (byline) existing.byline = byline;
    if (capture.language) existing.language = capture.language;
    if (capture.publishedAt && !existing.publishedAt) {
      existing.publishedAt = capture.publishedAt;
      existing.sortTime = capture.publishedAt;
    }
    await manager.save(existing);
    return { article: existing, revision, status: CaptureStatus.REVISED };
  }

  private canonicalUrl(url: string): string {
    try {
      return normalizeArticleUrl(url);
    } catch (error) {
      if (error instanceof InvalidArticleUrlError) throw new InvalidArticleError(error.message, { field: 'url' });
      throw error;
    }
  }

  /** The input as NFC, or a typed error when it is too long or not valid Unicode text. */
  private checkText(raw: string, limit: number): string {
    if (raw.length > limit) throw new ArticleTooLargeError(raw.length, limit);
    if (LONE_SURROGATE.test(raw)) {
      throw new InvalidArticleError('The text is not valid Unicode (it has a lone surrogate)', { field: 'text' });
    }
    if (raw.includes('\u0000')) throw new InvalidArticleError('The text contains a NUL character', { field: 'text' });
    const text = raw.normalize('NFC');
    if (!text.trim()) throw new InvalidArticleError('The article text is empty', { field: 'text' });
    return text;
  }

  /** The article, or ArticleNotFoundError. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Article> {
    const article = await manager.findOneBy(Article, { id });
    if (!article) throw new ArticleNotFoundError(id);
    return article;
  }

  async getByUrl(url: string): Promise<Article> {
    const canonical = this.canonicalUrl(url);
    const article = await this.dataSource.getRepository(Article).findOneBy({ canonicalUrl: canonical });
    if (!article) throw new ArticleNotFoundError(canonical);
    return article;
  }

  async findByIds(ids: readonly string[]): Promise<Article[]> {
    return EntityRows.of(this.dataSource, Article).whereIn('id', ids);
  }

  /** A revision of `articleId`: the given one, or the latest. */
  async getRevision(articleId: string, revisionId?: string, manager: EntityManager = this.dataSource.manager) {
    const article = await this.get(articleId, manager);
    const revision = revisionId
      ? await manager.findOneBy(ArticleRevision, { id: revisionId, articleId })
      : await manager.findOneBy(ArticleRevision, { articleId, number: article.revisionCount });
    if (!revision) throw new ArticleRevisionNotFoundError(revisionId ?? `latest of ${articleId}`);
    return { article, revision };
  }

  async revisionsByIds(ids: readonly string[]): Promise<ArticleRevision[]> {
    return ids.length ? this.dataSource.getRepository(ArticleRevision).findBy({ id: In([...ids]) }) : [];
  }

  async revisionsOf(articleIds: readonly string[]): Promise<ArticleRevision[]> {
    if (!articleIds.length) return [];
    return this.dataSource
      .getRepository(ArticleRevision)
      .find({ where: { articleId: In([...articleIds]) }, order: { number: 'ASC' } });
  }

  async latestRevisionsOf(articleIds: readonly string[]): Promise<ArticleRevision[]> {
    if (!articleIds.length) return [];
    return this.dataSource
      .getRepository(ArticleRevision)
      .createQueryBuilder('r')
      .innerJoin(Article, 'a', 'a.id = r.article_id AND r.number = a.revision_count')
      .where('r.article_id IN (:...articleIds)', { articleIds })
      .getMany();
  }

  /** One page of articles for each of several outlets, newest first, in two statements. */
  async articlePagesOfOutlets(outletIds: readonly string[], page: PageArgs): Promise<Map<string, Connection<Article>>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const after = page.after ? decodeCursor(page.after) : null;
    const ids = await childPageIds(this.dataSource, ARTICLES_OF_OUTLET, outletIds, first, after);
    const articles = (await this.findByIds(ids)).sort(
      (a, b) => b.sortTime.getTime() - a.sortTime.getTime() || (a.id < b.id ? 1 : -1),
    );
    return new Map(
      outletIds.map((outletId) => [
        outletId,
        toConnection(articles.filter((a) => a.outletId === outletId), first, articleKeyset),
      ]),
    );
  }

  async list(filter: ArticleFilter = {}, page: PageArgs = {}): Promise<Connection<Article>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const query = this.dataSource
      .getRepository(Article)
      .createQueryBuilder('a')
      .orderBy('a.sort_time', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(first + 1);
    if (filter.outletId) query.andWhere('a.outlet_id = :outletId', { outletId: filter.outletId });
    if (filter.language) query.andWhere('a.language = :language', { language: filter.language });
    if (filter.publishedAfter) query.andWhere('a.sort_time >= :after', { after: filter.publishedAfter });
    if (filter.publishedBefore) query.andWhere('a.sort_time < :before', { before: filter.publishedBefore });
    if (page.after) {
      const { value, id } = decodeCursor(page.after);
      query.andWhere('(a.sort_time, a.id) < (:value, :id)', { value, id });
    }
    const rows = await query.getMany();
    return toConnection(rows, first, articleKeyset);
  }
}

function articleKeyset(article: Article): Keyset {
  return { value: article.sortTime.toISOString(), id: article.id };
}
