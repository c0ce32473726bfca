import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLRequestContext, byKeys } from '@isnad/common';
import { AuthService } from './auth.service';
import { Organisation } from './organisation.entity';

/** Per-request loaders for organisations, for every type that names one. */
@Injectable()
export class AuthLoader {
  constructor(private readonly auth: AuthService) {}

  organisation(ctx: GraphQLRequestContext): DataLoader<string, Organisation | null> {
    return ctx.loaders.get('auth.organisation', () =>
      new DataLoader(async (ids: readonly string[]) => byKeys(ids, await this.auth.organisationsByIds(ids), (o) => o.id)),
    );
  }
}
