import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { GraphQLRequestContext, byKeys } from '@isnad/common';
import { Organisation } from './organisation.entity';

/** Per-request loaders for organisations, for every type that names one. */
@Injectable()
export class AuthLoader {
  constructor(private readonly dataSource: DataSource) {}

  organisation(ctx: GraphQLRequestContext): DataLoader<string, Organisation | null> {
    return ctx.loaders.get('auth.organisation', () =>
      new DataLoader(async (ids: readonly string[]) =>
        byKeys(ids, await this.dataSource.getRepository(Organisation).findBy({ id: In([...ids]) }), (o) => o.id),
      ),
    );
  }
}
