import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsEnum, IsLocale, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { SourceKind } from '../source.entity';

@InputType()
export class CreateSourceInput {
  @Field(() => SourceKind)
  @IsEnum(SourceKind)
  kind: SourceKind;

  @Field({ description: 'Name; for ANONYMOUS the descriptor exactly as written ("مصدر مطلع").' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 language of the name.' })
  @IsOptional()
  @IsLocale()
  language?: string;

  @Field(() => ID, { nullable: true, description: 'Required for kind OUTLET: the outlet this source is.' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @Field(() => ID, { nullable: true, description: 'For ANONYMOUS: the outlet the source spoke to.' })
  @IsOptional()
  @IsUUID()
  confidedToOutletId?: string;
}

@InputType()
export class UpdateSourceInput extends PartialType(OmitType(CreateSourceInput, ['kind', 'outletId'] as const)) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@InputType()
export class MergeSourcesInput {
  @Field(() => ID, { description: 'The source that stays.' })
  @IsUUID()
  keepId: string;

  @Field(() => ID, { description: 'The duplicate: the attribution chains that cite it move to keepId.' })
  @IsUUID()
  mergeId: string;
}

@InputType()
export class SourceFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name; Arabic-aware.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  text?: string;

  @Field(() => SourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(SourceKind)
  kind?: SourceKind;

  @Field(() => ID, { nullable: true, description: 'Sources that are, or spoke to, this outlet.' })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}
