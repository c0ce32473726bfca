import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Claim, ClaimAppearance, ClaimsService } from '@isnad/claims';
import { normalizeForSearch } from '@isnad/text';
import { ClaimLinkDecision, ClaimLinkReview } from './claim-link-review.entity';
import { ClaimTextKind } from './claim-match-text.entity';
import { ClaimMatchResult, ClaimMatcherService } from './claim-matcher.service';
import { ClaimTranslation } from './claim-translation.entity';
import { AddClaimTranslationInput, RelateClaimsInput, ReviewClaimMatchInput } from './dto/claim-link.input';
import { InvalidLinkError } from './linking.errors';

/** A reviewed link seen from one claim. */
export interface ClaimLinkView {
  claimId: string;
  otherClaimId: string;
  decision: ClaimLinkDecision;
  note: string | null;
}

/** Translations of claims, suggestions for appearances, and the fact-checker's review of them. */
@Injectable()
export class ClaimLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
    private readonly matcher: ClaimMatcherService,
  ) {}

  /** Records a translation of a claim's statement; matching finds the claim through it from then on. */
  async addTranslation(input: AddClaimTranslationInput): Promise<ClaimTranslation> {
    const text = input.text.trim().normalize('NFC');
    const key = normalizeForSearch(text);
    if (!key) throw new InvalidLinkError('The translation has no letters or digits', { field: 'text' });
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.claims.getCurrent(input.claimId, manager);
      const translation = await manager.save(manager.create(ClaimTranslation, { claimId: claim.id, language: input.language, text }));
      await manager.query(
        `INSERT INTO claim_match_texts (claim_id, translation_id, kind, language, key, tsv)
         VALUES ($1, $2, $3, $4, $5, linking_tsvector($4, $5))`,
        [claim.id, translation.id, ClaimTextKind.TRANSLATION, input.language, key],
      );
      return translation;
    });
  }

  /**
   * Suggestions for an appearance: claims its quote states, other than the one it is filed under
   * and those a fact-checker already reviewed against that claim.
   */
  async suggestionsForAppearance(appearance: ClaimAppearance, first: number, language?: string | null): Promise<ClaimMatchResult[]> {
    const reviewed = await this.reviewedWith(appearance.claimId);
    return this.matcher.match(appearance.exact, { first, language, excludeClaimIds: [appearance.claimId, ...reviewed] });
  }

  /**
   * The suggested claim is the same claim: the newer of the two is merged into the older one
   * (ClaimsService.merge moves appearances and tags; verdicts stay on their claim ids, which now
   * point to the kept claim through mergedIntoId). Returns the claim kept.
   */
  async confirm(input: ReviewClaimMatchInput): Promise<Claim> {
    // One transaction: a merge refused (rival public verdicts) leaves no SAME review behind.
    return this.dataSource.transaction(async (manager) => {
      const [a, b] = await this.currentPair(input, manager);
      const [keep, duplicate] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
      await this.record(manager, a.id, b.id, ClaimLinkDecision.SAME, input.note);
      return this.claims.merge({ keepId: keep.id, mergeId: duplicate.id }, manager);
    });
  }

  /** Not the same claim: the pair is remembered and never suggested again. */
  async reject(input: ReviewClaimMatchInput): Promise<ClaimLinkReview> {
    return this.dataSource.transaction(async (manager) => {
      const [a, b] = await this.currentPair(input, manager);
      return this.record(manager, a.id, b.id, ClaimLinkDecision.REJECTED, input.note);
    });
  }

  /** Different claims, one supporting or contradicting the other; no longer suggested as the same. */
  async relate(input: RelateClaimsInput): Promise<ClaimLinkReview> {
    return this.dataSource.transaction(async (manager) => {
      const [a, b] = await this.currentPair(input, manager);
      return this.record(manager, a.id, b.id, ClaimLinkDecision[input.relation], input.note);
    });
  }

  /** Claims reviewed against `claimId` (any decision): never suggested for it again. */
  async reviewedWith(claimId: string): Promise<string[]> {
    const rows: { other: string }[] = await this.dataSource.query(
      `SELECT other_claim_id AS other FROM claim_link_reviews WHERE claim_id = $1
       UNION SELECT claim_id FROM claim_link_reviews WHERE other_claim_id = $1`,
      [claimId],
    );
    return rows.map((r) => r.other);
  }

  /** Supporting and contradicting claims of each claim, for Claim.relatedClaims. */
  async relationsOf(claimIds: readonly string[]): Promise<ClaimLinkView[]> {
    if (!claimIds.length) return [];
    const reviews = await this.dataSource.getRepository(ClaimLinkReview).find({
      where: [
        { claimId: In([...claimIds]), decision: In([ClaimLinkDecision.SUPPORTS, ClaimLinkDecision.CONTRADICTS]) },
        { otherClaimId: In([...claimIds]), decision: In([ClaimLinkDecision.SUPPORTS, ClaimLinkDecision.CONTRADICTS]) },
      ],
      order: { createdAt: 'ASC' },
    });
    return reviews.flatMap((r) => [
      { claimId: r.claimId, otherClaimId: r.otherClaimId, decision: r.decision, note: r.note },
      { claimId: r.otherClaimId, otherClaimId: r.claimId, decision: r.decision, note: r.note },
    ]);
  }

  async translationsOf(claimIds: readonly string[]): Promise<ClaimTranslation[]> {
    if (!claimIds.length) return [];
    return this.dataSource.getRepository(ClaimTranslation).find({ where: { claimId: In([...claimIds]) }, order: { createdAt: 'ASC' } });
  }

  private async currentPair(input: ReviewClaimMatchInput, manager: EntityManager): Promise<[Claim, Claim]> {
    const a = await this.claims.getCurrent(input.claimId, manager);
    const b = await this.claims.getCurrent(input.matchedClaimId, manager);
    if (a.id === b.id) throw new InvalidLinkError('These are already one claim', { field: 'matchedClaimId' });
    return [a, b];
  }

  /** Stores the decision for the unordered pair, replacing an earlier one. */
  private async record(
    manager: EntityManager,
    x: string,
    y: string,
    decision: ClaimLinkDecision,
    note?: string,
  ): Promise<ClaimLinkReview> {
    const [claimId, otherClaimId] = x < y ? [x, y] : [y, x];
    await manager.query(
      `INSERT INTO claim_link_reviews (claim_id, other_claim_id, decision, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (claim_id, other_claim_id) DO UPDATE SET decision = EXCLUDED.decision, note = EXCLUDED.note`,
      [claimId, otherClaimId, decision, note?.trim() || null],
    );
    return manager.findOneByOrFail(ClaimLinkReview, { claimId, otherClaimId });
  }
}
