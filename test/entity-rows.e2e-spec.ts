import { DataSource, In, ObjectLiteral } from 'typeorm';
import { Article } from '@isnad/articles';
import { ApiToken, AuthService, Member, Role } from '@isnad/auth';
import { AttributionHop, Claim, ClaimAppearance } from '@isnad/claims';
import { EntityRows } from '@isnad/database';
import { Outlet } from '@isnad/outlets';
import { Source } from '@isnad/sources';
import { annotate, captureSeedArticle, createSource, createSputnik } from './support/factories';
import { TestApi } from './support/test-api';

// The claims page's loaders read rows with EntityRows instead of a repository's findBy: the
// entities they hand to the resolvers must be the very same, dates, enums, arrays and nulls alike.
describe('reading entities by key without building a query each time', () => {
  let api: TestApi;
  let dataSource: DataSource;
  const ids = { claims: [] as string[], appearances: [] as string[], articles: [] as string[], outlets: [] as string[], sources: [] as string[] };

  beforeAll(async () => {
    api = await TestApi.start();
    dataSource = api.provider(DataSource);
    const seed = await captureSeedArticle(api);
    const sputnikId = await createSputnik(api);
    const informedSourceId = await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر مطلع', language: 'ar', confidedToOutletId: sputnikId });
    const appearance = await annotate(api, {
      articleId: seed.id,
      selector: { exact: 'أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور عبادة للطوائف المختلفة' },
      note: 'نقلاً عن سبوتنيك',
      chain: [
        { sourceId: informedSourceId, relation: 'ORIGIN', cue: 'أفاد مصدر مطلع' },
        { outletId: sputnikId, relation: 'RELAYED', cue: 'بحسب سبوتنيك' },
        { outletId: seed.outletId, relation: 'REPUBLISHED' },
      ],
    });
    const hops = await dataSource.getRepository(AttributionHop).findBy({ appearanceId: appearance.id });
    Object.assign(ids, {
      claims: [appearance.claimId],
      appearances: [appearance.id],
      articles: [seed.id],
      outlets: [sputnikId, seed.outletId],
      sources: hops.map((hop) => hop.sourceId),
    });
  });
  afterAll(() => api?.stop());

  async function expectSameAsRepository<T extends ObjectLiteral>(entity: new () => T, keys: string[]): Promise<T[]> {
    const read = await EntityRows.of(dataSource, entity).whereIn('id', keys);
    const found = await dataSource.getRepository(entity).findBy({ id: In(keys) } as never);
    const byId = (rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(read.length).toBe(keys.length);
    expect(read.every((row) => row instanceof entity)).toBe(true);
    expect(byId(read)).toEqual(byId(found));
    return read;
  }

  it('reads claims, appearances, articles, outlets and sources exactly as findBy does', async () => {
    await expectSameAsRepository(Claim, ids.claims);
    const [appearance] = await expectSameAsRepository(ClaimAppearance, ids.appearances);
    expect(appearance.createdAt).toBeInstanceOf(Date);
    expect(appearance.note).toBe('نقلاً عن سبوتنيك');
    await expectSameAsRepository(Article, ids.articles);
    await expectSameAsRepository(Outlet, ids.outlets);
    await expectSameAsRepository(Source, ids.sources);
  });

  it('reads an appearance chain in hop order, with its relations and missing cue', async () => {
    const hops = await EntityRows.of(dataSource, AttributionHop).whereIn('appearanceId', ids.appearances, ['position']);
    const found = await dataSource.getRepository(AttributionHop).find({ where: { appearanceId: In(ids.appearances) }, order: { position: 'ASC' } });
    expect(hops).toEqual(found);
    expect(hops.map((hop) => [hop.relation, hop.cue])).toEqual([
      ['ORIGIN', 'أفاد مصدر مطلع'],
      ['RELAYED', 'بحسب سبوتنيك'],
      ['REPUBLISHED', null],
    ]);
  });

  it("finds a bearer token's member in the same statement as the token, as findOne with the relation does", async () => {
    const member = await api.member(Role.EDITOR);
    const auth = api.provider(AuthService);
    const tokenId = (await auth.authenticate(member.token)).tokenId;
    const live = await auth.liveToken({ id: tokenId });
    const found = await dataSource.getRepository(ApiToken).findOne({ where: { id: tokenId }, relations: { member: true } });
    expect(live).toEqual(found);
    expect(live?.member).toBeInstanceOf(Member);
    expect(live?.member.role).toBe(Role.EDITOR);
  });

  it('answers an empty list without a statement', async () => {
    const before = api.queryCount;
    expect(await EntityRows.of(dataSource, Claim).whereIn('id', [])).toEqual([]);
    expect(api.queryCount).toBe(before);
  });
});
