import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * An organisation's secret for its repeats Atom feed, for feed readers that cannot send an
 * Authorization header: only its SHA-256 is kept; making a new one revokes the old.
 */
@Entity('repeat_feed_keys')
export class RepeatFeedKey {
  @PrimaryColumn('uuid', { name: 'organisation_id' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: unknown;

  @Column('text', { name: 'key_sha256' })
  keySha256: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
