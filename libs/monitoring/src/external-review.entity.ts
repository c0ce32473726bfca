import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Another fact-checking organisation's published review of a claim (schema.org ClaimReview), as an
 * organisation imported it: the reviewer, the review's URL, the rating exactly as the reviewer gave
 * it (never mapped to our scale), the claim as they worded it and where it appeared. Linked to a
 * canonical claim (the matcher's best match, or a new claim); unique per organisation by review URL,
 * so importing a changed page updates it.
 */
@ObjectType()
@Entity('external_reviews')
@Index('external_reviews_organisation_url_key', ['organisationId', 'reviewUrl'], { unique: true })
@Index('external_reviews_claim_idx', ['claimId'])
export class ExternalReview {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The organisation that imported it.' })
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: unknown;

  @Field(() => ID, { description: 'The canonical claim it reviews.' })
  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @ManyToOne('Claim', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: unknown;

  @Field({ description: 'The review\'s own URL.' })
  @Column('text', { name: 'review_url' })
  reviewUrl: string;

  @Field({ description: 'Where Isnad read it: the review page, a DataFeed or a watched feed\'s item.' })
  @Column('text', { name: 'found_at_url' })
  foundAtUrl: string;

  @Field(() => String, { nullable: true, description: 'The reviewing organisation (ClaimReview.author).' })
  @Column('text', { name: 'reviewer_name', nullable: true })
  reviewerName: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'reviewer_url', nullable: true })
  reviewerUrl: string | null;

  @Field(() => String, { nullable: true, description: 'reviewRating.ratingValue as given.' })
  @Column('text', { name: 'rating_value', nullable: true })
  ratingValue: string | null;

  @Field(() => String, { nullable: true, description: 'reviewRating.alternateName: the reviewer\'s own rating text.' })
  @Column('text', { name: 'rating_text', nullable: true })
  ratingText: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'best_rating', nullable: true })
  bestRating: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'worst_rating', nullable: true })
  worstRating: string | null;

  @Field({ description: 'The claim in the reviewer\'s words (claimReviewed).' })
  @Column('text', { name: 'claim_reviewed' })
  claimReviewed: string;

  @Field(() => String, { nullable: true, description: 'Who made the claim (itemReviewed.author).' })
  @Column('text', { name: 'claim_author', nullable: true })
  claimAuthor: string | null;

  @Field(() => String, { nullable: true, description: 'When the review was published, as given (datePublished).' })
  @Column('text', { name: 'date_published', nullable: true })
  datePublished: string | null;

  @Field(() => [String], { description: 'Where the claim appeared (itemReviewed.appearance, firstAppearance).' })
  @Column('text', { array: true, default: () => "'{}'" })
  appearances: string[];

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'first_appearance', nullable: true })
  firstAppearance: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  language: string | null;

  /** The ClaimReview object as published: the evidence. */
  @Column('jsonb', { name: 'claim_review' })
  claimReview: Record<string, unknown>;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field({ description: 'When it was last imported with a change.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
