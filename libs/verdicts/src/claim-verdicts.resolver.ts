import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, Actor, CurrentActor, Public, Role } from '@isnad/auth';
import { GraphQLRequestContext } from '@isnad/common';
import { Claim, ClaimAppearance } from '@isnad/claims';
import { Verdict } from './verdict.entity';
import { VerdictLoader } from './verdict.loader';
import { isReviewable } from './verdict.resolver';

// Verdicts hang off claims and their appearances; the claims library does not know about them,
// so the fields are added from here.

@Resolver(() => Claim)
export class ClaimVerdictsResolver {
  constructor(private readonly loader: VerdictLoader) {}

  @Public()
  @ResolveField(() => [Verdict], {
    description:
      "Verdicts on this claim and on claims merged into it, newest first. Public ones only, unless includeUnpublished: then your organisation's drafts and verdicts in review too.",
  })
  verdicts(
    @Parent() claim: Claim,
    @Args('includeUnpublished', { defaultValue: false }) includeUnpublished: boolean,
    @Context() ctx: GraphQLRequestContext,
    @CurrentActor() actor: Actor | null,
  ): Promise<Verdict[]> {
    return this.loader.ofClaim(ctx, includeUnpublished ? (actor?.organisationId ?? null) : null).load(claim.id);
  }

  @Public()
  @ResolveField(() => Verdict, { nullable: true, description: 'The current public (published or corrected) verdict, if any.' })
  async verdict(@Parent() claim: Claim, @Context() ctx: GraphQLRequestContext): Promise<Verdict | null> {
    return (await this.loader.ofClaim(ctx).load(claim.id)).find(isReviewable) ?? null;
  }
}

@Resolver(() => ClaimAppearance)
export class AppearanceVerdictResolver {
  constructor(private readonly loader: VerdictLoader) {}

  @Access(Role.VIEWER)
  @ResolveField(() => Verdict, {
    nullable: true,
    description: "The public verdict on the appearance's claim: every appearance of a claim, in every outlet, shows it.",
  })
  async verdict(@Parent() appearance: ClaimAppearance, @Context() ctx: GraphQLRequestContext): Promise<Verdict | null> {
    return (await this.loader.ofClaim(ctx).load(appearance.claimId)).find(isReviewable) ?? null;
  }
}
