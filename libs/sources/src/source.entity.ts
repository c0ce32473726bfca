import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum SourceKind {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
  OUTLET = 'OUTLET',
  DOCUMENT = 'DOCUMENT',
  MEDIA = 'MEDIA',
  ANONYMOUS = 'ANONYMOUS',
}
registerEnumType(SourceKind, {
  name: 'SourceKind',
  valuesMap: {
    OUTLET: { description: 'A news outlet acting as a source or relay; linked to its Outlet.' },
    ANONYMOUS: { description: 'An unnamed source; `name` holds the descriptor as written, e.g. "مصدر مطلع".' },
    MEDIA: { description: 'A video, photo or recording, possibly with no named publisher.' },
  },
});

/** Who a claim comes from, or who passed it on. */
@ObjectType()
@Entity('sources')
// Declared here so schema diffs leave them alone; created by hand in the migration (pg_trgm GIN).
@Index('sources_name_key_trgm_idx', { synchronize: false })
@Index('sources_created_idx', { synchronize: false })
@Index('sources_outlet_key', ['outletId'], { unique: true, where: `kind = 'OUTLET' AND merged_into_id IS NULL` })
export class Source {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => SourceKind)
  @Column({ type: 'enum', enum: SourceKind, enumName: 'source_kind' })
  kind: SourceKind;

  @Field({ description: 'Name, or for an anonymous source its descriptor exactly as written.' })
  @Column('text')
  name: string;

  /** normalizeForSearch(name). */
  @Column('text', { name: 'name_key' })
  nameKey: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language of the name or descriptor.' })
  @Column('text', { nullable: true })
  language: string | null;

  @Field(() => ID, { nullable: true, description: 'For kind OUTLET: the outlet this source is.' })
  @Column('uuid', { name: 'outlet_id', nullable: true })
  outletId: string | null;

  @ManyToOne('Outlet', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id' })
  outlet?: unknown;

  @Field(() => ID, { nullable: true, description: 'For an anonymous source: the outlet it spoke to.' })
  @Index('sources_confided_to_idx')
  @Column('uuid', { name: 'confided_to_outlet_id', nullable: true })
  confidedToOutletId: string | null;

  @ManyToOne('Outlet', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'confided_to_outlet_id' })
  confidedToOutlet?: unknown;

  @Field(() => ID, { nullable: true, description: 'Set when this source was merged into another one.' })
  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
