import { Injectable } from '@nestjs/common';
import { Article, ArticlesService } from '@isnad/articles';
import { Claim, ClaimAppearance, ClaimsService } from '@isnad/claims';
import { Outlet, OutletsService } from '@isnad/outlets';
import { Source, SourcesService } from '@isnad/sources';
import { AuthService, Organisation } from '@isnad/auth';
import { RatingScalesService, ScaleBounds } from './rating-scales.service';
import { Rating } from './rating.entity';
import { Verdict } from './verdict.entity';
import { VerdictsService } from './verdicts.service';
import { VerdictStatus } from './verdict-status';
import type { PageCorrection, PageHop, VerdictPageView } from './verdict-page';

/** Most appearances a ClaimReview or feed entry lists for one claim. */
export const MAX_APPEARANCES = 50;

/** One place the claim appeared, with its article and outlet. */
export interface AppearanceInOutlet {
  appearance: ClaimAppearance;
  article: Article;
  outlet: Outlet | null;
  /** When the outlet published it, else when Isnad first captured it. */
  date: Date;
}

/** What a feed entry shows of a public verdict: the claim, its rating and where it appeared. */
export interface VerdictEntry {
  verdict: Verdict;
  rating: Rating;
  /** The canonical claim, today (after any merges). */
  claim: Claim;
  /** Earliest first. */
  appearances: AppearanceInOutlet[];
}

/** Everything needed to present a public verdict: ClaimReview, DataFeed items, webhook payloads. */
export interface VerdictBundle extends VerdictEntry {
  organisation: Organisation;
  bounds: ScaleBounds;
  /** Who made the claim: the origin of the earliest appearance's attribution chain. */
  claimant: Source | null;
}

/**
 * Loads verdict bundles for a whole page of verdicts in a fixed number of statements, whatever the
 * page size (feeds and ClaimReview share it).
 */
@Injectable()
export class VerdictBundleService {
  constructor(
    private readonly verdicts: VerdictsService,
    private readonly scales: RatingScalesService,
    private readonly auth: AuthService,
    private readonly claims: ClaimsService,
    private readonly articles: ArticlesService,
    private readonly outlets: OutletsService,
    private readonly sources: SourcesService,
  ) {}

  /** Full bundles (ClaimReview needs the scale bounds, the organisation and the claimant). */
  async bundles(verdicts: Verdict[]): Promise<VerdictBundle[]> {
    if (!verdicts.length) return [];
    const entries = await this.entries(verdicts);
    const [organisations, bounds, hops] = await Promise.all([
      this.auth.organisationsByIds([...new Set(verdicts.map((v) => v.organisationId))]),
      this.scales.boundsOfScales([...new Set(entries.map((entry) => entry.rating.scaleId))]),
      this.claims.hopsOf(entries.flatMap((entry) => entry.appearances.map((a) => a.appearance.id))),
    ]);
    const origins = new Map(hops.filter((h) => h.position === 0).map((h) => [h.appearanceId, h.sourceId]));
    const sourceById = byId(await this.sources.findByIds([...new Set(origins.values())]));
    const organisationById = byId(organisations);
    return entries.map((entry) => {
      const originId = entry.appearances.map((a) => origins.get(a.appearance.id)).find((id) => id !== undefined);
      return {
        ...entry,
        organisation: organisationById.get(entry.verdict.organisationId) as Organisation,
        bounds: bounds.get(entry.rating.scaleId) ?? { worst: null, best: null },
        claimant: originId ? (sourceById.get(originId) ?? null) : null,
      };
    });
  }

  /** What feed entries show, without the chains, organisations and scales only ClaimReview reads. */
  async entries(verdicts: Verdict[]): Promise<VerdictEntry[]> {
    if (!verdicts.length) return [];
    const canonical = await this.verdicts.canonicalClaimIds([...new Set(verdicts.map((v) => v.claimId))]);
    const claimIds = [...new Set(verdicts.map((v) => canonical.get(v.claimId) ?? v.claimId))];
    const [claims, pages, ratings] = await Promise.all([
      this.claims.findByIds(claimIds),
      this.claims.appearancePagesOf(claimIds, { first: MAX_APPEARANCES }),
      this.scales.findRatingsByIds([...new Set(verdicts.map((v) => v.ratingId))]),
    ]);
    const appearances = [...pages.values()].flatMap((page) => page.nodes);
    const articles = await this.articles.findByIds([...new Set(appearances.map((a) => a.articleId))]);
    const outlets = await this.outlets.findByIds([...new Set(articles.map((a) => a.outletId))]);
    const claimById = byId(claims);
    const articleById = byId(articles);
    const outletById = byId(outlets);
    const ratingById = byId(ratings);

    return verdicts.map((verdict) => {
      const claimId = canonical.get(verdict.claimId) ?? verdict.claimId;
      const inOutlets = (pages.get(claimId)?.nodes ?? [])
        .map((appearance) => {
          const article = articleById.get(appearance.articleId) as Article;
          return {
            appearance,
            article,
            outlet: outletById.get(article.outletId) ?? null,
            date: article.publishedAt ?? article.firstCapturedAt,
          };
        })
        .sort((a, b) => a.date.getTime() - b.date.getTime());
      return {
        verdict,
        rating: ratingById.get(verdict.ratingId) as Rating,
        claim: claimById.get(claimId) as Claim,
        appearances: inOutlets,
      };
    });
  }

  /** What the public page adds to a bundle: each appearance's chain, the rating scale, the public corrections. */
  async pageDetails(bundle: VerdictBundle): Promise<Pick<VerdictPageView, 'chains' | 'scale' | 'corrections'>> {
    const hops = await this.claims.hopsOf(bundle.appearances.map((a) => a.appearance.id));
    const [sources, scale, versions] = await Promise.all([
      this.sources.findByIds([...new Set(hops.map((h) => h.sourceId))]),
      this.scales.ratingsOfScales([bundle.rating.scaleId]),
      this.verdicts.versionsOf([bundle.verdict.id]),
    ]);
    const names = new Map(sources.map((source) => [source.id, source.name]));
    const chains = new Map<string, PageHop[]>();
    for (const hop of hops) {
      const chain = chains.get(hop.appearanceId) ?? [];
      chain.push({ relation: hop.relation, name: names.get(hop.sourceId) ?? '', cue: hop.cue ?? null });
      chains.set(hop.appearanceId, chain);
    }
    // Only corrections and retractions carry public notes; a reviewer's note on a return to draft stays internal.
    const corrections: PageCorrection[] = versions
      .filter((v) => (v.status === VerdictStatus.CORRECTED || v.status === VerdictStatus.RETRACTED) && v.note)
      .map((v) => ({ status: v.status, note: v.note as string, at: v.createdAt }));
    return { chains, scale, corrections };
  }
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
