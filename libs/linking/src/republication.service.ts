import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Article, ArticleRevision, ArticlesService } from '@isnad/articles';
import { ArticleRepublication } from './article-republication.entity';
import { estimatedJaccard, fingerprint } from './text-fingerprint';

/** Estimated shingle Jaccard from which an article counts as a copy of another. */
export const REPUBLICATION_THRESHOLD = 0.5;
// Candidates sharing a band with the new text; copies of one story rarely number more.
const CANDIDATE_LIMIT = 200;

/**
 * Detects republished copies on capture: every new revision is fingerprinted (MinHash over word
 * shingles of its search key) inside the capture's transaction; articles sharing an LSH band are
 * compared by signature, and each copy is linked to the earliest article of the story (by
 * publication time, else first capture).
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

  /** Fingerprints a revision and links its article and any copies to the earliest article of the story. */
  async detect(manager: EntityManager, article: Article, revision: ArticleRevision): Promise<void> {
    const print = fingerprint(revision.text);
    if (!print) return;
    await manager.query(
      `INSERT INTO article_fingerprints (revision_id, article_id, signature, bands, shingle_count)
       VALUES ($1, $2, $3::int[], $4::int[], $5) ON CONFLICT (revision_id) DO NOTHING`,
      [revision.id, article.id, print.signature, print.bands, print.shingleCount],
    );
    const candidates: { article_id: string; signature: number[]; sort_time: Date; first_captured_at: Date }[] = await manager.query(
      `SELECT f.article_id, f.signature, a.sort_time, a.first_captured_at
         FROM article_fingerprints f JOIN articles a ON a.id = f.article_id
        WHERE f.bands && $1::int[] AND f.article_id <> $2
        LIMIT ${CANDIDATE_LIMIT}`,
      [print.bands, article.id],
    );
    const similarity = new Map<string, number>();
    const times = new Map<string, [number, number]>([
      [article.id, [new Date(article.sortTime).getTime(), new Date(article.firstCapturedAt ?? Date.now()).getTime()]],
    ]);
    for (const candidate of candidates) {
      const score = estimatedJaccard(print.signature, candidate.signature);
      if (score >= REPUBLICATION_THRESHOLD && score > (similarity.get(candidate.article_id) ?? 0)) {
        similarity.set(candidate.article_id, score);
        times.set(candidate.article_id, [new Date(candidate.sort_time).getTime(), new Date(candidate.first_captured_at).getTime()]);
      }
    }
    if (!similarity.size) return;
    const earliest = [...times.keys()].sort((a, b) => {
      const [ta, ca] = times.get(a) as [number, number];
      const [tb, cb] = times.get(b) as [number, number];
      return ta - tb || ca - cb || (a < b ? -1 : 1);
    })[0];
    if (earliest !== article.id) {
      await this.link(manager, article.id, earliest, similarity.get(earliest) as number);
    } else {
      for (const [copyId, score] of similarity) await this.link(manager, copyId, article.id, score);
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

  /**
   * Links a copy to an original, unless it is already linked to an earlier one; an original that
   * is itself a copy passes its copies on to its own original.
   */
  private async link(manager: EntityManager, copyId: string, originalId: string, similarity: number): Promise<void> {
    const [upstream]: { original_article_id: string }[] = await manager.query(
      `SELECT original_article_id FROM article_republications WHERE article_id = $1`,
      [originalId],
    );
    const root = upstream?.original_article_id ?? originalId;
    if (root === copyId) return;
    await manager.query(
      `INSERT INTO article_republications AS r (article_id, original_article_id, similarity) VALUES ($1, $2, $3)
       ON CONFLICT (article_id) DO UPDATE SET original_article_id = EXCLUDED.original_article_id,
              similarity = EXCLUDED.similarity, detected_at = now()
        WHERE (SELECT sort_time FROM articles WHERE id = EXCLUDED.original_article_id)
            < (SELECT sort_time FROM articles WHERE id = r.original_article_id)`,
      [copyId, root, similarity],
    );
    // Copies that pointed at the copy now point at the story's original.
    await manager.query(`UPDATE article_republications SET original_article_id = $2 WHERE original_article_id = $1`, [copyId, root]);
  }
}
