import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsLocale, IsOptional, IsUUID } from 'class-validator';

@InputType()
export class ArticleFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag.' })
  @IsOptional()
  @IsLocale()
  language?: string;

  @Field(() => Date, { nullable: true, description: 'Published (or, if undated, first captured) at or after.' })
  @IsOptional()
  @IsDate()
  publishedAfter?: Date;

  @Field(() => Date, { nullable: true, description: 'Published (or, if undated, first captured) before.' })
  @IsOptional()
  @IsDate()
  publishedBefore?: Date;
}
