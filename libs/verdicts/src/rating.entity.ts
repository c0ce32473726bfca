import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RatingScale } from './rating-scale.entity';
import { primaryLanguage } from '@isnad/text';

/** A label in one language. */
@ObjectType()
export class LocalizedText {
  @Field({ description: 'BCP 47 language tag.' })
  language: string;

  @Field()
  text: string;
}

/**
 * One rating of a scale. Ordinal ratings carry a `value` (ClaimReview ratingValue, between the
 * scale's worst and best); ratings outside the true–false line ("Missing context") have none.
 */
@ObjectType()
@Entity('ratings')
@Index('ratings_scale_key_key', ['scaleId', 'key'], { unique: true })
export class Rating {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'scale_id' })
  scaleId: string;

  @ManyToOne(() => RatingScale, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scale_id' })
  scale?: RatingScale;

  @Field({ description: 'Stable machine name within the scale (FALSE, MISSING_CONTEXT ...).' })
  @Column('text')
  key: string;

  @Field(() => Int, { description: 'Display order within the scale, 0 first.' })
  @Column('int')
  position: number;

  @Field(() => Int, { nullable: true, description: 'ClaimReview ratingValue; null for non-ordinal ratings.' })
  @Column('int', { nullable: true })
  value: number | null;

  @Field(() => [LocalizedText], { description: 'The label in each language (Arabic and English at least).' })
  @Column('jsonb')
  labels: LocalizedText[];
}

/** The label in `language`, else English, else the first one. */
export function ratingLabel(rating: Pick<Rating, 'labels'>, language?: string | null): string {
  const base = primaryLanguage(language);
  return (
    rating.labels.find((l) => l.language === language)?.text ??
    rating.labels.find((l) => primaryLanguage(l.language) === base)?.text ??
    rating.labels.find((l) => l.language === 'en')?.text ??
    rating.labels[0]?.text ??
    ''
  );
}
