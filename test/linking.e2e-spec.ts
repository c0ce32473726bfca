import { CapturedArticle, annotate, captureArticle, captureSeedArticle, codePointSpan, errorCode } from './support/factories';
import { addTranslation, claimMatches, matchSuggestions } from './support/linking-factories';
import { DataSource } from 'typeorm';
import { tsvectorTerms } from '@isnad/linking/claim-matcher.service';
import { TestApi } from './support/test-api';

// A claim of the seed article (the informed source via Sputnik) and how other outlets carry it.
const MEETINGS_AR = 'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة';
const TRAINING_AR = 'يخضعون لتدريب عسكري خاص تحت إشراف مدربين أميركيين';
const MEETINGS_EN =
  'Representatives of the intelligence services of the United States, France and Britain held a series of meetings with ISIS field commanders in al-Tanf.';
const ENGLISH_REPORT = `Sources told Sputnik on Friday that ${MEETINGS_EN} The source did not give dates.`;
// Same places and names as the claims above, different claims: what must not be suggested.
const HARD_NEGATIVE_EN = 'France and Britain will sign a trade agreement with the United States in London, officials said on Friday.';

describe('cross-outlet claim matching and its review', () => {
  let api: TestApi;
  let seed: CapturedArticle;
  let english: CapturedArticle;
  let meetings: { id: string; claimId: string };
  let training: { id: string; claimId: string };
  let meetingsEn: { id: string; claimId: string };

  beforeAll(async () => {
    api = await TestApi.start();
    seed = await captureSeedArticle(api);
    meetings = await annotate(api, { articleId: seed.id, selector: codePointSpan(seed.text, MEETINGS_AR) });
    training = await annotate(api, { articleId: seed.id, selector: codePointSpan(seed.text, TRAINING_AR) });
    english = await captureArticle(api, {
      url: 'https://wire.example/2021/02/05/isis-western-intelligence',
      text: ENGLISH_REPORT,
      language: 'en',
      publishedAt: '2021-02-05T12:00:00Z',
    });
    meetingsEn = await annotate(api, { articleId: english.id, selector: codePointSpan(english.text, MEETINGS_EN) });
  });
  afterAll(() => api?.stop());

  it('finds the Arabic claim from a lightly edited Arabic text, whatever its diacritics and letter variants', async () => {
    const edited = 'وعقدت سلسلة لقاءات لممثلى اجهزة الولايات المتحدة وفرنسا وبريطانيا ودول المنطقة في التنف';
    const [best, ...rest] = await claimMatches(api, edited);
    const { suggestionThreshold } = await api.ok<{ suggestionThreshold: number }>('{ suggestionThreshold }');
    expect(best.claim.id).toBe(meetings.claimId);
    // A handful of claims: the usual model scores them, so the match is suggested from the published threshold.
    expect(best.threshold).toBe(suggestionThreshold);
    expect(best.score).toBeGreaterThan(suggestionThreshold + 0.1);
    expect(best.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['SHARED_PHRASE', 'SHARED_TERMS']));
    expect(best.reasons.find((r) => r.kind === 'SHARED_PHRASE')?.values[0]).toContain('سلسله لقاءات');
    expect(rest.map((m) => m.claimId)).not.toContain(training.claimId);
  });

  it('finds the Arabic claim from English text through the dictionary, and surely through the translation a fact-checker recorded', async () => {
    const query = 'Representatives of US, French and British intelligence services held a series of meetings with countries of the region';
    const before = (await claimMatches(api, query, { minScore: 0 })).find((m) => m.claimId === meetings.claimId);
    expect(before?.reasons.map((r) => r.kind)).toContain('TRANSLATED_TERMS');

    await addTranslation(
      api,
      meetings.claimId,
      'en',
      'A series of meetings was held by representatives of the services of the United States, France, Britain and several countries of the region',
    );
    const [best] = await claimMatches(api, query);
    expect(best).toMatchObject({ claimId: meetings.claimId, matchedKind: 'TRANSLATION', matchedLanguage: 'en' });
    expect(best.score).toBeGreaterThan(before!.score);
    expect(best.reasons.find((r) => r.kind === 'SHARED_TERMS')?.values).toEqual(expect.arrayContaining(['meet']));
  });

  it('finds the claim from a post that names its story only in CamelCase hashtags', async () => {
    const [best] = await claimMatches(api, 'Who met whom, and who paid? #WesternIntelligence #AlTanf', { minScore: 0 });
    expect(best.claimId).toBe(meetingsEn.claimId);
    expect(best.reasons.find((r) => r.kind === 'SHARED_TERMS')?.values).toEqual(expect.arrayContaining(['tanf']));
  });

  it('does not suggest a claim that shares only places and names, and ranks it below the real one', async () => {
    const suggestions = await claimMatches(api, HARD_NEGATIVE_EN);
    expect(suggestions.map((m) => m.claimId)).not.toContain(meetingsEn.claimId);
    const all = await claimMatches(api, MEETINGS_EN, { minScore: 0, first: 10 });
    expect(all[0].claimId).toBe(meetingsEn.claimId);
  });

  it('offers a text whose numbers all differ as CONTRADICTS, with a lower score', async () => {
    const article = await captureArticle(api, {
      url: 'https://local.example/deir-ez-zor-attack',
      text: 'Five Syrian soldiers were killed when ISIS fighters attacked an army bus on the Deir ez-Zor road, a field source said. 5 soldiers died.',
      language: 'en',
    });
    const claim = await annotate(api, {
      articleId: article.id,
      selector: codePointSpan(article.text, 'Five Syrian soldiers were killed when ISIS fighters attacked an army bus on the Deir ez-Zor road'),
      statement: '5 Syrian soldiers were killed when ISIS attacked an army bus on the Deir ez-Zor road',
    });
    const same = await claimMatches(api, 'ISIS attacked an army bus on the Deir ez-Zor road, killing 5 Syrian soldiers', { minScore: 0 });
    const other = await claimMatches(api, 'ISIS attacked an army bus on the Deir ez-Zor road, killing 50 Syrian soldiers', { minScore: 0 });
    const sameScore = same.find((m) => m.claimId === claim.claimId);
    const otherScore = other.find((m) => m.claimId === claim.claimId);
    expect(sameScore?.reasons).toEqual(expect.arrayContaining([{ kind: 'SHARED_NUMBERS', values: ['5'] }]));
    expect(otherScore?.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['DIFFERENT_NUMBERS', 'CONTRADICTS']));
    expect(sameScore?.relation).toBe('SAME');
    expect(otherScore?.relation).toBe('CONTRADICTS');
    expect(otherScore!.score).toBeLessThan(sameScore!.score * 0.8);
  });

  it('offers the same figure in another unit and the same day in another month as CONTRADICTS, and keeps their paraphrases SAME', async () => {
    const profit = 'أرامكو السعودية تعلن أرباحا صافية بقيمة 27 مليار دولار في الربع الثاني';
    const float = "Egypt's central bank let the pound float freely on 6 March 2024";
    const arabic = await captureArticle(api, { url: 'https://local.example/aramco-q2', text: `${profit}. وقالت الشركة إن النتائج فاقت التوقعات.`, language: 'ar' });
    const english = await captureArticle(api, { url: 'https://local.example/egypt-float', text: `${float}, the bank said.`, language: 'en' });
    const aramco = await annotate(api, { articleId: arabic.id, selector: codePointSpan(arabic.text, profit) });
    const pound = await annotate(api, { articleId: english.id, selector: codePointSpan(english.text, float) });
    const relationOf = async (text: string, claimId: string) => (await claimMatches(api, text, { minScore: 0 })).find((m) => m.claimId === claimId);

    const riyals = await relationOf('أرامكو السعودية تعلن أرباحا صافية بقيمة 27 مليار ريال في الربع الثاني', aramco.claimId);
    expect(riyals?.relation).toBe('CONTRADICTS');
    expect(riyals?.reasons).toEqual(expect.arrayContaining([{ kind: 'CONTRADICTS', values: ['27000000000 ريال', '27000000000 دولار'] }]));
    expect((await relationOf('ارامكو: ٢٧ مليار دولار صافي الارباح في الربع الثاني', aramco.claimId))?.relation).toBe('SAME');

    const february = await relationOf("Egypt's central bank let the pound float freely on 6 February 2024", pound.claimId);
    expect(february?.relation).toBe('CONTRADICTS');
    expect(february?.reasons).toEqual(expect.arrayContaining([{ kind: 'CONTRADICTS', values: ['month 2', 'month 3'] }]));
    expect((await relationOf('On March 6, 2024, the Central Bank of Egypt floated the pound', pound.claimId))?.relation).toBe('SAME');
  });

  it('does not suggest a text that tells another act of the same actors, or takes the statement back; keeps a paraphrase with another verb', async () => {
    const signed = "Iraq's electricity ministry signed a contract with Siemens Energy to build a power plant in Basra";
    const article = await captureArticle(api, { url: 'https://local.example/basra-plant', text: `${signed}, the ministry said on Sunday.`, language: 'en' });
    const claim = await annotate(api, { articleId: article.id, selector: codePointSpan(article.text, signed) });
    const scored = async (text: string) => (await claimMatches(api, text, { minScore: 0 })).find((m) => m.claimId === claim.claimId);
    const suggested = async (text: string) => (await claimMatches(api, text)).map((m) => m.claimId);

    const received = "Iraq's electricity ministry received a Siemens Energy delegation about a power plant in Basra";
    expect((await scored(received))?.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'OTHER_EVENT' })]));
    expect(await suggested(received)).not.toContain(claim.claimId);
    expect(await suggested('وزارة الكهرباء العراقية تستقبل وفدا من سيمنس للطاقة لبحث محطة كهرباء في البصرة')).not.toContain(claim.claimId);

    const withdrawn = await scored("Iraq's electricity ministry withdrew its statement that it signed a contract with Siemens Energy for a Basra power plant");
    expect(withdrawn?.relation).toBe('CONTRADICTS');
    expect(withdrawn?.reasons).toEqual(expect.arrayContaining([{ kind: 'CONTRADICTS', values: ['withdrew'] }]));

    expect(await suggested('Siemens Energy and the Iraqi electricity ministry sign a deal to build a Basra power plant')).toContain(claim.claimId);
  });

  it('offers a text that only supposes what a claim says was done as CONTRADICTS, and keeps a paraphrase and a reader\'s question SAME', async () => {
    const banned = 'Oman banned single-use plastic bags in all shops from January';
    const article = await captureArticle(api, { url: 'https://local.example/oman-plastic-bags', text: `${banned}, the environment authority said.`, language: 'en' });
    const claim = await annotate(api, { articleId: article.id, selector: codePointSpan(article.text, banned) });
    const relationOf = async (text: string) => (await claimMatches(api, text, { minScore: 0 })).find((m) => m.claimId === claim.claimId);

    const could = await relationOf('Oman could ban single-use plastic bags in all shops from January');
    expect(could?.relation).toBe('CONTRADICTS');
    expect(could?.reasons).toEqual(expect.arrayContaining([{ kind: 'CONTRADICTS', values: ['could'] }]));
    // A reader asking whether the claim is true wants its verdict: the same claim, not a contradiction.
    expect((await relationOf('Did Oman ban single-use plastic bags in all shops?'))?.relation).toBe('SAME');

    expect((await relationOf('Single-use plastic bags banned in all Omani shops from January'))?.relation).toBe('SAME');
  });

  it('suggests the Arabic claim for the English appearance; a rejection is remembered', async () => {
    const suggestions = await matchSuggestions(api, meetingsEn.id);
    expect(suggestions[0]?.claimId).toBe(meetings.claimId);
    expect(suggestions.map((m) => m.claimId)).not.toContain(meetingsEn.claimId);

    const review = await api.ok<{ rejectClaimMatch: { decision: string } }>(
      `mutation($input: ReviewClaimMatchInput!) { rejectClaimMatch(input: $input) { decision } }`,
      { input: { claimId: meetingsEn.claimId, matchedClaimId: meetings.claimId, note: 'checking' } },
    );
    expect(review.rejectClaimMatch.decision).toBe('REJECTED');
    expect((await matchSuggestions(api, meetingsEn.id)).map((m) => m.claimId)).not.toContain(meetings.claimId);
  });

  it('relates claims that support or contradict each other, from either side', async () => {
    await api.ok(`mutation($input: RelateClaimsInput!) { relateClaims(input: $input) { id } }`, {
      input: { claimId: training.claimId, matchedClaimId: meetings.claimId, relation: 'SUPPORTS' },
    });
    type Related = { relatedClaims: { relation: string; claim: { id: string } }[] };
    const data = await api.ok<{ a: Related; b: Related }>(
      `query($a: ID!, $b: ID!) {
         a: claim(id: $a) { relatedClaims { relation claim { id } } }
         b: claim(id: $b) { relatedClaims { relation claim { id } } }
       }`,
      { a: training.claimId, b: meetings.claimId },
    );
    expect(data.a.relatedClaims).toEqual([{ relation: 'SUPPORTS', claim: { id: meetings.claimId } }]);
    expect(data.b.relatedClaims).toEqual([{ relation: 'SUPPORTS', claim: { id: training.claimId } }]);
  });

  it('confirms a match by merging into the older claim, keeping both appearances and the translation', async () => {
    const data = await api.ok<{
      confirmClaimMatch: { id: string; appearances: { nodes: { id: string }[] }; translations: { language: string }[] };
    }>(
      `mutation($input: ReviewClaimMatchInput!) {
         confirmClaimMatch(input: $input) {
           id appearances { nodes { id } } translations { language } }
       }`,
      { input: { claimId: meetingsEn.claimId, matchedClaimId: meetings.claimId } },
    );
    const kept = data.confirmClaimMatch;
    expect(kept.id).toBe(meetings.claimId);
    expect(kept.appearances.nodes.map((n) => n.id).sort()).toEqual([meetings.id, meetingsEn.id].sort());
    expect(kept.translations).toEqual([{ language: 'en' }]);
    // The merged claim's wording still finds the kept claim, and only it.
    const matches = await claimMatches(api, MEETINGS_EN);
    expect(matches[0].claimId).toBe(meetings.claimId);
    expect(matches.map((m) => m.claimId)).not.toContain(meetingsEn.claimId);
  });

  it('answers typed errors for empty text, unknown claims and a claim matched with itself', async () => {
    expect(await errorCode(api, `{ claimMatches(text: "!!! ...") { claimId } }`)).toBe('BAD_USER_INPUT');
    const review = `mutation($input: ReviewClaimMatchInput!) { rejectClaimMatch(input: $input) { id } }`;
    expect(
      await errorCode(api, review, { input: { claimId: meetings.claimId, matchedClaimId: '00000000-0000-4000-8000-000000000000' } }),
    ).toBe('NOT_FOUND');
    expect(await errorCode(api, review, { input: { claimId: meetings.claimId, matchedClaimId: meetingsEn.claimId } })).toBe(
      'BAD_USER_INPUT',
    );
  });
  it("reads a stored text's terms from its tsvector's text as tsvector_to_array and unnest give them", async () => {
    // The matcher reads the candidates' lexemes and frequencies from tsv::text (tsvectorTerms).
    const texts = [
      `linking_tsvector('ar', '${MEETINGS_AR}')`,
      `linking_tsvector('en', 'Officials said shipments doubled, shipments tripled; officials denied it')`,
      `linking_tsvector(NULL, 'Путин сказал Путин')`,
      // Lexemes no parser makes, with quotes, backslashes, spaces, colons and commas; positions and weights.
      `array_to_tsvector(ARRAY['it''s', 'a:b', 'back\\slash', '''lone''', 'a,b', 'sp ace']) || 'plain:1,2A,3B,4C other:7'::tsvector`,
    ];
    const rows: { text: string; lexemes: string[]; tfs: number[] }[] = await api.provider(DataSource).query(
      `SELECT v::text AS text, tsvector_to_array(v) AS lexemes,
              ARRAY(SELECT coalesce(array_length(u.positions, 1), 1) FROM unnest(v) AS u) AS tfs
         FROM (VALUES ${texts.map((t) => `(${t})`).join(', ')}) AS x(v)`,
    );
    expect(rows).toHaveLength(texts.length);
    for (const row of rows) {
      expect(row.lexemes.length).toBeGreaterThan(1);
      expect(tsvectorTerms(row.text)).toEqual({ lexemes: row.lexemes, tfs: row.tfs });
    }
    expect(rows.some((r) => r.tfs.some((tf) => tf > 1))).toBe(true);
    expect(rows.flatMap((r) => r.lexemes)).toEqual(expect.arrayContaining(["it's", 'back\\slash', "'lone'", 'sp ace']));
  });
});
