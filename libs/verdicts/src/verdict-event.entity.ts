import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Verdict } from './verdict.entity';

/** What happened to a verdict, as partners hear about it. */
export enum VerdictEventType {
  PUBLISHED = 'verdict.published',
  CORRECTED = 'verdict.corrected',
  RETRACTED = 'verdict.retracted',
}

/**
 * The transactional outbox: one row per public change of a verdict, written in the same
 * transaction as the change, so a crash after commit cannot lose the event. Dispatchers (webhooks,
 * subscriptions) read rows not yet dispatched and mark them. Other libraries' events go here too
 * (claim.repeated); those about no verdict of ours (a repeat of another organisation's review)
 * have no verdict_id and no version.
 */
@Entity('verdict_events')
@Index('verdict_events_pending_idx', ['createdAt', 'id'], { where: 'dispatched_at IS NULL' })
export class VerdictEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  type: VerdictEventType;

  @Column('uuid', { name: 'verdict_id', nullable: true })
  verdictId: string | null;

  @ManyToOne(() => Verdict, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'verdict_id' })
  verdict?: Verdict;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  /** The verdict's version the event is about (null for an event about no verdict). */
  @Column('int', { nullable: true })
  version: number | null;

  /** The event body as sent to partners. */
  @Column('jsonb')
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column('timestamptz', { name: 'dispatched_at', nullable: true })
  dispatchedAt: Date | null;
}
