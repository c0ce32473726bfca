import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The fact-checking organisation that owns rating scales and publishes verdicts. A seam for the
 * organisations-and-access issue: today there is one default organisation (created by the
 * migration) and no membership or roles.
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
/** The default rating scale of the default organisation, created by the Verdicts migration. */
export const DEFAULT_RATING_SCALE_ID = '00000000-0000-4000-8000-000000000002';
