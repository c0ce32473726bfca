import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CollectionStats } from './match-features';

/** claim_match_terms rows that count the texts and their total length rather than one lexeme. */
export const TEXT_COUNT_TERM = '';
export const TEXT_LENGTH_TERM = '#length';

// Folding is cheap and idempotent; a few seconds of lag in the statistics change no ranking.
const FOLD_EVERY_MS = 15_000;
// An arbitrary key for pg_try_advisory_xact_lock, so that one process folds at a time.
const FOLD_LOCK = 712_012;

/**
 * The collection statistics BM25 needs (document frequency of each lexeme, number of texts, their
 * total length), kept off the write path: the trigger on claim_match_texts only appends +1/-1 rows
 * to claim_match_term_changes, which no two writers ever share, and this service folds them into
 * claim_match_terms in the background. Readers add the changes not folded yet, so counts are exact.
 */
@Injectable()
export class MatchStatisticsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MatchStatisticsService.name);
  private timer: NodeJS.Timeout | null = null;
  private folding: Promise<number> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.fold().catch((error: Error) => this.logger.warn(`Folding term counts failed: ${error.message}`));
    }, FOLD_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.folding?.catch(() => undefined);
  }

  /** Folds the pending changes into claim_match_terms; returns how many were folded (0 if another process holds the lock). */
  fold(): Promise<number> {
    this.folding ??= this.dataSource
      .transaction(async (manager) => {
        const [{ locked }]: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [FOLD_LOCK]);
        if (!locked) return 0;
        const [{ folded }]: { folded: number }[] = await manager.query(
          `WITH moved AS (DELETE FROM claim_match_term_changes RETURNING lexeme, delta),
                summed AS (SELECT lexeme, sum(delta)::int AS df, count(*)::int AS n FROM moved GROUP BY lexeme),
                written AS (INSERT INTO claim_match_terms (lexeme, df) SELECT lexeme, df FROM summed
                              ON CONFLICT (lexeme) DO UPDATE SET df = claim_match_terms.df + excluded.df)
           SELECT coalesce(sum(n), 0)::int AS folded FROM summed`,
        );
        return folded;
      })
      .finally(() => (this.folding = null));
    return this.folding;
  }

  /** Document frequencies of `lexemes`, the number of texts and their mean length, counting changes not folded yet. */
  async stats(manager: EntityManager, lexemes: readonly string[]): Promise<CollectionStats> {
    return collectionStats(await this.documentFrequencies(manager, [TEXT_COUNT_TERM, TEXT_LENGTH_TERM, ...lexemes]));
  }

  /**
   * `stats` with the document frequencies of `lexemes` too: those it lacks are read (counting
   * changes not folded yet), but numbers, which no feature weighs by their rarity.
   */
  async withFrequencies(manager: EntityManager, stats: CollectionStats, lexemes: readonly string[]): Promise<CollectionStats> {
    const missing = lexemes.filter((lexeme) => !stats.df.has(lexeme) && !/^\d/u.test(lexeme));
    if (!missing.length) return stats;
    const df = new Map(stats.df);
    for (const [lexeme, count] of await this.documentFrequencies(manager, missing)) df.set(lexeme, count);
    return { ...stats, df };
  }

  /**
   * The document frequency of each of `lexemes` (0 for one no text holds): its folded count plus
   * its pending changes. Each lexeme is looked up in claim_match_terms by its own index probe (a
   * scalar subquery), whatever their number: as a join, past some 600 lexemes (an Arabic pool's
   * words) PostgreSQL hashes the whole table instead, 12 to 46 ms at a million claims against 2 to
   * 3 ms. The pending changes are read in one pass over their (small) table.
   */
  private async documentFrequencies(manager: EntityManager, lexemes: readonly string[]): Promise<Map<string, number>> {
    const rows: { lexeme: string; df: number }[] = await manager.query(
      `SELECT l.lexeme, (coalesce(${foldedFrequencySql('l.lexeme')}, 0) + coalesce(p.delta, 0))::int AS df
         FROM unnest($1::text[]) AS l(lexeme)
         LEFT JOIN (SELECT c.lexeme, sum(c.delta) AS delta FROM claim_match_term_changes c WHERE c.lexeme = ANY($1::text[]) GROUP BY c.lexeme) AS p
           ON p.lexeme = l.lexeme`,
      // Sorted, the probes walk the index in its order.
      [[...new Set(lexemes)].sort()],
    );
    return new Map(rows.map((r) => [r.lexeme, Number(r.df)]));
  }
}

/**
 * The SQL of a lexeme's folded count in claim_match_terms (NULL for none), by an index probe: as a
 * join, past some 600 lexemes PostgreSQL would hash the whole table instead.
 */
export function foldedFrequencySql(lexeme: string): string {
  return `(SELECT t.df FROM claim_match_terms t WHERE t.lexeme = ${lexeme})`;
}

/**
 * The SQL of a lexeme's document frequency as stats() reads it: `folded` (its claim_match_terms
 * count, NULL for none; by default foldedFrequencySql) plus the changes not folded yet. For
 * statements that read the frequencies with other rows, in the same round trip
 * (ClaimMatcherService: the query's lexemes, the names' spellings).
 */
export function documentFrequencySql(lexeme: string, folded = foldedFrequencySql(lexeme)): string {
  return `(coalesce(${folded}, 0) + coalesce((SELECT sum(c.delta) FROM claim_match_term_changes c WHERE c.lexeme = ${lexeme}), 0))::int`;
}

/** The statistics of read frequencies (those of TEXT_COUNT_TERM and TEXT_LENGTH_TERM among them), as stats() returns them. */
export function collectionStats(frequencies: Iterable<readonly [string, number]>): CollectionStats {
  const df = new Map(frequencies);
  const total = df.get(TEXT_COUNT_TERM) ?? 0;
  return { df, total, averageLength: total ? (df.get(TEXT_LENGTH_TERM) ?? 0) / total : 0 };
}
