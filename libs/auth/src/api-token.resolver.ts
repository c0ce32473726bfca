import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, CurrentActor } from './access.decorator';
import { ApiToken } from './api-token.entity';
import { AuthService } from './auth.service';
import { CreatedApiToken } from './created-api-token.type';
import { CreateApiTokenInput } from './dto/member.input';
import { Actor } from './request-scope';
import { Role } from './role';

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  constructor(private readonly auth: AuthService) {}

  @Access(Role.VIEWER)
  @Query(() => [ApiToken], { description: "Your tokens, newest first. Admins: a member's (memberId) or the whole organisation's." })
  apiTokens(@CurrentActor() actor: Actor, @Args('memberId', { type: () => ID, nullable: true }) memberId?: string): Promise<ApiToken[]> {
    return this.auth.tokens(actor, memberId);
  }

  @Access(Role.VIEWER)
  @Mutation(() => CreatedApiToken, { description: 'A new personal API token; its secret is in this response only.' })
  createApiToken(@CurrentActor() actor: Actor, @Args('input') input: CreateApiTokenInput): Promise<CreatedApiToken> {
    return this.auth.createToken(actor, input);
  }

  @Access(Role.VIEWER)
  @Mutation(() => ApiToken, { description: 'Revokes one of your tokens (admins: any of the organisation); it stops working at once.' })
  revokeApiToken(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ApiToken> {
    return this.auth.revokeToken(actor, id);
  }
}
