import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class CaptureArticleFromHtmlInput {
  @Field({ description: 'The address the page was fetched from; the page\'s own canonical link wins when it has one.' })
  @IsString()
  @MaxLength(4096)
  url: string;

  @Field({ description: 'The page HTML as fetched. Kept with the revision as evidence.' })
  @IsString()
  html: string;

  @Field(() => ID, { nullable: true, description: 'File under this outlet instead of the one owning the host.' })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}
