import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditOperation {
  INSERT = 'INSERT',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(AuditOperation, { name: 'AuditOperation', description: 'How a row changed: added, edited or removed.' });

/**
 * One row added, edited or removed, as a database trigger saw it (libs/database/src/audit-trigger.ts):
 * every write path is covered, whatever code made it. Secret columns are never copied. Rows are
 * written by the trigger only; the application reads them.
 */
@ObjectType({ description: 'One record added, edited or removed by a change, with its values before and after.' })
@Entity('audit_changes')
@Index('audit_changes_entry_idx', ['auditEntryId'])
@Index('audit_changes_row_idx', ['tableName', 'rowId'])
export class AuditChange {
  /** Increases with every change: the order in which one mutation's writes happened. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** Null for writes made outside a mutation (migrations, background work). */
  @Column('uuid', { name: 'audit_entry_id', nullable: true })
  auditEntryId: string | null;

  @Column('uuid', { name: 'actor_member_id', nullable: true })
  actorMemberId: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  at: Date;

  @Field({ description: 'The table the record lives in, e.g. verdicts or attribution_hops.' })
  @Column('text', { name: 'table_name' })
  tableName: string;

  @Field(() => AuditOperation)
  @Column('text')
  operation: AuditOperation;

  @Field({ description: "The record's id (for claim_tags, the claim's; for outlet_domains, the domain)." })
  @Column('text', { name: 'row_id' })
  rowId: string;

  /** The row before the change (null for INSERT), without secret columns. */
  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  /** The row after the change (null for DELETE), without secret columns. */
  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;
}
