import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class CaptureArticleFromUrlInput {
  @Field({ description: 'The page to fetch (http or https; public addresses only).' })
  @IsString()
  @MaxLength(4096)
  url: string;

  @Field(() => ID, { nullable: true, description: 'File under this outlet instead of the one owning the host.' })
  @IsOptional()
  @IsUUID()
  outletId?: string;
}
