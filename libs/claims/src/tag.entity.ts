import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A topic label on claims ("Syria", "ISIS", "الانتخابات"). */
@ObjectType()
@Entity('tags')
export class Tag {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The label as first written.' })
  @Column('text')
  label: string;

  /** normalizeForSearch(label): two spellings of one label are one tag. */
  @Index('tags_key_key', { unique: true })
  @Column('text')
  key: string;
}
