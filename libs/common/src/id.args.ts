import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/** The `id` argument of single-object queries: a malformed id is BAD_USER_INPUT, not a 500. */
@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
