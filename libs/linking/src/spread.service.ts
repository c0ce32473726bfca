import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One appearance of a claim on the timeline of its spread. */
export interface SpreadEntry {
  claimId: string;
  appearanceId: string;
  articleId: string;
  outletId: string;
  /** The article's publication time, or its first capture when the page gave none. */
  publishedAt: Date;
  /** Sources cited in the appearance's chain other than the outlet itself, origin first. */
  sourceIds: string[];
}

/** Claims of an outlet or a source that fact-checkers rated false. */
export interface FalseClaimCount {
  key: string;
  count: number;
}

// A verdict the public sees whose rating is FALSE on its scale (rating key, as the verdicts library
// seeds it). Verdicts may sit on claims merged since: they count for the claim kept.
const FALSE_RATED_CLAIMS = `
  SELECT DISTINCT coalesce(c.merged_into_id, c.id) AS claim_id
    FROM verdicts v
    JOIN ratings r ON r.id = v.rating_id
    JOIN claims c ON c.id = v.claim_id
   WHERE v.status IN ('PUBLISHED', 'CORRECTED') AND r.key = 'FALSE'`;

/**
 * How a claim spread: its appearances in time order across outlets, and whom each outlet relayed;
 * and, per outlet and per source, how many of their claims were rated false.
 */
@Injectable()
export class SpreadService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The appearances of each claim, earliest publication first, with the sources each relays. */
  async timelinesOf(claimIds: readonly string[]): Promise<SpreadEntry[]> {
    if (!claimIds.length) return [];
    const rows: { claim_id: string; appearance_id: string; article_id: string; outlet_id: string; sort_time: Date; source_ids: string[] | null }[] =
      await this.dataSource.query(
        `SELECT ap.claim_id, ap.id AS appearance_id, a.id AS article_id, a.outlet_id, a.sort_time,
                (SELECT array_agg(h.source_id ORDER BY h.position)
                   FROM attribution_hops h JOIN sources s ON s.id = h.source_id
                  WHERE h.appearance_id = ap.id AND (s.outlet_id IS NULL OR s.outlet_id <> a.outlet_id)) AS source_ids
           FROM claim_appearances ap JOIN articles a ON a.id = ap.article_id
          WHERE ap.claim_id = ANY($1::uuid[])
          ORDER BY a.sort_time, ap.created_at, ap.id`,
        [[...claimIds]],
      );
    return rows.map((r) => ({
      claimId: r.claim_id,
      appearanceId: r.appearance_id,
      articleId: r.article_id,
      outletId: r.outlet_id,
      publishedAt: new Date(r.sort_time),
      sourceIds: r.source_ids ?? [],
    }));
  }

  /** For each outlet, the number of distinct claims appearing in its articles that were rated false. */
  async falseClaimCountsOfOutlets(outletIds: readonly string[]): Promise<Map<string, number>> {
    if (!outletIds.length) return new Map();
    const rows: { key: string; count: number }[] = await this.dataSource.query(
      `SELECT a.outlet_id AS key, count(DISTINCT f.claim_id)::int AS count
         FROM (${FALSE_RATED_CLAIMS}) f
         JOIN claim_appearances ap ON ap.claim_id = f.claim_id
         JOIN articles a ON a.id = ap.article_id
        WHERE a.outlet_id = ANY($1::uuid[])
        GROUP BY a.outlet_id`,
      [[...outletIds]],
    );
    return new Map(rows.map((r) => [r.key, r.count]));
  }

  /** For each source, the number of distinct claims whose chains cite it that were rated false. */
  async falseClaimCountsOfSources(sourceIds: readonly string[]): Promise<Map<string, number>> {
    if (!sourceIds.length) return new Map();
    const rows: { key: string; count: number }[] = await this.dataSource.query(
      `SELECT h.source_id AS key, count(DISTINCT f.claim_id)::int AS count
         FROM (${FALSE_RATED_CLAIMS}) f
         JOIN claim_appearances ap ON ap.claim_id = f.claim_id
         JOIN attribution_hops h ON h.appearance_id = ap.id
        WHERE h.source_id = ANY($1::uuid[])
        GROUP BY h.source_id`,
      [[...sourceIds]],
    );
    return new Map(rows.map((r) => [r.key, r.count]));
  }
}
