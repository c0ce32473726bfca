import { Access, Role } from '@isnad/auth';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext } from '@isnad/common';
import { Article, ArticleLoader } from '@isnad/articles';
import { Claim, ClaimLoader } from '@isnad/claims';
import { ArticleCopyLink, SuggestedAppearance } from './dto/republication.type';
import { LinkingLoader } from './linking.loader';
import { locateQuote } from './quote-location';

// Articles belong to libs/articles; republication fields are added to their type here.

@Access(Role.VIEWER)
@Resolver(() => Article)
export class ArticleRepublicationResolver {
  constructor(
    private readonly loader: LinkingLoader,
    private readonly articleLoader: ArticleLoader,
    private readonly claimLoader: ClaimLoader,
  ) {}

  @ResolveField(() => ArticleCopyLink, {
    nullable: true,
    description: 'The earliest article this one republishes (same story, lightly edited), detected on capture.',
  })
  async republicationOf(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<ArticleCopyLink | null> {
    const link = await this.loader.republicationOf(ctx).load(article.id);
    return link && { articleId: link.originalArticleId, similarity: link.similarity, detectedAt: link.detectedAt };
  }

  @ResolveField(() => [ArticleCopyLink], { description: 'Articles detected as republishing this one, first detected first.' })
  async copies(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<ArticleCopyLink[]> {
    const links = await this.loader.copies(ctx).load(article.id);
    return links.map((link) => ({ articleId: link.articleId, similarity: link.similarity, detectedAt: link.detectedAt }));
  }

  @ResolveField(() => [SuggestedAppearance], {
    description:
      "For a copy: the original's claim appearances found again in this article's latest revision (word for word, " +
      'or the sentence sharing most of their words), leaving out claims already annotated here. Annotate one with ' +
      'annotateClaim(claimId, selector: {start, end}).',
  })
  async suggestedAppearances(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<SuggestedAppearance[]> {
    const link = await this.loader.republicationOf(ctx).load(article.id);
    if (!link) return [];
    const [originals, own, latest] = await Promise.all([
      this.claimLoader.appearancesInArticle(ctx).load(link.originalArticleId),
      this.claimLoader.appearancesInArticle(ctx).load(article.id),
      this.articleLoader.latestRevision(ctx).load(article.id),
    ]);
    if (!latest) return [];
    const annotated = new Set(own.map((a) => a.claimId));
    return originals.flatMap((appearance) => {
      if (annotated.has(appearance.claimId)) return [];
      const located = locateQuote(appearance, latest.text);
      if (!located) return [];
      annotated.add(appearance.claimId);
      return [{ claimId: appearance.claimId, fromAppearanceId: appearance.id, revisionId: latest.id, verbatim: located.exact, ...located.anchor }];
    });
  }
}

@Access(Role.VIEWER)
@Resolver(() => ArticleCopyLink)
export class ArticleCopyLinkResolver {
  constructor(private readonly articleLoader: ArticleLoader) {}

  @ResolveField(() => Article)
  article(@Parent() link: ArticleCopyLink, @Context() ctx: GraphQLRequestContext): Promise<Article | null> {
    return this.articleLoader.byId(ctx).load(link.articleId);
  }
}

@Access(Role.VIEWER)
@Resolver(() => SuggestedAppearance)
export class SuggestedAppearanceResolver {
  constructor(private readonly claimLoader: ClaimLoader) {}

  @ResolveField(() => Claim)
  claim(@Parent() suggestion: SuggestedAppearance, @Context() ctx: GraphQLRequestContext): Promise<Claim | null> {
    return this.claimLoader.byId(ctx).load(suggestion.claimId);
  }
}
