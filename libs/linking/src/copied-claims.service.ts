import { Injectable } from '@nestjs/common';
import { ArticleRevision, ArticlesService } from '@isnad/articles';
import { AttributionRelation, ClaimAppearance, ClaimsService } from '@isnad/claims';
import { OutletsService } from '@isnad/outlets';
import { SourcesService } from '@isnad/sources';
import { findCreditLine, normalizeForSearch } from '@isnad/text';
import { ArticleRepublication } from './article-republication.entity';
import { CopiedAppearance, copiedAppearances, copiedChain } from './copied-appearances';
import { InvalidLinkError, NotACopyError } from './linking.errors';
import { RepublicationService } from './republication.service';

/** Least score of a suggestion accepted when the fact-checker does not name the ones to accept. */
export const DEFAULT_ACCEPT_SCORE = 0.8;

/** A suggestion with the copy revision its offsets point into. */
export interface CopySuggestion extends CopiedAppearance {
  revisionId: string;
}

/**
 * Carries a story's claims over to its copies: the original's appearances re-anchored in the copy,
 * and, once the fact-checker accepts them, filed as appearances of the copy whose chains go on to
 * the copying site (REPUBLISHED), through the outlet the copy credits if it names one.
 */
@Injectable()
export class CopiedClaimsService {
  constructor(
    private readonly republications: RepublicationService,
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
    private readonly outlets: OutletsService,
  ) {}

  /** The original's appearances found again in the copy's latest revision (see copiedAppearances). */
  suggestionsFor(
    link: ArticleRepublication,
    latest: ArticleRevision,
    originals: readonly ClaimAppearance[],
    own: readonly ClaimAppearance[],
  ): CopySuggestion[] {
    const passages = link.copyRevisionId === latest.id ? link.sharedPassages : [];
    return copiedAppearances(originals, latest.text, new Set(own.map((a) => a.claimId)), passages).map((s) => ({
      ...s,
      revisionId: latest.id,
    }));
  }

  /** Files the chosen suggestions for a copy in one call; each appearance's chain ends with the copying site. */
  async accept(articleId: string, fromAppearanceIds?: string[], minScore = DEFAULT_ACCEPT_SCORE): Promise<ClaimAppearance[]> {
    const [link] = await this.republications.republicationsOf([articleId]);
    if (!link) throw new NotACopyError(articleId);
    const [{ article, revision }, { article: original }, inArticles] = await Promise.all([
      this.articles.getRevision(articleId),
      this.articles.getRevision(link.originalArticleId),
      this.claims.appearancesInArticles([articleId, link.originalArticleId]),
    ]);
    const suggestions = this.suggestionsFor(
      link,
      revision,
      inArticles.filter((a) => a.articleId === link.originalArticleId),
      inArticles.filter((a) => a.articleId === articleId),
    );
    const chosen = fromAppearanceIds
      ? fromAppearanceIds.map((id) => {
          const found = suggestions.find((s) => s.fromAppearanceId === id);
          if (!found) throw new InvalidLinkError(`Appearance ${id} is not among the suggestions for this copy`, { field: 'fromAppearanceIds' });
          return found;
        })
      : suggestions.filter((s) => s.score >= minScore);
    if (!chosen.length) return [];
    const credited = await this.creditedOutlet(revision.text);
    const hops = await this.claims.hopsOf(chosen.map((s) => s.fromAppearanceId));
    const hopSources = await this.sources.findByIds([...new Set(hops.map((h) => h.sourceId))]);
    const outletOfSource = new Map(hopSources.map((s) => [s.id, s.outletId]));
    const filed: ClaimAppearance[] = [];
    for (const suggestion of chosen) {
      const chain = copiedChain(
        hops
          .filter((h) => h.appearanceId === suggestion.fromAppearanceId)
          .sort((a, b) => a.position - b.position)
          .map((h) => ({ sourceId: h.sourceId, sourceOutletId: outletOfSource.get(h.sourceId) ?? null, relation: h.relation, cue: h.cue })),
        original.outletId,
        article.outletId,
        credited,
      );
      filed.push(
        await this.claims.annotate({
          articleId,
          revisionId: suggestion.revisionId,
          claimId: suggestion.claimId,
          selector: { start: suggestion.anchor.start, end: suggestion.anchor.end, exact: suggestion.anchor.exact },
          chain: chain.map((hop) => ({ ...hop, relation: hop.relation as AttributionRelation })),
        }),
      );
    }
    return filed;
  }

  /** The outlet a copy's credit line names, when Isnad knows it. */
  private async creditedOutlet(text: string): Promise<{ outletId: string; cue: string } | null> {
    const credit = findCreditLine(text);
    if (!credit) return null;
    const keys = [credit.name, credit.canonicalName].filter((n): n is string => !!n).map(normalizeForSearch);
    const [outlet] = await this.outlets.findByNameKeys(keys);
    return outlet ? { outletId: outlet.id, cue: credit.line } : null;
  }
}
