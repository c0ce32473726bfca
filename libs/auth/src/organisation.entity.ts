import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A fact-checking team: its members, API tokens, rating scales, verdicts and webhooks belong to it.
 * Articles, outlets, sources and canonical claims are shared by every organisation.
 */
@ObjectType()
@Entity('organisations')
export class Organisation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true, description: 'Home page; the ClaimReview author url.' })
  @Column('text', { nullable: true })
  url: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** Created by the Verdicts migration; used whenever no organisationId is given. */
export const DEFAULT_ORGANISATION_ID = '00000000-0000-4000-8000-000000000001';
