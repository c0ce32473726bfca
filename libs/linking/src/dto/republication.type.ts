import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** One article of a republished story seen from another: the original, or one of its copies. */
@ObjectType()
export class ArticleCopyLink {
  @Field(() => ID)
  articleId: string;

  @Field(() => Float, { description: 'Estimated Jaccard similarity of the two texts\' word shingles (0..1).' })
  similarity: number;

  @Field({ description: 'When the copy was detected.' })
  detectedAt: Date;
}

/** An appearance of the original article, found again in a copy: a span to annotate with the same claim. */
@ObjectType()
export class SuggestedAppearance {
  @Field(() => ID)
  claimId: string;

  @Field(() => ID, { description: 'The appearance in the original article.' })
  fromAppearanceId: string;

  @Field({ description: 'The span in the copy\'s latest revision.' })
  exact: string;

  @Field()
  prefix: string;

  @Field()
  suffix: string;

  @Field(() => Int, { description: 'Code point offsets into the copy\'s latest revision.' })
  start: number;

  @Field(() => Int)
  end: number;

  @Field(() => ID, { description: 'The revision of the copy the offsets point into.' })
  revisionId: string;

  @Field({ description: 'True when the quote was found word for word; false for an edited sentence.' })
  verbatim: boolean;
}
