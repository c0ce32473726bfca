import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** One response header as the server sent it. */
@ObjectType()
export class HttpHeader {
  @Field()
  name: string;

  @Field()
  value: string;
}

/**
 * One fetch of a page by Isnad, kept as evidence with the revision it produced: where it was asked
 * for and where it ended, the status, the response headers and the bytes exactly as received.
 */
@ObjectType()
@Entity('page_fetches')
@Index('page_fetches_url_idx', ['url', 'fetchedAt'])
@Index('page_fetches_revision_idx', ['revisionId'])
export class PageFetch {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The URL asked for.' })
  @Column('text')
  url: string;

  @Field({ description: 'The URL the page was finally read from, after redirects.' })
  @Column('text', { name: 'final_url' })
  finalUrl: string;

  @Field(() => [String], { description: 'Each URL that redirected, in order.' })
  @Column('text', { array: true, default: () => "'{}'" })
  redirects: string[];

  @Field(() => Int)
  @Column('int')
  status: number;

  @Column('jsonb', { default: () => "'{}'" })
  headers: Record<string, string>;

  /** The body as received; kept when the fetch made a new revision (not for an unchanged page or a 304). */
  @Column('bytea', { nullable: true })
  body: Buffer | null;

  @Field(() => Int, { description: 'Size of the body as received, in bytes.' })
  @Column('int', { name: 'byte_length', default: 0 })
  byteLength: number;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the body as received.' })
  @Column('text', { name: 'body_sha256', nullable: true })
  bodySha256: string | null;

  @Field(() => String, { nullable: true, description: 'The text encoding the page was read in (utf-8, windows-1256 ...).' })
  @Column('text', { nullable: true })
  encoding: string | null;

  @Field(() => String, { nullable: true, description: 'Where the encoding was found: BOM, HEADER, META, XML_DECLARATION, UTF8_CONTENT or DEFAULT.' })
  @Column('text', { name: 'encoding_source', nullable: true })
  encodingSource: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'article_id', nullable: true })
  articleId: string | null;

  @ManyToOne('Article', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: unknown;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'revision_id', nullable: true })
  revisionId: string | null;

  @ManyToOne('ArticleRevision', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'revision_id' })
  revision?: unknown;

  @Field()
  @CreateDateColumn({ name: 'fetched_at', type: 'timestamptz', precision: 3 })
  fetchedAt: Date;
}
