import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '@isnad/common';
import { normalizeForSearch } from '@isnad/text';
import { PUBLIC_STATUSES, Verdict, VerdictBundle, VerdictBundleService, VerdictEntry } from '@isnad/verdicts';
import { DEFAULT_FEED_SIZE, FeedQuery } from './dto/feed-query';

/** One page of a verdict feed: entries, or full bundles (ClaimReview) when asked for. */
export interface FeedPage<T extends VerdictEntry = VerdictEntry> {
  bundles: T[];
  /** Cursor of the next page, or null on the last one. */
  next: string | null;
  /** The latest change among the page's verdicts, or null for an empty page. */
  lastModified: Date | null;
}

/**
 * Public verdicts (published, corrected, retracted) for feeds, newest public change first, with
 * the filters feed readers ask for. Every filter follows claim merges.
 */
@Injectable()
export class FeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bundles: VerdictBundleService,
  ) {}

  /** Feed entries (Atom, RSS, JSON Feed). */
  page(query: FeedQuery): Promise<FeedPage<VerdictEntry>> {
    return this.pageOf(query, (verdicts) => this.bundles.entries(verdicts));
  }

  /** Full bundles, for the DataFeed of ClaimReviews. */
  claimReviewPage(query: FeedQuery): Promise<FeedPage<VerdictBundle>> {
    return this.pageOf(query, (verdicts) => this.bundles.bundles(verdicts));
  }

  private async pageOf<T extends VerdictEntry>(query: FeedQuery, load: (verdicts: Verdict[]) => Promise<T[]>): Promise<FeedPage<T>> {
    const limit = query.limit ?? DEFAULT_FEED_SIZE;
    const qb = this.dataSource
      .getRepository(Verdict)
      .createQueryBuilder('v')
      .where('v.status IN (:...statuses)', { statuses: PUBLIC_STATUSES })
      .orderBy('v.published_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(limit + 1);
    // The claim a verdict applies to today, and every claim merged into it.
    const claimsOfVerdict = `WITH RECURSIVE up(id, merged_into_id, depth) AS (
        SELECT c.id, c.merged_into_id, 0 FROM claims c WHERE c.id = v.claim_id
        UNION ALL SELECT c.id, c.merged_into_id, up.depth + 1 FROM claims c JOIN up ON c.id = up.merged_into_id WHERE up.depth < 10
      ), down(id, depth) AS (
        SELECT id, 0 FROM up WHERE merged_into_id IS NULL
        UNION ALL SELECT c.id, down.depth + 1 FROM claims c JOIN down ON c.merged_into_id = down.id WHERE down.depth < 10
      ) SELECT id FROM down`;
    if (query.organisation) qb.andWhere('v.organisation_id = :organisation', { organisation: query.organisation });
    if (query.language) qb.andWhere('(v.language = :language OR v.language LIKE :languagePrefix)', {
      language: query.language,
      languagePrefix: `${query.language}-%`,
    });
    if (query.rating) qb.andWhere('EXISTS (SELECT 1 FROM ratings r WHERE r.id = v.rating_id AND r.key = :rating)', { rating: query.rating });
    if (query.outlet) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM claim_appearances ap JOIN articles a ON a.id = ap.article_id
                  WHERE ap.claim_id IN (${claimsOfVerdict}) AND a.outlet_id = :outlet)`,
        { outlet: query.outlet },
      );
    }
    if (query.source) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM claim_appearances ap JOIN attribution_hops h ON h.appearance_id = ap.id
                  WHERE ap.claim_id IN (${claimsOfVerdict}) AND h.source_id = :source)`,
        { source: query.source },
      );
    }
    if (query.tag) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
                  WHERE ct.claim_id IN (${claimsOfVerdict}) AND t.key = :tag)`,
        { tag: normalizeForSearch(query.tag) },
      );
    }
    if (query.after) {
      const { value, id } = decodeCursor(query.after);
      qb.andWhere('(v.published_at, v.id) < (:value, :id)', { value, id });
    }
    const rows = await qb.getMany();
    const verdicts = rows.slice(0, limit);
    const last = verdicts[verdicts.length - 1];
    return {
      bundles: await load(verdicts),
      next: rows.length > limit && last ? encodeCursor({ value: (last.publishedAt as Date).toISOString(), id: last.id }) : null,
      lastModified: verdicts.length ? new Date(Math.max(...verdicts.map((v) => v.updatedAt.getTime()))) : null,
    };
  }
}
