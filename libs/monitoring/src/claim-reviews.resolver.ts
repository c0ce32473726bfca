import { Injectable } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Access, Actor, CurrentActor, Role } from '@isnad/auth';
import { Claim } from '@isnad/claims';
import { GraphQLRequestContext, groupByKeys } from '@isnad/common';
import { ClaimMatch } from '@isnad/linking/dto/claim-match.type';
import { ClaimRepeat } from './claim-repeat.entity';
import { ClaimReviewsService } from './claim-reviews.service';
import { ImportClaimReviewsInput } from './dto/import-claim-reviews.input';
import { ImportClaimReviewsPayload } from './dto/import-claim-reviews.payload';
import { ExternalReview } from './external-review.entity';

/** Batches the external reviews of claims within one request, per organisation. */
@Injectable()
export class ExternalReviewLoader {
  constructor(private readonly service: ClaimReviewsService) {}

  ofClaim(ctx: GraphQLRequestContext, organisationId: string): DataLoader<string, ExternalReview[]> {
    return ctx.loaders.get(`externalReviews.ofClaim:${organisationId}`, () =>
      new DataLoader(async (claimIds: readonly string[]) => groupByKeys(claimIds, await this.service.ofClaims(claimIds, organisationId), (r) => r.claimId)),
    );
  }
}

@Resolver()
export class ClaimReviewsResolver {
  constructor(private readonly service: ClaimReviewsService) {}

  @Access(Role.ANNOTATOR)
  @Mutation(() => ImportClaimReviewsPayload, {
    description:
      'Imports other fact-checkers\' verdicts: the schema.org ClaimReviews of a fact-check page\'s JSON-LD or of a DataFeed, ' +
      'each linked to a canonical claim (matched, or new) with the rating exactly as given. Importing again updates changed reviews.',
  })
  importClaimReviews(@Args('input') input: ImportClaimReviewsInput, @CurrentActor() actor: Actor): Promise<ImportClaimReviewsPayload> {
    return this.service.importFromUrl(input.url, actor.organisationId);
  }
}

const ALREADY_CHECKED = 'Already checked by another organisation: the external reviews your organisation imported for this claim, newest first.';

@Access(Role.VIEWER)
@Resolver(() => Claim)
export class ClaimExternalReviewsResolver {
  constructor(private readonly loader: ExternalReviewLoader) {}

  @ResolveField(() => [ExternalReview], { description: ALREADY_CHECKED })
  externalReviews(@Parent() claim: Claim, @CurrentActor() actor: Actor, @Context() ctx: GraphQLRequestContext): Promise<ExternalReview[]> {
    return this.loader.ofClaim(ctx, actor.organisationId).load(claim.id);
  }
}

@Access(Role.VIEWER)
@Resolver(() => ClaimMatch)
export class ClaimMatchExternalReviewsResolver {
  constructor(private readonly loader: ExternalReviewLoader) {}

  @ResolveField(() => [ExternalReview], { description: `${ALREADY_CHECKED} (Of the suggested claim.)` })
  externalReviews(@Parent() match: ClaimMatch, @CurrentActor() actor: Actor, @Context() ctx: GraphQLRequestContext): Promise<ExternalReview[]> {
    return this.loader.ofClaim(ctx, actor.organisationId).load(match.claimId);
  }
}

@Access(Role.VIEWER)
@Resolver(() => ClaimRepeat)
export class ClaimRepeatExternalReviewsResolver {
  constructor(private readonly loader: ExternalReviewLoader) {}

  @ResolveField(() => [ExternalReview], { description: `${ALREADY_CHECKED} (Of the repeated claim.)` })
  externalReviews(@Parent() repeat: ClaimRepeat, @Context() ctx: GraphQLRequestContext): Promise<ExternalReview[]> {
    return this.loader.ofClaim(ctx, repeat.organisationId).load(repeat.claimId);
  }
}
