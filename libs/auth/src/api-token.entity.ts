import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Member } from './member.entity';

/**
 * A personal API token. Only its SHA-256 is stored: the secret is shown once, when it is created.
 * It acts with its member's current role, so a demotion or removal takes effect at once.
 */
@ObjectType()
@Entity('api_tokens')
@Index('api_tokens_member_idx', ['memberId'])
export class ApiToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'member_id' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Field({ description: 'What the token is for, e.g. "newsroom CMS plug-in".' })
  @Column('text')
  name: string;

  @Field({ description: 'The first characters of the token, to recognise it in a list.' })
  @Column('text')
  prefix: string;

  @Column('text', { name: 'token_hash', unique: true })
  tokenHash: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'After this instant the token is refused; null = never expires.' })
  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true, precision: 3 })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last request made with it (updated at most once a minute).' })
  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true, precision: 3 })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true, precision: 3 })
  revokedAt: Date | null;
}
