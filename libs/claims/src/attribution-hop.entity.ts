import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ClaimAppearance } from './claim-appearance.entity';

export enum AttributionRelation {
  ORIGIN = 'ORIGIN',
  RELAYED = 'RELAYED',
  REPUBLISHED = 'REPUBLISHED',
}
registerEnumType(AttributionRelation, {
  name: 'AttributionRelation',
  valuesMap: {
    ORIGIN: { description: 'Made the statement first (the claimant).' },
    RELAYED: { description: 'Passed the statement on, e.g. the agency an informed source spoke to.' },
    REPUBLISHED: { description: 'Republished a relay\'s report, e.g. the site that ran the Sputnik story.' },
  },
});

/** One link of an appearance's attribution chain: position 0 is the origin, then each relay. */
@ObjectType()
@Entity('attribution_hops')
@Unique('attribution_hops_appearance_position_key', ['appearanceId', 'position'])
export class AttributionHop {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'appearance_id' })
  appearanceId: string;

  @ManyToOne(() => ClaimAppearance, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appearance_id' })
  appearance?: ClaimAppearance;

  @Field(() => Int)
  @Column('int')
  position: number;

  @Field(() => ID)
  @Index('attribution_hops_source_idx')
  @Column('uuid', { name: 'source_id' })
  sourceId: string;

  @ManyToOne('Source', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id' })
  source?: unknown;

  @Field(() => AttributionRelation)
  @Column({ type: 'enum', enum: AttributionRelation, enumName: 'attribution_relation' })
  relation: AttributionRelation;

  @Field(() => String, { nullable: true, description: 'The words that attribute it, e.g. "بحسب سبوتنيك".' })
  @Column('text', { nullable: true })
  cue: string | null;
}
