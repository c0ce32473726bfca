import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLRequestContext, byKeys, groupByKeys } from '@isnad/common';
import { RatingScalesService, ScaleBounds } from './rating-scales.service';
import { Rating } from './rating.entity';
import { VerdictBundle, VerdictBundleService } from './verdict-bundle.service';
import { VerdictVersion } from './verdict-version.entity';
import { Verdict } from './verdict.entity';
import { VerdictsService } from './verdicts.service';

/** Batches verdict-side fields within one request. */
@Injectable()
export class VerdictLoader {
  constructor(
    private readonly verdicts: VerdictsService,
    private readonly scales: RatingScalesService,
    private readonly bundles: VerdictBundleService,
  ) {}

  /** Everything a ClaimReview needs, for all the verdicts of a request in one batch. */
  bundle(ctx: GraphQLRequestContext): DataLoader<Verdict, VerdictBundle, string> {
    return ctx.loaders.get('verdict.bundle', () =>
      new DataLoader(async (verdicts: readonly Verdict[]) => this.bundles.bundles([...verdicts]), { cacheKeyFn: (v) => v.id }),
    );
  }

  byId(ctx: GraphQLRequestContext): DataLoader<string, Verdict | null> {
    return ctx.loaders.get('verdict.byId', () =>
      new DataLoader(async (ids: readonly string[]) => byKeys(ids, await this.verdicts.findByIds(ids), (v) => v.id)),
    );
  }

  /** Verdicts on each claim (following merges), newest first: public ones, and `unpublishedOf`'s unpublished ones. */
  ofClaim(ctx: GraphQLRequestContext, unpublishedOf: string | null = null): DataLoader<string, Verdict[]> {
    return ctx.loaders.get(`verdict.ofClaim:${unpublishedOf}`, () =>
      new DataLoader(async (claimIds: readonly string[]) =>
        groupByKeys(claimIds, await this.verdicts.verdictsOfClaims(claimIds, unpublishedOf), (r) => r.canonicalClaimId).map(
          (rows) => rows.map((r) => r.verdict),
        ),
      ),
    );
  }

  versions(ctx: GraphQLRequestContext): DataLoader<string, VerdictVersion[]> {
    return ctx.loaders.get('verdict.versions', () =>
      new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await this.verdicts.versionsOf(ids), (v) => v.verdictId)),
    );
  }

  rating(ctx: GraphQLRequestContext): DataLoader<string, Rating | null> {
    return ctx.loaders.get('verdict.rating', () =>
      new DataLoader(async (ids: readonly string[]) => byKeys(ids, await this.scales.findRatingsByIds(ids), (r) => r.id)),
    );
  }

  ratingsOfScale(ctx: GraphQLRequestContext): DataLoader<string, Rating[]> {
    return ctx.loaders.get('verdict.ratingsOfScale', () =>
      new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await this.scales.ratingsOfScales(ids), (r) => r.scaleId)),
    );
  }

  scaleBounds(ctx: GraphQLRequestContext): DataLoader<string, ScaleBounds> {
    return ctx.loaders.get('verdict.scaleBounds', () =>
      new DataLoader(async (ids: readonly string[]) => {
        const bounds = await this.scales.boundsOfScales(ids);
        return ids.map((id) => bounds.get(id) ?? { worst: null, best: null });
      }),
    );
  }
}
