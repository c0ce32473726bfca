import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ApiToken } from './api-token.entity';

/**
 * A mutation sent with an `Idempotency-Key` header, kept 24 hours per API token: a retry with the
 * same key and the same request gets the first answer again instead of doing the work twice.
 * `response` is null while the first request is still running.
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_created_idx', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn('uuid', { name: 'token_id' })
  tokenId: string;

  @ManyToOne(() => ApiToken, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'token_id' })
  token?: ApiToken;

  @PrimaryColumn('text')
  key: string;

  /** SHA-256 of the operation, its name and its variables: the same key on another request is refused. */
  @Column('text', { name: 'request_hash' })
  requestHash: string;

  @Column('jsonb', { nullable: true })
  response: Record<string, unknown> | null;

  @Column('int', { name: 'http_status', nullable: true })
  httpStatus: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
