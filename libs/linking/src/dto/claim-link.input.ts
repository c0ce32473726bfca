import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsLocale, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

@InputType()
export class AddClaimTranslationInput {
  @Field(() => ID)
  @IsUUID()
  claimId: string;

  @Field({ description: 'BCP 47 language of the translation.' })
  @IsLocale()
  language: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text: string;
}

@InputType()
export class ReviewClaimMatchInput {
  @Field(() => ID, { description: 'The claim the suggestion was made for.' })
  @IsUUID()
  claimId: string;

  @Field(() => ID, { description: 'The claim suggested.' })
  @IsUUID()
  matchedClaimId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export enum ClaimRelation {
  SUPPORTS = 'SUPPORTS',
  CONTRADICTS = 'CONTRADICTS',
}
registerEnumType(ClaimRelation, { name: 'ClaimRelation' });

@InputType()
export class RelateClaimsInput extends ReviewClaimMatchInput {
  @Field(() => ClaimRelation)
  @IsEnum(ClaimRelation)
  relation: ClaimRelation;
}
