import { CapturedArticle, annotate, captureArticle, captureSeedArticle, codePointSpan } from './support/factories';
import { TestApi, seedArticleText } from './support/test-api';

const MEETINGS = 'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة';
const TRAINING = 'يخضعون لتدريب عسكري خاص تحت إشراف مدربين أميركيين';
const TARGETS = 'أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور عبادة للطوائف المختلفة';

/** The seed story as a second site republishes it: its own header and footer, a few words changed. */
function republishedText(): string {
  const body = seedArticleText()
    .replace('اليوم الجمعة', 'الجمعة')
    .replace(TARGETS, 'وضعت على قائمة الأهداف كنائس مسيحية ومساجد ودور العبادة للطوائف المختلفة')
    .replace('اترك رد', '');
  return `شبكة أخبار الفرات | عاجل\n\n${body}\n\nتابعونا على قناتنا في تلغرام`;
}

const REPUBLICATION = `
  republicationOf { similarity article { id } }
  copies { similarity article { id } }
  suggestedAppearances { claimId fromAppearanceId revisionId exact start end verbatim claim { statement } }`;

/** An article as REPUBLICATION asks for it. */
interface RepublicationView {
  id: string;
  republicationOf: { similarity: number; article: { id: string } } | null;
  copies: { similarity: number; article: { id: string } }[];
  suggestedAppearances: {
    claimId: string;
    fromAppearanceId: string;
    revisionId: string;
    exact: string;
    start: number;
    end: number;
    verbatim: boolean;
    claim: { statement: string };
  }[];
}

describe('republished copies of an article', () => {
  let api: TestApi;
  let seed: CapturedArticle;
  let copy: CapturedArticle;
  const claims: Record<string, { id: string; claimId: string }> = {};

  const articleView = async (id: string) =>
    (await api.ok<{ article: RepublicationView }>(`query($id: ID!) { article(id: $id) { id ${REPUBLICATION} } }`, { id })).article;

  beforeAll(async () => {
    api = await TestApi.start();
    seed = await captureSeedArticle(api);
    for (const [name, quote] of Object.entries({ MEETINGS, TRAINING, TARGETS })) {
      claims[name] = await annotate(api, { articleId: seed.id, selector: codePointSpan(seed.text, quote) });
    }
  });
  afterAll(() => api?.stop());

  it('links a lightly edited copy on another site to the original when it is captured', async () => {
    copy = await captureArticle(api, {
      url: 'https://euphrates-news.example/2021/02/06/isis-intelligence',
      text: republishedText(),
      language: 'ar',
      title: 'اجتماعات سرية بين داعش واستخبارات غربية',
      publishedAt: '2021-02-06T08:00:00Z',
    });
    const copyView = await articleView(copy.id);
    expect(copyView.republicationOf?.article.id).toBe(seed.id);
    expect(copyView.republicationOf?.similarity).toBeGreaterThan(0.5);
    expect(copyView.copies).toEqual([]);
    const seedView = await articleView(seed.id);
    expect(seedView.republicationOf).toBeNull();
    expect(seedView.copies.map((c) => c.article.id)).toEqual([copy.id]);
    expect(seedView.suggestedAppearances).toEqual([]);
  });

  it("suggests the original's appearances for the copy, word for word or as the edited sentence", async () => {
    const { suggestedAppearances } = await articleView(copy.id);
    const byClaim = Object.fromEntries(suggestedAppearances.map((s) => [s.claimId, s]));
    expect(Object.keys(byClaim).sort()).toEqual(Object.values(claims).map((c) => c.claimId).sort());
    expect(byClaim[claims.MEETINGS.claimId]).toMatchObject({ exact: MEETINGS, verbatim: true, revisionId: copy.revisionId });
    expect(byClaim[claims.MEETINGS.claimId].fromAppearanceId).toBe(claims.MEETINGS.id);
    const edited = byClaim[claims.TARGETS.claimId];
    expect(edited.verbatim).toBe(false);
    expect(edited.exact).toContain('وضعت على قائمة الأهداف');
    expect([...copy.text].slice(edited.start, edited.end).join('')).toBe(edited.exact);

    // Annotating a suggestion takes it off the list.
    await annotate(api, { articleId: copy.id, claimId: claims.MEETINGS.claimId, selector: { start: byClaim[claims.MEETINGS.claimId].start, end: byClaim[claims.MEETINGS.claimId].end } });
    const after = (await articleView(copy.id)).suggestedAppearances.map((s) => s.claimId);
    expect(after).not.toContain(claims.MEETINGS.claimId);
    expect(after).toHaveLength(2);
  });

  it('does not take another story about the same places for a copy', async () => {
    const other = await captureArticle(api, {
      url: 'https://euphrates-news.example/2021/02/07/tanf-strike',
      text:
        'قالت وزارة الدفاع الروسية الجمعة إن طائراتها دمرت مستودعا لتنظيم داعش قرب منطقة التنف في جنوب شرقي سوريا، ' +
        'وإن الولايات المتحدة وفرنسا وبريطانيا لم تعلق على الغارة. وأضافت الوزارة أن الغارة جرت بالتنسيق مع الجيش السوري.',
      language: 'ar',
    });
    const view = await articleView(other.id);
    expect(view.republicationOf).toBeNull();
    expect(view.suggestedAppearances).toEqual([]);
  });

  it('makes an earlier-published copy captured later the original of the whole story', async () => {
    const earlier = await captureArticle(api, {
      url: 'https://arabic.sputniknews.example/20210204/isis-west',
      text: seedArticleText(),
      language: 'ar',
      publishedAt: '2021-02-04T18:00:00Z',
    });
    expect((await articleView(seed.id)).republicationOf?.article.id).toBe(earlier.id);
    expect((await articleView(copy.id)).republicationOf?.article.id).toBe(earlier.id);
    const view = await articleView(earlier.id);
    expect(view.republicationOf).toBeNull();
    expect(view.copies.map((c) => c.article.id).sort()).toEqual([seed.id, copy.id].sort());
  });
});
