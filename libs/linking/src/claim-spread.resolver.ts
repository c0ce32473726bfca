import { Access, Role } from '@isnad/auth';
import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, workPrice } from '@isnad/common';
import { Article, ArticleLoader } from '@isnad/articles';
import { Claim, ClaimAppearance, ClaimLoader } from '@isnad/claims';
import { Outlet, OutletLoader } from '@isnad/outlets';
import { Source, SourceLoader } from '@isnad/sources';
import { ClaimSpread, SpreadAppearance, SpreadOutlet } from './dto/claim-spread.type';
import { LinkingLoader } from './linking.loader';

// Claims, outlets and sources belong to other libraries; the spread fields are added to their types here.

@Access(Role.VIEWER)
@Resolver(() => Claim)
export class ClaimSpreadResolver {
  constructor(private readonly loader: LinkingLoader) {}

  @ResolveField(() => ClaimSpread, {
    complexity: workPrice(50, 10),
    description: 'How the claim spread: appearances in publication order across outlets, the first one, whom each outlet relayed.',
  })
  async spread(@Parent() claim: Claim, @Context() ctx: GraphQLRequestContext): Promise<ClaimSpread> {
    const timeline = await this.loader.timeline(ctx).load(claim.id);
    const outlets = new Map<string, SpreadOutlet>();
    for (const entry of timeline) {
      const outlet = outlets.get(entry.outletId);
      if (!outlet) {
        outlets.set(entry.outletId, {
          outletId: entry.outletId,
          firstAppearedAt: entry.publishedAt,
          appearanceCount: 1,
          relayedSourceIds: [...new Set(entry.sourceIds)],
        });
      } else {
        outlet.appearanceCount++;
        outlet.relayedSourceIds = [...new Set([...outlet.relayedSourceIds, ...entry.sourceIds])];
      }
    }
    return { firstAppearance: timeline[0] ?? null, timeline, outlets: [...outlets.values()] };
  }
}

@Access(Role.VIEWER)
@Resolver(() => SpreadAppearance)
export class SpreadAppearanceResolver {
  constructor(
    private readonly claimLoader: ClaimLoader,
    private readonly articleLoader: ArticleLoader,
    private readonly outletLoader: OutletLoader,
    private readonly sourceLoader: SourceLoader,
  ) {}

  @ResolveField(() => ClaimAppearance)
  appearance(@Parent() entry: SpreadAppearance, @Context() ctx: GraphQLRequestContext): Promise<ClaimAppearance | null> {
    return this.claimLoader.appearanceById(ctx).load(entry.appearanceId);
  }

  @ResolveField(() => Article)
  article(@Parent() entry: SpreadAppearance, @Context() ctx: GraphQLRequestContext): Promise<Article | null> {
    return this.articleLoader.byId(ctx).load(entry.articleId);
  }

  @ResolveField(() => Outlet)
  outlet(@Parent() entry: SpreadAppearance, @Context() ctx: GraphQLRequestContext): Promise<Outlet | null> {
    return this.outletLoader.byId(ctx).load(entry.outletId);
  }

  @ResolveField(() => [Source], { description: 'The sources the chain cites, other than the outlet itself, origin first.' })
  async sources(@Parent() entry: SpreadAppearance, @Context() ctx: GraphQLRequestContext): Promise<Source[]> {
    return present(await this.sourceLoader.byId(ctx).loadMany(entry.sourceIds));
  }
}

@Access(Role.VIEWER)
@Resolver(() => SpreadOutlet)
export class SpreadOutletResolver {
  constructor(
    private readonly outletLoader: OutletLoader,
    private readonly sourceLoader: SourceLoader,
  ) {}

  @ResolveField(() => Outlet)
  outlet(@Parent() entry: SpreadOutlet, @Context() ctx: GraphQLRequestContext): Promise<Outlet | null> {
    return this.outletLoader.byId(ctx).load(entry.outletId);
  }

  @ResolveField(() => [Source], { description: 'The sources this outlet relayed for the claim.' })
  async relayedSources(@Parent() entry: SpreadOutlet, @Context() ctx: GraphQLRequestContext): Promise<Source[]> {
    return present(await this.sourceLoader.byId(ctx).loadMany(entry.relayedSourceIds));
  }
}

@Access(Role.VIEWER)
@Resolver(() => Outlet)
export class OutletFalseClaimsResolver {
  constructor(private readonly loader: LinkingLoader) {}

  @ResolveField(() => Int, { description: 'Claims appearing in this outlet\'s articles that a published verdict rates FALSE.' })
  falseClaimCount(@Parent() outlet: Outlet, @Context() ctx: GraphQLRequestContext): Promise<number> {
    return this.loader.falseClaimCountOfOutlet(ctx).load(outlet.id);
  }
}

@Access(Role.VIEWER)
@Resolver(() => Source)
export class SourceFalseClaimsResolver {
  constructor(private readonly loader: LinkingLoader) {}

  @ResolveField(() => Int, { description: 'Claims whose chains cite this source that a published verdict rates FALSE.' })
  falseClaimCount(@Parent() source: Source, @Context() ctx: GraphQLRequestContext): Promise<number> {
    return this.loader.falseClaimCountOfSource(ctx).load(source.id);
  }
}

function present<T>(rows: (T | null | Error)[]): T[] {
  return rows.filter((row): row is T => row !== null && !(row instanceof Error));
}
