import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A partner's URL that receives signed verdict events. */
@ObjectType()
@Entity('webhook_endpoints')
@Index('webhook_endpoints_organisation_idx', ['organisationId'])
export class WebhookEndpoint {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'Whose verdicts the partner hears about.' })
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: unknown;

  @Field()
  @Column('text')
  url: string;

  @Field(() => String, { nullable: true, description: 'Who the partner is.' })
  @Column('text', { nullable: true })
  description: string | null;

  /** The HMAC-SHA256 key; shown once, when the endpoint is registered. */
  @Column('text')
  secret: string;

  @Field()
  @Column('boolean', { default: true })
  active: boolean;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
