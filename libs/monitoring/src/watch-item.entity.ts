import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Watch } from './watch.entity';

export enum WatchItemStatus {
  PENDING = 'PENDING',
  CAPTURED = 'CAPTURED',
  FAILED = 'FAILED',
}
registerEnumType(WatchItemStatus, { name: 'WatchItemStatus' });

/**
 * One item of a watched feed, by canonical URL: the queue of pages to fetch. Claimed with a lease,
 * so a process killed mid-fetch leaves it to another, and captured at most once per change.
 */
@ObjectType()
@Entity('watch_items')
@Index('watch_items_watch_url_key', ['watchId', 'url'], { unique: true })
@Index('watch_items_due_idx', ['nextAttemptAt'], { where: "status = 'PENDING'" })
export class WatchItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'watch_id' })
  watchId: string;

  @ManyToOne(() => Watch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'watch_id' })
  watch?: Watch;

  @Field()
  @Column('text')
  url: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  title: string | null;

  /** The item's own updated/lastmod stamp: a new one sends the item back to be fetched again. */
  @Column('text', { name: 'source_updated', nullable: true })
  sourceUpdated: string | null;

  @Field(() => WatchItemStatus)
  @Column({ type: 'enum', enum: WatchItemStatus, enumName: 'watch_item_status', default: WatchItemStatus.PENDING })
  status: WatchItemStatus;

  @Field(() => Int)
  @Column('int', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { name: 'article_id', nullable: true })
  articleId: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Field()
  @Column('timestamptz', { name: 'first_seen_at', default: () => 'now()' })
  firstSeenAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'captured_at', nullable: true })
  capturedAt: Date | null;
}
