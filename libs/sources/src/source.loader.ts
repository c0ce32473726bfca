import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLRequestContext, byKeys } from '@isnad/common';
import { Source } from './source.entity';
import { SourcesService } from './sources.service';

/** Batches source look-ups made by other types' fields within one request. */
@Injectable()
export class SourceLoader {
  constructor(private readonly sources: SourcesService) {}

  byId(ctx: GraphQLRequestContext): DataLoader<string, Source | null> {
    return ctx.loaders.get('source.byId', () =>
      new DataLoader(async (ids: readonly string[]) => byKeys(ids, await this.sources.findByIds(ids), (s) => s.id)),
    );
  }
}
