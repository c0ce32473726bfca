import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ArticleUrlArgs {
  @Field()
  @IsString()
  @MaxLength(4096)
  url: string;
}
