import {
  CapturedArticle,
  annotate,
  captureArticle,
  captureSeedArticle,
  codePointSpan,
  createSource,
  createSputnik,
  errorCode,
} from './support/factories';
import { ApiAnchor, ApiAppearance, ApiArticle, ApiClaim, ApiOutlet, ApiSource } from './support/api-types';
import { TestApi, seedArticleText } from './support/test-api';

// Five of the seed's checkable statements, as quoted in the article.
const STATEMENTS = {
  meetings: 'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة',
  targets: 'أدرجت على قائمة الأهداف كنائس مسيحية ومساجد ودور عبادة للطوائف المختلفة',
  supplies: 'ينبغي تزويد الجماعات الإرهابية بالتمويل والتقنيات والذخيرة وأنظمة الأسلحة الحديثة',
  russians: 'الأهداف ذات الأولوية للإرهابيين الذين يتصرفون بناء على أوامر من الأجهزة الخاصة الغربية، هي، كما تم الإعلان عنه، العسكريون الروس الموجودون في سوريا',
  training: 'يخضعون لتدريب عسكري خاص تحت إشراف مدربين أميركيين',
};

const APPEARANCE_FIELDS = `
  id exact prefix suffix start end
  claim { id statement language tags { label } }
  article { id outlet { name } }
  revision { text }
  claimant { kind name confidedToOutlet { name } }
  attributionChain { position relation cue source { kind name outlet { name kind ownership } } }`;

describe('annotating claims and their attribution chains', () => {
  let api: TestApi;
  let seed: CapturedArticle;
  let sputnikId: string;
  let informedSourceId: string;

  /** The seed's main chain: an informed source told Sputnik, and this site republished it. */
  const informedSourceChain = () => [
    { sourceId: informedSourceId, relation: 'ORIGIN', cue: 'أفاد مصدر مطلع' },
    { outletId: sputnikId, relation: 'RELAYED', cue: 'بحسب سبوتنيك' },
    { outletId: seed.outletId, relation: 'REPUBLISHED' },
  ];

  beforeAll(async () => {
    api = await TestApi.start();
    seed = await captureSeedArticle(api);
    sputnikId = await createSputnik(api);
    informedSourceId = await createSource(api, {
      kind: 'ANONYMOUS',
      name: 'مصدر مطلع',
      language: 'ar',
      confidedToOutletId: sputnikId,
    });
  });
  afterAll(() => api?.stop());

  it('annotates five statements of the Sputnik article with the informed source → Sputnik → site chain', async () => {
    for (const [tag, quote] of Object.entries(STATEMENTS)) {
      await annotate(api, {
        articleId: seed.id,
        selector: codePointSpan(seed.text, quote),
        chain: informedSourceChain(),
        tags: ['سوريا', tag],
      });
    }
    const { article } = await api.ok<{ article: ApiArticle }>(
      `query($id: ID!) { article(id: $id) { claimAppearances { ${APPEARANCE_FIELDS} } } }`,
      { id: seed.id },
    );
    expect(article.claimAppearances).toHaveLength(5);
    for (const appearance of article.claimAppearances) {
      // The anchor round-trips: code point offsets into the stored text give back the quote.
      expect([...appearance.revision.text].slice(appearance.start, appearance.end).join('')).toBe(appearance.exact);
      expect(appearance.revision.text.includes(appearance.prefix + appearance.exact + appearance.suffix)).toBe(true);
      expect(appearance.claim.statement).toBe(appearance.exact);
      expect(appearance.claim.language).toBe('ar');
      expect(appearance.claimant).toEqual({ kind: 'ANONYMOUS', name: 'مصدر مطلع', confidedToOutlet: { name: 'سبوتنيك' } });
      expect(appearance.attributionChain.map((hop) => [hop.position, hop.relation, hop.source.kind, hop.source.name])).toEqual([
        [0, 'ORIGIN', 'ANONYMOUS', 'مصدر مطلع'],
        [1, 'RELAYED', 'OUTLET', 'سبوتنيك'],
        [2, 'REPUBLISHED', 'OUTLET', 'syria-news.example'],
      ]);
      expect(appearance.attributionChain[1].source.outlet).toEqual({ name: 'سبوتنيك', kind: 'NEWS_AGENCY', ownership: 'STATE_OWNED' });
    }
    // Appearances come back in text order.
    const starts = article.claimAppearances.map((a: { start: number }) => a.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('anchors by quote alone, and by position with an emoji before the span (code points, not UTF-16 units)', async () => {
    const text = '🛰️ عاجل: قال المرصد إن ٣ طائرات مسيّرة أُسقطت فوق اللاذقية.';
    const article = await captureArticle(api, { url: 'https://example.org/emoji', text, language: 'ar' });
    const quote = 'إن ٣ طائرات مسيّرة أُسقطت فوق اللاذقية';
    const byQuote = await annotate(api, { articleId: article.id, selector: { exact: quote } });
    const span = codePointSpan(text, quote);
    expect(span.start).toBe(text.indexOf(quote) - 1); // the satellite emoji is two UTF-16 units, one code point
    // The same span by position resolves to the appearance made by quote: one appearance per span.
    const byPosition = await api.gql(`mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id } }`, {
      input: { articleId: article.id, selector: span },
    });
    expect(byPosition.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', existingId: byQuote.id });
    const { a } = await api.ok<{ a: ApiAnchor }>(`query($a: ID!) { a: claimAppearance(id: $a) { start end exact } }`, { a: byQuote.id });
    expect(a).toEqual({ ...span, exact: quote });
  });

  it('finds claims whatever the diacritics, tatweel and letter variants of the search text', async () => {
    const searches = [
      'كنائس مسيحيه', // ta marbuta written as ha
      'أنظمة الأسلحة الحديثة', // hamza on alef, as written
      'انظمه الاسلحه الحديثه', // bare alef and ha, as people type
      'العسكريّون الرُّوس', // with shadda and damma
      'مدربيـــن أميركيين', // with tatweel
      'تحت اشراف', // hamza dropped
      'الروس العسكريون', // the words in another order
      'كنائس ومساجد الأهداف', // words from different places in the quote
    ];
    for (const text of searches) {
      const { claims } = await api.ok<{ claims: { nodes: { statement: string }[] } }>(
        `query($text: String!) { claims(filter: { text: $text }) { nodes { statement } } }`,
        { text },
      );
      expect(claims.nodes.length).toBeGreaterThanOrEqual(1);
    }
    const { claims } = await api.ok<{ claims: { nodes: unknown[] } }>(
      `query { claims(filter: { text: "كنائس مطار" }) { nodes { id } } }`, // one word matches, the other does not
    );
    expect(claims.nodes).toEqual([]);
  });

  it('lists claims by source, by outlet and by tag, and shows whom an outlet relays', async () => {
    const bySource = await api.ok<{ claims: { nodes: unknown[] } }>(
      `query($id: ID!) { claims(first: 50, filter: { sourceId: $id }) { nodes { id } } }`,
      { id: informedSourceId },
    );
    expect(bySource.claims.nodes).toHaveLength(5);

    const byOutlet = await api.ok<{ claims: { nodes: unknown[] } }>(
      `query($id: ID!) { claims(first: 50, filter: { outletId: $id }) { nodes { id } } }`,
      { id: seed.outletId },
    );
    expect(byOutlet.claims.nodes).toHaveLength(5);

    const byTag = await api.ok<{ claims: { nodes: { statement: string }[] } }>(
      `query { claims(filter: { tag: "targets" }) { nodes { statement } } }`,
    );
    expect(byTag.claims.nodes.map((c) => c.statement)).toEqual([STATEMENTS.targets]);

    const { source } = await api.ok<{ source: ApiSource }>(
      `query($id: ID!) { source(id: $id) { name claims(first: 2) { nodes { id } pageInfo { hasNextPage } } } }`,
      { id: informedSourceId },
    );
    expect(source.claims.nodes).toHaveLength(2);
    expect(source.claims.pageInfo.hasNextPage).toBe(true);

    const { outlet } = await api.ok<{ outlet: ApiOutlet }>(
      `query($id: ID!) { outlet(id: $id) { articles { nodes { id } } relayedSources { appearanceCount source { name kind } } } }`,
      { id: seed.outletId },
    );
    expect(outlet.articles.nodes).toEqual([{ id: seed.id }]);
    expect(outlet.relayedSources).toEqual([
      { appearanceCount: 5, source: expect.objectContaining({ name: expect.any(String) }) },
      { appearanceCount: 5, source: expect.objectContaining({ name: expect.any(String) }) },
    ]);
    expect(outlet.relayedSources.map((r) => r.source.kind).sort()).toEqual(['ANONYMOUS', 'OUTLET']);
  });

  it('pages through the article\'s claims newest first, two at a time, each once', async () => {
    type Page = { claims: { nodes: { id: string; statement: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const page: Page = await api.ok<Page>(
        `query($article: ID!, $after: String) { claims(first: 2, after: $after, filter: { articleId: $article }) {
           nodes { id statement } pageInfo { hasNextPage endCursor } } }`,
        { article: seed.id, after },
      );
      seen.push(...page.claims.nodes.map((claim) => claim.statement));
      if (!page.claims.pageInfo.hasNextPage) break;
      after = page.claims.pageInfo.endCursor;
    }
    // Annotated in STATEMENTS' order, so listed newest first in the reverse order.
    expect(seen).toEqual(Object.values(STATEMENTS).reverse());
  });

  it("pages each claim's appearances with the page size asked, and refuses one over the limit with BAD_USER_INPUT", async () => {
    const nested = `query($first: Int) { claims(first: 3, filter: { articleId: "${seed.id}" }) { nodes { appearances(first: $first) { nodes { exact } } } } }`;
    const { claims } = await api.ok<{ claims: { nodes: { appearances: { nodes: { exact: string }[] } }[] } }>(nested, { first: 1 });
    expect(claims.nodes.map((claim) => claim.appearances.nodes.length)).toEqual([1, 1, 1]);
    // appearances is non-null: the first row's refusal empties the list, and graphql-js reports that one.
    const refused = await api.gql(nested, { first: 1000 });
    expect(refused.status).toBe(200);
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toEqual([
      expect.objectContaining({ path: ['claims', 'nodes', 0, 'appearances'], message: expect.stringMatching(/^Invalid input: first: /), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
  });

  it('links the same claim republished by a second outlet to the one canonical claim', async () => {
    const { claims } = await api.ok<{ claims: { nodes: { id: string }[] } }>(
      `query { claims(filter: { text: "قائمة الأهداف كنائس" }) { nodes { id } } }`,
    );
    const claimId = claims.nodes[0].id;
    const copy = await captureArticle(api, {
      url: 'https://another-site.example/news/isis-west',
      text: `نقلت وكالة سبوتنيك عن مصدر مطلع أن التنظيم والاستخبارات الغربية "${STATEMENTS.targets}".`,
      language: 'ar',
    });
    await annotate(api, {
      articleId: copy.id,
      selector: { exact: STATEMENTS.targets },
      claimId,
      chain: [
        { sourceId: informedSourceId, relation: 'ORIGIN' },
        { outletId: sputnikId, relation: 'RELAYED', cue: 'نقلت وكالة سبوتنيك' },
        { outletId: copy.outletId, relation: 'REPUBLISHED' },
      ],
    });
    const { claim } = await api.ok<{ claim: ApiClaim }>(
      `query($id: ID!) { claim(id: $id) { appearanceCount appearances { nodes { article { outlet { name } } } } } }`,
      { id: claimId },
    );
    expect(claim.appearanceCount).toBe(2);
    expect(claim.appearances.nodes.map((a) => a.article.outlet.name)).toEqual(['syria-news.example', 'another-site.example']);
  });

  it('moves an appearance to another claim, merges duplicate claims and duplicate sources', async () => {
    const article = await captureArticle(api, {
      url: 'https://example.org/duplicates',
      text: 'قال مصدر ميداني سوري إن المروحيات الروسية دمرت سيارة دفع رباعي. وأكد مصدر ميداني أن المروحيات دمرت السيارة.',
      language: 'ar',
    });
    const fieldSource = await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر ميداني سوري' });
    const sameFieldSource = await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر ميداني' });
    const first = await annotate(api, {
      articleId: article.id,
      selector: { exact: 'المروحيات الروسية دمرت سيارة دفع رباعي' },
      chain: [{ sourceId: fieldSource, relation: 'ORIGIN' }],
    });
    const second = await annotate(api, {
      articleId: article.id,
      selector: { exact: 'المروحيات دمرت السيارة' },
      chain: [{ sourceId: sameFieldSource, relation: 'ORIGIN' }],
    });

    await api.ok(`mutation($input: AttachAppearanceInput!) { attachAppearanceToClaim(input: $input) { id } }`, {
      input: { appearanceId: second.id, claimId: first.claimId },
    });
    const { mergeSources } = await api.ok<{ mergeSources: { id: string } }>(
      `mutation($input: MergeSourcesInput!) { mergeSources(input: $input) { id } }`,
      { input: { keepId: fieldSource, mergeId: sameFieldSource } },
    );
    expect(mergeSources.id).toBe(fieldSource);

    const { claim, source } = await api.ok<{ claim: ApiClaim; source: ApiSource }>(
      `query($claim: ID!, $source: ID!) {
         claim(id: $claim) { appearanceCount appearances { nodes { claimant { id } } } }
         source(id: $source) { mergedIntoId }
       }`,
      { claim: first.claimId, source: sameFieldSource },
    );
    expect(claim.appearanceCount).toBe(2);
    expect(claim.appearances.nodes.map((a) => a.claimant?.id)).toEqual([fieldSource, fieldSource]);
    expect(source.mergedIntoId).toBe(fieldSource);

    const { mergeClaims } = await api.ok<{ mergeClaims: { id: string; appearanceCount: number } }>(
      `mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { id appearanceCount } }`,
      { input: { keepId: first.claimId, mergeId: second.claimId } },
    );
    expect(mergeClaims).toEqual({ id: first.claimId, appearanceCount: 2 });
    // Annotating onto the merged claim lands on the survivor.
    const third = await annotate(api, {
      articleId: article.id,
      selector: { exact: 'قال مصدر ميداني سوري' },
      claimId: second.claimId,
    });
    expect(third.claimId).toBe(first.claimId);
  });

  it('rewords a claim and replaces its tags; search follows the new wording', async () => {
    const appearance = await annotate(api, { articleId: seed.id, selector: { exact: 'تمكنت المروحيات التابعة للقوات الروسية' }, tags: ['مؤقت'] });
    const { updateClaim } = await api.ok<{ updateClaim: ApiClaim }>(
      `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { statement language tags { label } } }`,
      {
        input: {
          id: appearance.claimId,
          statement: 'Russian helicopters destroyed an ISIS 4x4 that had attacked a Syrian army bus',
          language: 'en',
          tags: ['Deir ez-Zor', 'دير الزور'],
        },
      },
    );
    expect(updateClaim).toEqual({
      statement: 'Russian helicopters destroyed an ISIS 4x4 that had attacked a Syrian army bus',
      language: 'en',
      tags: [{ label: 'Deir ez-Zor' }, { label: 'دير الزور' }],
    });
    const { claims } = await api.ok<{ claims: { nodes: { id: string }[] } }>(
      `query { claims(filter: { text: "helicopters destroyed", language: "en" }) { nodes { id } } }`,
    );
    expect(claims.nodes).toEqual([{ id: appearance.claimId }]);
    const { tagged } = await api.ok<{ tagged: { nodes: unknown[] } }>(`query { tagged: claims(filter: { tag: "مؤقت" }) { nodes { id } } }`);
    expect(tagged.nodes).toEqual([]);
  });

  it('deletes an appearance annotated by mistake, with its chain, and keeps the claim', async () => {
    const mistake = await annotate(api, {
      articleId: seed.id,
      selector: { exact: 'هاجموا حافلة عسكرية' },
      chain: [{ newSource: { kind: 'ANONYMOUS', name: 'مصدر خاطئ' }, relation: 'ORIGIN' }],
    });
    const { deleteClaimAppearance } = await api.ok<{ deleteClaimAppearance: string }>(
      `mutation($id: ID!) { deleteClaimAppearance(id: $id) }`,
      { id: mistake.id },
    );
    expect(deleteClaimAppearance).toBe(mistake.claimId);
    expect(await errorCode(api, `query($id: ID!) { claimAppearance(id: $id) { id } }`, { id: mistake.id })).toBe('NOT_FOUND');
    const { claim } = await api.ok<{ claim: ApiClaim }>(`query($id: ID!) { claim(id: $id) { appearanceCount } }`, { id: mistake.claimId });
    expect(claim.appearanceCount).toBe(0);
    expect(await errorCode(api, `mutation($id: ID!) { deleteClaimAppearance(id: $id) }`, { id: mistake.id })).toBe('NOT_FOUND');
  });

  it('replaces an attribution chain', async () => {
    const appearance = await annotate(api, {
      articleId: seed.id,
      selector: { exact: 'اغتيال مسؤولتين إداريتين' },
    });
    const { setAttributionChain } = await api.ok<{ setAttributionChain: ApiAppearance }>(
      `mutation($input: SetAttributionChainInput!) { setAttributionChain(input: $input) {
          attributionChain { relation source { kind name } } } }`,
      {
        input: {
          appearanceId: appearance.id,
          chain: [
            { newSource: { kind: 'ORGANISATION', name: 'الإدارة الذاتية', language: 'ar' }, relation: 'ORIGIN' },
            { outletId: seed.outletId, relation: 'REPUBLISHED' },
          ],
        },
      },
    );
    expect(setAttributionChain.attributionChain).toEqual([
      { relation: 'ORIGIN', source: { kind: 'ORGANISATION', name: 'الإدارة الذاتية' } },
      { relation: 'REPUBLISHED', source: { kind: 'OUTLET', name: 'syria-news.example' } },
    ]);
  });

  describe('refuses a bad annotation with a typed error and writes nothing of it', () => {
    const ANNOTATE = `mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id } }`;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: { name: string; input: () => Record<string, unknown>; code: string; reason?: string }[] = [
      { name: 'a span past the end of the text', input: () => ({ selector: { start: 10, end: 1_000_000 } }), code: 'BAD_USER_INPUT', reason: 'OUT_OF_RANGE' },
      { name: 'a span that ends before it starts', input: () => ({ selector: { start: 50, end: 40 } }), code: 'BAD_USER_INPUT', reason: 'OUT_OF_RANGE' },
      { name: 'a negative offset', input: () => ({ selector: { start: -1, end: 5 } }), code: 'BAD_USER_INPUT' },
      { name: 'an empty span', input: () => ({ selector: { start: 5, end: 5 } }), code: 'BAD_USER_INPUT', reason: 'EMPTY_SPAN' },
      { name: 'a quote that is not at the position', input: () => ({ selector: { start: 0, end: 5, exact: 'سبوتنيك' } }), code: 'BAD_USER_INPUT', reason: 'QUOTE_MISMATCH' },
      { name: 'a quote that is not in the text', input: () => ({ selector: { exact: 'قصف مطار دمشق' } }), code: 'BAD_USER_INPUT', reason: 'QUOTE_NOT_FOUND' },
      { name: 'a quote that occurs several times', input: () => ({ selector: { exact: 'تنظيم داعش' } }), code: 'BAD_USER_INPUT', reason: 'QUOTE_AMBIGUOUS' },
      { name: 'no selector at all', input: () => ({ selector: {} }), code: 'BAD_USER_INPUT', reason: 'NO_SELECTOR' },
      { name: 'an unknown claim', input: () => ({ selector: { exact: 'سبوتنيك' }, claimId: unknown }), code: 'NOT_FOUND' },
      { name: 'an unknown revision', input: () => ({ selector: { exact: 'سبوتنيك' }, revisionId: unknown }), code: 'NOT_FOUND' },
      {
        name: 'a chain whose second hop names an unknown source',
        input: () => ({
          selector: { exact: 'سبوتنيك' },
          chain: [
            { newSource: { kind: 'ANONYMOUS', name: 'مصدر لن يحفظ' }, relation: 'ORIGIN' },
            { sourceId: unknown, relation: 'RELAYED' },
          ],
        }),
        code: 'NOT_FOUND',
      },
      {
        name: 'a chain that does not start with its origin',
        input: () => ({ selector: { exact: 'سبوتنيك' }, chain: [{ outletId: sputnikId, relation: 'RELAYED' }] }),
        code: 'BAD_USER_INPUT',
      },
      {
        name: 'a hop naming two sources',
        input: () => ({ selector: { exact: 'سبوتنيك' }, chain: [{ outletId: sputnikId, sourceId: informedSourceId, relation: 'ORIGIN' }] }),
        code: 'BAD_USER_INPUT',
      },
    ];
    it.each(cases)('$name', async ({ input, code, reason }) => {
      const count = async () => {
        const data = await api.ok<{ claims: { nodes: unknown[] }; sources: { nodes: unknown[] }; article: ApiArticle }>(
          `query($id: ID!) { claims(first: 100) { nodes { id } } sources(first: 100) { nodes { id } } article(id: $id) { claimAppearances { id } } }`,
          { id: seed.id },
        );
        return [data.claims.nodes.length, data.sources.nodes.length, data.article.claimAppearances.length];
      };
      const before = await count();
      const response = await api.gql(ANNOTATE, { input: { articleId: seed.id, ...input() } });
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
      if (reason) expect(response.errors?.[0]?.extensions?.reason).toBe(reason);
      expect(await count()).toEqual(before);
    });

    it('an unknown article, and a malformed one', async () => {
      expect(await errorCode(api, ANNOTATE, { input: { articleId: unknown, selector: { exact: 'x' } } })).toBe('NOT_FOUND');
      expect(await errorCode(api, ANNOTATE, { input: { articleId: 'x', selector: { exact: 'x' } } })).toBe('BAD_USER_INPUT');
    });
  });

  it('keeps the captured text and what was pasted unchanged through all of this', async () => {
    const { article } = await api.ok<{ article: { text: string; latestRevision: { rawInput: string } } }>(
      `query($id: ID!) { article(id: $id) { text latestRevision { rawInput } } }`,
      { id: seed.id },
    );
    expect(article.text).toBe(seed.text);
    expect(article.latestRevision.rawInput).toBe(seedArticleText().normalize('NFC'));
  });
});
