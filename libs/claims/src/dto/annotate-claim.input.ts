import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsLocale,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AttributionHopInput } from './attribution-hop.input';

/**
 * A span of an article revision, W3C style: a position (code points of the NFC text), a quote with
 * optional context, or both (the quote then checks the position).
 */
@InputType()
export class SpanSelectorInput {
  @Field(() => Int, { nullable: true, description: 'TextPositionSelector.start, in Unicode code points.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  start?: number;

  @Field(() => Int, { nullable: true, description: 'TextPositionSelector.end (exclusive), in code points.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  end?: number;

  @Field(() => String, { nullable: true, description: 'TextQuoteSelector.exact.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  exact?: string;

  @Field(() => String, { nullable: true, description: 'TextQuoteSelector.prefix: text just before the quote.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  prefix?: string;

  @Field(() => String, { nullable: true, description: 'TextQuoteSelector.suffix: text just after the quote.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  suffix?: string;
}

@InputType()
export class AnnotateClaimInput {
  @Field(() => ID)
  @IsUUID()
  articleId: string;

  @Field(() => ID, { nullable: true, description: 'The revision the span was selected in (default: the latest).' })
  @IsOptional()
  @IsUUID()
  revisionId?: string;

  @Field(() => SpanSelectorInput)
  @ValidateNested()
  @Type(() => SpanSelectorInput)
  selector: SpanSelectorInput;

  @Field(() => ID, { nullable: true, description: 'Attach to this existing claim instead of creating one.' })
  @IsOptional()
  @IsUUID()
  claimId?: string;

  @Field(() => String, { nullable: true, description: 'Wording of the new claim (default: the quoted span).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  statement?: string;

  @Field(() => String, { nullable: true, description: 'Language of the new claim (default: the article\'s).' })
  @IsOptional()
  @IsLocale()
  language?: string;

  @Field(() => [AttributionHopInput], { nullable: true, description: 'Origin first, then each relay.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttributionHopInput)
  chain?: AttributionHopInput[];

  @Field(() => [String], { nullable: true, description: 'Tags to add to the claim.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  tags?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

@InputType()
export class SetAttributionChainInput {
  @Field(() => ID)
  @IsUUID()
  appearanceId: string;

  @Field(() => [AttributionHopInput], { description: 'The whole chain, origin first; replaces the old one.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttributionHopInput)
  chain: AttributionHopInput[];
}

@InputType()
export class AttachAppearanceInput {
  @Field(() => ID)
  @IsUUID()
  appearanceId: string;

  @Field(() => ID, { description: 'The claim the appearance belongs to from now on.' })
  @IsUUID()
  claimId: string;
}
