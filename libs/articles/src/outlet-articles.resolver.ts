import { Access, Role } from '@isnad/auth';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, GraphQLRequestContext, PageArgs } from '@isnad/common';
import { Outlet } from '@isnad/outlets';
import { Article } from './article.entity';
import { ArticleLoader } from './article.loader';
import { ArticleConnection } from './article.resolver';

/** Adds `articles` to the Outlet type (outlets do not know about articles). */
@Access(Role.VIEWER)
@Resolver(() => Outlet)
export class OutletArticlesResolver {
  constructor(private readonly loader: ArticleLoader) {}

  @ResolveField(() => ArticleConnection, { description: "The outlet's articles, most recently published first." })
  articles(
    @Parent() outlet: Outlet,
    @Args() page: PageArgs,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<Connection<Article>> {
    return this.loader.articlesOfOutlet(ctx, page).load(outlet.id);
  }
}
