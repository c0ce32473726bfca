import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLRequestContext, byKeys, groupByKeys } from '@isnad/common';
import { ClaimLinkView, ClaimLinksService } from './claim-links.service';
import { ArticleRepublication } from './article-republication.entity';
import { ArticleSharedQuotation } from './article-shared-quotation.entity';
import { ClaimTranslation } from './claim-translation.entity';
import { RepublicationService } from './republication.service';
import { SpreadEntry, SpreadService } from './spread.service';

/** Batches the linking fields other types resolve within one request. */
@Injectable()
export class LinkingLoader {
  constructor(
    private readonly links: ClaimLinksService,
    private readonly republications: RepublicationService,
    private readonly spread: SpreadService,
  ) {}

  translations(ctx: GraphQLRequestContext): DataLoader<string, ClaimTranslation[]> {
    return ctx.loaders.get('linking.translations', () =>
      new DataLoader(async (claimIds: readonly string[]) =>
        groupByKeys(claimIds, await this.links.translationsOf(claimIds), (t) => t.claimId),
      ),
    );
  }

  relations(ctx: GraphQLRequestContext): DataLoader<string, ClaimLinkView[]> {
    return ctx.loaders.get('linking.relations', () =>
      new DataLoader(async (claimIds: readonly string[]) =>
        groupByKeys(claimIds, await this.links.relationsOf(claimIds), (r) => r.claimId),
      ),
    );
  }

  republicationOf(ctx: GraphQLRequestContext): DataLoader<string, ArticleRepublication | null> {
    return ctx.loaders.get('linking.republicationOf', () =>
      new DataLoader(async (articleIds: readonly string[]) =>
        byKeys(articleIds, await this.republications.republicationsOf(articleIds), (r) => r.articleId),
      ),
    );
  }

  copies(ctx: GraphQLRequestContext): DataLoader<string, ArticleRepublication[]> {
    return ctx.loaders.get('linking.copies', () =>
      new DataLoader(async (articleIds: readonly string[]) =>
        groupByKeys(articleIds, await this.republications.copiesOf(articleIds), (r) => r.originalArticleId),
      ),
    );
  }

  sharedQuotations(ctx: GraphQLRequestContext): DataLoader<string, ArticleSharedQuotation[]> {
    return ctx.loaders.get('linking.sharedQuotations', () =>
      new DataLoader(async (articleIds: readonly string[]) => {
        const rows = await this.republications.sharedQuotationsOf(articleIds);
        return articleIds.map((id) => rows.filter((r) => r.articleId === id || r.otherArticleId === id));
      }),
    );
  }

  timeline(ctx: GraphQLRequestContext): DataLoader<string, SpreadEntry[]> {
    return ctx.loaders.get('linking.timeline', () =>
      new DataLoader(async (claimIds: readonly string[]) =>
        groupByKeys(claimIds, await this.spread.timelinesOf(claimIds), (e) => e.claimId),
      ),
    );
  }

  falseClaimCountOfOutlet(ctx: GraphQLRequestContext): DataLoader<string, number> {
    return ctx.loaders.get('linking.falseClaimCountOfOutlet', () =>
      new DataLoader(async (outletIds: readonly string[]) => {
        const counts = await this.spread.falseClaimCountsOfOutlets(outletIds);
        return outletIds.map((id) => counts.get(id) ?? 0);
      }),
    );
  }

  falseClaimCountOfSource(ctx: GraphQLRequestContext): DataLoader<string, number> {
    return ctx.loaders.get('linking.falseClaimCountOfSource', () =>
      new DataLoader(async (sourceIds: readonly string[]) => {
        const counts = await this.spread.falseClaimCountsOfSources(sourceIds);
        return sourceIds.map((id) => counts.get(id) ?? 0);
      }),
    );
  }
}
