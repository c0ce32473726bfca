import { DataSource } from 'typeorm';
import {
  ClaimEmbeddingsService,
  ClaimEmbeddingsWorker,
  ClaimMatcherService,
  EMBEDDING_ENCODER,
  EmbeddingEncoder,
  FEATURE_NAMES,
  SENTENCE_FEATURE_NAMES,
  SENTENCE_SUGGESTION_THRESHOLD,
  SUGGESTION_THRESHOLD,
} from '@isnad/linking';
import { TestApi } from './support/test-api';

// English claims that share one word with the query ("covid"), only the first in its meaning; and
// one in Arabic, which the English encoder does not read.
const INFERTILE = 'Covid jab leaves young women unable to have children';
const CASES = 'Covid cases fell in three provinces last week';
const BREAD = 'The government raised the price of subsidised bread';
const ARABIC = 'أعلنت وزارة الصحة عن تفشي الكوليرا في إدلب';
const QUERY = 'The covid vaccine causes infertility';

const MATCHES = `query($text: String!) { claimMatches(text: $text, minScore: 0) { score claim { statement } } }`;
type Match = { score: number; claim: { statement: string } };

describe('matching with the shipped English sentence encoder (SENTENCE_ENCODER=local)', () => {
  let api: TestApi;
  let db: DataSource;
  let worker: ClaimEmbeddingsWorker;
  let vectorIndex: boolean;

  const matches = async (text: string): Promise<Match[]> => (await api.ok<{ claimMatches: Match[] }>(MATCHES, { text })).claimMatches;
  const featureCount = async (text: string, language: string) => (await api.provider(ClaimMatcherService).rank(text, { language }))[0].features.length;

  beforeAll(async () => {
    // The loop is off: the test runs its passes itself.
    api = await TestApi.start({ linking: { embeddings: null, localSentences: true, embeddingWorker: { enabled: false, pollMs: 1_000 } } });
    db = api.provider(DataSource);
    worker = api.provider(ClaimEmbeddingsWorker);
    vectorIndex = await api.provider(ClaimEmbeddingsService).available();
    if (!vectorIndex && process.env.ISNAD_EXPECT_PGVECTOR === '1') throw new Error('ISNAD_EXPECT_PGVECTOR=1 but the database has no pgvector');
    for (const [statements, language] of [[[CASES, INFERTILE, BREAD], 'en'], [[ARABIC], 'ar']] as const) {
      const text = statements.map((s) => `${s}.`).join(' ');
      const { captureArticle } = await api.ok<{ captureArticle: { article: { id: string } } }>(
        `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id } } }`,
        { input: { url: `https://news.example/${language}`, text, language } },
      );
      for (const statement of statements) {
        const start = text.indexOf(statement);
        await api.ok(`mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id } }`, {
          input: { articleId: captureArticle.article.id, selector: { start, end: start + statement.length }, statement },
        });
      }
    }
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('ranks without sentence features while the texts have no vectors', async () => {
    expect(await featureCount(QUERY, 'en')).toBe(FEATURE_NAMES.length);
    // (The lexical model alone puts CASES first here: shorter, and as close by its words.)
  });

  it('embeds the English claim texts only, then ranks English pools with the sentence model and the paraphrase first', async () => {
    if (!vectorIndex) return;
    while ((await worker.runOnce()) > 0);
    const embedded: { language: string }[] = await db.query(`SELECT t.language FROM claim_match_embeddings e JOIN claim_match_texts t ON t.id = e.text_id`);
    expect(embedded.length).toBeGreaterThanOrEqual(3);
    expect(embedded.every((e) => e.language === 'en')).toBe(true);
    const [{ queued }] = await db.query(`SELECT count(*)::int AS queued FROM claim_match_embedding_jobs`);
    expect(queued).toBe(0);
    expect(await featureCount(QUERY, 'en')).toBe(FEATURE_NAMES.length + SENTENCE_FEATURE_NAMES.length);
    expect((await matches(QUERY))[0].claim.statement).toBe(INFERTILE);
    // Scored by the sentence model, so suggested from its own threshold (its scores are calibrated by it).
    const matcher = api.provider(ClaimMatcherService);
    const ranked = await matcher.match(QUERY, { language: 'en', minScore: 0 });
    expect(ranked.map((m) => [m.matchedKey, m.threshold])).toContainEqual(['covid jab leaves young women unable to have children', SENTENCE_SUGGESTION_THRESHOLD]);
    expect(ranked.every((m) => m.threshold === SENTENCE_SUGGESTION_THRESHOLD)).toBe(true);
    const suggested = await matcher.match(QUERY, { language: 'en' });
    expect(suggested.map((m) => m.claimId)).toEqual(ranked.filter((m) => m.score >= SENTENCE_SUGGESTION_THRESHOLD).map((m) => m.claimId));
  }, 60_000);

  it("reads a stored claim text's vector for a query with the same search key instead of encoding it", async () => {
    if (!vectorIndex) return;
    const matcher = api.provider(ClaimMatcherService);
    const encode = jest.spyOn(api.provider<EmbeddingEncoder>(EMBEDDING_ENCODER), 'encode');
    try {
      // The appearance's own text, as claim-link suggestions match it: its vector is stored.
      const [first] = await matcher.match(`${BREAD}.`, { language: 'en', minScore: 0 });
      expect(encode).not.toHaveBeenCalled();
      expect([first.matchedKey, first.threshold]).toEqual([BREAD.toLowerCase(), SENTENCE_SUGGESTION_THRESHOLD]);
      // A text no claim states is encoded, once: asked again, its vector is remembered.
      await matcher.match('Bread prices doubled in the capital', { language: 'en' });
      await matcher.match('Bread prices doubled in the capital', { language: 'en' });
      expect(encode).toHaveBeenCalledTimes(1);
    } finally {
      encode.mockRestore();
    }
  }, 60_000);

  it('matches an Arabic text without sentence features', async () => {
    expect(await featureCount('تفشي الكوليرا في إدلب', 'ar')).toBe(FEATURE_NAMES.length);
    expect((await matches('تفشي الكوليرا في إدلب'))[0].claim.statement).toBe(ARABIC);
    expect((await api.provider(ClaimMatcherService).match('تفشي الكوليرا في إدلب', { minScore: 0 }))[0].threshold).toBe(SUGGESTION_THRESHOLD);
  });
});
