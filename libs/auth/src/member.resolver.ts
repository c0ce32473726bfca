import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext } from '@isnad/common';
import { Access, CurrentActor } from './access.decorator';
import { AuthLoader } from './auth.loader';
import { AuthService } from './auth.service';
import { AddMemberInput, ChangeMemberRoleInput } from './dto/member.input';
import { Member } from './member.entity';
import { Organisation } from './organisation.entity';
import { Actor } from './request-scope';
import { Role } from './role';

@Resolver(() => Member)
export class MemberResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly loader: AuthLoader,
  ) {}

  @Access(Role.VIEWER)
  @Query(() => Member, { description: 'The member this API token belongs to, with their role.' })
  me(@CurrentActor() actor: Actor): Promise<Member> {
    return this.auth.member(actor.organisationId, actor.memberId);
  }

  @Access(Role.ADMIN)
  @Query(() => [Member], { description: "Your organisation's current members, oldest first." })
  members(@CurrentActor() actor: Actor): Promise<Member[]> {
    return this.auth.members(actor.organisationId);
  }

  @Access(Role.ADMIN)
  @Mutation(() => Member, { description: 'Adds a member to your organisation; they then need a token (createApiToken with memberId).' })
  addMember(@CurrentActor() actor: Actor, @Args('input') input: AddMemberInput): Promise<Member> {
    return this.auth.addMember(actor.organisationId, input);
  }

  @Access(Role.ADMIN)
  @Mutation(() => Member, { description: 'CONFLICT (reason LAST_ADMIN) when it would leave the organisation without an admin.' })
  changeMemberRole(@CurrentActor() actor: Actor, @Args('input') input: ChangeMemberRoleInput): Promise<Member> {
    return this.auth.changeRole(actor, input);
  }

  @Access(Role.ADMIN)
  @Mutation(() => Member, { description: 'Removes a member and revokes their tokens at once; their past work keeps their name.' })
  removeMember(@CurrentActor() actor: Actor, @Args('memberId', { type: () => ID }) memberId: string): Promise<Member> {
    return this.auth.removeMember(actor, memberId);
  }

  @Access(Role.VIEWER)
  @ResolveField(() => Organisation)
  organisation(@Parent() member: Member, @Context() ctx: GraphQLRequestContext): Promise<Organisation | null> {
    return this.loader.organisation(ctx).load(member.organisationId);
  }
}
