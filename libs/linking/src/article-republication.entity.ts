import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** An article found to republish an earlier one (the earliest copy of the story known). */
@Entity('article_republications')
@Index('article_republications_original_idx', ['originalArticleId'])
export class ArticleRepublication {
  @PrimaryColumn('uuid', { name: 'article_id' })
  articleId: string;

  @ManyToOne('Article', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: unknown;

  @Column('uuid', { name: 'original_article_id' })
  originalArticleId: string;

  @ManyToOne('Article', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'original_article_id' })
  originalArticle?: unknown;

  /** Estimated Jaccard similarity of the two texts' word shingles. */
  @Column('real')
  similarity: number;

  @CreateDateColumn({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;
}
