import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { EntityRows } from '@isnad/database';
import { ChildPageSpec, Connection, DEFAULT_PAGE_SIZE, Keyset, PageArgs, allWordsCondition, childPageIds, decodeCursor, lockForTransaction, toConnection } from '@isnad/common';
import { ArticlesService } from '@isnad/articles';
import { OutletsService } from '@isnad/outlets';
import { CreateSourceInput, Source, SourcesService } from '@isnad/sources';
import { normalizeForSearch, resolveSelector } from '@isnad/text';
import { AttributionHop, AttributionRelation } from './attribution-hop.entity';
import { ClaimAppearance } from './claim-appearance.entity';
import { ClaimNote } from './claim-note.entity';
import { Claim } from './claim.entity';
import {
  ClaimAppearanceNotFoundError,
  ClaimNotFoundError,
  DuplicateAppearanceError,
  InvalidAnchorError,
  InvalidAttributionChainError,
  InvalidClaimError,
} from './claims.errors';
import {
  AnnotateClaimInput,
  AttachAppearanceInput,
  SetAttributionChainInput,
} from './dto/annotate-claim.input';
import { AttributionHopInput } from './dto/attribution-hop.input';
import { ClaimFilter, MergeClaimsInput, UpdateClaimInput } from './dto/claim.input';
import { Tag } from './tag.entity';

/** A source and how many appearances in an outlet's articles cite it. */
export interface RelayedSourceCount {
  outletId: string;
  sourceId: string;
  appearanceCount: number;
}

/**
 * A check that runs inside every claim merge's transaction before anything moves (other libraries
 * use it to refuse merges their own rules forbid, e.g. two public verdicts).
 */
export type ClaimMergeListener = (manager: EntityManager, keep: Claim, duplicate: Claim) => Promise<void>;

const APPEARANCES_OF_CLAIM: ChildPageSpec = { table: 'claim_appearances', parentColumn: 'claim_id', sortColumn: 'created_at', order: 'ASC' };

/** Claims, where they appear, and who they are attributed to. */
@Injectable()
export class ClaimsService {
  private readonly mergeListeners: ClaimMergeListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesService,
    private readonly sources: SourcesService,
    private readonly outlets: OutletsService,
  ) {}

  /**
   * Records that a claim appears at a span of an article: anchors the span in the revision's text,
   * creates the claim (or uses the one given), its attribution chain and tags, all or nothing.
   */
  async annotate(input: AnnotateClaimInput): Promise<ClaimAppearance> {
    return this.dataSource.transaction(async (manager) => {
      const { article, revision } = await this.articles.getRevision(input.articleId, input.revisionId, manager);
      const resolved = resolveSelector(revision.text, input.selector);
      if (!resolved.ok) throw new InvalidAnchorError(resolved.reason, resolved.message);
      const { anchor } = resolved;
      // Concurrent annotations of one revision queue here, so the check below cannot race.
      await lockForTransaction(manager, `appearance:${revision.id}`);
      const existing = await manager.findOne(ClaimAppearance, {
        where: { articleRevisionId: revision.id, start: anchor.start, end: anchor.end },
      });
      if (existing) throw new DuplicateAppearanceError(existing.id, existing.claimId);

      let claim: Claim;
      if (input.claimId) {
        if (input.statement) {
          throw new InvalidClaimError('Give claimId to attach to a claim, or statement to create one, not both');
        }
        claim = await this.getCurrent(input.claimId, manager);
      } else {
        const statement = (input.statement ?? anchor.exact).trim().normalize('NFC');
        claim = await manager.save(
          manager.create(Claim, {
            statement,
            statementKey: normalizeForSearch(statement),
            language: input.language ?? article.language,
          }),
        );
      }
      const appearance = await manager.save(
        manager.create(ClaimAppearance, {
          claimId: claim.id,
          articleId: article.id,
          articleRevisionId: revision.id,
          ...anchor,
          exactKey: normalizeForSearch(anchor.exact),
          note: input.note ?? null,
        }),
      );
      if (input.chain?.length) await this.writeChain(manager, appearance.id, input.chain);
      if (input.tags?.length) await this.addTags(manager, claim.id, input.tags);
      return appearance;
    });
  }

  /** Creates a claim known from elsewhere (another fact-checker's review), with no appearance yet. */
  async create(input: { statement: string; language: string | null }, manager: EntityManager = this.dataSource.manager): Promise<Claim> {
    const statement = input.statement.trim().normalize('NFC');
    if (!normalizeForSearch(statement)) throw new InvalidClaimError('The statement has no letters or digits');
    return manager.save(manager.create(Claim, { statement, statementKey: normalizeForSearch(statement), language: input.language }));
  }

  /** Replaces an appearance's attribution chain. */
  async setAttributionChain(input: SetAttributionChainInput): Promise<ClaimAppearance> {
    return this.dataSource.transaction(async (manager) => {
      const appearance = await this.getAppearance(input.appearanceId, manager);
      await manager.delete(AttributionHop, { appearanceId: appearance.id });
      await this.writeChain(manager, appearance.id, input.chain);
      return appearance;
    });
  }

  /** Moves an appearance to another claim (it was the same claim all along). */
  async attachAppearance(input: AttachAppearanceInput): Promise<ClaimAppearance> {
    return this.dataSource.transaction(async (manager) => {
      const appearance = await this.getAppearance(input.appearanceId, manager);
      const claim = await this.getCurrent(input.claimId, manager);
      appearance.claimId = claim.id;
      await manager.update(ClaimAppearance, { id: appearance.id }, { claimId: claim.id });
      return appearance;
    });
  }

  /**
   * Removes an appearance annotated by mistake, with its chain. The claim stays (other appearances
   * or a verdict may rest on it); its id is returned so the client can refresh it.
   */
  async deleteAppearance(id: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const appearance = await this.getAppearance(id, manager);
      await manager.delete(ClaimAppearance, { id: appearance.id });
      return appearance.claimId;
    });
  }

  async update(input: UpdateClaimInput): Promise<Claim> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.get(input.id, manager);
      if (input.statement !== undefined) {
        claim.statement = input.statement.trim().normalize('NFC');
        claim.statementKey = normalizeForSearch(claim.statement);
      }
      if (input.language !== undefined) claim.language = input.language;
      await manager.save(claim);
      if (input.tags !== undefined) {
        await manager.query(`DELETE FROM claim_tags WHERE claim_id = $1`, [claim.id]);
        await this.addTags(manager, claim.id, input.tags);
      }
      return claim;
    });
  }

  /** Registers a check that runs in every merge (see ClaimMergeListener). */
  onMerge(listener: ClaimMergeListener): void {
    this.mergeListeners.push(listener);
  }

  /**
   * Folds a duplicate claim into the one kept: appearances and tags move; the duplicate points to it.
   * Runs in `manager`'s transaction when given (a match confirmation records its review in the same one).
   */
  async merge(input: MergeClaimsInput, inTransaction?: EntityManager): Promise<Claim> {
    if (input.keepId === input.mergeId) throw new InvalidClaimError('A claim cannot be merged into itself');
    const work = async (manager: EntityManager): Promise<Claim> => {
      const keep = await this.get(input.keepId, manager);
      const duplicate = await this.get(input.mergeId, manager);
      if (keep.mergedIntoId || duplicate.mergedIntoId) {
        throw new InvalidClaimError('One of these claims was already merged; merge into the surviving claim');
      }
      for (const listener of this.mergeListeners) await listener(manager, keep, duplicate);
      await manager.update(ClaimAppearance, { claimId: duplicate.id }, { claimId: keep.id });
      await manager.update(ClaimNote, { claimId: duplicate.id }, { claimId: keep.id });
      await manager.query(
        `INSERT INTO claim_tags (claim_id, tag_id) SELECT $1, tag_id FROM claim_tags WHERE claim_id = $2
         ON CONFLICT DO NOTHING`,
        [keep.id, duplicate.id],
      );
      await manager.update(Claim, { id: duplicate.id }, { mergedIntoId: keep.id });
      return keep;
    };
    return inTransaction ? work(inTransaction) : this.dataSource.transaction(work);
  }

  /** The claim, or ClaimNotFoundError. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Claim> {
    const claim = await manager.findOneBy(Claim, { id });
    if (!claim) throw new ClaimNotFoundError(id);
    return claim;
  }

  /** The claim, following merges to the one that survives. */
  async getCurrent(id: string, manager: EntityManager = this.dataSource.manager): Promise<Claim> {
    let claim = await this.get(id, manager);
    for (let hops = 0; claim.mergedIntoId && hops < 10; hops++) claim = await this.get(claim.mergedIntoId, manager);
    return claim;
  }

  /** The appearance, or ClaimAppearanceNotFoundError. */
  async getAppearance(id: string, manager: EntityManager = this.dataSource.manager): Promise<ClaimAppearance> {
    const appearance = await manager.findOneBy(ClaimAppearance, { id });
    if (!appearance) throw new ClaimAppearanceNotFoundError(id);
    return appearance;
  }

  /**
   * A page of unmerged claims, newest first, narrowed by the filter. Written by hand (no query
   * builder): every claims page runs it, and building it cost more CPU than PostgreSQL spends on it.
   */
  async list(filter: ClaimFilter = {}, page: PageArgs = {}): Promise<Connection<Claim>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const parameters: unknown[] = [];
    const parameter = (value: unknown) => `$${parameters.push(value)}`;
    const conditions = ['t.merged_into_id IS NULL'];
    if (filter.text) {
      const key = normalizeForSearch(filter.text);
      if (!key) throw new InvalidClaimError('The search text has no letters or digits', { field: 'text' });
      // Every word, in any order, in the statement or in one of the quotes (the same patterns for both).
      const patterns = new Map<string, string>();
      const pattern = (value: string) => patterns.get(value) ?? patterns.set(value, parameter(value)).get(value)!;
      conditions.push(
        `(${allWordsCondition('t.statement_key', key, pattern)}
          OR EXISTS (SELECT 1 FROM claim_appearances ap WHERE ap.claim_id = t.id AND ${allWordsCondition('ap.exact_key', key, pattern)}))`,
      );
    }
    if (filter.sourceId) {
      conditions.push(`EXISTS (SELECT 1 FROM claim_appearances ap JOIN attribution_hops h ON h.appearance_id = ap.id
                        WHERE ap.claim_id = t.id AND h.source_id = ${parameter(filter.sourceId)})`);
    }
    if (filter.outletId) {
      conditions.push(`EXISTS (SELECT 1 FROM claim_appearances ap JOIN articles a ON a.id = ap.article_id
                        WHERE ap.claim_id = t.id AND a.outlet_id = ${parameter(filter.outletId)})`);
    }
    if (filter.articleId) {
      conditions.push(`EXISTS (SELECT 1 FROM claim_appearances ap WHERE ap.claim_id = t.id AND ap.article_id = ${parameter(filter.articleId)})`);
    }
    if (filter.tag) {
      conditions.push(
        `EXISTS (SELECT 1 FROM claim_tags ct JOIN tags tg ON tg.id = ct.tag_id WHERE ct.claim_id = t.id AND tg.key = ${parameter(normalizeForSearch(filter.tag))})`,
      );
    }
    if (filter.language) conditions.push(`t.language = ${parameter(filter.language)}`);
    if (page.after) {
      const { value, id } = decodeCursor(page.after);
      conditions.push(`(t.created_at, t.id) < (${parameter(value)}::timestamptz, ${parameter(id)}::uuid)`);
    }
    const rows = await EntityRows.of(this.dataSource, Claim).selectWhere(
      `WHERE ${conditions.join(' AND ')} ORDER BY t.created_at DESC, t.id DESC LIMIT ${parameter(first + 1)}`,
      parameters,
    );
    return toConnection(rows, first, claimKeyset);
  }

  async findByIds(ids: readonly string[]): Promise<Claim[]> {
    return EntityRows.of(this.dataSource, Claim).whereIn('id', ids);
  }

  async findAppearancesByIds(ids: readonly string[]): Promise<ClaimAppearance[]> {
    return EntityRows.of(this.dataSource, ClaimAppearance).whereIn('id', ids);
  }

  /**
   * One page of appearances for each of several claims, oldest first, in two statements whatever
   * the number of claims (a window function picks each claim's first `first + 1`).
   */
  async appearancePagesOf(claimIds: readonly string[], page: PageArgs): Promise<Map<string, Connection<ClaimAppearance>>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const result = new Map<string, Connection<ClaimAppearance>>();
    if (!claimIds.length) return result;
    const after = page.after ? decodeCursor(page.after) : null;
    const ids = await childPageIds(this.dataSource, APPEARANCES_OF_CLAIM, claimIds, first, after);
    const appearances = await this.findAppearancesByIds(ids);
    appearances.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    for (const claimId of claimIds) {
      const rows = appearances.filter((a) => a.claimId === claimId);
      result.set(claimId, toConnection(rows, first, appearanceKeyset));
    }
    return result;
  }

  /** One page of claims citing each of several sources, newest first, in two statements. */
  async claimPagesOfSources(sourceIds: readonly string[], page: PageArgs): Promise<Map<string, Connection<Claim>>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const after = page.after ? decodeCursor(page.after) : null;
    const ranked: { source_id: string; claim_id: string }[] = sourceIds.length
      ? await this.dataSource.query(
          `SELECT source_id, claim_id FROM (
             SELECT cited.source_id, cited.claim_id,
                    row_number() OVER (PARTITION BY cited.source_id ORDER BY cited.created_at DESC, cited.claim_id DESC) AS rank
               FROM (SELECT DISTINCT h.source_id, c.id AS claim_id, c.created_at
                       FROM attribution_hops h
                       JOIN claim_appearances ap ON ap.id = h.appearance_id
                       JOIN claims c ON c.id = ap.claim_id AND c.merged_into_id IS NULL
                      WHERE h.source_id = ANY($1::uuid[])
                        ${after ? 'AND (c.created_at, c.id) < ($3::timestamptz, $4::uuid)' : ''}) cited
           ) ranked WHERE rank <= $2`,
          after ? [[...sourceIds], first + 1, after.value, after.id] : [[...sourceIds], first + 1],
        )
      : [];
    const claims = new Map((await this.findByIds([...new Set(ranked.map((r) => r.claim_id))])).map((c) => [c.id, c]));
    const result = new Map<string, Connection<Claim>>();
    for (const sourceId of sourceIds) {
      const rows = ranked
        .filter((r) => r.source_id === sourceId)
        .map((r) => claims.get(r.claim_id) as Claim)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
      result.set(sourceId, toConnection(rows, first, claimKeyset));
    }
    return result;
  }

  async appearanceCountsOf(claimIds: readonly string[]): Promise<Map<string, number>> {
    if (!claimIds.length) return new Map();
    const rows: { claim_id: string; count: number }[] = await this.dataSource.query(
      `SELECT claim_id, count(*)::int AS count FROM claim_appearances WHERE claim_id = ANY($1::uuid[]) GROUP BY claim_id`,
      [[...claimIds]],
    );
    return new Map(rows.map((r) => [r.claim_id, r.count]));
  }

  async appearancesInArticles(articleIds: readonly string[]): Promise<ClaimAppearance[]> {
    if (!articleIds.length) return [];
    return this.dataSource
      .getRepository(ClaimAppearance)
      .find({ where: { articleId: In([...articleIds]) }, order: { start: 'ASC', createdAt: 'ASC' } });
  }

  async hopsOf(appearanceIds: readonly string[]): Promise<AttributionHop[]> {
    return EntityRows.of(this.dataSource, AttributionHop).whereIn('appearanceId', appearanceIds, ['position']);
  }

  async tagsOf(claimIds: readonly string[]): Promise<{ claimId: string; tag: Tag }[]> {
    if (!claimIds.length) return [];
    const rows: { claim_id: string; id: string; label: string; key: string }[] = await this.dataSource.query(
      `SELECT ct.claim_id, t.id, t.label, t.key FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE ct.claim_id = ANY($1::uuid[]) ORDER BY t.key`,
      [[...claimIds]],
    );
    return rows.map((r) => ({ claimId: r.claim_id, tag: Object.assign(new Tag(), { id: r.id, label: r.label, key: r.key }) }));
  }

  async allTags(): Promise<Tag[]> {
    return this.dataSource.getRepository(Tag).find({ order: { key: 'ASC' } });
  }

  /**
   * For each outlet, the sources cited in the attribution chains of claims in its articles (other
   * than the outlet itself), most cited first: whom the outlet relays.
   */
  async relayedSourcesOf(outletIds: readonly string[]): Promise<RelayedSourceCount[]> {
    if (!outletIds.length) return [];
    const rows: { outlet_id: string; source_id: string; count: number }[] = await this.dataSource.query(
      `SELECT a.outlet_id, h.source_id, count(DISTINCT ap.id)::int AS count
         FROM articles a
         JOIN claim_appearances ap ON ap.article_id = a.id
         JOIN attribution_hops h ON h.appearance_id = ap.id
         JOIN sources s ON s.id = h.source_id
        WHERE a.outlet_id = ANY($1::uuid[]) AND (s.outlet_id IS NULL OR s.outlet_id <> a.outlet_id)
        GROUP BY a.outlet_id, h.source_id
        ORDER BY count DESC, h.source_id`,
      [[...outletIds]],
    );
    return rows.map((r) => ({ outletId: r.outlet_id, sourceId: r.source_id, appearanceCount: r.count }));
  }

  private async writeChain(manager: EntityManager, appearanceId: string, chain: AttributionHopInput[]): Promise<void> {
    chain.forEach((hop, position) => {
      const given = [hop.sourceId, hop.outletId, hop.newSource, hop.newOutlet].filter((x) => x !== undefined && x !== null);
      if (given.length !== 1) {
        throw new InvalidAttributionChainError(`Hop ${position} must name exactly one of sourceId, outletId, newSource, newOutlet`, {
          field: `chain.${position}`,
        });
      }
      if ((position === 0) !== (hop.relation === AttributionRelation.ORIGIN)) {
        throw new InvalidAttributionChainError('The first hop, and only the first, has relation ORIGIN', {
          field: `chain.${position}.relation`,
        });
      }
    });
    for (const [position, hop] of chain.entries()) {
      const source = await this.sourceOfHop(manager, hop);
      await manager.insert(AttributionHop, {
        appearanceId,
        position,
        sourceId: source.id,
        relation: hop.relation,
        cue: hop.cue?.normalize('NFC') ?? null,
      });
    }
  }

  private async sourceOfHop(manager: EntityManager, hop: AttributionHopInput): Promise<Source> {
    if (hop.sourceId) return this.sources.getCurrent(hop.sourceId, manager);
    if (hop.outletId) return this.sources.forOutlet(hop.outletId, manager);
    if (hop.newOutlet) return this.sources.forOutlet((await this.outlets.createIn(manager, hop.newOutlet)).id, manager);
    return this.sources.createIn(manager, hop.newSource as CreateSourceInput);
  }

  private async addTags(manager: EntityManager, claimId: string, labels: string[]): Promise<void> {
    for (const label of labels) {
      const key = normalizeForSearch(label);
      if (!key) throw new InvalidClaimError(`The tag "${label}" has no letters or digits`, { field: 'tags' });
      await manager.query(`INSERT INTO tags (label, key) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
        label.trim().normalize('NFC'),
        key,
      ]);
      await manager.query(
        `INSERT INTO claim_tags (claim_id, tag_id) SELECT $1, id FROM tags WHERE key = $2 ON CONFLICT DO NOTHING`,
        [claimId, key],
      );
    }
  }
}

function claimKeyset(claim: Claim): Keyset {
  return { value: claim.createdAt.toISOString(), id: claim.id };
}

function appearanceKeyset(appearance: ClaimAppearance): Keyset {
  return { value: appearance.createdAt.toISOString(), id: appearance.id };
}
