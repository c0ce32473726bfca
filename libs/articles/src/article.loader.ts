import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Connection, GraphQLRequestContext, PageArgs, byKeys, groupByKeys } from '@isnad/common';
import { ArticleRevision } from './article-revision.entity';
import { Article } from './article.entity';
import { ArticlesService } from './articles.service';

/** Batches article and revision look-ups made by other types' fields within one request. */
@Injectable()
export class ArticleLoader {
  constructor(private readonly articles: ArticlesService) {}

  byId(ctx: GraphQLRequestContext): DataLoader<string, Article | null> {
    return ctx.loaders.get('article.byId', () =>
      new DataLoader(async (ids: readonly string[]) => byKeys(ids, await this.articles.findByIds(ids), (a) => a.id)),
    );
  }

  revisionById(ctx: GraphQLRequestContext): DataLoader<string, ArticleRevision | null> {
    return ctx.loaders.get('article.revisionById', () =>
      new DataLoader(async (ids: readonly string[]) =>
        byKeys(ids, await this.articles.revisionsByIds(ids), (r) => r.id),
      ),
    );
  }

  latestRevision(ctx: GraphQLRequestContext): DataLoader<string, ArticleRevision | null> {
    return ctx.loaders.get('article.latestRevision', () =>
      new DataLoader(async (articleIds: readonly string[]) =>
        byKeys(articleIds, await this.articles.latestRevisionsOf(articleIds), (r) => r.articleId),
      ),
    );
  }

  revisions(ctx: GraphQLRequestContext): DataLoader<string, ArticleRevision[]> {
    return ctx.loaders.get('article.revisions', () =>
      new DataLoader(async (articleIds: readonly string[]) =>
        groupByKeys(articleIds, await this.articles.revisionsOf(articleIds), (r) => r.articleId),
      ),
    );
  }

  /** Pages of each outlet's articles; outlets asking with the same arguments share one batch. */
  articlesOfOutlet(ctx: GraphQLRequestContext, page: PageArgs): DataLoader<string, Connection<Article>> {
    const key = `article.articlesOfOutlet:${page.first ?? ''}:${page.after ?? ''}`;
    return ctx.loaders.get(key, () =>
      new DataLoader(async (outletIds: readonly string[]) => {
        const pages = await this.articles.articlePagesOfOutlets(outletIds, page);
        return outletIds.map((id) => pages.get(id) as Connection<Article>);
      }),
    );
  }
}
