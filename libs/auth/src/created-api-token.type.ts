import { Field, ObjectType } from '@nestjs/graphql';
import { ApiToken } from './api-token.entity';

@ObjectType({ description: 'A new token. The secret is shown here once and never again: store it now.' })
export class CreatedApiToken {
  @Field(() => ApiToken)
  token: ApiToken;

  @Field({ description: 'Send it as "Authorization: Bearer <secret>".' })
  secret: string;
}
