import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A captured revision waiting to be scanned for repeats of rated claims: written in the capture's
 * own transaction (so no capture is missed, whatever it came through), or in the transaction that
 * publishes a verdict (a rescan of recent captures for that claim only), taken by a worker with a
 * lease, deleted once scanned.
 */
@Entity('repeat_scans')
@Index('repeat_scans_due_idx', ['nextAttemptAt'])
export class RepeatScan {
  @PrimaryColumn('uuid', { name: 'revision_id' })
  revisionId: string;

  @ManyToOne('ArticleRevision', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'revision_id' })
  revision?: unknown;

  @Column('uuid', { name: 'article_id' })
  articleId: string;

  /** Null: every rated claim (a new capture); else only these claims (a rescan after their verdict). */
  @Column('uuid', { name: 'claim_ids', array: true, nullable: true })
  claimIds: string[] | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
