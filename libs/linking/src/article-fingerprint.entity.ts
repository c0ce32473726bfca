import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** That one article revision's text was shingled and indexed for republication (see text-fingerprint.ts). */
@Entity('article_fingerprints')
@Index('article_fingerprints_article_idx', ['articleId'])
export class ArticleFingerprint {
  @PrimaryColumn('uuid', { name: 'revision_id' })
  revisionId: string;

  @ManyToOne('ArticleRevision', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'revision_id' })
  revision?: unknown;

  @Column('uuid', { name: 'article_id' })
  articleId: string;

  @ManyToOne('Article', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: unknown;

  @Column('int', { name: 'shingle_count' })
  shingleCount: number;

  /** Sampled shingles written to article_shingle_samples for this revision. */
  @Column('int', { name: 'sample_count' })
  sampleCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
