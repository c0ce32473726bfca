import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { CreateOutletInput } from '@isnad/outlets';
import { CreateSourceInput } from '@isnad/sources';
import { AttributionRelation } from '../attribution-hop.entity';

/** One hop of a chain: name exactly one of sourceId, outletId (its outlet source), newSource or newOutlet. */
@InputType()
export class AttributionHopInput {
  @Field(() => ID, { nullable: true, description: 'An existing source.' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @Field(() => ID, { nullable: true, description: 'An outlet, standing as a source (created on first use).' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @Field(() => CreateSourceInput, { nullable: true, description: 'A source to create for this hop.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateSourceInput)
  newSource?: CreateSourceInput;

  @Field(() => CreateOutletInput, { nullable: true, description: 'An outlet to create, standing as the source.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateOutletInput)
  newOutlet?: CreateOutletInput;

  @Field(() => AttributionRelation)
  @IsEnum(AttributionRelation)
  relation: AttributionRelation;

  @Field(() => String, { nullable: true, description: 'The attributing words, e.g. "بحسب سبوتنيك".' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cue?: string;
}
