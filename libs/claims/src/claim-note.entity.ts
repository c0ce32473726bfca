import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Member, Organisation } from '@isnad/auth';
import { Claim } from './claim.entity';

/**
 * A team's internal note on a claim ("called the ministry, awaiting an answer"). Claims are shared;
 * their notes are their organisation's only. Notes follow the claim through merges.
 */
@ObjectType()
@Entity('claim_notes')
@Index('claim_notes_claim_idx', ['claimId', 'organisationId'])
export class ClaimNote {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @ManyToOne(() => Claim, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claim_id' })
  claim?: Claim;

  @Field(() => ID)
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Field(() => ID)
  @Column('uuid', { name: 'author_member_id' })
  authorMemberId: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_member_id' })
  author?: Member;

  @Field({ description: "The author's name when they wrote it." })
  @Column('text', { name: 'author_name' })
  authorName: string;

  @Field({ description: 'NFC text as written (Arabic, English or both).' })
  @Column('text')
  text: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
