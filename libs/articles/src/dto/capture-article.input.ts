import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsLocale, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class CaptureArticleInput {
  @Field({ description: 'The article URL; it is normalised (tracking parameters, fragment ... removed).' })
  @IsString()
  @MaxLength(4096)
  url: string;

  @Field({ description: 'The article text as read on the page. Stored as NFC, otherwise unchanged.' })
  @IsString()
  text: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  byline?: string;

  @Field(() => Date, { nullable: true, description: 'Publication time given by the page.' })
  @IsOptional()
  @IsDate()
  publishedAt?: Date;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. "ar".' })
  @IsOptional()
  @IsLocale()
  language?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Keep comment forms, share bars, repeated titles ... in the text (default false: they are removed).',
  })
  @IsOptional()
  @IsBoolean()
  keepBoilerplate?: boolean;

  @Field(() => ID, { nullable: true, description: 'File under this outlet instead of the one owning the URL\'s host.' })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}
