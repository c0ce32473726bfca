import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * The index by which republication candidates are found in SQL: one row per sampled shingle hash
 * of an article (over all its revisions). The primary key leads with the hash, so "articles sharing
 * these shingles" is an index lookup and a GROUP BY, with no arrays sent back to the application.
 */
@Entity('article_shingle_samples')
export class ArticleShingleSample {
  @PrimaryColumn('int')
  hash: number;

  @PrimaryColumn('uuid', { name: 'article_id' })
  articleId: string;

  @ManyToOne('Article', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: unknown;
}
