import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsLocale, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

@InputType()
export class UpdateClaimInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  statement?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsLocale()
  language?: string;

  @Field(() => [String], { nullable: true, description: 'Replaces the claim\'s tags when given.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  tags?: string[];
}

@InputType()
export class MergeClaimsInput {
  @Field(() => ID, { description: 'The claim that stays.' })
  @IsUUID()
  keepId: string;

  @Field(() => ID, { description: 'The duplicate: its appearances and tags move to keepId.' })
  @IsUUID()
  mergeId: string;
}

@InputType()
export class ClaimFilter {
  @Field(() => String, { nullable: true, description: 'Words in the statement or a quote. Ignores diacritics, tatweel and letter variants.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text?: string;

  @Field(() => ID, { nullable: true, description: 'Claims with this source anywhere in an attribution chain.' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @Field(() => ID, { nullable: true, description: 'Claims appearing in this outlet\'s articles.' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @Field(() => ID, { nullable: true, description: 'Claims appearing in this article.' })
  @IsOptional()
  @IsUUID()
  articleId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsLocale()
  language?: string;
}
