import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** What a fact-checker decided about a suggested pair of claims. */
export enum ClaimLinkDecision {
  /** The same claim: merged into one canonical claim. */
  SAME = 'SAME',
  /** Not the same claim: never suggested again. */
  REJECTED = 'REJECTED',
  /** A different claim that supports this one. */
  SUPPORTS = 'SUPPORTS',
  /** A different claim that contradicts this one. */
  CONTRADICTS = 'CONTRADICTS',
}
registerEnumType(ClaimLinkDecision, { name: 'ClaimLinkDecision' });

/**
 * A reviewed pair of claims. Stored once per unordered pair (claim_id < other_claim_id), so a
 * rejection made from either side hides the suggestion from both.
 */
@ObjectType()
@Entity('claim_link_reviews')
@Unique('claim_link_reviews_pair_key', ['claimId', 'otherClaimId'])
@Index('claim_link_reviews_other_idx', ['otherClaimId'])
export class ClaimLinkReview {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @ManyToOne('Claim', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: unknown;

  @Field(() => ID)
  @Column('uuid', { name: 'other_claim_id' })
  otherClaimId: string;

  @ManyToOne('Claim', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'other_claim_id' })
  otherClaim?: unknown;

  @Field(() => ClaimLinkDecision)
  @Column({ type: 'enum', enum: ClaimLinkDecision, enumName: 'claim_link_decision' })
  decision: ClaimLinkDecision;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
