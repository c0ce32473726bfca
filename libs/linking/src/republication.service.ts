import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Article, ArticleRevision, ArticlesService } from '@isnad/articles';
import { ArticleRepublication, StoredPassage } from './article-republication.entity';
import { ArticleSharedQuotation } from './article-shared-quotation.entity';
import { ShingledText, sampledKeys, shingleText } from './text-fingerprint';
import { ReuseKind, SharedPassage, TextReuse, compareTexts } from './text-reuse';

/** Articles a sampled shingle may occur in before it counts as boilerplate (passim's default max-df). */
export const MAX_DOCUMENT_FREQUENCY = 100;
/** Articles of one outlet sharing a sampled shingle that make it the outlet's own furniture (header, footer, credit). */
export const OUTLET_BOILERPLATE_ARTICLES = 3;
/** Sampled shingles a candidate must share (about 2 × SAMPLE_RATE shingles, a short sentence). */
export const MIN_SHARED_SAMPLES = 2;
/** Candidates compared exactly per capture, those sharing most samples first: bounds the work of one capture. */
export const CANDIDATE_LIMIT = 5;

/** A fingerprinted article as the comparison needs it. */
interface IndexedArticle {
  articleId: string;
  outletId: string;
  revisionId: string;
  shingled: ShingledText;
  time: [number, number];
}

/** A comparison of the new article with a candidate, oriented by time. */
interface Comparison {
  original: IndexedArticle;
  copy: IndexedArticle;
  reuse: TextReuse;
}

/**
 * Detects republished copies on capture, inside the capture's transaction: the revision's sampled
 * shingles go into an indexed table, the articles of other outlets sharing enough of them are found
 * by one SQL query, and the few best are compared exactly (containment and aligned passages, see
 * text-reuse.ts). A copy is linked to the earliest article of the story (by publication time, else
 * first capture); two reports sharing only a quotation are recorded as such, not as a copy.
 */
@Injectable()
export class RepublicationService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesService,
  ) {}

  onModuleInit(): void {
    this.articles.onRevisionStored((manager, stored) => this.detect(manager, stored.article, stored.revision));
  }

  /** Indexes a revision and links its article to the story's original, or its copies to it. */
  async detect(manager: EntityManager, article: Article, revision: ArticleRevision): Promise<void> {
    const shingled = shingleText(revision.text);
    if (!shingled.shingles.length) return;
    const samples = sampledKeys(shingled);
    await this.index(manager, article.id, revision.id, shingled.shingles.length, samples);
    if (!samples.length) return;
    // Other outlets' articles sharing enough samples, leaving out shingles common to many articles
    // and this outlet's own furniture (its header, footer and credit lines).
    const candidates: { article_id: string }[] = await manager.query(
      `SELECT s.article_id
         FROM article_shingle_samples s JOIN articles a ON a.id = s.article_id
        WHERE s.hash = ANY($1::int[]) AND s.article_id <> $2 AND a.outlet_id <> $3
          AND s.hash NOT IN (SELECT hash FROM shingle_document_frequencies WHERE hash = ANY($1::int[]) AND documents > $4)
          AND s.hash NOT IN (SELECT o.hash FROM article_shingle_samples o JOIN articles oa ON oa.id = o.article_id
                              WHERE o.hash = ANY($1::int[]) AND oa.outlet_id = $3
                              GROUP BY o.hash HAVING count(*) >= $6)
        GROUP BY s.article_id HAVING count(*) >= $5
        ORDER BY count(*) DESC, s.article_id LIMIT ${CANDIDATE_LIMIT}`,
      [samples, article.id, article.outletId, MAX_DOCUMENT_FREQUENCY, MIN_SHARED_SAMPLES, OUTLET_BOILERPLATE_ARTICLES],
    );
    if (!candidates.length) return;
    const self: IndexedArticle = { articleId: article.id, outletId: article.outletId, revisionId: revision.id, shingled, time: timeOf(article.sortTime, article.firstCapturedAt) };
    const others = await this.indexedArticles(manager, candidates.map((c) => c.article_id));
    const frequent = await this.frequentAmong(
      manager,
      [samples, ...others.map((o) => sampledKeys(o.shingled))].flat(),
      [...new Set([self, ...others].map((a) => a.outletId))],
    );
    const copies: Comparison[] = [];
    for (const other of others) {
      const [original, copy] = earlier(other, self) ? [other, self] : [self, other];
      const reuse = compareTexts(original.shingled, copy.shingled, frequent);
      if (!reuse) continue;
      if (reuse.kind === ReuseKind.SHARED_QUOTATION) await this.recordSharedQuotation(manager, { original, copy, reuse });
      else copies.push({ original, copy, reuse });
    }
    if (!copies.length) return;
    const earliest = copies.map((c) => c.original).reduce((a, b) => (earlier(b, a) ? b : a));
    if (earliest.articleId !== article.id) {
      await this.link(manager, copies.find((c) => c.original.articleId === earliest.articleId) as Comparison);
    } else {
      for (const comparison of copies) await this.link(manager, comparison);
    }
  }

  async republicationsOf(articleIds: readonly string[]): Promise<ArticleRepublication[]> {
    if (!articleIds.length) return [];
    return this.dataSource.getRepository(ArticleRepublication).findBy({ articleId: In([...articleIds]) });
  }

  /** Copies of each article, earliest detected first. */
  async copiesOf(articleIds: readonly string[]): Promise<ArticleRepublication[]> {
    if (!articleIds.length) return [];
    return this.dataSource
      .getRepository(ArticleRepublication)
      .find({ where: { originalArticleId: In([...articleIds]) }, order: { detectedAt: 'ASC', articleId: 'ASC' } });
  }

  /** Shared quotations each article is part of, on either side. */
  async sharedQuotationsOf(articleIds: readonly string[]): Promise<ArticleSharedQuotation[]> {
    if (!articleIds.length) return [];
    const ids = In([...articleIds]);
    return this.dataSource
      .getRepository(ArticleSharedQuotation)
      .find({ where: [{ articleId: ids }, { otherArticleId: ids }], order: { detectedAt: 'ASC', articleId: 'ASC' } });
  }

  /**
   * Indexes every revision captured before republication detection kept passages (or before it
   * existed) and runs detection on it, oldest capture first, as if each were captured again.
   * Idempotent: revisions already indexed are skipped. Returns how many were indexed.
   */
  async refingerprintAll(batchSize = 100): Promise<number> {
    let done = 0;
    for (;;) {
      const rows: { article_id: string; revision_id: string }[] = await this.dataSource.query(
        `SELECT r.article_id, r.id AS revision_id
           FROM article_revisions r JOIN articles a ON a.id = r.article_id
          WHERE NOT EXISTS (SELECT 1 FROM article_fingerprints f WHERE f.revision_id = r.id)
          ORDER BY r.captured_at, r.id LIMIT $1`,
        [batchSize],
      );
      if (!rows.length) return done;
      for (const row of rows) {
        await this.dataSource.transaction(async (manager) => {
          const { article, revision } = await this.articles.getRevision(row.article_id, row.revision_id, manager);
          await this.detect(manager, article, revision);
          // A revision with no words is marked as seen, so the loop moves on.
          await manager.query(
            `INSERT INTO article_fingerprints (revision_id, article_id, shingle_count, sample_count) VALUES ($1, $2, 0, 0)
             ON CONFLICT (revision_id) DO NOTHING`,
            [revision.id, article.id],
          );
        });
        done++;
      }
    }
  }

  /** Writes the revision's samples; an article's new samples raise their document frequency by one. */
  private async index(manager: EntityManager, articleId: string, revisionId: string, shingleCount: number, samples: number[]): Promise<void> {
    await manager.query(
      `INSERT INTO article_fingerprints (revision_id, article_id, shingle_count, sample_count) VALUES ($1, $2, $3, $4)
       ON CONFLICT (revision_id) DO NOTHING`,
      [revisionId, articleId, shingleCount, samples.length],
    );
    if (!samples.length) return;
    // Sorted keys: concurrent captures lock frequency rows in one order and cannot deadlock.
    await manager.query(
      `WITH added AS (
         INSERT INTO article_shingle_samples (hash, article_id)
         SELECT h, $2 FROM unnest($1::int[]) AS h ORDER BY h
         ON CONFLICT DO NOTHING RETURNING hash)
       INSERT INTO shingle_document_frequencies AS f (hash, documents)
       SELECT hash, 1 FROM added ORDER BY hash
       ON CONFLICT (hash) DO UPDATE SET documents = f.documents + 1`,
      [samples, articleId],
    );
  }

  /** The latest indexed revision of each article, shingled. */
  private async indexedArticles(manager: EntityManager, articleIds: string[]): Promise<IndexedArticle[]> {
    const rows: { article_id: string; outlet_id: string; revision_id: string; text: string; sort_time: Date; first_captured_at: Date }[] =
      await manager.query(
      `SELECT DISTINCT ON (f.article_id) f.article_id, a.outlet_id, f.revision_id, r.text, a.sort_time, a.first_captured_at
         FROM article_fingerprints f
         JOIN article_revisions r ON r.id = f.revision_id
         JOIN articles a ON a.id = f.article_id
        WHERE f.article_id = ANY($1::uuid[])
        ORDER BY f.article_id, f.created_at DESC, f.revision_id`,
      [articleIds],
    );
    return rows.map((r) => ({
      articleId: r.article_id,
      outletId: r.outlet_id,
      revisionId: r.revision_id,
      shingled: shingleText(r.text),
      time: timeOf(r.sort_time, r.first_captured_at),
    }));
  }

  /** Of these hashes, those frequent across all articles or repeated in several articles of one of these outlets. */
  private async frequentAmong(manager: EntityManager, hashes: number[], outletIds: string[]): Promise<Set<number>> {
    const rows: { hash: number }[] = await manager.query(
      `SELECT hash FROM shingle_document_frequencies WHERE hash = ANY($1::int[]) AND documents > $2
       UNION
       SELECT s.hash FROM article_shingle_samples s JOIN articles a ON a.id = s.article_id
        WHERE s.hash = ANY($1::int[]) AND a.outlet_id = ANY($3::uuid[])
        GROUP BY s.hash, a.outlet_id HAVING count(*) >= $4`,
      [[...new Set(hashes)], MAX_DOCUMENT_FREQUENCY, outletIds, OUTLET_BOILERPLATE_ARTICLES],
    );
    return new Set(rows.map((r) => r.hash));
  }

  private async recordSharedQuotation(manager: EntityManager, { original, copy, reuse }: Comparison): Promise<void> {
    await manager.query(
      `INSERT INTO article_shared_quotations
              (article_id, other_article_id, containment, similarity, article_revision_id, other_revision_id, shared_passages)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (article_id, other_article_id) DO UPDATE SET containment = EXCLUDED.containment,
              similarity = EXCLUDED.similarity, article_revision_id = EXCLUDED.article_revision_id,
              other_revision_id = EXCLUDED.other_revision_id, shared_passages = EXCLUDED.shared_passages, detected_at = now()`,
      [copy.articleId, original.articleId, reuse.containment, reuse.similarity, copy.revisionId, original.revisionId, JSON.stringify(stored(reuse.passages))],
    );
  }

  /**
   * Links a copy to its original, unless it is already linked to an earlier one; an original that
   * is itself a copy passes the link on to its own original (whose passages were not compared: the
   * link then carries none), and copies of the copy move to the story's original.
   */
  private async link(manager: EntityManager, { original, copy, reuse }: Comparison): Promise<void> {
    const [upstream]: { original_article_id: string }[] = await manager.query(
      `SELECT original_article_id FROM article_republications WHERE article_id = $1`,
      [original.articleId],
    );
    const root = upstream?.original_article_id ?? original.articleId;
    if (root === copy.articleId) return;
    const compared = root === original.articleId;
    await manager.query(
      `INSERT INTO article_republications AS r
              (article_id, original_article_id, kind, containment, similarity, original_revision_id, copy_revision_id, shared_passages)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
       ON CONFLICT (article_id) DO UPDATE SET original_article_id = EXCLUDED.original_article_id, kind = EXCLUDED.kind,
              containment = EXCLUDED.containment, similarity = EXCLUDED.similarity,
              original_revision_id = EXCLUDED.original_revision_id, copy_revision_id = EXCLUDED.copy_revision_id,
              shared_passages = EXCLUDED.shared_passages, detected_at = now()
        WHERE r.original_article_id = EXCLUDED.original_article_id
           OR (SELECT sort_time FROM articles WHERE id = EXCLUDED.original_article_id)
            < (SELECT sort_time FROM articles WHERE id = r.original_article_id)`,
      [
        copy.articleId,
        root,
        reuse.kind,
        reuse.containment,
        reuse.similarity,
        compared ? original.revisionId : null,
        copy.revisionId,
        JSON.stringify(compared ? stored(reuse.passages) : []),
      ],
    );
    // Copies that pointed at the copy now point at the story's original; their passages were against the copy.
    await manager.query(
      `UPDATE article_republications SET original_article_id = $2, original_revision_id = NULL, shared_passages = '[]'::jsonb
        WHERE original_article_id = $1`,
      [copy.articleId, root],
    );
  }
}

function timeOf(sortTime: Date | string, firstCapturedAt: Date | string | null): [number, number] {
  return [new Date(sortTime).getTime(), new Date(firstCapturedAt ?? Date.now()).getTime()];
}

/** Whether `a` came before `b`: publication time, then first capture, then id. */
function earlier(a: IndexedArticle, b: IndexedArticle): boolean {
  if (a.time[0] !== b.time[0]) return a.time[0] < b.time[0];
  if (a.time[1] !== b.time[1]) return a.time[1] < b.time[1];
  return a.articleId < b.articleId;
}

function stored(passages: SharedPassage[]): StoredPassage[] {
  return passages.map(({ original, copy }) => ({ original, copy }));
}
