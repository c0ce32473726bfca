import { Access, Role } from '@isnad/auth';
import { Args, Context, Field, Float, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, textWorkPrice, workPrice } from '@isnad/common';
import { ArticleLoader } from '@isnad/articles';
import { Claim, ClaimAppearance, ClaimLoader } from '@isnad/claims';
import { ClaimLinkDecision, ClaimLinkReview } from './claim-link-review.entity';
import { ClaimLinksService } from './claim-links.service';
import { ClaimMatcherService, SUGGESTION_THRESHOLD } from './claim-matcher.service';
import { ClaimTranslation } from './claim-translation.entity';
import { AddClaimTranslationInput, RelateClaimsInput, ReviewClaimMatchInput } from './dto/claim-link.input';
import { ClaimMatch, ClaimMatchesArgs, MatchSuggestionsArgs } from './dto/claim-match.type';
import { LinkingLoader } from './linking.loader';

/** Another claim a fact-checker related to this one. */
@ObjectType()
export class RelatedClaim {
  @Field(() => Claim)
  claim: Claim;

  @Field(() => ClaimLinkDecision, { description: 'SUPPORTS or CONTRADICTS.' })
  relation: ClaimLinkDecision;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@Access(Role.VIEWER)
@Resolver(() => ClaimMatch)
export class ClaimMatchResolver {
  constructor(
    private readonly matcher: ClaimMatcherService,
    private readonly links: ClaimLinksService,
    private readonly claimLoader: ClaimLoader,
  ) {}

  // About 12 ms of scoring per 1,000 characters of text: 4 characters a unit.
  @Query(() => [ClaimMatch], {
    complexity: textWorkPrice(50, 4, 5),
    description: 'Existing claims this text states, best first, with scores and reasons (Arabic and English, through translations).',
  })
  claimMatches(@Args() args: ClaimMatchesArgs): Promise<ClaimMatch[]> {
    return this.matcher.match(args.text, { language: args.language, first: args.first, minScore: args.minScore });
  }

  @Query(() => Float, { description: 'The score from which matches are suggested by the usual model (each ClaimMatch gives its own threshold).' })
  suggestionThreshold(): number {
    return SUGGESTION_THRESHOLD;
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimTranslation, { description: 'Records a translation of a claim; matching then finds it from that language.' })
  addClaimTranslation(@Args('input') input: AddClaimTranslationInput): Promise<ClaimTranslation> {
    return this.links.addTranslation(input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => Claim, {
    description: 'The suggestion is the same claim: merges the newer claim into the older one and returns the one kept.',
  })
  confirmClaimMatch(@Args('input') input: ReviewClaimMatchInput): Promise<Claim> {
    return this.links.confirm(input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimLinkReview, { description: 'The suggestion is a different claim: it is not suggested again.' })
  rejectClaimMatch(@Args('input') input: ReviewClaimMatchInput): Promise<ClaimLinkReview> {
    return this.links.reject(input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimLinkReview, { description: 'A different claim that supports or contradicts this one.' })
  relateClaims(@Args('input') input: RelateClaimsInput): Promise<ClaimLinkReview> {
    return this.links.relate(input);
  }

  @ResolveField(() => Claim)
  claim(@Parent() match: ClaimMatch, @Context() ctx: GraphQLRequestContext): Promise<Claim | null> {
    return this.claimLoader.byId(ctx).load(match.claimId);
  }
}

// Claims and appearances belong to libs/claims; the linking fields are added to their types here.

@Access(Role.VIEWER)
@Resolver(() => Claim)
export class ClaimLinkingResolver {
  constructor(
    private readonly loader: LinkingLoader,
    private readonly claimLoader: ClaimLoader,
  ) {}

  @ResolveField(() => [ClaimTranslation], { description: 'Translations a fact-checker recorded, oldest first.' })
  translations(@Parent() claim: Claim, @Context() ctx: GraphQLRequestContext): Promise<ClaimTranslation[]> {
    return this.loader.translations(ctx).load(claim.id);
  }

  @ResolveField(() => [RelatedClaim], { description: 'Claims reviewed as supporting or contradicting this one.' })
  async relatedClaims(@Parent() claim: Claim, @Context() ctx: GraphQLRequestContext): Promise<RelatedClaim[]> {
    const links = await this.loader.relations(ctx).load(claim.id);
    const claims = await this.claimLoader.byId(ctx).loadMany(links.map((l) => l.otherClaimId));
    return links.flatMap((link, i) => {
      const other = claims[i];
      return other && !(other instanceof Error) ? [{ claim: other, relation: link.decision, note: link.note }] : [];
    });
  }
}

@Access(Role.VIEWER)
@Resolver(() => ClaimAppearance)
export class AppearanceSuggestionsResolver {
  constructor(
    private readonly links: ClaimLinksService,
    private readonly articleLoader: ArticleLoader,
  ) {}

  @ResolveField(() => [ClaimMatch], {
    complexity: workPrice(200, 5),
    description:
      'Other claims this quote may state, above the suggestion threshold; reviewed pairs are left out. ' +
      'One candidate search per appearance: ask for it on a few appearances at a time.',
  })
  async matchSuggestions(
    @Parent() appearance: ClaimAppearance,
    @Args() args: MatchSuggestionsArgs,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<ClaimMatch[]> {
    const article = await this.articleLoader.byId(ctx).load(appearance.articleId);
    return this.links.suggestionsForAppearance(appearance, args.first ?? 5, article?.language);
  }
}
