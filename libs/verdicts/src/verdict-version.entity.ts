import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EvidenceItem } from './evidence-item.type';
import { VerdictStatus } from './verdict-status';
import { Verdict } from './verdict.entity';

/** A verdict as it stood after one change; never updated or deleted. */
@ObjectType()
@Entity('verdict_versions')
@Index('verdict_versions_verdict_version_key', ['verdictId', 'version'], { unique: true })
export class VerdictVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'verdict_id' })
  verdictId: string;

  @ManyToOne(() => Verdict, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'verdict_id' })
  verdict?: Verdict;

  @Field(() => Int)
  @Column('int')
  version: number;

  @Field(() => VerdictStatus)
  @Column({ type: 'enum', enum: VerdictStatus, enumName: 'verdict_status' })
  status: VerdictStatus;

  @Field(() => ID)
  @Column('uuid', { name: 'rating_id' })
  ratingId: string;

  @Field()
  @Column('text')
  headline: string;

  @Field()
  @Column('text')
  summary: string;

  @Field()
  @Column('text')
  rationale: string;

  @Field(() => [EvidenceItem])
  @Column('jsonb')
  evidence: EvidenceItem[];

  @Field(() => [String])
  @Column('text', { array: true })
  authors: string[];

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  reviewer: string | null;

  @Field()
  @Column('text')
  language: string;

  @Field(() => String, { nullable: true, description: 'Correction or retraction note, or the reviewer\'s note when sent back.' })
  @Column('text', { nullable: true })
  note: string | null;

  @Field({ description: 'When this version was made.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
