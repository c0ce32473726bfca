import { Injectable } from '@nestjs/common';
import { ArticlesService } from '@isnad/articles';
import { SourcesService } from '@isnad/sources';
import { ClaimAppearance } from './claim-appearance.entity';
import { ClaimsService } from './claims.service';
import { AnnotatedAppearance, toWebAnnotation } from './web-annotation';

/** Exports appearances as W3C Web Annotations, one at a time or an article's whole set. */
@Injectable()
export class WebAnnotationService {
  constructor(
    private readonly claims: ClaimsService,
    private readonly articles: ArticlesService,
    private readonly sources: SourcesService,
  ) {}

  /** One appearance as an Annotation; ClaimAppearanceNotFoundError if there is none. */
  async annotation(appearanceId: string, baseUrl: string): Promise<Record<string, unknown>> {
    const appearance = await this.claims.getAppearance(appearanceId);
    const [annotated] = await this.annotate([appearance]);
    return toWebAnnotation(annotated, baseUrl);
  }

  /** Every appearance in an article, as an AnnotationCollection with its one page inline. */
  async collection(articleId: string, baseUrl: string): Promise<Record<string, unknown>> {
    const article = await this.articles.get(articleId);
    const appearances = await this.claims.appearancesInArticles([article.id]);
    const items = (await this.annotate(appearances)).map((a) => toWebAnnotation(a, baseUrl));
    const id = `${baseUrl}/articles/${article.id}/annotations`;
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'AnnotationCollection',
      label: article.title ?? article.canonicalUrl,
      total: items.length,
      first: { id: `${id}#page1`, type: 'AnnotationPage', startIndex: 0, items },
    };
  }

  private async annotate(appearances: ClaimAppearance[]): Promise<AnnotatedAppearance[]> {
    const ids = appearances.map((a) => a.id);
    const claimIds = [...new Set(appearances.map((a) => a.claimId))];
    const [claims, articles, hops, tags] = await Promise.all([
      this.claims.findByIds(claimIds),
      this.articles.findByIds([...new Set(appearances.map((a) => a.articleId))]),
      this.claims.hopsOf(ids),
      this.claims.tagsOf(claimIds),
    ]);
    const sources = new Map((await this.sources.findByIds([...new Set(hops.map((h) => h.sourceId))])).map((s) => [s.id, s]));
    return appearances.map((appearance) => ({
      appearance,
      claim: claims.find((c) => c.id === appearance.claimId)!,
      article: articles.find((a) => a.id === appearance.articleId)!,
      tags: tags.filter((t) => t.claimId === appearance.claimId).map((t) => t.tag),
      chain: hops
        .filter((h) => h.appearanceId === appearance.id)
        .map((hop) => ({ hop, source: sources.get(hop.sourceId)! })),
    }));
  }
}
