import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { EntityRows } from '@isnad/database';
import { Connection, DEFAULT_PAGE_SIZE, PageArgs, containsAllWords, decodeCursor, toConnection } from '@isnad/common';
import { normalizeForSearch } from '@isnad/text';
import { CreateOutletInput, MergeOutletsInput, UpdateOutletInput } from './dto/outlet.input';
import { OutletFilter } from './dto/outlet.filter';
import { Outlet, OutletKind } from './outlet.entity';
import { OutletDomain } from './outlet-domain.entity';
import { DomainTakenError, InvalidOutletMergeError, OutletNotFoundError } from './outlets.errors';

/** Outlets, their domains, and finding the outlet an article URL belongs to. */
@Injectable()
export class OutletsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByIds(ids: readonly string[]): Promise<Outlet[]> {
    return EntityRows.of(this.dataSource, Outlet).whereIn('id', ids);
  }

  /** The outlet, or OutletNotFoundError. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Outlet> {
    const outlet = await manager.findOneBy(Outlet, { id });
    if (!outlet) throw new OutletNotFoundError(id);
    return outlet;
  }

  /** Outlets (not merged away) whose normalised name is one of `nameKeys`. */
  async findByNameKeys(nameKeys: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Outlet[]> {
    if (!nameKeys.length) return [];
    return manager.getRepository(Outlet).findBy({ nameKey: In([...nameKeys]), mergedIntoId: IsNull() });
  }

  async domainsOf(outletIds: readonly string[]): Promise<OutletDomain[]> {
    if (!outletIds.length) return [];
    return this.dataSource
      .getRepository(OutletDomain)
      .find({ where: { outletId: In([...outletIds]) }, order: { domain: 'ASC' } });
  }

  async list(filter: OutletFilter = {}, page: PageArgs = {}): Promise<Connection<Outlet>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const query = this.dataSource
      .getRepository(Outlet)
      .createQueryBuilder('o')
      .where('o.merged_into_id IS NULL')
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(first + 1);
    if (filter.text) {
      const words = containsAllWords('o.name_key', normalizeForSearch(filter.text), 'word');
      query.andWhere(words.sql, words.parameters);
    }
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.country) query.andWhere('o.country = :country', { country: filter.country.toUpperCase() });
    if (page.after) {
      const { value, id } = decodeCursor(page.after);
      query.andWhere('(o.created_at, o.id) < (:value, :id)', { value, id });
    }
    const rows = await query.getMany();
    return toConnection(rows, first, (o) => ({ value: o.createdAt.toISOString(), id: o.id }));
  }

  async create(input: CreateOutletInput): Promise<Outlet> {
    return this.dataSource.transaction((manager) => this.createIn(manager, input));
  }

  /** create() inside the caller's transaction (an attribution chain may name a new outlet). */
  async createIn(manager: EntityManager, input: CreateOutletInput): Promise<Outlet> {
    const outlet = await manager.save(
      manager.create(Outlet, {
        name: input.name.trim().normalize('NFC'),
        nameKey: normalizeForSearch(input.name),
        kind: input.kind ?? OutletKind.SITE,
        country: input.country?.toUpperCase() ?? null,
        languages: input.languages ?? [],
        ownership: input.ownership,
        affiliationNote: input.affiliationNote ?? null,
      }),
    );
    await this.claimDomains(manager, outlet.id, input.domains ?? []);
    return outlet;
  }

  async update(input: UpdateOutletInput): Promise<Outlet> {
    return this.dataSource.transaction(async (manager) => {
      const outlet = await this.get(input.id, manager);
      if (input.name !== undefined) {
        outlet.name = input.name.trim().normalize('NFC');
        outlet.nameKey = normalizeForSearch(input.name);
      }
      if (input.kind !== undefined) outlet.kind = input.kind;
      if (input.country !== undefined) outlet.country = input.country.toUpperCase();
      if (input.languages !== undefined) outlet.languages = input.languages;
      if (input.ownership !== undefined) outlet.ownership = input.ownership;
      if (input.affiliationNote !== undefined) outlet.affiliationNote = input.affiliationNote;
      await manager.save(outlet);
      if (input.domains !== undefined) {
        await manager.delete(OutletDomain, { outletId: outlet.id });
        await this.claimDomains(manager, outlet.id, input.domains);
      }
      return outlet;
    });
  }

  /**
   * Folds a duplicate outlet into the one kept: its domains, articles and sources move over, and
   * the duplicate stays only as a pointer (mergedIntoId) so old links still resolve.
   */
  async merge(input: MergeOutletsInput): Promise<Outlet> {
    if (input.keepId === input.mergeId) throw new InvalidOutletMergeError('An outlet cannot be merged into itself');
    return this.dataSource.transaction(async (manager) => {
      const [keep, duplicate] = [await this.get(input.keepId, manager), await this.get(input.mergeId, manager)];
      if (keep.mergedIntoId || duplicate.mergedIntoId) {
        throw new InvalidOutletMergeError('One of these outlets was already merged; merge into the surviving outlet');
      }
      await manager.update(OutletDomain, { outletId: duplicate.id }, { outletId: keep.id });
      // Rows of other features that point at the duplicate. Named by table: the outlet owns the
      // identity they refer to, and the merge must move them in this same transaction.
      await manager.query(`UPDATE articles SET outlet_id = $1 WHERE outlet_id = $2`, [keep.id, duplicate.id]);
      await manager.query(`UPDATE sources SET confided_to_outlet_id = $1 WHERE confided_to_outlet_id = $2`, [
        keep.id,
        duplicate.id,
      ]);
      await manager.query(
        `UPDATE sources SET merged_into_id = kept.id, updated_at = now()
           FROM sources kept
          WHERE sources.kind = 'OUTLET' AND sources.outlet_id = $2 AND sources.merged_into_id IS NULL
            AND kept.kind = 'OUTLET' AND kept.outlet_id = $1 AND kept.merged_into_id IS NULL`,
        [keep.id, duplicate.id],
      );
      await manager.query(
        `UPDATE sources SET outlet_id = $1 WHERE outlet_id = $2 AND merged_into_id IS NULL`,
        [keep.id, duplicate.id],
      );
      keep.languages = [...new Set([...keep.languages, ...duplicate.languages])];
      await manager.save(keep);
      await manager.update(Outlet, { id: duplicate.id }, { mergedIntoId: keep.id });
      return keep;
    });
  }

  /**
   * The outlet that owns `host` or one of its parent domains ("arabic.rt.com" → "rt.com"); if none,
   * a new SITE outlet named `name` (the page's site name) or after the host, which a fact-checker
   * can rename or merge later.
   */
  async findOrCreateForHost(host: string, manager: EntityManager, name?: string): Promise<Outlet> {
    const candidates = parentDomains(host);
    const owned = await manager
      .getRepository(OutletDomain)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.outlet', 'o')
      .where('d.domain IN (:...candidates)', { candidates })
      .getMany();
    if (owned.length) {
      // The most specific domain wins: "arabic.rt.com" over "rt.com".
      owned.sort((a, b) => b.domain.length - a.domain.length);
      return owned[0].outlet;
    }
    const outlet = await manager.save(
      manager.create(Outlet, {
        name: name?.trim() || host,
        nameKey: normalizeForSearch(name?.trim() || host),
        kind: OutletKind.SITE,
        languages: [],
      }),
    );
    const domain = host.toLowerCase().replace(/^www\./, '');
    const claimed: unknown[] = await manager.query(
      `INSERT INTO outlet_domains (domain, outlet_id) VALUES ($1, $2) ON CONFLICT (domain) DO NOTHING RETURNING domain`,
      [domain, outlet.id],
    );
    if (claimed.length) return outlet;
    // A concurrent first capture from the same site created its outlet first (the insert above
    // waited for it to commit): file under that one and drop ours.
    await manager.delete(Outlet, { id: outlet.id });
    const owner = await manager.findOneOrFail(OutletDomain, { where: { domain }, relations: { outlet: true } });
    return owner.outlet;
  }

  private async claimDomains(manager: EntityManager, outletId: string, domains: string[]): Promise<void> {
    for (const domain of new Set(domains.map((d) => d.toLowerCase().replace(/^www\./, '')))) {
      const inserted: { domain: string }[] = await manager.query(
        `INSERT INTO outlet_domains (domain, outlet_id) VALUES ($1, $2)
         ON CONFLICT (domain) DO NOTHING RETURNING domain`,
        [domain, outletId],
      );
      if (!inserted.length) {
        const owner = await manager.findOneByOrFail(OutletDomain, { domain });
        if (owner.outletId !== outletId) throw new DomainTakenError(domain, owner.outletId);
      }
    }
  }
}

/** "a.b.example.com" → ["a.b.example.com", "b.example.com", "example.com"]. */
function parentDomains(host: string): string[] {
  const labels = host.toLowerCase().replace(/^www\./, '').split('.');
  const result: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) result.push(labels.slice(i).join('.'));
  return result;
}

