import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ClaimsService } from '@isnad/claims';
import { InvalidInputError, lockForTransaction } from '@isnad/common';
import { ClaimLinkDecision, ClaimMatcherService } from '@isnad/linking';
import { ClaimReviewReading, ReadClaimReview, SkippedClaimReview, TextWorkerPool, detectLanguage } from '@isnad/text';
import { ExternalReviewImportStatus, ImportClaimReviewsPayload, ImportedClaimReview } from './dto/import-claim-reviews.payload';
import { ExternalReview } from './external-review.entity';
import { NoClaimReviewError } from './monitoring.errors';
import { decodePage } from './page-decoding';
import { FetchedResponse, PageFetcher } from './page-fetcher';
import { RepeatsService } from './repeats.service';
import { checkHttpUrl } from './url-capture.service';

const JSON_TYPES = /^application\/(ld\+)?json$/;
const MATCHES_CONSIDERED = 5;

/** The fields of a review that a re-import compares and overwrites. */
type ReviewFields = Omit<ExternalReview, 'id' | 'organisationId' | 'claimId' | 'createdAt' | 'updatedAt' | 'organisation' | 'claim'>;

/**
 * Other fact-checkers' verdicts: schema.org ClaimReview read from a fact-check page's JSON-LD or a
 * DataFeed (through the same careful fetcher as pages), each kept as an external review with the
 * rating exactly as its reviewer gave it, and linked to a canonical claim: the matcher's best SAME
 * match above the calibrated threshold, else a new claim. Re-importing a review URL updates it.
 */
@Injectable()
export class ClaimReviewsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fetcher: PageFetcher,
    private readonly textWorkers: TextWorkerPool,
    private readonly claims: ClaimsService,
    private readonly matcher: ClaimMatcherService,
    private readonly repeats: RepeatsService,
  ) {}

  onModuleInit(): void {
    // A duplicate claim folded into another takes its external reviews along.
    this.claims.onMerge(async (manager, keep, duplicate) => {
      await manager.query(`UPDATE external_reviews SET claim_id = $1 WHERE claim_id = $2`, [keep.id, duplicate.id]);
    });
  }

  /** Fetches a fact-check page or DataFeed and imports its ClaimReviews; BAD_USER_INPUT (NO_CLAIM_REVIEW) when it has none. */
  async importFromUrl(rawUrl: string, organisationId: string): Promise<ImportClaimReviewsPayload> {
    const url = checkHttpUrl(rawUrl);
    const response = await this.fetcher.fetch({ url, kind: 'CLAIM_REVIEW' });
    const reading = await this.read(response);
    if (!reading.reviews.length) throw new NoClaimReviewError(url, reading.skipped);
    return this.importAll(reading, response.url, organisationId);
  }

  /** The ClaimReviews of a fetched page, DataFeed or other JSON-LD document (read in a worker). */
  async read(response: FetchedResponse): Promise<ClaimReviewReading> {
    const { text } = decodePage(response.body, response.headers['content-type']);
    const type = (response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const json = JSON_TYPES.test(type) || /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
    return this.textWorkers.claimReviews(text, { pageUrl: response.url, json });
  }

  /** Imports each review read; one that cannot be linked to a claim is skipped with its reason. */
  async importAll(reading: ClaimReviewReading, foundAtUrl: string, organisationId: string): Promise<ImportClaimReviewsPayload> {
    const reviews: ImportedClaimReview[] = [];
    const skipped: SkippedClaimReview[] = [...reading.skipped];
    for (const review of reading.reviews) {
      try {
        reviews.push(await this.importOne(review, foundAtUrl, organisationId));
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        skipped.push({ reason: 'NO_CLAIM_REVIEWED', detail: `${review.url}: ${error.message}` });
      }
    }
    return { reviews, skipped };
  }

  /** Imports one review, idempotent by its URL within the organisation. */
  async importOne(review: ReadClaimReview, foundAtUrl: string, organisationId: string): Promise<ImportedClaimReview> {
    return this.dataSource.transaction(async (manager) => {
      await lockForTransaction(manager, `external-review:${organisationId}:${review.url}`);
      const repository = manager.getRepository(ExternalReview);
      const existing = await repository.findOneBy({ organisationId, reviewUrl: review.url });
      const fields = fieldsOf(review, foundAtUrl);
      // The claim it is linked to changes only when the reviewer reworded the claim.
      const linked = existing && existing.claimReviewed === review.claimReviewed ? { claimId: existing.claimId, created: false } : await this.claimFor(review, manager);
      // A claim newly checked elsewhere: recent captures are rescanned for it, as after a verdict.
      if (linked.claimId !== existing?.claimId) await this.repeats.queueRescan(manager, linked.claimId);
      if (!existing) {
        const saved = await repository.save(repository.create({ ...fields, organisationId, claimId: linked.claimId }));
        return { status: ExternalReviewImportStatus.NEW, claimCreated: linked.created, review: saved };
      }
      if (linked.claimId === existing.claimId && sameFields(existing, fields)) {
        return { status: ExternalReviewImportStatus.UNCHANGED, claimCreated: false, review: existing };
      }
      await repository.save({ ...existing, ...fields, claimId: linked.claimId });
      return { status: ExternalReviewImportStatus.UPDATED, claimCreated: linked.created, review: await repository.findOneByOrFail({ id: existing.id }) };
    });
  }

  /** The canonical claim a review is about: the best SAME match at the suggestion threshold, else a new claim. */
  private async claimFor(review: ReadClaimReview, manager: EntityManager): Promise<{ claimId: string; created: boolean }> {
    const language = review.language ?? languageOrNull(detectLanguage(review.claimReviewed));
    const matches = await this.matcher.match(review.claimReviewed, { language, first: MATCHES_CONSIDERED }, manager);
    const same = matches.find((m) => m.relation === ClaimLinkDecision.SAME);
    if (same) return { claimId: same.claimId, created: false };
    const claim = await this.claims.create({ statement: review.claimReviewed, language }, manager);
    return { claimId: claim.id, created: true };
  }

  /** The organisation's external reviews of each claim, newest first. */
  async ofClaims(claimIds: readonly string[], organisationId: string): Promise<ExternalReview[]> {
    if (!claimIds.length) return [];
    return this.dataSource.getRepository(ExternalReview).find({
      where: { claimId: In([...claimIds]), organisationId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }
}

function languageOrNull(language: string): string | null {
  return language === 'und' ? null : language;
}

function fieldsOf(review: ReadClaimReview, foundAtUrl: string): ReviewFields {
  return {
    reviewUrl: review.url,
    foundAtUrl,
    reviewerName: review.reviewerName,
    reviewerUrl: review.reviewerUrl,
    ratingValue: review.rating.ratingValue,
    ratingText: review.rating.alternateName,
    bestRating: review.rating.bestRating,
    worstRating: review.rating.worstRating,
    claimReviewed: review.claimReviewed,
    claimAuthor: review.claimAuthor,
    datePublished: review.datePublished,
    appearances: review.appearances,
    firstAppearance: review.firstAppearance,
    language: review.language,
    claimReview: review.source,
  };
}

function sameFields(existing: ExternalReview, fields: ReviewFields): boolean {
  return (Object.keys(fields) as (keyof ReviewFields)[]).every((key) =>
    key === 'foundAtUrl' ? true : canonicalJson(existing[key]) === canonicalJson(fields[key]),
  );
}

/** JSON with object keys sorted: jsonb does not keep the order a page wrote them in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
