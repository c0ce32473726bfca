import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReuseKind } from './text-reuse';

/** One passage both texts share, as stored: code point offsets of each revision's NFC text. */
export interface StoredPassage {
  original: { start: number; end: number; exact: string };
  copy: { start: number; end: number; exact: string };
}

/** An article found to republish an earlier one (the earliest article of the story known). */
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

  /** COPY or PARTIAL_COPY (shared quotations are kept in article_shared_quotations). */
  @Column({ type: 'enum', enum: ReuseKind, enumName: 'text_reuse_kind', default: ReuseKind.COPY })
  kind: ReuseKind;

  /** Shared shingles over the shingles of the shorter text. */
  @Column('real', { default: 0 })
  containment: number;

  /** Shared shingles over the shingles of both texts (Jaccard). */
  @Column('real')
  similarity: number;

  /** The revisions the passages point into (null for links made before passages were kept). */
  @Column('uuid', { name: 'original_revision_id', nullable: true })
  originalRevisionId: string | null;

  @Column('uuid', { name: 'copy_revision_id', nullable: true })
  copyRevisionId: string | null;

  @Column('jsonb', { name: 'shared_passages', default: () => "'[]'" })
  sharedPassages: StoredPassage[];

  @CreateDateColumn({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;
}
