import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsLocale,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

@InputType()
export class LocalizedTextInput {
  @Field({ description: 'BCP 47 language tag.' })
  @IsLocale()
  language: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  text: string;
}

@InputType()
export class RatingInput {
  @Field({ description: 'Stable machine name, upper case (FALSE, MISSING_CONTEXT ...).' })
  @Matches(/^[A-Z][A-Z0-9_]{0,49}$/)
  key: string;

  @Field(() => Int, { nullable: true, description: 'ClaimReview ratingValue, 1 or more; omit for non-ordinal ratings.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  value?: number;

  @Field(() => [LocalizedTextInput], { description: 'Labels; Arabic and English are required.' })
  @ValidateNested({ each: true })
  @Type(() => LocalizedTextInput)
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  labels: LocalizedTextInput[];
}

@InputType()
export class CreateRatingScaleInput {
  @Field(() => ID, { nullable: true, description: "Yours; naming another organisation is FORBIDDEN." })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => [RatingInput], { description: 'In display order.' })
  @ValidateNested({ each: true })
  @Type(() => RatingInput)
  @ArrayMinSize(2)
  @ArrayMaxSize(30)
  ratings: RatingInput[];
}
