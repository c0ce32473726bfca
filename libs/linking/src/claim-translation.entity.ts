import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A fact-checker's translation of a claim's statement into another language. Matching goes through
 * it, so an Arabic claim with a recorded English wording is found from English text.
 */
@ObjectType()
@Entity('claim_translations')
@Index('claim_translations_claim_idx', ['claimId', 'createdAt'])
export class ClaimTranslation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The claim translated (the surviving one after a merge).' })
  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @ManyToOne('Claim', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: unknown;

  @Field({ description: 'BCP 47 language of the translation.' })
  @Column('text')
  language: string;

  @Field()
  @Column('text')
  text: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
