import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class AddClaimNoteInput {
  @Field(() => ID, { description: 'The claim (a merged claim\'s note goes to the claim it was merged into).' })
  @IsUUID()
  claimId: string;

  @Field({ description: 'Up to 10,000 characters; seen only by your organisation.' })
  @IsString()
  @Length(1, 10_000)
  text: string;
}
