import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@InputType()
export class ImportClaimReviewsInput {
  @Field({ description: 'A fact-check page carrying schema.org ClaimReview JSON-LD, or a ClaimReview DataFeed (http or https).' })
  @IsString()
  @MaxLength(4096)
  url: string;
}
