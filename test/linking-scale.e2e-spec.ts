import { DataSource } from 'typeorm';
import { normalizeForSearch } from '@isnad/text';
import { claimMatches } from './support/linking-factories';
import { TestApi } from './support/test-api';

/** Made-up words of the i-th stored claim, its own (no stemmer or dictionary changes them). */
const wordsOf = (i: number): string[] => Array.from({ length: 10 }, (_, j) => `fil${i.toString(36)}q${j}`);
// A word in 450 of the 4,500 claims: under the 10 % above which a word is ignored, but common
// enough that the matcher reads only the first part of its posting list.
const COMMON = 'zorblat';
const CLAIMS = 4500;
const TARGET = `Officials from Quentaria said ${COMMON} shipments doubled at the Vellmar port last winter`;

describe('claim matching in a large collection', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
    // Stored before the claim the test looks for, so that a cut posting list of the common word
    // holds these and not it: the claim must be found through its rare words.
    const statements = Array.from({ length: CLAIMS - 1 }, (_, i) => {
      const words = wordsOf(i);
      if (i % 10 === 0) words.splice(3, 0, COMMON);
      return words.join(' ');
    });
    statements.push(TARGET);
    await api.provider(DataSource).query(
      `INSERT INTO claims (statement, statement_key, language) SELECT s, k, 'en' FROM unnest($1::text[], $2::text[]) AS c(s, k)`,
      [statements, statements.map(normalizeForSearch)],
    );
  });
  afterAll(() => api?.stop());

  it('finds an edited copy of a claim through its rare words when its common words are held by hundreds of claims', async () => {
    const [best] = await claimMatches(api, `BREAKING: ${COMMON} shipments at the Vellmar port doubled last winter, officials from Quentaria said`, {
      minScore: 0,
    });
    expect(best.claim.statement).toBe(TARGET);
  });

  it('ranks first the claim that shares the most rare words, whatever its place in the index', async () => {
    // Hundreds of claims share the common word with the query; the one that also holds six of its
    // rare words was stored in the middle of the collection and must come first.
    const words = wordsOf(2001);
    const [best] = await claimMatches(api, [COMMON, ...words.slice(0, 6)].join(' '), { minScore: 0 });
    expect(best.claim.statement).toBe(words.join(' '));
  });
});
