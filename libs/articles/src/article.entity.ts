import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A news article at one canonical URL. Its text lives in revisions: every capture that finds new
 * text adds one, so annotations made on an earlier text keep their anchors.
 */
@ObjectType()
@Entity('articles')
@Index('articles_outlet_published_idx', ['outletId', 'sortTime', 'id'])
@Index('articles_sort_idx', ['sortTime', 'id'])
export class Article {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Normalised canonical URL (lower-case host, no fragment, no tracking parameters).' })
  @Index('articles_canonical_url_key', { unique: true })
  @Column('text', { name: 'canonical_url' })
  canonicalUrl: string;

  @Field(() => ID)
  @Column('uuid', { name: 'outlet_id' })
  outletId: string;

  // Named by string: outlets are another library's entity, reached only through its service.
  @ManyToOne('Outlet', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id' })
  outlet?: unknown;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  byline: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag of the text.' })
  @Index('articles_language_idx')
  @Column('text', { nullable: true })
  language: string | null;

  @Field(() => Date, { nullable: true, description: 'When the outlet published it, as the page says.' })
  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  /** publishedAt, or the first capture when the page gives no date: what lists sort and filter on. */
  @Column({ type: 'timestamptz', name: 'sort_time', precision: 3 })
  sortTime: Date;

  @Field({ description: 'When Isnad first captured this URL.' })
  @CreateDateColumn({ name: 'first_captured_at', type: 'timestamptz' })
  firstCapturedAt: Date;

  @Field({ description: 'When Isnad last captured this URL (with or without a change).' })
  @Column('timestamptz', { name: 'last_captured_at', default: () => 'now()' })
  lastCapturedAt: Date;

  @Field({ description: 'Number of the newest revision.' })
  @Column('int', { name: 'revision_count', default: 1 })
  revisionCount: number;
}
