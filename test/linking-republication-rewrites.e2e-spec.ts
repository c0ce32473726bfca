import { CapturedArticle, annotate, captureArticle, captureSeedArticle, codePointSpan, createSource, createSputnik, errorCode } from './support/factories';
import { TestApi } from './support/test-api';

// Claims of the seed the copy keeps (two of them inside quotation marks) and one it drops.
const MEETINGS = 'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة';
const TARGETS = 'أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور عبادة للطوائف المختلفة';
const TRAINING = 'يخضعون لتدريب عسكري خاص تحت إشراف مدربين أميركيين';
const HELICOPTERS = 'تمكنت المروحيات التابعة للقوات الروسية العاملة في\u00a0سوريا، من تدمير سيارة دفع رباعي';

/**
 * The seed as another site rewrites it: its own header and lead, the first paragraph and the
 * "in another context" paragraphs dropped, attribution lines rewritten, “ ” turned into « », a
 * small edit inside a quotation, and its own footer and credit line.
 */
function rewrittenSeed(seedText: string): string {
  const paragraphs = seedText.split('\n\n');
  const at = (start: string) => {
    const found = paragraphs.find((p) => p.startsWith(start));
    if (!found) throw new Error(`no paragraph starts with ${start}`);
    return found;
  };
  const marks = (text: string) => text.replace(/“/g, '«').replace(/”/g, '»');
  return [
    'شبكة الفرات الإخبارية | متابعات',
    'كشفت وكالة روسية معلومات جديدة عن لقاءات سرية تجري في الشرق السوري منذ مطلع العام.',
    marks(at('وأكد المصدر').replace('وأكد المصدر بحسب سبوتنيك، أنه', 'ونقلت الوكالة عن المصدر قوله إنه')),
    marks(
      at('وكان لافتاً')
        .replace('وكان لافتاً في تصريح المصد المطلع أن تنظيم داعش والاستخبارات الغربية:', 'وقال المصدر إن الطرفين')
        .replace('ودور عبادة', 'ودور العبادة'),
    ),
    marks(at('وتابع المصدر')),
    at('ونوَّه المصدر').replace('ونوَّه المصدر إلى إن', 'وأشار المصدر إلى أن'),
    marks(at('وأنهى المصدر')),
    'تابعونا على قناتنا في تلغرام لمتابعة آخر الأخبار العاجلة',
    'المصدر: سبوتنيك',
  ].join('\n\n');
}

const LINK = `kind containment similarity originalRevisionId copyRevisionId article { id }
  sharedPassages { original { start end exact } copy { start end exact } }`;

interface Span {
  start: number;
  end: number;
  exact: string;
}
interface LinkView {
  kind: string;
  containment: number;
  similarity: number;
  originalRevisionId: string;
  copyRevisionId: string;
  article: { id: string };
  sharedPassages: { original: Span; copy: Span }[];
}
interface ArticleView {
  republicationOf: LinkView | null;
  copies: LinkView[];
  sharedQuotations: LinkView[];
  suggestedAppearances: { claimId: string; fromAppearanceId: string; exact: string; start: number; end: number; verbatim: boolean; score: number }[];
}

const slice = (text: string, span: { start: number; end: number }) => [...text].slice(span.start, span.end).join('');

describe('a republished copy that rewrites the seed', () => {
  let api: TestApi;
  let seed: CapturedArticle;
  let copy: CapturedArticle;
  let sputnikId: string;
  const claims: Record<string, { id: string; claimId: string }> = {};

  const view = async (id: string) =>
    (
      await api.ok<{ article: ArticleView }>(
        `query($id: ID!) { article(id: $id) {
           republicationOf { ${LINK} } copies { ${LINK} } sharedQuotations { ${LINK} }
           suggestedAppearances { claimId fromAppearanceId exact start end verbatim score } } }`,
        { id },
      )
    ).article;

  beforeAll(async () => {
    api = await TestApi.start();
    sputnikId = await createSputnik(api);
    const informed = await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر مطلع', language: 'ar', confidedToOutletId: sputnikId });
    seed = await captureSeedArticle(api);
    // The seed's chain: an informed source told Sputnik, which the Syrian site republished.
    for (const [name, quote] of Object.entries({ MEETINGS, TARGETS, TRAINING, HELICOPTERS })) {
      claims[name] = await annotate(api, {
        articleId: seed.id,
        selector: codePointSpan(seed.text, quote),
        chain: [
          { sourceId: informed, relation: 'ORIGIN', cue: 'مصدر مطلع' },
          { outletId: sputnikId, relation: 'RELAYED', cue: 'بحسب سبوتنيك' },
          { outletId: seed.outletId, relation: 'REPUBLISHED' },
        ],
      });
    }
    copy = await captureArticle(api, {
      url: 'https://furat-network.example/news/2021/02/06/secret-meetings',
      text: rewrittenSeed(seed.text),
      language: 'ar',
      title: 'لقاءات سرية بين داعش واستخبارات غربية',
      publishedAt: '2021-02-06T10:30:00Z',
    });
  });
  afterAll(() => api?.stop());

  it('names the seed as the original of the rewritten copy, as a partial copy with the passages it reused', async () => {
    const { republicationOf, copies } = await view(copy.id);
    expect(republicationOf).toMatchObject({ kind: 'PARTIAL_COPY', article: { id: seed.id }, originalRevisionId: seed.revisionId, copyRevisionId: copy.revisionId });
    expect(republicationOf!.containment).toBeGreaterThan(0.5);
    expect(republicationOf!.similarity).toBeLessThan(republicationOf!.containment);
    expect(copies).toEqual([]);
    const passages = republicationOf!.sharedPassages;
    // The dropped paragraph between them keeps the first reused paragraph a passage of its own.
    expect(passages.length).toBeGreaterThanOrEqual(2);
    for (const passage of passages) {
      // Selectors in both articles: code point offsets into each revision's text.
      expect(slice(seed.text, passage.original)).toBe(passage.original.exact);
      expect(slice(copy.text, passage.copy)).toBe(passage.copy.exact);
    }
    expect(passages.some((p) => p.copy.exact.includes('يخضعون لتدريب عسكري خاص'))).toBe(true);
    // Neither the copy's own lead and footer nor the dropped paragraphs are passages.
    expect(passages.some((p) => /تلغرام|كشفت وكالة روسية/.test(p.copy.exact))).toBe(false);
    expect(passages.some((p) => p.original.exact.includes('المروحيات'))).toBe(false);

    const seedView = await view(seed.id);
    expect(seedView.republicationOf).toBeNull();
    expect(seedView.copies.map((c) => [c.article.id, c.kind])).toEqual([[copy.id, 'PARTIAL_COPY']]);
  });

  it("re-anchors the original's claims in the copy despite changed quote marks and edits, and not the dropped one", async () => {
    const { suggestedAppearances } = await view(copy.id);
    const byClaim = Object.fromEntries(suggestedAppearances.map((s) => [s.claimId, s]));
    expect(Object.keys(byClaim).sort()).toEqual([claims.MEETINGS.claimId, claims.TARGETS.claimId, claims.TRAINING.claimId].sort());
    expect(byClaim[claims.MEETINGS.claimId]).toMatchObject({ exact: MEETINGS, verbatim: true, score: 1, fromAppearanceId: claims.MEETINGS.id });
    const edited = byClaim[claims.TARGETS.claimId];
    expect(edited.verbatim).toBe(false);
    expect(edited.score).toBeGreaterThan(0.8);
    expect(edited.exact).toBe('أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور العبادة للطوائف المختلفة');
    expect(slice(copy.text, edited)).toBe(edited.exact);
  });

  it('files the suggestions in one call, each chain going through the credited Sputnik to the copying site', async () => {
    const { acceptSuggestedAppearances } = await api.ok<{
      acceptSuggestedAppearances: { claimId: string; articleId: string; exact: string; attributionChain: { relation: string; cue: string | null; source: { name: string } }[] }[];
    }>(
      `mutation($input: AcceptSuggestedAppearancesInput!) { acceptSuggestedAppearances(input: $input) {
         claimId articleId exact attributionChain { relation cue source { name } } } }`,
      { input: { articleId: copy.id } },
    );
    expect(acceptSuggestedAppearances.map((a) => a.claimId).sort()).toEqual(
      [claims.MEETINGS.claimId, claims.TARGETS.claimId, claims.TRAINING.claimId].sort(),
    );
    for (const appearance of acceptSuggestedAppearances) {
      expect(appearance.articleId).toBe(copy.id);
      // The copy credits Sputnik, so the Syrian site it copied the text from is not a hop of its chain.
      expect(appearance.attributionChain.map((h) => [h.relation, h.source.name])).toEqual([
        ['ORIGIN', 'مصدر مطلع'],
        ['RELAYED', 'سبوتنيك'],
        ['REPUBLISHED', 'furat-network.example'],
      ]);
    }
    expect((await view(copy.id)).suggestedAppearances).toEqual([]);

    const { claim } = await api.ok<{ claim: { spread: { timeline: { article: { id: string }; publishedAt: string; outlet: { name: string } }[] } } }>(
      `query($id: ID!) { claim(id: $id) { spread { timeline { article { id } publishedAt outlet { name } } } } }`,
      { id: claims.TRAINING.claimId },
    );
    expect(claim.spread.timeline.map((step) => [step.article.id, step.publishedAt])).toEqual([
      [seed.id, '2021-02-05T09:00:00.000Z'],
      [copy.id, '2021-02-06T10:30:00.000Z'],
    ]);
  });

  it('takes another report quoting the same statement for a shared quotation, not a copy', async () => {
    const quoted = await captureArticle(api, {
      url: 'https://levant-observer.example/2021/02/07/isis-claims-reaction',
      text:
        'ردود فعل على تقرير سبوتنيك\n\n' +
        'رفضت مصادر في التحالف الدولي الرواية الروسية جملة وتفصيلاً، ووصفتها بأنها جزء من حملة إعلامية تستهدف القوات الأمريكية في المنطقة.\n\n' +
        'وكانت الوكالة الروسية قد نقلت عن مصدر لم تسمه أن الاتفاق شمل أنه «ينبغي تزويد الجماعات الإرهابية بالتمويل والتقنيات والذخيرة وأنظمة الأسلحة الحديثة».\n\n' +
        'ولم يصدر أي تعليق رسمي من باريس أو لندن حتى مساء السبت، فيما طالب نواب أوروبيون بتوضيحات من حكوماتهم.',
      language: 'ar',
      publishedAt: '2021-02-07T12:00:00Z',
    });
    const quotedView = await view(quoted.id);
    expect(quotedView.republicationOf).toBeNull();
    expect(quotedView.suggestedAppearances).toEqual([]);
    // The copy kept the quoted paragraph, so the report shares the quotation with it too.
    expect(quotedView.sharedQuotations.map((q) => [q.article.id, q.kind]).sort()).toEqual(
      [[seed.id, 'SHARED_QUOTATION'], [copy.id, 'SHARED_QUOTATION']].sort(),
    );
    const [passage] = quotedView.sharedQuotations.find((q) => q.article.id === seed.id)!.sharedPassages;
    expect(passage.copy.exact).toContain('ينبغي تزويد الجماعات الإرهابية');
    expect(slice(quoted.text, passage.copy)).toBe(passage.copy.exact);
    expect((await view(seed.id)).sharedQuotations.map((q) => q.article.id)).toEqual([quoted.id]);
  });

  it('refuses to file suggestions for an article that copies nothing', async () => {
    expect(
      await errorCode(api, `mutation($input: AcceptSuggestedAppearancesInput!) { acceptSuggestedAppearances(input: $input) { id } }`, {
        input: { articleId: seed.id },
      }),
    ).toBe('BAD_USER_INPUT');
  });
});
