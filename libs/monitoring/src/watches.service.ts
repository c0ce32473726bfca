import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor } from '@isnad/auth';
import { FetchFailedError } from '@isnad/common';
import { OutletsService } from '@isnad/outlets';
import { normalizeArticleUrl } from '@isnad/text';
import { ClaimReviewsService } from './claim-reviews.service';
import { WatchFeedInput } from './dto/watch-feed.input';
import { ExternalReviewImportStatus } from './dto/import-claim-reviews.payload';
import { NotAFeedError, parseFeedItems } from './feed-items';
import { NoClaimReviewError, WatchNotFoundError } from './monitoring.errors';
import { MONITORING_OPTIONS, MonitoringOptions } from './monitoring.options';
import { decodePage } from './page-decoding';
import { PageFetcher } from './page-fetcher';
import { UrlCaptureService, checkHttpUrl } from './url-capture.service';
import { WatchItemStatus } from './watch-item.entity';
import { Watch, WatchKind, WatchStatus } from './watch.entity';

/** A watch item leased for capture. */
interface ClaimedItem {
  id: string;
  watch_id: string;
  url: string;
  attempts: number;
}

/**
 * Watches: feeds an organisation follows. Polling is a durable job in the database: a due watch or
 * item is claimed with FOR UPDATE SKIP LOCKED and leased, so several API processes share the work
 * without taking the same row, and a process killed mid-poll leaves its rows to be taken again
 * when the lease ends. Items are unique per watch by canonical URL and captured idempotently.
 * With REDIS_URL, BullMQ runs the polls and captures (WatchQueue), and these rows stay the record
 * every job claims first.
 */
@Injectable()
export class WatchesService {
  private readonly logger = new Logger('Watches');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MONITORING_OPTIONS) private readonly options: MonitoringOptions,
    private readonly fetcher: PageFetcher,
    private readonly capture: UrlCaptureService,
    private readonly outlets: OutletsService,
    private readonly claimReviews: ClaimReviewsService,
  ) {}

  /** Starts watching a feed for the member's organisation (the same URL again returns the existing watch); polled at once. */
  async watch(input: WatchFeedInput, actor: Actor): Promise<Watch> {
    const kind = input.kind ?? WatchKind.FEED;
    const url = checkHttpUrl(input.url);
    if (input.outletId) await this.outlets.get(input.outletId);
    const repository = this.dataSource.getRepository(Watch);
    const existing = await repository.findOneBy({ organisationId: actor.organisationId, kind, url });
    if (existing) return existing;
    await repository
      .createQueryBuilder()
      .insert()
      .values({
        organisationId: actor.organisationId,
        kind,
        url,
        outletId: input.outletId ?? null,
        everyMinutes: input.everyMinutes ?? this.options.defaultEveryMinutes,
      })
      .orIgnore()
      .execute();
    return repository.findOneByOrFail({ organisationId: actor.organisationId, kind, url });
  }

  async list(actor: Actor): Promise<Watch[]> {
    return this.dataSource.getRepository(Watch).find({ where: { organisationId: actor.organisationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The organisation's watch, or NOT_FOUND (another organisation's watches do not exist for this member). */
  async get(id: string, actor: Actor): Promise<Watch> {
    const watch = await this.dataSource.getRepository(Watch).findOneBy({ id, organisationId: actor.organisationId });
    if (!watch) throw new WatchNotFoundError(id);
    return watch;
  }

  async pause(id: string, actor: Actor): Promise<Watch> {
    const watch = await this.get(id, actor);
    await this.dataSource.getRepository(Watch).update({ id }, { status: WatchStatus.PAUSED });
    return { ...watch, status: WatchStatus.PAUSED };
  }

  /** Resumes a paused watch; it is polled at once. */
  async resume(id: string, actor: Actor): Promise<Watch> {
    const watch = await this.get(id, actor);
    await this.dataSource.getRepository(Watch).update({ id }, { status: WatchStatus.ACTIVE, nextPollAt: () => 'now()' });
    return this.get(watch.id, actor);
  }

  async delete(id: string, actor: Actor): Promise<Watch> {
    const watch = await this.get(id, actor);
    await this.dataSource.getRepository(Watch).delete({ id });
    return watch;
  }

  /** Polls up to `limit` due watches, each on its own: one broken feed never stops the others. */
  async pollDue(limit = 5): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE watches SET next_poll_at = now() + ($2 || ' milliseconds')::interval
          WHERE id IN (SELECT id FROM watches WHERE status = 'ACTIVE' AND next_poll_at <= now()
                        ORDER BY next_poll_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id
       ) SELECT id FROM claimed`,
      [limit, String(this.options.leaseMs)],
    );
    if (!rows.length) return 0;
    const watches = await this.dataSource.getRepository(Watch).findBy({ id: In(rows.map((r) => r.id)) });
    await Promise.all(watches.map((watch) => this.poll(watch)));
    return watches.length;
  }

  /**
   * Reads the feed, queues its new (or changed) items, and schedules the next poll. A CLAIM_REVIEW
   * watch of a ClaimReview DataFeed imports its reviews at once instead.
   */
  async poll(watch: Watch): Promise<void> {
    try {
      const response = await this.fetcher.fetch({ url: watch.url, kind: 'FEED', etag: watch.etag, lastModified: watch.lastModified });
      const text = response.notModified ? '' : decodePage(response.body, response.headers['content-type']).text;
      let imported = 0;
      let items: ReturnType<WatchesService['itemsOf']> = [];
      const reading = watch.kind === WatchKind.CLAIM_REVIEW && /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ? await this.claimReviews.read(response) : null;
      if (reading?.reviews.length) {
        const result = await this.claimReviews.importAll(reading, response.url, watch.organisationId);
        imported = result.reviews.filter((r) => r.status === ExternalReviewImportStatus.NEW).length;
        if (result.skipped.length) this.logger.warn(`Watch ${watch.id}: ${result.skipped.length} reviews skipped (${result.skipped[0].detail})`);
      } else if (text) items = this.itemsOf(parseFeedItems(text, response.url));
      await this.dataSource.transaction(async (manager) => {
        let added = imported;
        if (items.length) {
          const inserted: { inserted: boolean }[] = await manager.query(
            `INSERT INTO watch_items AS i (watch_id, url, title, source_updated)
             SELECT $1, u.url, u.title, u.updated FROM unnest($2::text[], $3::text[], $4::text[]) AS u(url, title, updated)
             ON CONFLICT (watch_id, url) DO UPDATE
                SET status = 'PENDING', source_updated = EXCLUDED.source_updated, attempts = 0, next_attempt_at = now()
              WHERE i.status <> 'PENDING' AND EXCLUDED.source_updated IS NOT NULL
                AND i.source_updated IS DISTINCT FROM EXCLUDED.source_updated
             RETURNING (xmax = 0) AS inserted`,
            [watch.id, items.map((i) => i.url), items.map((i) => i.title), items.map((i) => i.updated)],
          );
          added = inserted.filter((row) => row.inserted).length;
        }
        await manager.query(
          `UPDATE watches SET last_polled_at = now(), last_error = NULL, items_seen = items_seen + $2, reviews_imported = reviews_imported + $5,
                  next_poll_at = now() + (every_minutes || ' minutes')::interval,
                  etag = coalesce($3, etag), last_modified = coalesce($4, last_modified)
            WHERE id = $1`,
          [watch.id, added, response.headers.etag ?? null, response.headers['last-modified'] ?? null, imported],
        );
      });
    } catch (error) {
      const message = error instanceof FetchFailedError ? `${error.details.reason}: ${error.message}` : error instanceof NotAFeedError ? `NOT_A_FEED: ${error.message}` : String(error);
      if (!(error instanceof FetchFailedError || error instanceof NotAFeedError)) this.logger.error(`Watch ${watch.id} failed`, (error as Error).stack);
      await this.dataSource.query(
        `UPDATE watches SET last_polled_at = now(), last_error = $2, next_poll_at = now() + (every_minutes || ' minutes')::interval WHERE id = $1`,
        [watch.id, message.slice(0, 1000)],
      );
    }
  }

  /** Canonical item URLs, each once, in feed order; links that are not http(s) URLs are left out. */
  private itemsOf(items: ReturnType<typeof parseFeedItems>) {
    const seen = new Map<string, (typeof items)[number]>();
    for (const item of items) {
      let url: string;
      try {
        url = normalizeArticleUrl(item.url);
      } catch {
        continue;
      }
      if (/^https?:/.test(url) && !seen.has(url)) seen.set(url, { ...item, url });
    }
    return [...seen.values()];
  }

  /**
   * Fetches and captures up to `limit` due items of active watches. Each is leased first (attempts
   * counted), so a crash leaves it to be retried, and the capture is idempotent by canonical URL:
   * a retry of a page already captured changes nothing.
   */
  async captureDue(limit = 10): Promise<number> {
    return this.captureRows(await this.claimItems(limit));
  }

  /** Fetches and captures one item (a BullMQ job's work), if it is still due and nobody holds it. */
  async captureItem(itemId: string): Promise<boolean> {
    return (await this.captureRows(await this.claimItems(1, itemId))) > 0;
  }

  /** Items due to be fetched (for the BullMQ sweep): their ids and attempts so far. */
  async dueItems(limit = 500): Promise<{ id: string; attempts: number }[]> {
    return this.dataSource.query(
      `SELECT i.id, i.attempts FROM watch_items i JOIN watches w ON w.id = i.watch_id AND w.status = 'ACTIVE'
        WHERE i.status = 'PENDING' AND i.next_attempt_at <= now() ORDER BY i.next_attempt_at, i.id LIMIT $1`,
      [limit],
    );
  }

  /** Every active watch and its interval (what the BullMQ job schedulers mirror). */
  async activeSchedules(): Promise<{ id: string; everyMinutes: number }[]> {
    const rows: { id: string; every_minutes: number }[] = await this.dataSource.query(`SELECT id, every_minutes FROM watches WHERE status = 'ACTIVE'`);
    return rows.map((r) => ({ id: r.id, everyMinutes: r.every_minutes }));
  }

  /**
   * Polls one watch on its scheduler's tick (BullMQ), if it is active and due within half an
   * interval: claiming moves its next poll a whole interval on, so a second tick or a second
   * process finds it not due.
   */
  async pollScheduled(watchId: string): Promise<boolean> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `UPDATE watches SET next_poll_at = now() + (every_minutes || ' minutes')::interval
        WHERE id = $1 AND status = 'ACTIVE' AND next_poll_at <= now() + (every_minutes * 30 || ' seconds')::interval
        RETURNING id`,
      [watchId],
    );
    if (!row) return false;
    await this.poll(await this.dataSource.getRepository(Watch).findOneByOrFail({ id: watchId }));
    return true;
  }

  /** Leases up to `limit` due items of active watches (only `itemId`, when given), counting the attempt. */
  private claimItems(limit: number, itemId?: string): Promise<ClaimedItem[]> {
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE watch_items SET attempts = attempts + 1, next_attempt_at = now() + ($2 || ' milliseconds')::interval
          WHERE id IN (SELECT i.id FROM watch_items i JOIN watches w ON w.id = i.watch_id AND w.status = 'ACTIVE'
                        WHERE i.status = 'PENDING' AND i.next_attempt_at <= now() AND ($3::uuid IS NULL OR i.id = $3::uuid)
                        ORDER BY i.next_attempt_at, i.id LIMIT $1 FOR UPDATE OF i SKIP LOCKED)
          RETURNING id, watch_id, url, attempts
       ) SELECT * FROM claimed`,
      [limit, String(this.options.leaseMs), itemId ?? null],
    );
  }

  private async captureRows(rows: ClaimedItem[]): Promise<number> {
    if (!rows.length) return 0;
    // The lease is renewed while the captures run, so a slow page (a worker starting, a loaded
    // machine) is never taken over and fetched a second time by another process; only a process
    // that died stops renewing.
    const renewal = setInterval(() => {
      this.dataSource
        .query(
          `UPDATE watch_items SET next_attempt_at = now() + ($2 || ' milliseconds')::interval WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
          [rows.map((r) => r.id), String(this.options.leaseMs)],
        )
        .catch((error: unknown) => this.logger.warn(`Could not renew the lease of watch items: ${(error as Error).message}`));
    }, Math.max(50, Math.floor(this.options.leaseMs / 3)));
    try {
      return await this.captureClaimed(rows);
    } finally {
      clearInterval(renewal);
    }
  }

  private async captureClaimed(rows: ClaimedItem[]): Promise<number> {
    const watches = new Map((await this.dataSource.getRepository(Watch).findBy({ id: In([...new Set(rows.map((r) => r.watch_id))]) })).map((w) => [w.id, w]));
    await Promise.all(
      rows.map(async (row) => {
        const watch = watches.get(row.watch_id);
        if (!watch) return;
        try {
          // A fact-check page of a CLAIM_REVIEW watch is imported, not captured as an article.
          const outcome =
            watch.kind === WatchKind.CLAIM_REVIEW
              ? { articleId: null, reviews: (await this.claimReviews.importFromUrl(row.url, watch.organisationId)).reviews.filter((r) => r.status === ExternalReviewImportStatus.NEW).length }
              : { articleId: (await this.capture.capture(row.url, watch.outletId)).article.id, reviews: 0 };
          await this.dataSource.transaction(async (manager) => {
            const [, done] = await manager.query(
              `UPDATE watch_items SET status = 'CAPTURED', article_id = $2, captured_at = now(), last_error = NULL WHERE id = $1 AND status = 'PENDING'`,
              [row.id, outcome.articleId],
            );
            if (!done) return;
            await manager.query(
              `UPDATE watches SET articles_captured = articles_captured + $2, reviews_imported = reviews_imported + $3 WHERE id = $1`,
              [watch.id, outcome.articleId ? 1 : 0, outcome.reviews],
            );
          });
        } catch (error) {
          const message = error instanceof FetchFailedError ? `${error.details.reason}: ${error.message}` : (error as Error).message;
          // A page that carries no ClaimReview will not grow one on a retry.
          const failed = row.attempts >= this.options.itemMaxAttempts || error instanceof NoClaimReviewError;
          await this.dataSource.query(
            `UPDATE watch_items SET status = $2, last_error = $3, next_attempt_at = now() + ($4 || ' milliseconds')::interval WHERE id = $1 AND status = 'PENDING'`,
            [row.id, failed ? WatchItemStatus.FAILED : WatchItemStatus.PENDING, String(message).slice(0, 1000), String(this.options.pollMs * 2 ** row.attempts)],
          );
        }
      }),
    );
    return rows.length;
  }
}
