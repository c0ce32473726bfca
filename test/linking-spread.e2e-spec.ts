import { annotate, captureArticle, captureSeedArticle, codePointSpan, createSource, createSputnik } from './support/factories';
import { TestApi } from './support/test-api';
import { publishVerdict } from './support/verdict-factories';

const MEETINGS = 'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة';

const SPREAD = `spread {
  firstAppearance { appearanceId publishedAt outlet { name } }
  timeline { appearanceId publishedAt outlet { name } sources { name } appearance { exact } article { id } }
  outlets { outlet { name } firstAppearedAt appearanceCount relayedSources { name } }
}`;

/** One appearance in a claim's spread. */
interface SpreadEntry {
  appearanceId: string;
  publishedAt: string | null;
  outlet: { name: string };
  sources: { name: string }[];
  appearance: { exact: string };
  article: { id: string };
}

/** Claim.spread as SPREAD asks for it. */
interface ApiSpread {
  spread: {
    firstAppearance: Pick<SpreadEntry, 'appearanceId' | 'publishedAt' | 'outlet'> | null;
    timeline: SpreadEntry[];
    outlets: { outlet: { name: string }; firstAppearedAt: string | null; appearanceCount: number; relayedSources: { name: string }[] }[];
  };
}

describe('how a claim spread across outlets', () => {
  let api: TestApi;
  let sputnikId: string;
  let informedSourceId: string;
  let claimId: string;
  const appearances: string[] = [];

  beforeAll(async () => {
    api = await TestApi.start();
    sputnikId = await createSputnik(api);
    informedSourceId = await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر مطلع', language: 'ar', confidedToOutletId: sputnikId });

    // Captured in this order, published in another: the site's copy first, Sputnik's original
    // (a day earlier) next, a second site's relay (a day later) last.
    const site = await captureSeedArticle(api);
    const sputnik = await captureArticle(api, {
      url: 'https://arabic.sputniknews.com/20210204/isis-west-intelligence',
      text: `أفاد مصدر مطلع لسبوتنيك بأنه ${MEETINGS}.`,
      language: 'ar',
      publishedAt: '2021-02-04T18:00:00Z',
    });
    const relay = await captureArticle(api, {
      url: 'https://levant-daily.example/news/4512',
      text: `نقلت وكالة سبوتنيك عن مصدر مطلع أنه ${MEETINGS}.`,
      language: 'ar',
      publishedAt: '2021-02-06T07:30:00Z',
    });
    const first = await annotate(api, {
      articleId: site.id,
      selector: codePointSpan(site.text, MEETINGS),
      chain: [
        { sourceId: informedSourceId, relation: 'ORIGIN' },
        { outletId: sputnikId, relation: 'RELAYED' },
        { outletId: site.outletId, relation: 'REPUBLISHED' },
      ],
    });
    claimId = first.claimId;
    appearances.push(first.id);
    for (const [article, chain] of [
      [sputnik, [{ sourceId: informedSourceId, relation: 'ORIGIN' }, { outletId: sputnikId, relation: 'RELAYED' }]],
      [relay, [{ sourceId: informedSourceId, relation: 'ORIGIN' }, { outletId: sputnikId, relation: 'RELAYED' }, { outletId: relay.outletId, relation: 'REPUBLISHED' }]],
    ] as const) {
      appearances.push((await annotate(api, { articleId: article.id, claimId, selector: codePointSpan(article.text, MEETINGS), chain })).id);
    }
  });
  afterAll(() => api?.stop());

  it('orders the appearances by publication time, not capture time, and names the first', async () => {
    const { claim } = await api.ok<{ claim: ApiSpread }>(`query($id: ID!) { claim(id: $id) { ${SPREAD} } }`, { id: claimId });
    const { spread } = claim;
    expect(spread.timeline.map((e) => e.outlet.name)).toEqual(['سبوتنيك', 'syria-news.example', 'levant-daily.example']);
    expect(spread.timeline.map((e) => e.appearanceId)).toEqual([appearances[1], appearances[0], appearances[2]]);
    expect(spread.timeline.map((e) => e.publishedAt)).toEqual([
      '2021-02-04T18:00:00.000Z',
      '2021-02-05T09:00:00.000Z',
      '2021-02-06T07:30:00.000Z',
    ]);
    expect(spread.firstAppearance).toEqual({ appearanceId: appearances[1], publishedAt: '2021-02-04T18:00:00.000Z', outlet: { name: 'سبوتنيك' } });
    expect(spread.timeline[0].appearance.exact).toBe(MEETINGS);
  });

  it('says which outlets relayed which source', async () => {
    const { claim } = await api.ok<{ claim: ApiSpread }>(`query($id: ID!) { claim(id: $id) { ${SPREAD} } }`, { id: claimId });
    expect(claim.spread.outlets).toEqual([
      { outlet: { name: 'سبوتنيك' }, firstAppearedAt: '2021-02-04T18:00:00.000Z', appearanceCount: 1, relayedSources: [{ name: 'مصدر مطلع' }] },
      {
        outlet: { name: 'syria-news.example' },
        firstAppearedAt: '2021-02-05T09:00:00.000Z',
        appearanceCount: 1,
        relayedSources: [{ name: 'مصدر مطلع' }, { name: 'سبوتنيك' }],
      },
      {
        outlet: { name: 'levant-daily.example' },
        firstAppearedAt: '2021-02-06T07:30:00.000Z',
        appearanceCount: 1,
        relayedSources: [{ name: 'مصدر مطلع' }, { name: 'سبوتنيك' }],
      },
    ]);
  });

  it('counts, per outlet and per source, the claims a published verdict rated FALSE', async () => {
    const counts = `query($s: ID!, $o: ID!) { source(id: $s) { falseClaimCount } outlet(id: $o) { falseClaimCount } }`;
    expect(await api.ok(counts, { s: informedSourceId, o: sputnikId })).toEqual({ source: { falseClaimCount: 0 }, outlet: { falseClaimCount: 0 } });
    await publishVerdict(api, { claimId });
    expect(await api.ok(counts, { s: informedSourceId, o: sputnikId })).toEqual({ source: { falseClaimCount: 1 }, outlet: { falseClaimCount: 1 } });
  });
});
