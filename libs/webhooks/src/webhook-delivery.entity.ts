import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

/**
 * One event for one endpoint, and how sending it went. The id is the idempotency key the receiver
 * sees (header Isnad-Webhook-Id): a retry after a crash carries the same id.
 */
@ObjectType()
@Entity('webhook_deliveries')
@Index('webhook_deliveries_event_endpoint_key', ['eventId', 'endpointId'], { unique: true })
@Index('webhook_deliveries_due_idx', ['nextAttemptAt'], { where: "status = 'PENDING'" })
@Index('webhook_deliveries_endpoint_idx', ['endpointId', 'createdAt', 'id'])
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @ManyToOne('VerdictEvent', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: unknown;

  @Field(() => ID)
  @Column('uuid', { name: 'endpoint_id' })
  endpointId: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpoint;

  @Field({ description: 'verdict.published, verdict.corrected, verdict.retracted or claim.repeated.' })
  @Column('text', { name: 'event_type' })
  eventType: string;

  @Field(() => WebhookDeliveryStatus)
  @Column({ type: 'enum', enum: WebhookDeliveryStatus, enumName: 'webhook_delivery_status', default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  @Column('int', { default: 0 })
  attempts: number;

  @Field({ description: 'When the next attempt is due (while PENDING).' })
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt.' })
  @Column('int', { name: 'last_status', nullable: true })
  lastStatus: number | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
