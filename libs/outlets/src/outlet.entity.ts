import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OutletDomain } from './outlet-domain.entity';

export enum OutletKind {
  NEWS_AGENCY = 'NEWS_AGENCY',
  NEWSPAPER = 'NEWSPAPER',
  BROADCASTER = 'BROADCASTER',
  SITE = 'SITE',
  SOCIAL_ACCOUNT = 'SOCIAL_ACCOUNT',
}
registerEnumType(OutletKind, { name: 'OutletKind' });

export enum OutletOwnership {
  STATE_OWNED = 'STATE_OWNED',
  STATE_AFFILIATED = 'STATE_AFFILIATED',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
  PARTY_AFFILIATED = 'PARTY_AFFILIATED',
  PRIVATE = 'PRIVATE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(OutletOwnership, { name: 'OutletOwnership' });

/** A publisher: news agency, newspaper, broadcaster, web site or social-media account. */
@ObjectType()
@Entity('outlets')
// Declared here so schema diffs leave them alone; created by hand in the migration (pg_trgm GIN).
@Index('outlets_name_key_trgm_idx', { synchronize: false })
@Index('outlets_created_idx', { synchronize: false })
export class Outlet {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column('text')
  name: string;

  /** normalizeForSearch(name): what name search and de-duplication compare. */
  @Index('outlets_name_key_idx')
  @Column('text', { name: 'name_key' })
  nameKey: string;

  @Field(() => OutletKind)
  @Column({ type: 'enum', enum: OutletKind, enumName: 'outlet_kind', default: OutletKind.SITE })
  kind: OutletKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @Column('varchar', { length: 2, nullable: true })
  country: string | null;

  @Field(() => [String], { description: 'BCP 47 language tags the outlet publishes in.' })
  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Field(() => OutletOwnership)
  @Column({ type: 'enum', enum: OutletOwnership, enumName: 'outlet_ownership', default: OutletOwnership.UNKNOWN })
  ownership: OutletOwnership;

  @Field(() => String, { nullable: true, description: 'Ownership or affiliation, as the fact-checker would cite it.' })
  @Column('text', { name: 'affiliation_note', nullable: true })
  affiliationNote: string | null;

  @Field(() => ID, { nullable: true, description: 'Set when this outlet was merged into another one.' })
  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId: string | null;

  @OneToMany(() => OutletDomain, (domain) => domain.outlet)
  domainRows: OutletDomain[];

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
