import { Access, Role } from '@isnad/auth';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext } from '@isnad/common';
import { Article, ArticleLoader } from '@isnad/articles';
import { Claim, ClaimAppearance, ClaimLoader } from '@isnad/claims';
import { ArticleRepublication } from './article-republication.entity';
import { ArticleSharedQuotation } from './article-shared-quotation.entity';
import { CopiedClaimsService } from './copied-claims.service';
import { AcceptSuggestedAppearancesInput, ArticleCopyLink, SuggestedAppearance } from './dto/republication.type';
import { LinkingLoader } from './linking.loader';
import { ReuseKind } from './text-reuse';

// Articles belong to libs/articles; republication fields are added to their type here.

@Access(Role.VIEWER)
@Resolver(() => Article)
export class ArticleRepublicationResolver {
  constructor(
    private readonly loader: LinkingLoader,
    private readonly articleLoader: ArticleLoader,
    private readonly claimLoader: ClaimLoader,
    private readonly copiedClaims: CopiedClaimsService,
  ) {}

  @ResolveField(() => ArticleCopyLink, {
    nullable: true,
    description:
      'The earliest article this one republishes, wholly (COPY) or in part (PARTIAL_COPY), detected on capture by ' +
      'the share of shingles the two texts have in common and the passages they share.',
  })
  async republicationOf(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<ArticleCopyLink | null> {
    const link = await this.loader.republicationOf(ctx).load(article.id);
    return link && copyLink(link, link.originalArticleId);
  }

  @ResolveField(() => [ArticleCopyLink], { description: 'Articles detected as republishing this one, first detected first.' })
  async copies(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<ArticleCopyLink[]> {
    const links = await this.loader.copies(ctx).load(article.id);
    return links.map((link) => copyLink(link, link.articleId));
  }

  @ResolveField(() => [ArticleCopyLink], {
    description:
      'Articles sharing only quoted words with this one (kind SHARED_QUOTATION): reports quoting the same statement, ' +
      'not copies. In the passages, `original` is the earlier article.',
  })
  async sharedQuotations(@Parent() article: Article, @Context() ctx: GraphQLRequestContext): Promise<ArticleCopyLink[]> {
    const rows = await this.loader.sharedQuotations(ctx).load(article.id);
    return rows.map((row) => quotationLink(row, row.articleId === article.id ? row.otherArticleId : row.articleId));
  }

  @ResolveField(() => [SuggestedAppearance], {
    description:
      "For a copy: the original's claim appearances found again in this article's latest revision (word for word, " +
      'or fuzzily despite changed quote marks, diacritics and small edits), leaving out claims already annotated ' +
      'here. File them with acceptSuggestedAppearances.',
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
    return this.copiedClaims.suggestionsFor(link, latest, originals, own).map((s) => ({
      claimId: s.claimId,
      fromAppearanceId: s.fromAppearanceId,
      revisionId: s.revisionId,
      verbatim: s.verbatim,
      score: s.score,
      ...s.anchor,
    }));
  }
}

@Access(Role.VIEWER)
@Resolver(() => ClaimAppearance)
export class CopiedClaimsResolver {
  constructor(private readonly copiedClaims: CopiedClaimsService) {}

  @Access(Role.ANNOTATOR)
  @Mutation(() => [ClaimAppearance], {
    description:
      "Files a copy's suggested appearances in one call (all scoring at least minScore, or those named): each is an " +
      "appearance of the same claim whose chain is the original's, through the outlet the copy credits, ending with " +
      'the copying site as REPUBLISHED.',
  })
  acceptSuggestedAppearances(@Args('input') input: AcceptSuggestedAppearancesInput): Promise<ClaimAppearance[]> {
    return this.copiedClaims.accept(input.articleId, input.fromAppearanceIds, input.minScore);
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

type StoredLink = Pick<ArticleRepublication, 'kind' | 'containment' | 'similarity' | 'originalRevisionId' | 'copyRevisionId' | 'sharedPassages' | 'detectedAt'>;

function copyLink(link: StoredLink, articleId: string): ArticleCopyLink {
  const { kind, containment, similarity, originalRevisionId, copyRevisionId, sharedPassages, detectedAt } = link;
  return { articleId, kind, containment, similarity, originalRevisionId, copyRevisionId, sharedPassages, detectedAt };
}

function quotationLink(row: ArticleSharedQuotation, articleId: string): ArticleCopyLink {
  return copyLink({ ...row, kind: ReuseKind.SHARED_QUOTATION, originalRevisionId: row.otherRevisionId, copyRevisionId: row.articleRevisionId }, articleId);
}
