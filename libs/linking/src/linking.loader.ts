import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLRequestContext, groupByKeys } from '@isnad/common';
import { ClaimLinkView, ClaimLinksService } from './claim-links.service';
import { ClaimTranslation } from './claim-translation.entity';

/** Batches the linking fields other types resolve within one request. */
@Injectable()
export class LinkingLoader {
  constructor(private readonly links: ClaimLinksService) {}

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
}
