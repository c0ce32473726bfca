import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Tag } from './tag.entity';

/** A canonical checkable statement; the same claim may appear in many articles and outlets. */
@ObjectType()
@Entity('claims')
// Declared here so schema diffs leave them alone; created by hand in the migration (pg_trgm GIN).
@Index('claims_statement_key_trgm_idx', { synchronize: false })
@Index('claims_created_idx', { synchronize: false })
export class Claim {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The statement in the fact-checker\'s own neutral wording.' })
  @Column('text')
  statement: string;

  /** normalizeForSearch(statement): the Arabic-aware search key, indexed with pg_trgm. */
  @Column('text', { name: 'statement_key' })
  statementKey: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 language of the statement.' })
  @Column('text', { nullable: true })
  language: string | null;

  @Field(() => ID, { nullable: true, description: 'Set when this claim was merged into another one.' })
  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId: string | null;

  @ManyToMany(() => Tag)
  @JoinTable({ name: 'claim_tags', joinColumn: { name: 'claim_id' }, inverseJoinColumn: { name: 'tag_id' } })
  tags?: Tag[];

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
