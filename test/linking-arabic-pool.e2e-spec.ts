import { ARABIC_FEATURE_NAMES, ARABIC_SUGGESTION_THRESHOLD, ClaimMatcherService, FEATURE_NAMES, SUGGESTION_THRESHOLD } from '@isnad/linking';
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
});
