import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsFQDN,
  IsISO31661Alpha2,
  IsLocale,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OutletKind, OutletOwnership } from '../outlet.entity';

@InputType()
export class CreateOutletInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @Field(() => OutletKind, { nullable: true })
  @IsOptional()
  @IsEnum(OutletKind)
  kind?: OutletKind;

  @Field(() => [String], { nullable: true, description: 'Host names, e.g. ["arabic.sputniknews.com"].' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsFQDN({ require_tld: true }, { each: true })
  domains?: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => [String], { nullable: true, description: 'BCP 47 language tags.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsLocale({ each: true })
  languages?: string[];

  @Field(() => OutletOwnership, { nullable: true })
  @IsOptional()
  @IsEnum(OutletOwnership)
  ownership?: OutletOwnership;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  affiliationNote?: string;
}

@InputType()
export class UpdateOutletInput extends PartialType(CreateOutletInput) {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@InputType()
export class MergeOutletsInput {
  @Field(() => ID, { description: 'The outlet that stays.' })
  @IsUUID()
  keepId: string;

  @Field(() => ID, { description: 'The duplicate: its articles, domains and sources move to keepId.' })
  @IsUUID()
  mergeId: string;
}
