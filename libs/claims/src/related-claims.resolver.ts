import { Access, Role } from '@isnad/auth';
import { Args, Context, Field, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, GraphQLRequestContext, PageArgs } from '@isnad/common';
import { Article } from '@isnad/articles';
import { Outlet } from '@isnad/outlets';
import { Source, SourceLoader } from '@isnad/sources';
import { ClaimAppearance } from './claim-appearance.entity';
import { Claim } from './claim.entity';
import { ClaimLoader } from './claim.loader';
import { ClaimConnection } from './claim.resolver';

/** A source an outlet relays, with how many claim appearances in its articles cite it. */
@ObjectType()
export class RelayedSource {
  @Field(() => Source)
  source: Source;

  @Field(() => Int)
  appearanceCount: number;
}

// Claims hang off articles, sources and outlets; those libraries do not know about claims, so the
// fields are added to their types from here.

@Access(Role.VIEWER)
@Resolver(() => Article)
export class ArticleClaimsResolver {
  constructor(private readonly loader: ClaimLoader) {}

  @ResolveField(() => [ClaimAppearance], { description: 'Annotated claims in this article, in text order.' })
  claimAppearances(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<ClaimAppearance[]> {
    return this.loader.appearancesInArticle(ctx).load(article.id);
  }
}

@Access(Role.VIEWER)
@Resolver(() => Source)
export class SourceClaimsResolver {
  constructor(private readonly loader: ClaimLoader) {}

  @ResolveField(() => ClaimConnection, { description: 'Claims whose attribution chains cite this source.' })
  claims(
    @Parent() source: Source,
    @Args() page: PageArgs,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<Connection<Claim>> {
    return this.loader.claimsOfSource(ctx, page).load(source.id);
  }
}

@Access(Role.VIEWER)
@Resolver(() => Outlet)
export class OutletRelaysResolver {
  constructor(
    private readonly loader: ClaimLoader,
    private readonly sourceLoader: SourceLoader,
  ) {}

  @ResolveField(() => [RelayedSource], {
    description: 'Sources cited in the chains of claims in this outlet\'s articles, most cited first.',
  })
  async relayedSources(@Parent() outlet: Outlet, @Context() ctx: GraphQLRequestContext): Promise<RelayedSource[]> {
    const counts = await this.loader.relayedSources(ctx).load(outlet.id);
    const sources = await this.sourceLoader.byId(ctx).loadMany(counts.map((c) => c.sourceId));
    return counts.flatMap((count, i) => {
      const source = sources[i];
      return source && !(source instanceof Error) ? [{ source, appearanceCount: count.appearanceCount }] : [];
    });
  }
}
