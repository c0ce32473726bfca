import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLRequestContext, byKeys, groupByKeys } from '@isnad/common';
import { Outlet } from './outlet.entity';
import { OutletsService } from './outlets.service';

/** Batches outlet look-ups made by other types' fields within one request. */
@Injectable()
export class OutletLoader {
  constructor(private readonly outlets: OutletsService) {}

  byId(ctx: GraphQLRequestContext): DataLoader<string, Outlet | null> {
    return ctx.loaders.get('outlet.byId', () =>
      new DataLoader(async (ids: readonly string[]) => byKeys(ids, await this.outlets.findByIds(ids), (o) => o.id)),
    );
  }

  domains(ctx: GraphQLRequestContext): DataLoader<string, string[]> {
    return ctx.loaders.get('outlet.domains', () =>
      new DataLoader(async (ids: readonly string[]) =>
        groupByKeys(ids, await this.outlets.domainsOf(ids), (d) => d.outletId).map((rows) => rows.map((d) => d.domain)),
      ),
    );
  }
}
