import { Field, InputType, Int, Mutation, ObjectType, Resolver, Args } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';
import { Access, CurrentActor } from './access.decorator';
import { Actor } from './request-scope';
import { Role } from './role';
import { MAX_SESSION_MINUTES, SessionTokensService } from './session-tokens.service';

@InputType()
export class CreateSessionTokenInput {
  @Field(() => Role, { description: 'At most your role; a tool that only reads gets VIEWER.' })
  role: Role;

  @Field(() => Int, { defaultValue: 60, description: `Minutes it lasts: 1 to ${MAX_SESSION_MINUTES}.` })
  @Min(1)
  @Max(MAX_SESSION_MINUTES)
  minutes: number;
}

@ObjectType({ description: 'A signed, short-lived token for a tool; sent like an API token ("Authorization: Bearer …").' })
export class SessionToken {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => Role)
  role: Role;
}

@Resolver(() => SessionToken)
export class SessionTokenResolver {
  constructor(private readonly sessions: SessionTokensService) {}

  @Access(Role.VIEWER)
  @Mutation(() => SessionToken, {
    description: 'A short-lived token made from your API token, with at most your role. Revoking the API token ends it.',
  })
  createSessionToken(@CurrentActor() actor: Actor, @Args('input') input: CreateSessionTokenInput): Promise<SessionToken> {
    return this.sessions.issue(actor, input.role, input.minutes);
  }
}
