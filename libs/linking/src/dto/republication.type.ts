import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ReuseKind } from '../text-reuse';

registerEnumType(ReuseKind, {
  name: 'TextReuseKind',
  description: 'How one article reuses another.',
  valuesMap: {
    COPY: { description: 'Most of the shorter text is found in the other: a republished copy.' },
    PARTIAL_COPY: { description: 'A good part of the shorter text is found in the other (a copy that kept part of the body).' },
    SHARED_QUOTATION: { description: 'They share only words inside quotation marks: two reports quoting one statement, not a copy.' },
  },
});

/** One side of a shared passage: a span of one article revision, code point offsets of its NFC text. */
@ObjectType()
export class PassageSpan {
  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;

  @Field()
  exact: string;
}

/** A passage two articles share, aligned word for word with small edits between aligned runs. */
@ObjectType()
export class SharedPassage {
  @Field(() => PassageSpan, { description: 'The span in the earlier article (the original).' })
  original: PassageSpan;

  @Field(() => PassageSpan, { description: 'The span in the later article (the copy).' })
  copy: PassageSpan;
}

/** One article of a republished story seen from another: the original, or one of its copies. */
@ObjectType()
export class ArticleCopyLink {
  @Field(() => ID)
  articleId: string;

  @Field(() => ReuseKind)
  kind: ReuseKind;

  @Field(() => Float, { description: "Share of the shorter text's word shingles found in the other (0..1)." })
  containment: number;

  @Field(() => Float, { description: "Jaccard similarity of the two texts' word shingles (0..1)." })
  similarity: number;

  @Field(() => ID, { nullable: true, description: "The original's revision the passages' `original` spans point into." })
  originalRevisionId: string | null;

  @Field(() => ID, { nullable: true, description: "The copy's revision the passages' `copy` spans point into." })
  copyRevisionId: string | null;

  @Field(() => [SharedPassage], {
    description: 'The passages both share, in the order of the copy (empty when the link was passed on from an intermediate copy).',
  })
  sharedPassages: SharedPassage[];

  @Field({ description: 'When the reuse was detected.' })
  detectedAt: Date;
}

/** An appearance of the original article, found again in a copy: a span to annotate with the same claim. */
@ObjectType()
export class SuggestedAppearance {
  @Field(() => ID)
  claimId: string;

  @Field(() => ID, { description: 'The appearance in the original article.' })
  fromAppearanceId: string;

  @Field({ description: "The span in the copy's latest revision." })
  exact: string;

  @Field()
  prefix: string;

  @Field()
  suffix: string;

  @Field(() => Int, { description: "Code point offsets into the copy's latest revision." })
  start: number;

  @Field(() => Int)
  end: number;

  @Field(() => ID, { description: 'The revision of the copy the offsets point into.' })
  revisionId: string;

  @Field({ description: 'True when the quote was found word for word.' })
  verbatim: boolean;

  @Field(() => Float, { description: 'How well quote, prefix and suffix match (1 for word for word, at least 0.75 otherwise).' })
  score: number;
}

@InputType()
export class AcceptSuggestedAppearancesInput {
  @Field(() => ID, { description: 'The copy.' })
  @IsUUID()
  articleId: string;

  @Field(() => [ID], { nullable: true, description: "Accept only these suggestions (by the original's appearance id); default all." })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  fromAppearanceIds?: string[];

  @Field(() => Float, { nullable: true, description: 'Accept only suggestions scoring at least this much (default 0.8).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore?: number;
}
