import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { OutletKind } from '../outlet.entity';

@InputType()
export class OutletFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name; Arabic-aware (diacritics, variants).' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  text?: string;

  @Field(() => OutletKind, { nullable: true })
  @IsOptional()
  @IsEnum(OutletKind)
  kind?: OutletKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;
}
