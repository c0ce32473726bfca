import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { EntityRows } from '@isnad/database';
import { Connection, DEFAULT_PAGE_SIZE, PageArgs, containsAllWords, decodeCursor, lockForTransaction, toConnection } from '@isnad/common';
import { OutletsService } from '@isnad/outlets';
import { normalizeForSearch } from '@isnad/text';
import { CreateSourceInput, MergeSourcesInput, SourceFilter, UpdateSourceInput } from './dto/source.input';
import { Source, SourceKind } from './source.entity';
import { InvalidSourceError, SourceNotFoundError } from './sources.errors';

/** Sources of claims: people, organisations, outlets, documents, media and anonymous sources. */
@Injectable()
export class SourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outlets: OutletsService,
  ) {}

  /** The source, or SourceNotFoundError. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Source> {
    const source = await manager.findOneBy(Source, { id });
    if (!source) throw new SourceNotFoundError(id);
    return source;
  }

  /** The source, following merges to the one that survives. */
  async getCurrent(id: string, manager: EntityManager = this.dataSource.manager): Promise<Source> {
    let source = await this.get(id, manager);
    for (let hops = 0; source.mergedIntoId && hops < 10; hops++) source = await this.get(source.mergedIntoId, manager);
    return source;
  }

  async findByIds(ids: readonly string[]): Promise<Source[]> {
    return EntityRows.of(this.dataSource, Source).whereIn('id', ids);
  }

  /** Sources (not merged away) whose normalised name is one of `nameKeys`. */
  async findByNameKeys(nameKeys: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Source[]> {
    if (!nameKeys.length) return [];
    return manager.getRepository(Source).findBy({ nameKey: In([...nameKeys]), mergedIntoId: IsNull() });
  }

  async list(filter: SourceFilter = {}, page: PageArgs = {}): Promise<Connection<Source>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const query = this.dataSource
      .getRepository(Source)
      .createQueryBuilder('s')
      .where('s.merged_into_id IS NULL')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(first + 1);
    if (filter.text) {
      const words = containsAllWords('s.name_key', normalizeForSearch(filter.text), 'word');
      query.andWhere(words.sql, words.parameters);
    }
    if (filter.kind) query.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.outletId) {
      query.andWhere('(s.outlet_id = :outletId OR s.confided_to_outlet_id = :outletId)', { outletId: filter.outletId });
    }
    if (page.after) {
      const { value, id } = decodeCursor(page.after);
      query.andWhere('(s.created_at, s.id) < (:value, :id)', { value, id });
    }
    const rows = await query.getMany();
    return toConnection(rows, first, (s) => ({ value: s.createdAt.toISOString(), id: s.id }));
  }

  async create(input: CreateSourceInput): Promise<Source> {
    return this.dataSource.transaction((manager) => this.createIn(manager, input));
  }

  /**
   * create() inside the caller's transaction (annotating a claim creates its sources with it). A
   * source of the same kind and normalised name (and, for an anonymous one, told to the same
   * outlet) is reused rather than duplicated, so a double submission makes one source.
   */
  async createIn(manager: EntityManager, input: CreateSourceInput): Promise<Source> {
    if (input.kind === SourceKind.OUTLET) {
      if (!input.outletId) throw new InvalidSourceError('A source of kind OUTLET needs outletId', { field: 'outletId' });
      return this.forOutlet(input.outletId, manager);
    }
    if (input.outletId) throw new InvalidSourceError('Only a source of kind OUTLET has outletId', { field: 'outletId' });
    const nameKey = normalizeForSearch(input.name);
    if (!nameKey) throw new InvalidSourceError('A source name needs letters or digits', { field: 'name' });
    if (input.confidedToOutletId) await this.outlets.get(input.confidedToOutletId, manager);
    const confidedToOutletId = input.confidedToOutletId ?? null;
    const findExisting = () =>
      manager.getRepository(Source).findOne({
        where: { kind: input.kind, nameKey, confidedToOutletId: confidedToOutletId ?? IsNull(), mergedIntoId: IsNull() },
        order: { createdAt: 'ASC' },
      });
    // Most annotations cite a source that already exists: reusing it needs no lock. Only creating
    // one does, and the lock is held to the end of the caller's transaction, so taking it always
    // made every annotation citing the same source wait for the one before to commit.
    const known = await findExisting();
    if (known) return known;
    await lockForTransaction(manager, `source:${input.kind}:${nameKey}`);
    const existing = await findExisting();
    if (existing) return existing;
    return manager.save(
      manager.create(Source, {
        kind: input.kind,
        name: input.name.trim().normalize('NFC'),
        nameKey,
        description: input.description ?? null,
        language: input.language ?? null,
        outletId: null,
        confidedToOutletId,
      }),
    );
  }

  async update(input: UpdateSourceInput): Promise<Source> {
    return this.dataSource.transaction(async (manager) => {
      const source = await this.get(input.id, manager);
      if (input.name !== undefined) {
        if (!normalizeForSearch(input.name)) throw new InvalidSourceError('A source name needs letters or digits', { field: 'name' });
        source.name = input.name.trim().normalize('NFC');
        source.nameKey = normalizeForSearch(input.name);
      }
      if (input.description !== undefined) source.description = input.description;
      if (input.language !== undefined) source.language = input.language;
      if (input.confidedToOutletId !== undefined) {
        await this.outlets.get(input.confidedToOutletId, manager);
        source.confidedToOutletId = input.confidedToOutletId;
      }
      return manager.save(source);
    });
  }

  /** Folds a duplicate source into the one kept: every chain that cites it cites the kept one. */
  async merge(input: MergeSourcesInput): Promise<Source> {
    if (input.keepId === input.mergeId) throw new InvalidSourceError('A source cannot be merged into itself');
    return this.dataSource.transaction(async (manager) => {
      const keep = await this.get(input.keepId, manager);
      const duplicate = await this.get(input.mergeId, manager);
      if (keep.mergedIntoId || duplicate.mergedIntoId) {
        throw new InvalidSourceError('One of these sources was already merged; merge into the surviving source');
      }
      // Chains live with the claims, but they cite the source's identity, which this merge retires.
      await manager.query(`UPDATE attribution_hops SET source_id = $1 WHERE source_id = $2`, [keep.id, duplicate.id]);
      await manager.update(Source, { id: duplicate.id }, { mergedIntoId: keep.id });
      return keep;
    });
  }

  /** The OUTLET-kind source standing for `outletId`, created on first use. */
  async forOutlet(outletId: string, manager: EntityManager): Promise<Source> {
    const existing = await manager.findOneBy(Source, { kind: SourceKind.OUTLET, outletId, mergedIntoId: IsNull() });
    if (existing) return existing;
    const outlet = await this.outlets.get(outletId, manager);
    // A concurrent first use may insert the same row: the partial unique index settles it.
    await manager.query(
      `INSERT INTO sources (kind, name, name_key, outlet_id, language) VALUES ('OUTLET', $1, $2, $3, $4)
       ON CONFLICT (outlet_id) WHERE kind = 'OUTLET' AND merged_into_id IS NULL DO NOTHING`,
      [outlet.name, normalizeForSearch(outlet.name), outlet.id, outlet.languages[0] ?? null],
    );
    return manager.findOneByOrFail(Source, { kind: SourceKind.OUTLET, outletId, mergedIntoId: IsNull() });
  }
}
