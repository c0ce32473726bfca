import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { Outlet } from '@isnad/outlets';
import { Source, SourceKind } from '@isnad/sources';
import { AttributionRelation } from '../attribution-hop.entity';
import { TextAnchorType } from './text-anchor.type';

@ObjectType()
export class CandidateDate {
  @Field({ description: 'The phrase as written, e.g. "في 25 من يناير الفائت".' })
  text: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;

  @Field({ description: 'The day meant, YYYY-MM-DD, resolved against the publication date.' })
  date: string;
}

/** One hop the text itself suggests, with the source or outlet Isnad already knows by that name. */
@ObjectType()
export class SuggestedHop {
  @Field(() => SourceKind)
  kind: SourceKind;

  @Field(() => AttributionRelation)
  relation: AttributionRelation;

  @Field(() => String, { nullable: true, description: 'A proper name as written (سبوتنيك, Reuters).' })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'A description standing in for a name (مصدر مطلع).' })
  descriptor: string | null;

  @Field(() => String, { nullable: true, description: 'The usual Latin name of a known outlet (Sputnik).' })
  canonicalName: string | null;

  @Field(() => Source, { nullable: true, description: 'A known source with this name, if any.' })
  matchedSource: Source | null;

  @Field(() => Outlet, { nullable: true, description: 'A known outlet with this name, if any.' })
  matchedOutlet: Outlet | null;
}

/** A check-worthy sentence proposed to the annotator, anchored and ready to accept. */
@ObjectType()
export class ClaimCandidate extends TextAnchorType {
  @Field(() => Float, { description: 'Check-worthiness, 0 to 1.' })
  score: number;

  @Field(() => [String], { description: 'Why it was proposed: ATTRIBUTION, NUMBER, PLACE, DATE ...' })
  reasons: string[];

  @Field(() => String, { nullable: true, description: 'The reporting verb or phrase, as written.' })
  cue: string | null;

  @Field()
  language: string;

  @Field(() => [CandidateDate])
  dates: CandidateDate[];

  @Field(() => [SuggestedHop], { description: 'Origin first, then relays; the article\'s own outlet is not listed.' })
  suggestedChain: SuggestedHop[];

  @Field(() => ID, { nullable: true, description: 'An appearance already annotated over this span, if any.' })
  annotatedAppearanceId: string | null;
}

@InputType()
export class AcceptClaimCandidateInput {
  @Field(() => ID)
  @IsUUID()
  articleId: string;

  @Field(() => ID, { nullable: true, description: 'Default: the latest revision.' })
  @IsOptional()
  @IsUUID()
  revisionId?: string;

  @Field(() => Int, { description: 'The candidate\'s start, as listed by claimCandidates.' })
  @IsInt()
  @Min(0)
  start: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  end: number;

  @Field(() => ID, { nullable: true, description: 'File the sentence under this existing claim instead of creating one.' })
  @IsOptional()
  @IsUUID()
  claimId?: string;

  @Field(() => String, { nullable: true, description: 'Wording of the claim (default: the sentence).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  statement?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  tags?: string[];
}
