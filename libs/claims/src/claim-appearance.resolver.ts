import { Access, Role } from '@isnad/auth';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, IdArgs } from '@isnad/common';
import { Article, ArticleLoader, ArticleRevision } from '@isnad/articles';
import { Source, SourceLoader } from '@isnad/sources';
import { reanchor } from '@isnad/text';
import { ClaimAppearance } from './claim-appearance.entity';
import { Claim } from './claim.entity';
import { AttributionHop } from './attribution-hop.entity';
import { ClaimLoader } from './claim.loader';
import { ClaimsService } from './claims.service';
import { AnnotateClaimInput, AttachAppearanceInput, SetAttributionChainInput } from './dto/annotate-claim.input';
import { LatestRevisionAnchor } from './dto/text-anchor.type';

@Access(Role.VIEWER)
@Resolver(() => ClaimAppearance)
export class ClaimAppearanceResolver {
  constructor(
    private readonly service: ClaimsService,
    private readonly loader: ClaimLoader,
    private readonly articleLoader: ArticleLoader,
    private readonly sourceLoader: SourceLoader,
  ) {}

  @Query(() => ClaimAppearance, { nullable: true, description: 'NOT_FOUND if there is none with this id.' })
  claimAppearance(@Args() { id }: IdArgs): Promise<ClaimAppearance> {
    return this.service.getAppearance(id);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimAppearance, {
    description: 'Annotates a span of an article as an appearance of a claim (new or existing), with its chain.',
  })
  annotateClaim(@Args('input') input: AnnotateClaimInput): Promise<ClaimAppearance> {
    return this.service.annotate(input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimAppearance, { description: 'Replaces the attribution chain of an appearance.' })
  setAttributionChain(@Args('input') input: SetAttributionChainInput): Promise<ClaimAppearance> {
    return this.service.setAttributionChain(input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ClaimAppearance, { description: 'Moves an appearance to another (canonical) claim.' })
  attachAppearanceToClaim(@Args('input') input: AttachAppearanceInput): Promise<ClaimAppearance> {
    return this.service.attachAppearance(input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => ID, { description: 'Deletes an appearance annotated by mistake (and its chain); returns its claim\'s id.' })
  deleteClaimAppearance(@Args() { id }: IdArgs): Promise<string> {
    return this.service.deleteAppearance(id);
  }

  @ResolveField(() => Claim)
  claim(@Parent() appearance: ClaimAppearance, @Context() ctx: GraphQLRequestContext): Promise<Claim | null> {
    return this.loader.byId(ctx).load(appearance.claimId);
  }

  @ResolveField(() => Article)
  article(@Parent() appearance: ClaimAppearance, @Context() ctx: GraphQLRequestContext): Promise<Article | null> {
    return this.articleLoader.byId(ctx).load(appearance.articleId);
  }

  @ResolveField(() => ArticleRevision, { description: 'The revision whose text the anchor points into.' })
  revision(@Parent() appearance: ClaimAppearance, @Context() ctx: GraphQLRequestContext): Promise<ArticleRevision | null> {
    return this.articleLoader.revisionById(ctx).load(appearance.articleRevisionId);
  }

  @ResolveField(() => [AttributionHop], { description: 'Origin first, then each relay.' })
  attributionChain(@Parent() appearance: ClaimAppearance, @Context() ctx: GraphQLRequestContext): Promise<AttributionHop[]> {
    return this.loader.chain(ctx).load(appearance.id);
  }

  @ResolveField(() => Source, { nullable: true, description: 'Who made the claim: the origin of the chain.' })
  async claimant(@Parent() appearance: ClaimAppearance, @Context() ctx: GraphQLRequestContext): Promise<Source | null> {
    const [origin] = await this.loader.chain(ctx).load(appearance.id);
    return origin ? this.sourceLoader.byId(ctx).load(origin.sourceId) : null;
  }

  @ResolveField(() => LatestRevisionAnchor, {
    description: "Where the quote is in the article's latest revision (the same anchor if that is the annotated one).",
  })
  async latestRevisionAnchor(
    @Parent() appearance: ClaimAppearance,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<LatestRevisionAnchor> {
    const latest = await this.articleLoader.latestRevision(ctx).load(appearance.articleId);
    if (!latest || latest.id === appearance.articleRevisionId) {
      return { revisionNumber: latest?.number ?? 1, anchor: appearance };
    }
    return { revisionNumber: latest.number, anchor: reanchor(appearance, latest.text) };
  }
}
