import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { PublicPageCache } from './public-page-cache';

/**
 * Any GraphQL mutation may change what a public page shows (a new appearance of a claim, a merge,
 * an outlet renamed): once it has run, the public pages get new ETags and are rendered again, in
 * every API process (through Redis when set).
 */
@Plugin()
export class PublicPageCachePlugin implements ApolloServerPlugin {
  constructor(private readonly cache: PublicPageCache) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const cache = this.cache;
    return {
      async willSendResponse({ operation }) {
        if (operation?.operation === 'mutation') cache.edited();
      },
    };
  }
}
