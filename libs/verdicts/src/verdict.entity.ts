import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EvidenceItem } from './evidence-item.type';
import { Organisation } from '@isnad/auth';
import { Rating } from './rating.entity';
import { VerdictStatus } from './verdict-status';

/**
 * An organisation's verdict on a canonical claim, in its current version. Every version is kept in
 * verdict_versions; `version` is also the optimistic lock every change must name.
 */
@ObjectType()
@Entity('verdicts')
@Index('verdicts_claim_idx', ['claimId'])
@Index('verdicts_feed_idx', ['publishedAt', 'id'])
export class Verdict {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Field(() => ID, { description: 'The canonical claim when the verdict was written (claims may merge later).' })
  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @ManyToOne('Claim', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claim_id' })
  claim?: unknown;

  @Field(() => VerdictStatus)
  @Column({ type: 'enum', enum: VerdictStatus, enumName: 'verdict_status', default: VerdictStatus.DRAFT })
  status: VerdictStatus;

  @Field(() => Int, { description: 'Current version number; pass it back as expectedVersion to change the verdict.' })
  @Column('int')
  version: number;

  @Field(() => ID)
  @Column('uuid', { name: 'rating_id' })
  ratingId: string;

  @ManyToOne(() => Rating, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rating_id' })
  rating?: Rating;

  @Field()
  @Column('text')
  headline: string;

  @Field()
  @Column('text')
  summary: string;

  @Field()
  @Column('text')
  rationale: string;

  @Field(() => [EvidenceItem])
  @Column('jsonb', { default: () => "'[]'" })
  evidence: EvidenceItem[];

  @Field(() => [String], { description: 'Who wrote it, as credited (names); the audit trail keeps which member made each change.' })
  @Column('text', { array: true, default: () => "'{}'" })
  authors: string[];

  @Field(() => String, { nullable: true, description: 'Who approved publication, as credited (the publishing member by default).' })
  @Column('text', { nullable: true })
  reviewer: string | null;

  @Field({ description: 'BCP 47 language of the verdict text.' })
  @Column('text')
  language: string;

  @Field(() => String, { nullable: true, description: 'The public note of the latest correction or the retraction.' })
  @Column('text', { name: 'public_note', nullable: true })
  publicNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When the verdict was first published.' })
  @Column({ type: 'timestamptz', name: 'first_published_at', nullable: true, precision: 3 })
  firstPublishedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the current public version (publication, correction, retraction) went out.' })
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true, precision: 3 })
  publishedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
