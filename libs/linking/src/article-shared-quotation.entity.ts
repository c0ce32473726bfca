import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredPassage } from './article-republication.entity';

/**
 * Two articles that share only quoted words (two reports of one event quoting the same
 * statement): related, but neither republishes the other. `articleId` is the later article.
 */
@Entity('article_shared_quotations')
@Index('article_shared_quotations_other_idx', ['otherArticleId'])
export class ArticleSharedQuotation {
  @PrimaryColumn('uuid', { name: 'article_id' })
  articleId: string;

  @ManyToOne('Article', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: unknown;

  @PrimaryColumn('uuid', { name: 'other_article_id' })
  otherArticleId: string;

  @ManyToOne('Article', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'other_article_id' })
  otherArticle?: unknown;

  @Column('real')
  containment: number;

  @Column('real')
  similarity: number;

  @Column('uuid', { name: 'article_revision_id' })
  articleRevisionId: string;

  @Column('uuid', { name: 'other_revision_id' })
  otherRevisionId: string;

  /** `copy` is this article's side, `original` the other's. */
  @Column('jsonb', { name: 'shared_passages' })
  sharedPassages: StoredPassage[];

  @CreateDateColumn({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;
}
