import { Access, Role } from '@isnad/auth';
import { ObjectType, Args, Context, Mutation, Parent, Query, ResolveField, Resolver, registerEnumType } from '@nestjs/graphql';
import { Connection, ConnectionType, GraphQLRequestContext, IdArgs, LONG_TEXT_PRICE, PageArgs, listPrice } from '@isnad/common';
import { Outlet, OutletLoader } from '@isnad/outlets';
import { displayUrl, textDirection } from '@isnad/text';
import { ArticleRevision } from './article-revision.entity';
import { Article } from './article.entity';
import { ArticleLoader } from './article.loader';
import { ArticlesService } from './articles.service';
import { ArticleFilter } from './dto/article.filter';
import { ArticleUrlArgs } from './dto/article-url.args';
import { CaptureArticleInput } from './dto/capture-article.input';
import { CaptureArticleFromHtmlInput } from './dto/capture-html.input';
import { CaptureArticlePayload } from './dto/capture-article.payload';

@ObjectType()
export class ArticleConnection extends ConnectionType(Article) {}

export enum TextDirection {
  RTL = 'RTL',
  LTR = 'LTR',
}
registerEnumType(TextDirection, { name: 'TextDirection' });

@Access(Role.VIEWER)
@Resolver(() => Article)
export class ArticleResolver {
  constructor(
    private readonly service: ArticlesService,
    private readonly loader: ArticleLoader,
    private readonly outletLoader: OutletLoader,
  ) {}

  @Query(() => Article, { nullable: true, description: 'An article; NOT_FOUND if there is none with this id.' })
  article(@Args() { id }: IdArgs): Promise<Article> {
    return this.service.get(id);
  }

  @Query(() => Article, { nullable: true, description: 'The article captured at this URL (normalised first).' })
  articleByUrl(@Args() { url }: ArticleUrlArgs): Promise<Article> {
    return this.service.getByUrl(url);
  }

  @Query(() => ArticleConnection, { description: 'Articles, most recently published first.' })
  articles(
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: ArticleFilter,
  ): Promise<Connection<Article>> {
    return this.service.list(filter, page);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => CaptureArticlePayload, {
    description: 'Captures an article from its text. Re-capturing a URL with changed text adds a revision.',
  })
  captureArticle(@Args('input') input: CaptureArticleInput): Promise<CaptureArticlePayload> {
    return this.service.capture(input);
  }

  @Access(Role.ANNOTATOR)
  @Mutation(() => CaptureArticlePayload, {
    description: 'Captures an article from its page HTML (text, title, byline, date, language, canonical URL from the page).',
  })
  captureArticleFromHtml(@Args('input') input: CaptureArticleFromHtmlInput): Promise<CaptureArticlePayload> {
    return this.service.captureHtml(input);
  }

  @ResolveField(() => Outlet)
  async outlet(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<Outlet | null> {
    return this.outletLoader.byId(ctx).load(article.outletId);
  }

  @ResolveField(() => String, { description: 'The text of the latest revision.', complexity: LONG_TEXT_PRICE })
  async text(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<string> {
    const revision = await this.loader.latestRevision(ctx).load(article.id);
    return revision?.text ?? '';
  }

  @ResolveField(() => ArticleRevision)
  latestRevision(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<ArticleRevision | null> {
    return this.loader.latestRevision(ctx).load(article.id);
  }

  @ResolveField(() => [ArticleRevision], { description: 'Every captured text, oldest first.', complexity: listPrice(10) })
  revisions(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<ArticleRevision[]> {
    return this.loader.revisions(ctx).load(article.id);
  }

  @ResolveField(() => TextDirection, { description: 'Direction to render the text in, from its language.' })
  direction(@Parent() article: Article): TextDirection {
    return textDirection(article.language ?? '') === 'rtl' ? TextDirection.RTL : TextDirection.LTR;
  }

  @ResolveField(() => String, { description: 'The canonical URL with Arabic (or other) slugs decoded for reading.' })
  displayUrl(@Parent() article: Article): string {
    return displayUrl(article.canonicalUrl);
  }
}
