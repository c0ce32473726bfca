import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Claim } from './claim.entity';

/**
 * One place a claim appears: a span of one article revision, anchored W3C-style by quote
 * (exact/prefix/suffix) and by position (code point offsets into the revision's NFC text).
 */
@ObjectType()
@Entity('claim_appearances')
// Declared here so schema diffs leave them alone; created by hand in the migration (pg_trgm GIN).
@Index('claim_appearances_exact_key_trgm_idx', { synchronize: false })
@Index('claim_appearances_claim_idx', ['claimId', 'createdAt', 'id'])
@Index('claim_appearances_article_idx', ['articleId'])
export class ClaimAppearance {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @ManyToOne(() => Claim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: Claim;

  @Field(() => ID)
  @Column('uuid', { name: 'article_id' })
  articleId: string;

  @ManyToOne('Article', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'article_id' })
  article?: unknown;

  @Field(() => ID, { description: 'The revision whose text the anchors point into.' })
  @Column('uuid', { name: 'article_revision_id' })
  articleRevisionId: string;

  @ManyToOne('ArticleRevision', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'article_revision_id' })
  articleRevision?: unknown;

  @Field({ description: 'The quoted span, exactly as in the article (TextQuoteSelector.exact).' })
  @Column('text')
  exact: string;

  /** normalizeForSearch(exact): claim search looks in quotes too. */
  @Column('text', { name: 'exact_key' })
  exactKey: string;

  @Field({ description: 'Up to 32 code points before the span (TextQuoteSelector.prefix).' })
  @Column('text')
  prefix: string;

  @Field({ description: 'Up to 32 code points after the span (TextQuoteSelector.suffix).' })
  @Column('text')
  suffix: string;

  @Field(() => Int, { description: 'TextPositionSelector.start, in Unicode code points.' })
  @Column('int')
  start: number;

  @Field(() => Int, { description: 'TextPositionSelector.end (exclusive), in Unicode code points.' })
  @Column('int')
  end: number;

  @Field(() => String, { nullable: true, description: "The annotator's note." })
  @Column('text', { nullable: true })
  note: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
