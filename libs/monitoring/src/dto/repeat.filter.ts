import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ClaimRepeatStatus } from '../claim-repeat.entity';

@InputType()
export class RepeatFilter {
  @Field(() => ID, { nullable: true, description: 'Your organisation (the default); another one is FORBIDDEN.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field(() => ClaimRepeatStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ClaimRepeatStatus)
  status?: ClaimRepeatStatus;

  @Field(() => ID, { nullable: true, description: 'Repeats in articles of this outlet.' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  claimId?: string;

  @Field(() => Date, { nullable: true, description: 'Found at or after.' })
  @IsOptional()
  @IsDate()
  since?: Date;
}
