import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Connection, DEFAULT_PAGE_SIZE, ForbiddenError, Keyset, PageArgs, decodeCursor, toConnection } from '@isnad/common';
import { ClaimsService } from '@isnad/claims';
import {
  CorrectVerdictInput,
  CreateVerdictInput,
  UpdateVerdictInput,
  VerdictContentInput,
  VerdictFilter,
  VerdictStepInput,
} from './dto/verdict.input';
import { Actor } from '@isnad/auth';
import { RatingScalesService } from './rating-scales.service';
import { ratingLabel } from './rating.entity';
import { VerdictEvent, VerdictEventType } from './verdict-event.entity';
import { VerdictEventsBus } from './verdict-events.bus';
import { PUBLIC_STATUSES, VerdictStatus } from './verdict-status';
import { VerdictVersion } from './verdict-version.entity';
import { Verdict } from './verdict.entity';
import {
  InvalidVerdictError,
  VerdictAlreadyPublishedError,
  VerdictNotFoundError,
  VerdictTransitionError,
  VerdictVersionConflictError,
  RivalPublicVerdictsError,
} from './verdicts.errors';

/** A verdict together with the canonical claim it applies to today (claims merge after verdicts are written). */
export interface VerdictOnClaim {
  verdict: Verdict;
  canonicalClaimId: string;
}

/**
 * Verdicts and their review workflow. Every change names the version it was made on, takes a row
 * lock, and writes a new immutable version; public changes also write an outbox event in the same
 * transaction.
 */
/** Work another library does in the transaction that first publishes a verdict (e.g. queueing rescans). */
export type VerdictPublishListener = (manager: EntityManager, verdict: Verdict) => Promise<void>;

@Injectable()
export class VerdictsService {
  private readonly publishListeners: VerdictPublishListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
    private readonly scales: RatingScalesService,
    private readonly bus: VerdictEventsBus,
  ) {
    this.claims.onMerge((manager, keep, duplicate) => this.refuseMergingRivalVerdicts(manager, keep.id, duplicate.id));
  }

  /** Runs `listener` inside the transaction of every first publication of a verdict. */
  onPublished(listener: VerdictPublishListener): void {
    this.publishListeners.push(listener);
  }

  /**
   * Merging two claims that each carry a public verdict by the same organisation would leave that
   * organisation with two public verdicts on one claim: refused until one is retracted.
   */
  private async refuseMergingRivalVerdicts(manager: EntityManager, keepId: string, duplicateId: string): Promise<void> {
    const rivals: { organisation_id: string }[] = await manager.query(
      `${MERGED_CLAIMS_CTE}
       SELECT v.organisation_id FROM verdicts v JOIN merged m ON m.id = v.claim_id
        WHERE v.status IN ('PUBLISHED', 'CORRECTED')
        GROUP BY v.organisation_id HAVING count(DISTINCT m.root) > 1`,
      [[keepId, duplicateId]],
    );
    if (rivals.length) throw new RivalPublicVerdictsError(keepId, duplicateId, rivals[0].organisation_id);
  }

  /** Starts a DRAFT verdict (version 1) on the claim, or on the claim it was merged into. */
  async create(input: CreateVerdictInput, actor: Actor): Promise<Verdict> {
    if (input.organisationId && input.organisationId !== actor.organisationId) {
      throw new ForbiddenError('Verdicts are written for your own organisation', { field: 'organisationId' });
    }
    const missing = (['ratingId', 'headline', 'summary'] as const).filter((field) => !input[field]);
    if (missing.length) {
      throw new InvalidVerdictError(`A verdict needs ${missing.join(', ')}`, { fields: missing.map((field) => ({ field })) });
    }
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.claims.getCurrent(input.claimId, manager);
      const organisationId = actor.organisationId;
      await this.checkRating(manager, input.ratingId as string, organisationId);
      const verdict = manager.create(Verdict, {
        organisationId,
        claimId: claim.id,
        status: VerdictStatus.DRAFT,
        version: 1,
        ratingId: input.ratingId,
        headline: clean(input.headline as string),
        summary: clean(input.summary as string),
        rationale: clean(input.rationale ?? ''),
        evidence: evidenceOf(input),
        authors: input.authors?.length ? input.authors.map(clean) : [actor.name],
        reviewer: null,
        language: input.language ?? claim.language ?? 'ar',
        publicNote: null,
        firstPublishedAt: null,
        publishedAt: null,
      });
      await manager.save(verdict);
      await this.writeVersion(manager, verdict, null);
      return verdict;
    });
  }

  /** Edits a DRAFT or IN_REVIEW verdict; published ones change only through correct(). */
  async update(input: UpdateVerdictInput, actor: Actor): Promise<Verdict> {
    return this.step(actor, input.id, input.expectedVersion, 'edited', [VerdictStatus.DRAFT, VerdictStatus.IN_REVIEW], async (manager, verdict) => {
      await this.applyContent(manager, verdict, input);
      return { status: verdict.status };
    });
  }

  async submitForReview(input: VerdictStepInput, actor: Actor): Promise<Verdict> {
    return this.step(actor, input.id, input.expectedVersion, 'submitted for review', [VerdictStatus.DRAFT], async () => ({
      status: VerdictStatus.IN_REVIEW,
    }));
  }

  /** Sends a verdict in review back to its authors, with the reviewer's note. */
  async returnToDraft(input: VerdictStepInput, actor: Actor): Promise<Verdict> {
    if (!input.note) throw new InvalidVerdictError('Say what needs changing (note)', { field: 'note' });
    return this.step(actor, input.id, input.expectedVersion, 'returned to draft', [VerdictStatus.IN_REVIEW], async () => ({
      status: VerdictStatus.DRAFT,
      note: input.note,
    }));
  }

  /** Publishes a reviewed verdict: it now shows on every appearance of its claim, in feeds and to partners. */
  async publish(input: VerdictStepInput, actor: Actor): Promise<Verdict> {
    return this.step(actor, input.id, input.expectedVersion, 'published', [VerdictStatus.IN_REVIEW], async (manager, verdict) => {
      const claimId = (await this.claims.getCurrent(verdict.claimId, manager)).id;
      // Two reviewers publishing rival verdicts at once would both find no public one; holding the
      // canonical claim's row makes the second wait and then see the first.
      await manager.query(`SELECT id FROM claims WHERE id = $1 FOR UPDATE`, [claimId]);
      const rivals: { id: string }[] = await manager.query(
        `${MERGED_CLAIMS_CTE}
         SELECT v.id FROM verdicts v JOIN merged m ON m.id = v.claim_id
          WHERE v.organisation_id = $2 AND v.id <> $3 AND v.status IN ('PUBLISHED', 'CORRECTED')`,
        [[claimId], verdict.organisationId, verdict.id],
      );
      if (rivals.length) throw new VerdictAlreadyPublishedError(claimId, rivals[0].id);
      const now = new Date();
      verdict.reviewer = clean(input.by || actor.name);
      verdict.firstPublishedAt = now;
      verdict.publishedAt = now;
      return { status: VerdictStatus.PUBLISHED, event: VerdictEventType.PUBLISHED };
    });
  }

  /** Corrects a public verdict: a new version with a public note saying what changed. */
  async correct(input: CorrectVerdictInput, actor: Actor): Promise<Verdict> {
    const publicStates = [VerdictStatus.PUBLISHED, VerdictStatus.CORRECTED];
    return this.step(actor, input.id, input.expectedVersion, 'corrected', publicStates, async (manager, verdict) => {
      await this.applyContent(manager, verdict, input);
      verdict.publicNote = clean(input.note);
      verdict.publishedAt = new Date();
      return { status: VerdictStatus.CORRECTED, note: input.note, event: VerdictEventType.CORRECTED };
    });
  }

  /** Withdraws a public verdict; it stays in feeds as a retraction with its public note. */
  async retract(input: VerdictStepInput, actor: Actor): Promise<Verdict> {
    if (!input.note) throw new InvalidVerdictError('Say publicly why the verdict is retracted (note)', { field: 'note' });
    const publicStates = [VerdictStatus.PUBLISHED, VerdictStatus.CORRECTED];
    return this.step(actor, input.id, input.expectedVersion, 'retracted', publicStates, async (_manager, verdict) => {
      verdict.publicNote = clean(input.note as string);
      verdict.publishedAt = new Date();
      return { status: VerdictStatus.RETRACTED, note: input.note, event: VerdictEventType.RETRACTED };
    });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Verdict> {
    const verdict = await manager.findOneBy(Verdict, { id });
    if (!verdict) throw new VerdictNotFoundError(id);
    return verdict;
  }

  /** A verdict the actor may see: public ones, and their own organisation's in any status (NOT_FOUND otherwise). */
  async getVisible(id: string, actor: Actor | null): Promise<Verdict> {
    const verdict = await this.get(id);
    if (!isVisibleTo(verdict, actor)) throw new VerdictNotFoundError(id);
    return verdict;
  }

  async findByIds(ids: readonly string[]): Promise<Verdict[]> {
    return ids.length ? this.dataSource.getRepository(Verdict).findBy({ id: In([...ids]) }) : [];
  }

  /** Verdicts the actor may see (see getVisible), most recently changed first. */
  async list(filter: VerdictFilter = {}, page: PageArgs = {}, actor: Actor | null = null): Promise<Connection<Verdict>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const query = this.dataSource
      .getRepository(Verdict)
      .createQueryBuilder('v')
      .orderBy('v.updated_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(first + 1)
      .where(actor ? '(v.status IN (:...visible) OR v.organisation_id = :own)' : 'v.status IN (:...visible)', {
        visible: PUBLIC_STATUSES,
        own: actor?.organisationId,
      });
    if (filter.claimId) {
      const claimId = (await this.claims.getCurrent(filter.claimId)).id;
      query.andWhere(`v.claim_id IN (${MERGED_CLAIMS_SUBQUERY(':claimId')})`, { claimId });
    }
    if (filter.organisationId) query.andWhere('v.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.statuses?.length) query.andWhere('v.status IN (:...statuses)', { statuses: filter.statuses });
    if (page.after) {
      const { value, id } = decodeCursor(page.after);
      query.andWhere('(v.updated_at, v.id) < (:value, :id)', { value, id });
    }
    return toConnection(await query.getMany(), first, (v): Keyset => ({ value: v.updatedAt.toISOString(), id: v.id }));
  }

  /**
   * Every public verdict on each claim, and with `unpublishedOf` that organisation's unpublished ones, following merges: a verdict written on a claim later merged into
   * another one applies to the surviving claim. Newest first.
   */
  async verdictsOfClaims(claimIds: readonly string[], unpublishedOf: string | null): Promise<VerdictOnClaim[]> {
    if (!claimIds.length) return [];
    const rows: { id: string; root: string }[] = await this.dataSource.query(
      `${MERGED_CLAIMS_CTE}
       SELECT v.id, m.root FROM verdicts v JOIN merged m ON m.id = v.claim_id
        WHERE v.status IN ('PUBLISHED', 'CORRECTED', 'RETRACTED') OR v.organisation_id = $2`,
      [[...claimIds], unpublishedOf],
    );
    const verdicts = new Map((await this.findByIds(rows.map((r) => r.id))).map((v) => [v.id, v]));
    return rows
      .map((r) => ({ verdict: verdicts.get(r.id) as Verdict, canonicalClaimId: r.root }))
      .sort((a, b) => b.verdict.createdAt.getTime() - a.verdict.createdAt.getTime());
  }

  /** For each claim id, the claim it was merged into (itself when not merged). */
  async canonicalClaimIds(claimIds: readonly string[]): Promise<Map<string, string>> {
    if (!claimIds.length) return new Map();
    const rows: { start: string; id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE up(start, id, merged_into_id, depth) AS (
         SELECT id, id, merged_into_id, 0 FROM claims WHERE id = ANY($1::uuid[])
         UNION ALL
         SELECT up.start, c.id, c.merged_into_id, up.depth + 1 FROM claims c JOIN up ON c.id = up.merged_into_id WHERE up.depth < 10
       )
       SELECT start, id FROM up WHERE merged_into_id IS NULL`,
      [[...claimIds]],
    );
    return new Map(rows.map((r) => [r.start, r.id]));
  }

  async versionsOf(verdictIds: readonly string[]): Promise<VerdictVersion[]> {
    if (!verdictIds.length) return [];
    return this.dataSource
      .getRepository(VerdictVersion)
      .find({ where: { verdictId: In([...verdictIds]) }, order: { version: 'ASC' } });
  }

  /**
   * One workflow step under the optimistic check: locks the row, refuses a stale expectedVersion
   * (CONFLICT, nothing written) or a step the status does not allow, applies the change, bumps the
   * version, keeps the new version, and for public changes writes the outbox event.
   */
  private async step(
    actor: Actor,
    id: string,
    expectedVersion: number,
    action: string,
    allowedFrom: VerdictStatus[],
    change: (
      manager: EntityManager,
      verdict: Verdict,
    ) => Promise<{ status: VerdictStatus; note?: string; event?: VerdictEventType }>,
  ): Promise<Verdict> {
    let published: VerdictEventType | undefined;
    const changed = await this.dataSource.transaction(async (manager) => {
      const verdict = await manager.findOne(Verdict, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!verdict || !isVisibleTo(verdict, actor)) throw new VerdictNotFoundError(id);
      if (verdict.organisationId !== actor.organisationId) throw new ForbiddenError('Only its own organisation changes a verdict');
      if (verdict.version !== expectedVersion) throw new VerdictVersionConflictError(id, expectedVersion, verdict.version);
      if (!allowedFrom.includes(verdict.status)) throw new VerdictTransitionError(id, verdict.status, action);
      const { status, note, event } = await change(manager, verdict);
      verdict.status = status;
      verdict.version += 1;
      await manager.save(verdict);
      await this.writeVersion(manager, verdict, note ? clean(note) : null);
      if (event) await this.writeEvent(manager, verdict, event);
      if (event === VerdictEventType.PUBLISHED) for (const listener of this.publishListeners) await listener(manager, verdict);
      published = event;
      return verdict;
    });
    if (published) {
      // After commit: subscribers must never hear of a change that was rolled back.
      const rating = await this.scales.getRating(changed.ratingId);
      await this.bus.publish({
        verdictId: changed.id,
        organisationId: changed.organisationId,
        claimId: (await this.claims.getCurrent(changed.claimId)).id,
        language: changed.language,
        ratingKey: rating.rating.key,
        status: changed.status,
        version: changed.version,
      });
    }
    return changed;
  }

  private async applyContent(manager: EntityManager, verdict: Verdict, input: VerdictContentInput): Promise<void> {
    if (input.ratingId !== undefined && input.ratingId !== null) {
      await this.checkRating(manager, input.ratingId, verdict.organisationId);
      verdict.ratingId = input.ratingId;
    }
    if (input.headline) verdict.headline = clean(input.headline);
    if (input.summary) verdict.summary = clean(input.summary);
    if (input.rationale !== undefined && input.rationale !== null) verdict.rationale = clean(input.rationale);
    if (input.evidence) verdict.evidence = evidenceOf(input);
    if (input.authors) verdict.authors = input.authors.map(clean);
    if (input.language) verdict.language = input.language;
  }

  private async checkRating(manager: EntityManager, ratingId: string, organisationId: string): Promise<void> {
    const { organisationId: owner } = await this.scales.getRating(ratingId, manager);
    if (owner !== organisationId) {
      throw new InvalidVerdictError('The rating belongs to another organisation\'s scale', { field: 'ratingId' });
    }
  }

  private async writeVersion(manager: EntityManager, verdict: Verdict, note: string | null): Promise<void> {
    await manager.insert(VerdictVersion, {
      verdictId: verdict.id,
      version: verdict.version,
      status: verdict.status,
      ratingId: verdict.ratingId,
      headline: verdict.headline,
      summary: verdict.summary,
      rationale: verdict.rationale,
      evidence: verdict.evidence,
      authors: verdict.authors,
      reviewer: verdict.reviewer,
      language: verdict.language,
      note,
    });
  }

  private async writeEvent(manager: EntityManager, verdict: Verdict, type: VerdictEventType): Promise<void> {
    const { rating } = await this.scales.getRating(verdict.ratingId, manager);
    const claimId = (await this.claims.getCurrent(verdict.claimId, manager)).id;
    const payload: Record<string, unknown> = {
      type,
      verdictId: verdict.id,
      version: verdict.version,
      status: verdict.status,
      claimId,
      organisationId: verdict.organisationId,
      language: verdict.language,
      headline: verdict.headline,
      summary: verdict.summary,
      rating: { key: rating.key, value: rating.value, label: ratingLabel(rating, verdict.language) },
      publicNote: verdict.publicNote,
      publishedAt: verdict.publishedAt?.toISOString() ?? null,
      claimReviewPath: `/claim-reviews/${verdict.id}`,
    };
    const event = Object.assign(new VerdictEvent(), {
      type,
      verdictId: verdict.id,
      organisationId: verdict.organisationId,
      version: verdict.version,
      payload,
    });
    await manager.save(event);
  }
}

/** `merged(id, root)`: each claim in $1 and every claim merged into it, at any depth. */
const MERGED_CLAIMS_CTE = `WITH RECURSIVE merged(id, root, depth) AS (
  SELECT id, id, 0 FROM claims WHERE id = ANY($1::uuid[])
  UNION ALL
  SELECT c.id, m.root, m.depth + 1 FROM claims c JOIN merged m ON c.merged_into_id = m.id WHERE m.depth < 10
)`;

function MERGED_CLAIMS_SUBQUERY(param: string): string {
  return `WITH RECURSIVE merged(id, depth) AS (
    SELECT id, 0 FROM claims WHERE id = ${param}
    UNION ALL SELECT c.id, m.depth + 1 FROM claims c JOIN merged m ON c.merged_into_id = m.id WHERE m.depth < 10
  ) SELECT id FROM merged`;
}

function clean(text: string): string {
  return text.trim().normalize('NFC');
}

function evidenceOf(input: VerdictContentInput) {
  return (input.evidence ?? []).map((item) => ({
    kind: item.kind,
    url: item.url,
    archivedUrl: item.archivedUrl ?? null,
    hash: item.hash ?? null,
    note: item.note ? clean(item.note) : null,
  }));
}


/** Public verdicts are everyone's; drafts and verdicts in review only their organisation's. */
export function isVisibleTo(verdict: Verdict, actor: Actor | null): boolean {
  return PUBLIC_STATUSES.includes(verdict.status) || verdict.organisationId === actor?.organisationId;
}
