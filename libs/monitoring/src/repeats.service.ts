import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Article, ArticlesService } from '@isnad/articles';
import { Actor } from '@isnad/auth';
import { ClaimCandidate, ClaimCandidatesService, ClaimsService } from '@isnad/claims';
import { Connection, DEFAULT_PAGE_SIZE, ForbiddenError, InvalidInputError, PageArgs, decodeCursor, toConnection } from '@isnad/common';
import { ClaimMatcherService, RepublicationService } from '@isnad/linking';
import { normalizeForSearch } from '@isnad/text';
import { VerdictOutboxService, VerdictsService } from '@isnad/verdicts';
import { ClaimRepeat, ClaimRepeatStatus, StoredHop } from './claim-repeat.entity';
import { ClaimRepeatAlert } from './dto/claim-repeat-alert.type';
import { RepeatFilter } from './dto/repeat.filter';
import { ClaimRepeatNotFoundError } from './monitoring.errors';
import { MONITORING_OPTIONS, MonitoringOptions } from './monitoring.options';
import { RepeatEventsBus } from './repeat-events.bus';
import { isRepeat } from './repeat-rules';

/** The webhook event type of a repeat, delivered through the verdict outbox. */
export const CLAIM_REPEATED_EVENT = 'claim.repeated';

/**
 * What makes a claim "rated" for an organisation: its own published verdict, or failing that an
 * external review (another fact-checker's ClaimReview) it imported.
 */
interface ClaimRating {
  organisationId: string;
  claimId: string;
  statement: string;
  /** The rating key of the verdict, or the reviewer's own rating text as given. */
  rating: string;
  publishedAt: Date | null;
  verdict: { id: string; version: number } | null;
  external: { id: string; reviewedBy: string | null; reviewUrl: string } | null;
}

const VERDICT_RATINGS = `SELECT DISTINCT ON (v.organisation_id, v.claim_id) v.id, v.organisation_id, v.claim_id, v.version, v.first_published_at,
       r.key AS rating, c.statement
  FROM verdicts v JOIN ratings r ON r.id = v.rating_id JOIN claims c ON c.id = v.claim_id`;
const EXTERNAL_RATINGS = `SELECT DISTINCT ON (e.organisation_id, e.claim_id) e.id, e.organisation_id, e.claim_id, e.date_published, e.created_at,
       coalesce(e.rating_text, e.rating_value, '?') AS rating, e.reviewer_name, e.review_url, c.statement
  FROM external_reviews e JOIN claims c ON c.id = e.claim_id`;

/** Scans a revision's sentences against every claim carrying a published verdict, one scan at a time. */
const MATCHES_PER_SENTENCE = 3;
const MAX_SCAN_ATTEMPTS = 5;

/**
 * Repeats of rated claims: every captured revision (pushed, fetched or watched) is queued for a
 * scan in its capture's transaction; the scan takes the revision's claim candidates, matches each
 * against canonical claims, and files a repeat for each claim an organisation has published a
 * verdict on, with the span, score and suggested chain. Alerts go out through the verdict outbox
 * (webhook `claim.repeated`) and the claimRepeated subscription.
 */
@Injectable()
export class RepeatsService implements OnModuleInit {
  private readonly logger = new Logger('Repeats');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MONITORING_OPTIONS) private readonly options: MonitoringOptions,
    private readonly articles: ArticlesService,
    private readonly candidates: ClaimCandidatesService,
    private readonly claims: ClaimsService,
    private readonly matcher: ClaimMatcherService,
    private readonly republication: RepublicationService,
    private readonly outbox: VerdictOutboxService,
    private readonly bus: RepeatEventsBus,
    private readonly verdicts: VerdictsService,
  ) {}

  onModuleInit(): void {
    this.articles.onRevisionStored(async (manager, stored) => {
      // A full scan supersedes a pending rescan of the same revision for a few claims.
      await manager.query(
        `INSERT INTO repeat_scans (revision_id, article_id) VALUES ($1, $2) ON CONFLICT (revision_id) DO UPDATE SET claim_ids = NULL`,
        [stored.revision.id, stored.article.id],
      );
    });
    this.verdicts.onPublished(async (manager, verdict) => this.queueRescan(manager, (await this.claims.getCurrent(verdict.claimId, manager)).id));
  }

  /**
   * Queues the latest revision of each article captured in the last rescanDays (at most
   * rescanMaxArticles, newest first) to be scanned for repeats of one claim, which has just been
   * rated: copies captured before the verdict are found too. The scans run in the worker, off the
   * request path; a revision already queued keeps its full scan or adds the claim to its list.
   */
  async queueRescan(manager: EntityManager, claimId: string): Promise<void> {
    if (!this.options.rescanDays || !this.options.rescanMaxArticles) return;
    await manager.query(
      `WITH recent AS (
         SELECT id FROM articles WHERE last_captured_at >= now() - ($2 || ' days')::interval ORDER BY last_captured_at DESC LIMIT $3
       )
       INSERT INTO repeat_scans AS s (revision_id, article_id, claim_ids)
       SELECT DISTINCT ON (r.article_id) r.id, r.article_id, ARRAY[$1]::uuid[]
         FROM article_revisions r JOIN recent ON recent.id = r.article_id
        ORDER BY r.article_id, r.captured_at DESC, r.id DESC
       ON CONFLICT (revision_id) DO UPDATE
          SET claim_ids = CASE WHEN s.claim_ids IS NULL THEN NULL
                               ELSE ARRAY(SELECT DISTINCT unnest(s.claim_ids || EXCLUDED.claim_ids)) END`,
      [claimId, String(this.options.rescanDays), this.options.rescanMaxArticles],
    );
  }

  /** Scans up to `limit` queued revisions; each is leased, so a crash leaves it to be scanned again. */
  async scanDue(limit = 5): Promise<number> {
    const rows: { revision_id: string; article_id: string; claim_ids: string[] | null; attempts: number }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE repeat_scans SET attempts = attempts + 1, next_attempt_at = now() + ($2 || ' milliseconds')::interval
          WHERE revision_id IN (SELECT revision_id FROM repeat_scans WHERE next_attempt_at <= now()
                                 ORDER BY next_attempt_at, revision_id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING revision_id, article_id, claim_ids, attempts
       ) SELECT * FROM claimed`,
      [limit, String(this.options.leaseMs)],
    );
    for (const row of rows) {
      try {
        await this.scan(row.article_id, row.revision_id, row.claim_ids);
        // A claim added to the row meanwhile (another verdict published) keeps it queued.
        await this.dataSource.query(`DELETE FROM repeat_scans WHERE revision_id = $1 AND claim_ids IS NOT DISTINCT FROM $2::uuid[]`, [
          row.revision_id,
          row.claim_ids,
        ]);
      } catch (error) {
        this.logger.error(`Repeat scan of revision ${row.revision_id} failed (attempt ${row.attempts})`, (error as Error).stack);
        if (row.attempts >= MAX_SCAN_ATTEMPTS) await this.dataSource.query(`DELETE FROM repeat_scans WHERE revision_id = $1`, [row.revision_id]);
      }
    }
    return rows.length;
  }

  /** Files the repeats found in one revision (of `onlyClaimIds`, when given); returns those that are new. */
  async scan(articleId: string, revisionId: string, onlyClaimIds: string[] | null = null): Promise<ClaimRepeat[]> {
    const anyRated: unknown[] = await this.dataSource.query(
      `(SELECT 1 FROM verdicts WHERE status IN ('PUBLISHED', 'CORRECTED') LIMIT 1) UNION ALL (SELECT 1 FROM external_reviews LIMIT 1)`,
    );
    if (!anyRated.length) return [];
    const candidates = await this.candidates.candidatesFor(articleId, revisionId);
    // A claim already filed in this article is known there; its sentences are no news.
    const filed = new Set((await this.claims.appearancesInArticles([articleId])).map((a) => a.claimId));
    const found: { candidate: ClaimCandidate; claimId: string; score: number }[] = [];
    for (const candidate of candidates) {
      let matches: Awaited<ReturnType<ClaimMatcherService['match']>>;
      try {
        matches = await this.matcher.match(candidate.exact, {
          language: candidate.language,
          first: MATCHES_PER_SENTENCE,
          minScore: 0,
          onlyClaimIds: onlyClaimIds ?? undefined,
        });
      } catch (error) {
        if (error instanceof InvalidInputError) continue;
        throw error;
      }
      const key = normalizeForSearch(candidate.exact);
      for (const match of matches) {
        if (filed.has(match.claimId) || !isRepeat(key, match)) continue;
        found.push({ candidate, claimId: match.claimId, score: match.score });
      }
    }
    if (!found.length) return [];
    const ratings = await this.ratingsOf([...new Set(found.map((f) => f.claimId))]);
    if (!ratings.length) return [];
    const article = await this.articles.get(articleId);
    const [copy] = await this.republication.republicationsOf([articleId]);
    const original = copy ? await this.articles.get(copy.originalArticleId) : null;
    const filedNow: { repeat: ClaimRepeat; alert: ClaimRepeatAlert }[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (const { candidate, claimId, score } of found) {
        for (const rating of ratings.filter((r) => r.claimId === claimId)) {
          const [row]: { id: string }[] = await manager.query(
            `INSERT INTO claim_repeats (organisation_id, claim_id, verdict_id, external_review_id, article_id, revision_id, start, "end", exact, prefix, suffix,
                                        span_key, score, suggested_chain, original_article_id, after_verdict)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16)
             ON CONFLICT (organisation_id, claim_id, article_id, span_key) DO NOTHING RETURNING id`,
            [
              rating.organisationId,
              claimId,
              rating.verdict?.id ?? null,
              rating.external?.id ?? null,
              articleId,
              revisionId,
              candidate.start,
              candidate.end,
              candidate.exact,
              candidate.prefix ?? '',
              candidate.suffix ?? '',
              normalizeForSearch(candidate.exact),
              score,
              JSON.stringify(storedChain(candidate)),
              original?.id ?? null,
              rating.publishedAt === null || publicationTime(article) > rating.publishedAt.getTime(),
            ],
          );
          if (!row) continue;
          const repeat = await manager.findOneByOrFail(ClaimRepeat, { id: row.id });
          const alert = alertOf(repeat, rating, article, original);
          await this.outbox.append(manager, {
            type: CLAIM_REPEATED_EVENT,
            verdictId: rating.verdict?.id ?? null,
            organisationId: rating.organisationId,
            version: rating.verdict?.version ?? null,
            payload: { ...alert, foundAt: alert.foundAt.toISOString() },
          });
          filedNow.push({ repeat, alert });
        }
      }
    });
    for (const { alert } of filedNow) await this.bus.publish(alert);
    return filedNow.map((f) => f.repeat);
  }

  /** The organisation's repeats, newest first. */
  async list(filter: RepeatFilter = {}, page: PageArgs = {}, actor: Actor): Promise<Connection<ClaimRepeat>> {
    if (filter.organisationId && filter.organisationId !== actor.organisationId) {
      throw new ForbiddenError('Repeats are listed for your own organisation', { field: 'organisationId' });
    }
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const query = this.dataSource
      .getRepository(ClaimRepeat)
      .createQueryBuilder('r')
      .where('r.organisation_id = :organisationId', { organisationId: actor.organisationId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(first + 1);
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.claimId) query.andWhere('r.claim_id = :claimId', { claimId: filter.claimId });
    if (filter.since) query.andWhere('r.created_at >= :since', { since: filter.since });
    if (filter.outletId) query.andWhere('r.article_id IN (SELECT id FROM articles WHERE outlet_id = :outletId)', { outletId: filter.outletId });
    if (page.after) {
      const { value, id } = decodeCursor(page.after);
      query.andWhere('(r.created_at, r.id) < (:value, :id)', { value, id });
    }
    return toConnection(await query.getMany(), first, (r) => ({ value: r.createdAt.toISOString(), id: r.id }));
  }

  async get(id: string, actor: Actor): Promise<ClaimRepeat> {
    const repeat = await this.dataSource.getRepository(ClaimRepeat).findOneBy({ id, organisationId: actor.organisationId });
    if (!repeat) throw new ClaimRepeatNotFoundError(id);
    return repeat;
  }

  /** Files the span as an appearance of the claim, with the chain the sentence gives; the repeat is CONFIRMED. */
  async confirm(id: string, actor: Actor): Promise<ClaimRepeat> {
    const repeat = await this.get(id, actor);
    if (repeat.status === ClaimRepeatStatus.CONFIRMED) return repeat;
    const appearance = await this.candidates.accept({
      articleId: repeat.articleId,
      revisionId: repeat.revisionId,
      start: repeat.start,
      end: repeat.end,
      claimId: repeat.claimId,
    });
    await this.dataSource
      .getRepository(ClaimRepeat)
      .update({ id }, { status: ClaimRepeatStatus.CONFIRMED, appearanceId: appearance.id, decidedAt: () => 'now()' });
    return this.get(id, actor);
  }

  /** Not a repeat: DISMISSED, and never raised again for this claim and wording in this article. */
  async dismiss(id: string, actor: Actor): Promise<ClaimRepeat> {
    const repeat = await this.get(id, actor);
    if (repeat.status === ClaimRepeatStatus.CONFIRMED) {
      throw new InvalidInputError('A confirmed repeat is an appearance now; delete the appearance instead', { field: 'id' });
    }
    await this.dataSource.getRepository(ClaimRepeat).update({ id }, { status: ClaimRepeatStatus.DISMISSED, decidedAt: () => 'now()' });
    return this.get(id, actor);
  }

  /** Repeats of one claim per day (dismissed ones left out), for the organisation. */
  async trend(claimId: string, actor: Actor): Promise<{ day: string; count: number }[]> {
    const rows: { day: string; count: number }[] = await this.dataSource.query(
      `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS count
         FROM claim_repeats WHERE claim_id = $1 AND organisation_id = $2 AND status <> 'DISMISSED'
        GROUP BY 1 ORDER BY 1`,
      [claimId, actor.organisationId],
    );
    return rows;
  }

  /**
   * Who keeps pushing it: per outlet (the article's) and per source (named in the sentence's chain),
   * how many repeats of claims the organisation rated `rating` came after the verdict was published.
   */
  async pushers(rating: string, actor: Actor): Promise<{ kind: 'OUTLET' | 'SOURCE'; id: string; count: number }[]> {
    const rows: { kind: 'OUTLET' | 'SOURCE'; id: string; count: number }[] = await this.dataSource.query(
      `WITH rated AS (
         SELECT r.* FROM claim_repeats r JOIN verdicts v ON v.id = r.verdict_id JOIN ratings g ON g.id = v.rating_id
          WHERE r.organisation_id = $1 AND g.key = $2 AND r.after_verdict AND r.status <> 'DISMISSED'
       )
       SELECT 'OUTLET' AS kind, a.outlet_id::text AS id, count(*)::int AS count FROM rated JOIN articles a ON a.id = rated.article_id GROUP BY a.outlet_id
       UNION ALL
       SELECT 'SOURCE', hop->>'sourceId', count(DISTINCT rated.id)::int FROM rated, jsonb_array_elements(rated.suggested_chain) hop
        WHERE hop->>'sourceId' IS NOT NULL GROUP BY hop->>'sourceId'
       ORDER BY count DESC, id`,
      [actor.organisationId, rating],
    );
    return rows;
  }

  /** The alert of each repeat, as subscribers and the Atom feed show it. */
  async alertsFor(repeats: ClaimRepeat[]): Promise<ClaimRepeatAlert[]> {
    if (!repeats.length) return [];
    const ids = (key: 'verdictId' | 'externalReviewId') => [...new Set(repeats.flatMap((r) => (r[key] ? [r[key] as string] : [])))];
    const [verdicts, externals] = await Promise.all([
      this.dataSource.query(`${VERDICT_RATINGS} WHERE v.id = ANY($1::uuid[])`, [ids('verdictId')]),
      this.dataSource.query(`${EXTERNAL_RATINGS} WHERE e.id = ANY($1::uuid[])`, [ids('externalReviewId')]),
    ]);
    const ratings = new Map([...verdicts.map(verdictRating), ...externals.map(externalRating)].map((r) => [r.verdict?.id ?? r.external?.id, r]));
    const articles = new Map(
      (await this.articles.findByIds([...new Set(repeats.flatMap((r) => [r.articleId, r.originalArticleId ?? r.articleId]))])).map((a) => [a.id, a]),
    );
    return repeats.flatMap((repeat) => {
      const rating = ratings.get(repeat.verdictId ?? repeat.externalReviewId ?? '');
      const article = articles.get(repeat.articleId);
      if (!rating || !article) return [];
      return [alertOf(repeat, rating, article, repeat.originalArticleId ? (articles.get(repeat.originalArticleId) ?? null) : null)];
    });
  }

  /**
   * The rating of each claim for each organisation: its latest published verdict, else (for an
   * organisation without one) the newest external review it imported.
   */
  private async ratingsOf(claimIds: string[]): Promise<ClaimRating[]> {
    const [verdicts, externals] = await Promise.all([
      this.dataSource.query(
        `${VERDICT_RATINGS} WHERE v.claim_id = ANY($1::uuid[]) AND v.status IN ('PUBLISHED', 'CORRECTED')
          ORDER BY v.organisation_id, v.claim_id, v.published_at DESC`,
        [claimIds],
      ),
      this.dataSource.query(`${EXTERNAL_RATINGS} WHERE e.claim_id = ANY($1::uuid[]) ORDER BY e.organisation_id, e.claim_id, e.created_at DESC`, [claimIds]),
    ]);
    const own = (verdicts as Record<string, unknown>[]).map(verdictRating);
    const rated = new Set(own.map((r) => `${r.organisationId}:${r.claimId}`));
    return [...own, ...(externals as Record<string, unknown>[]).map(externalRating).filter((r) => !rated.has(`${r.organisationId}:${r.claimId}`))];
  }

  /** The newest repeats of an organisation, for its public Atom feed (dismissed ones left out). */
  async latestOf(organisationId: string, limit: number): Promise<ClaimRepeat[]> {
    return this.dataSource
      .getRepository(ClaimRepeat)
      .createQueryBuilder('r')
      .where('r.organisation_id = :organisationId AND r.status <> :dismissed', { organisationId, dismissed: ClaimRepeatStatus.DISMISSED })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}

function publicationTime(article: Article): number {
  return new Date(article.publishedAt ?? article.firstCapturedAt).getTime();
}

function storedChain(candidate: ClaimCandidate): StoredHop[] {
  return candidate.suggestedChain.map((hop) => ({
    kind: hop.kind,
    relation: hop.relation,
    name: hop.name,
    descriptor: hop.descriptor,
    canonicalName: hop.canonicalName,
    outletId: hop.matchedOutlet?.id ?? null,
    sourceId: hop.matchedSource?.id ?? null,
  }));
}

function verdictRating(row: Record<string, any>): ClaimRating {
  return {
    organisationId: row.organisation_id,
    claimId: row.claim_id,
    statement: row.statement,
    rating: row.rating,
    publishedAt: new Date(row.first_published_at),
    verdict: { id: row.id, version: row.version },
    external: null,
  };
}

function externalRating(row: Record<string, any>): ClaimRating {
  const published = row.date_published ? new Date(row.date_published) : null;
  return {
    organisationId: row.organisation_id,
    claimId: row.claim_id,
    statement: row.statement,
    rating: row.rating,
    publishedAt: published && !Number.isNaN(published.getTime()) ? published : null,
    verdict: null,
    external: { id: row.id, reviewedBy: row.reviewer_name, reviewUrl: row.review_url },
  };
}

function alertOf(repeat: ClaimRepeat, rating: ClaimRating, article: Article, original: Article | null): ClaimRepeatAlert {
  return {
    repeatId: repeat.id,
    organisationId: repeat.organisationId,
    claimId: repeat.claimId,
    claimStatement: rating.statement,
    verdictId: rating.verdict?.id ?? null,
    rating: rating.rating,
    reviewedBy: rating.external?.reviewedBy ?? null,
    reviewUrl: rating.external?.reviewUrl ?? null,
    articleId: article.id,
    articleUrl: article.canonicalUrl,
    originalArticleUrl: original?.canonicalUrl ?? null,
    start: repeat.start,
    end: repeat.end,
    exact: repeat.exact,
    score: repeat.score,
    foundAt: repeat.createdAt,
  };
}
