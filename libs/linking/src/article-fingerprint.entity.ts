import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** The MinHash fingerprint of one article revision's text (see text-fingerprint.ts). */
@Entity('article_fingerprints')
// Created by hand in the migration: GIN over the band keys, so copies are found by `bands && $1`.
@Index('article_fingerprints_bands_idx', { synchronize: false })
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

  @Column('int', { array: true })
  signature: number[];

  @Column('int', { array: true })
  bands: number[];

  @Column('int', { name: 'shingle_count' })
  shingleCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
