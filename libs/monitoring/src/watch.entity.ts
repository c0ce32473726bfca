import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum WatchKind {
  FEED = 'FEED',
  CLAIM_REVIEW = 'CLAIM_REVIEW',
}
registerEnumType(WatchKind, {
  name: 'WatchKind',
  valuesMap: {
    FEED: { description: 'An outlet\'s RSS, Atom, JSON Feed or news sitemap: each new article is captured.' },
    CLAIM_REVIEW: {
      description: 'Another fact-checker\'s ClaimReview DataFeed, or a feed of their fact-check pages: each review is imported as an external review.',
    },
  },
});

export enum WatchStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}
registerEnumType(WatchStatus, { name: 'WatchStatus' });

/** A feed an organisation follows: polled on a schedule, each new item fetched and captured. */
@ObjectType()
@Entity('watches')
@Index('watches_organisation_kind_url_key', ['organisationId', 'kind', 'url'], { unique: true })
@Index('watches_due_idx', ['nextPollAt'], { where: "status = 'ACTIVE'" })
export class Watch {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: unknown;

  @Field(() => WatchKind)
  @Column({ type: 'enum', enum: WatchKind, enumName: 'watch_kind', default: WatchKind.FEED })
  kind: WatchKind;

  @Field()
  @Column('text')
  url: string;

  @Field(() => ID, { nullable: true, description: 'Captured articles are filed under this outlet (default: the one owning each URL\'s host).' })
  @Column('uuid', { name: 'outlet_id', nullable: true })
  outletId: string | null;

  @ManyToOne('Outlet', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'outlet_id' })
  outlet?: unknown;

  @Field(() => Int)
  @Column('int', { name: 'every_minutes' })
  everyMinutes: number;

  @Field(() => WatchStatus)
  @Column({ type: 'enum', enum: WatchStatus, enumName: 'watch_status', default: WatchStatus.ACTIVE })
  status: WatchStatus;

  @Field({ description: 'When the feed is polled next (while ACTIVE).' })
  @Column('timestamptz', { name: 'next_poll_at', default: () => 'now()' })
  nextPollAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'last_polled_at', nullable: true })
  lastPolledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last poll failed; null after a poll that worked.' })
  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Field(() => Int, { description: 'Distinct items seen in the feed so far.' })
  @Column('int', { name: 'items_seen', default: 0 })
  itemsSeen: number;

  @Field(() => Int, { description: 'Items fetched and captured so far.' })
  @Column('int', { name: 'articles_captured', default: 0 })
  articlesCaptured: number;

  @Field(() => Int, { description: 'New external reviews imported so far (CLAIM_REVIEW watches).' })
  @Column('int', { name: 'reviews_imported', default: 0 })
  reviewsImported: number;

  @Column('text', { nullable: true })
  etag: string | null;

  @Column('text', { name: 'last_modified', nullable: true })
  lastModified: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
