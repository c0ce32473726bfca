import { normalizeForSearch } from '@isnad/text';
import { DataSource } from 'typeorm';
import {
  ARABIC_FEATURE_NAMES,
  ARABIC_SUGGESTION_THRESHOLD,
  ClaimMatcherService,
  CollectionStats,
  FEATURE_NAMES,
  MatchStatisticsService,
  SUGGESTION_THRESHOLD,
  candidateWeightUnshared,
} from '@isnad/linking';
import { annotate, captureArticle, codePointSpan } from './support/factories';
import { TestApi } from './support/test-api';

// Rated Arabic claims on one topic (Syria), and a query that shares a word with each of them.
const CLAIMS = [
  'عقدت استخبارات دول غربية اجتماعات مع قادة من تنظيم داعش في سوريا',
  'أعلنت وزارة الصحة عن تفشي الكوليرا في إدلب شمال سوريا',
  'ارتفع سعر الخبز المدعوم في دمشق إلى الضعف',
  'أغلقت تركيا معبر باب الهوى مع سوريا أمام المساعدات',
  'قصفت طائرات روسية مستشفى في ريف حلب',
  'عاد مليون لاجئ سوري من لبنان إلى سوريا هذا العام',
  'انقطعت الكهرباء عن حمص لمدة أسبوع كامل',
  'أفرجت الحكومة السورية عن ألف معتقل بموجب عفو عام',
  'اكتشفت شركة أجنبية حقلا للنفط في دير الزور',
  'فرضت الولايات المتحدة عقوبات جديدة على مصرف سوريا المركزي',
  'منعت السلطات تصدير القمح من سوريا إلى العراق',
];

describe('the Arabic re-ranker and the size of the pool', () => {
  let api: TestApi;
  const rank = (text: string, onlyClaimIds?: string[]) => api.provider(ClaimMatcherService).rank(text, { language: 'ar', onlyClaimIds });

  beforeAll(async () => {
    api = await TestApi.start();
    const text = CLAIMS.map((s) => `${s}.`).join(' ');
    const article = await captureArticle(api, { url: 'https://news.example/ar-syria', text, language: 'ar' });
    for (const statement of CLAIMS) await annotate(api, { articleId: article.id, selector: codePointSpan(text, statement), statement });
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('scores a pool of ten or more Arabic texts with the Arabic model, and a pool of a few with the shared one', async () => {
    const query = 'سوريا وداعش وإدلب والخبز وتركيا وحلب واللاجئ وحمص والمعتقل والنفط والعقوبات والقمح';
    const all = await rank(query);
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all[0].features).toHaveLength(FEATURE_NAMES.length + ARABIC_FEATURE_NAMES.length);
    // Each pool is suggested from the threshold its model was calibrated for.
    expect(all.every((c) => c.threshold === ARABIC_SUGGESTION_THRESHOLD)).toBe(true);
    const few = await rank(query, all.slice(0, 3).map((c) => c.claimId));
    expect(few).toHaveLength(3);
    expect(few[0].features).toHaveLength(FEATURE_NAMES.length);
    expect(few[0].threshold).toBe(SUGGESTION_THRESHOLD);
  });

  /** Each lexeme of the indexed texts and the number of texts holding it, counted from the texts themselves. */
  const counted = async (): Promise<Map<string, number>> => {
    const rows: { lexeme: string; n: number }[] = await api
      .provider(DataSource)
      .query(`SELECT l AS lexeme, count(*)::int AS n FROM claim_match_texts t, unnest(tsvector_to_array(t.tsv)) AS l GROUP BY l`);
    return new Map(rows.map((r) => [r.lexeme, r.n]));
  };

  it('reads the document frequency of each word of a pool as the texts hold them, changes pending or folded, and 0 for a word no text holds', async () => {
    const statistics = api.provider(MatchStatisticsService);
    const manager = api.provider(DataSource).manager;
    const truth = await counted();
    const lexemes = [...truth.keys()].filter((l) => !/^\d/u.test(l));
    expect(lexemes.length).toBeGreaterThan(50);
    const base = await statistics.stats(manager, []);
    for (const fold of [false, true]) {
      if (fold) await statistics.fold();
      const read = await statistics.withFrequencies(manager, base, [...lexemes, 'كلمةلايحملهااحد']);
      expect(lexemes.map((l) => [l, read.df.get(l)])).toEqual(lexemes.map((l) => [l, truth.get(l)]));
      expect(read.df.get('كلمةلايحملهااحد')).toBe(0);
      expect(read.total).toBe(base.total);
    }
    // What the query's statistics hold already is not read again, nor are numbers.
    const known: CollectionStats = { ...base, df: new Map([...base.df, [lexemes[0], -7]]) };
    const again = await statistics.withFrequencies(manager, known, [lexemes[0], '2019']);
    expect(again.df.get(lexemes[0])).toBe(-7);
    expect(again.df.has('2019')).toBe(false);
  });

  it('weighs each candidate of an Arabic pool by the words of its own the query lacks, with their true document frequencies', async () => {
    const everyClaim = await rank('سوريا وداعش وإدلب والخبز وتركيا وحلب واللاجئ وحمص والمعتقل والنفط والعقوبات والقمح');
    const query = 'اغلقت تركيا معبر باب الهوى';
    const ranked = await rank(query, everyClaim.map((c) => c.claimId));
    expect(ranked.length).toBeGreaterThanOrEqual(10);
    expect(ranked[0].threshold).toBe(ARABIC_SUGGESTION_THRESHOLD);
    const df = await counted();
    const texts = await api.provider(DataSource).query(`SELECT id, tsvector_to_array(tsv) AS lexemes FROM claim_match_texts`);
    const termsOf = new Map<string, string[]>(texts.map((t: { id: string; lexemes: string[] }) => [t.id, t.lexemes]));
    const [{ lexemes: queryLexemes }] = await api.provider(DataSource).query(`SELECT tsvector_to_array(linking_tsvector('ar', $1)) AS lexemes`, [normalizeForSearch(query)]);
    const total = Number((await api.provider(MatchStatisticsService).stats(api.provider(DataSource).manager, [])).total);
    const stats: CollectionStats = { df, total, averageLength: 1 };
    const at = FEATURE_NAMES.length + ARABIC_FEATURE_NAMES.indexOf('candidateWeightUnshared');
    const asCounted = ranked.map((c) => candidateWeightUnshared(new Map(queryLexemes.map((l: string) => [l, 1])), new Map((termsOf.get(c.textId) ?? []).map((l) => [l, 1])), stats));
    expect(ranked.map((c) => c.features[at])).toEqual(asCounted.map((v) => expect.closeTo(v, 12)));
    // The claim the query states holds no heavy word of its own; the others do.
    expect(ranked[0].key).toContain(normalizeForSearch('معبر باب الهوى'));
    expect(ranked[0].features[at]).toBeLessThan(Math.min(...ranked.slice(1).map((c) => c.features[at])));
  });
});
