import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Connection, GraphQLRequestContext, PageArgs, byKeys, groupByKeys } from '@isnad/common';
import { AttributionHop } from './attribution-hop.entity';
import { ClaimNote } from './claim-note.entity';
import { ClaimNotesService } from './claim-notes.service';
import { ClaimAppearance } from './claim-appearance.entity';
import { Claim } from './claim.entity';
import { ClaimsService, RelayedSourceCount } from './claims.service';
import { Tag } from './tag.entity';

/** Batches the claim-side fields of every type within one request. */
@Injectable()
export class ClaimLoader {
  constructor(
    private readonly claims: ClaimsService,
    private readonly notes: ClaimNotesService,
  ) {}

  byId(ctx: GraphQLRequestContext): DataLoader<string, Claim | null> {
    return ctx.loaders.get('claim.byId', () =>
      new DataLoader(async (ids: readonly string[]) => byKeys(ids, await this.claims.findByIds(ids), (c) => c.id)),
    );
  }

  /** An organisation's notes on each claim, oldest first. */
  notesOf(ctx: GraphQLRequestContext, organisationId: string): DataLoader<string, ClaimNote[]> {
    return ctx.loaders.get(`claim.notes:${organisationId}`, () =>
      new DataLoader(async (claimIds: readonly string[]) =>
        groupByKeys(claimIds, await this.notes.notesOf(claimIds, organisationId), (note) => note.claimId),
      ),
    );
  }

  tags(ctx: GraphQLRequestContext): DataLoader<string, Tag[]> {
    return ctx.loaders.get('claim.tags', () =>
      new DataLoader(async (claimIds: readonly string[]) =>
        groupByKeys(claimIds, await this.claims.tagsOf(claimIds), (row) => row.claimId).map((rows) =>
          rows.map((row) => row.tag),
        ),
      ),
    );
  }

  /** Appearance pages; claims asking with the same page arguments share one batch. */
  appearances(ctx: GraphQLRequestContext, page: PageArgs): DataLoader<string, Connection<ClaimAppearance>> {
    const key = `claim.appearances:${page.first ?? ''}:${page.after ?? ''}`;
    return ctx.loaders.get(key, () =>
      new DataLoader(async (claimIds: readonly string[]) => {
        const pages = await this.claims.appearancePagesOf(claimIds, page);
        return claimIds.map((id) => pages.get(id) as Connection<ClaimAppearance>);
      }),
    );
  }

  /** Pages of claims citing each source; sources asking with the same arguments share one batch. */
  claimsOfSource(ctx: GraphQLRequestContext, page: PageArgs): DataLoader<string, Connection<Claim>> {
    const key = `claim.claimsOfSource:${page.first ?? ''}:${page.after ?? ''}`;
    return ctx.loaders.get(key, () =>
      new DataLoader(async (sourceIds: readonly string[]) => {
        const pages = await this.claims.claimPagesOfSources(sourceIds, page);
        return sourceIds.map((id) => pages.get(id) as Connection<Claim>);
      }),
    );
  }

  appearanceCount(ctx: GraphQLRequestContext): DataLoader<string, number> {
    return ctx.loaders.get('claim.appearanceCount', () =>
      new DataLoader(async (claimIds: readonly string[]) => {
        const counts = await this.claims.appearanceCountsOf(claimIds);
        return claimIds.map((id) => counts.get(id) ?? 0);
      }),
    );
  }

  appearanceById(ctx: GraphQLRequestContext): DataLoader<string, ClaimAppearance | null> {
    return ctx.loaders.get('claim.appearanceById', () =>
      new DataLoader(async (ids: readonly string[]) =>
        byKeys(ids, await this.claims.findAppearancesByIds(ids), (a) => a.id),
      ),
    );
  }

  appearancesInArticle(ctx: GraphQLRequestContext): DataLoader<string, ClaimAppearance[]> {
    return ctx.loaders.get('claim.appearancesInArticle', () =>
      new DataLoader(async (articleIds: readonly string[]) =>
        groupByKeys(articleIds, await this.claims.appearancesInArticles(articleIds), (a) => a.articleId),
      ),
    );
  }

  chain(ctx: GraphQLRequestContext): DataLoader<string, AttributionHop[]> {
    return ctx.loaders.get('claim.chain', () =>
      new DataLoader(async (appearanceIds: readonly string[]) =>
        groupByKeys(appearanceIds, await this.claims.hopsOf(appearanceIds), (h) => h.appearanceId),
      ),
    );
  }

  relayedSources(ctx: GraphQLRequestContext): DataLoader<string, RelayedSourceCount[]> {
    return ctx.loaders.get('claim.relayedSources', () =>
      new DataLoader(async (outletIds: readonly string[]) =>
        groupByKeys(outletIds, await this.claims.relayedSourcesOf(outletIds), (r) => r.outletId),
      ),
    );
  }
}
