import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum ClaimRepeatStatus {
  NEW = 'NEW',
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ClaimRepeatStatus, {
  name: 'ClaimRepeatStatus',
  valuesMap: {
    NEW: { description: 'Found by matching; nobody has looked yet.' },
    CONFIRMED: { description: 'A fact-checker agreed: the span was filed as an appearance of the claim.' },
    DISMISSED: { description: 'Not a repeat: never raised again for this span.' },
  },
});

/** A hop of the attribution chain the article's text suggests, as stored with a repeat. */
export interface StoredHop {
  kind: string;
  relation: string;
  name: string | null;
  descriptor: string | null;
  canonicalName: string | null;
  outletId: string | null;
  sourceId: string | null;
}

/**
 * A sentence of a captured article that states a claim the organisation has already rated, or that
 * another fact-checker reviewed (an external review it imported): the claim, the verdict (or the
 * external review) in force when it was found, the span (selectors), the matcher's score and the
 * chain of sources the sentence gives. Unique per claim, article and wording of the span, so a
 * dismissed repeat is never raised again.
 */
@ObjectType()
@Entity('claim_repeats')
@Index('claim_repeats_span_key', ['organisationId', 'claimId', 'articleId', 'spanKey'], { unique: true })
@Index('claim_repeats_organisation_idx', ['organisationId', 'createdAt', 'id'])
@Index('claim_repeats_claim_idx', ['claimId', 'createdAt'])
export class ClaimRepeat {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: unknown;

  @Field(() => ID)
  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @ManyToOne('Claim', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: unknown;

  @Field(() => ID, { nullable: true, description: 'The organisation\'s published verdict; null when only another organisation checked the claim.' })
  @Column('uuid', { name: 'verdict_id', nullable: true })
  verdictId: string | null;

  @ManyToOne('Verdict', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'verdict_id' })
  verdict?: unknown;

  @Field(() => ID, { nullable: true, description: 'When the organisation has no verdict on the claim: the external review it was found against.' })
  @Column('uuid', { name: 'external_review_id', nullable: true })
  externalReviewId: string | null;

  @ManyToOne('ExternalReview', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'external_review_id' })
  externalReview?: unknown;

  @Field(() => ID)
  @Column('uuid', { name: 'article_id' })
  articleId: string;

  @ManyToOne('Article', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: unknown;

  @Field(() => ID, { description: 'The revision the span was found in.' })
  @Column('uuid', { name: 'revision_id' })
  revisionId: string;

  @ManyToOne('ArticleRevision', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'revision_id' })
  revision?: unknown;

  @Field(() => Int, { description: 'TextPositionSelector.start, in code points of the revision text.' })
  @Column('int')
  start: number;

  @Field(() => Int, { description: 'TextPositionSelector.end (exclusive).' })
  @Column('int')
  end: number;

  @Field({ description: 'TextQuoteSelector.exact: the sentence as written.' })
  @Column('text')
  exact: string;

  @Field()
  @Column('text', { default: '' })
  prefix: string;

  @Field()
  @Column('text', { default: '' })
  suffix: string;

  /** Normalised wording of the span: what "the same span" means across revisions. */
  @Column('text', { name: 'span_key' })
  spanKey: string;

  @Field(() => Float, { description: 'The matcher\'s score for this sentence and claim.' })
  @Column('float8')
  score: number;

  @Column('jsonb', { name: 'suggested_chain', default: () => "'[]'" })
  suggestedChain: StoredHop[];

  @Field(() => ID, { nullable: true, description: 'When the article is a republished copy: the original it copies.' })
  @Column('uuid', { name: 'original_article_id', nullable: true })
  originalArticleId: string | null;

  @Field({ description: 'True when the article came out (or, undated, was first captured) after the verdict was published.' })
  @Column('boolean', { name: 'after_verdict', default: true })
  afterVerdict: boolean;

  @Field(() => ClaimRepeatStatus)
  @Column({ type: 'enum', enum: ClaimRepeatStatus, enumName: 'claim_repeat_status', default: ClaimRepeatStatus.NEW })
  status: ClaimRepeatStatus;

  @Field(() => ID, { nullable: true, description: 'The appearance filed when the repeat was confirmed.' })
  @Column('uuid', { name: 'appearance_id', nullable: true })
  appearanceId: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
