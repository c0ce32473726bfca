import { DataSource } from 'typeorm';
import { normalizeForSearch } from '@isnad/text';
import { claimMatches } from './support/linking-factories';
import { TestApi } from './support/test-api';

/** Made-up words of the i-th stored claim, its own (no stemmer or dictionary changes them). */
const wordsOf = (i: number): string[] => Array.from({ length: 6 }, (_, j) => `fil${i.toString(36)}q${j}`);
// Nine words each held by one claim in eleven: under the 10 % above which a word is not searched,
// and together so common that the matcher reads only the first part of each one's posting list.
const COMMON = ['zorblat', 'quennic', 'varomed', 'tillesk', 'brunoth', 'olvared', 'kestrin', 'maldorf', 'pelquay'];
// Seven words each held by one claim in 29 (some 310): rare enough that their lists are read, but
// together longer than the 1,000 postings the matcher reads of a query's rare lists.
const MIDDLING = ['drevolk', 'quistax', 'morvenk', 'plindux', 'harthok', 'selvink', 'tobrenk'];
const CLAIMS = 9000;
const statementOf = (i: number): string =>
  [...wordsOf(i), ...(i % 11 < COMMON.length ? [COMMON[i % 11]] : []), ...(i % 29 < MIDDLING.length ? [MIDDLING[i % 29]] : [])].join(' ');
const TARGET = `Officials from Quentaria said ${COMMON.join(' ')} shipments doubled at the Vellmar port`;

describe('claim matching in a large collection', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
    // Stored before the claim the tests look for, so that the cut posting lists of the common words
    // hold these and not it: it must be found through its rare words.
    const statements = Array.from({ length: CLAIMS - 1 }, (_, i) => statementOf(i));
    statements.push(TARGET);
    await api.provider(DataSource).query(
      `INSERT INTO claims (statement, statement_key, language) SELECT s, k, 'en' FROM unnest($1::text[], $2::text[]) AS c(s, k)`,
      [statements, statements.map(normalizeForSearch)],
    );
  }, 120_000);
  afterAll(() => api?.stop());

  it('finds an edited copy of a claim through its rare words when its common words are held by thousands of claims', async () => {
    const edited = `BREAKING: ${[...COMMON].reverse().join(' ')} shipments at the Vellmar port doubled, officials from Quentaria said`;
    const [best] = await claimMatches(api, edited, { language: 'en', minScore: 0 });
    expect(best.claim.statement).toBe(TARGET);
  });

  it('ranks first the claim that shares the most rare words, whatever its place in the index', async () => {
    // Hundreds of claims share a common word with the query; the one that also holds five of its
    // rare words was stored in the middle of the collection and must come first.
    const [best] = await claimMatches(api, [COMMON[0], ...wordsOf(4001).slice(0, 5)].join(' '), { language: 'en', minScore: 0 });
    expect(best.claim.statement).toBe(statementOf(4001));
  });

  it('finds a claim through its rarest words when the lists of the query’s other rare words are too long to read all', async () => {
    // The seven middling words' lists hold some 2,170 texts: the matcher reads the rarest lists
    // first, and the claim's own two words are the rarest.
    const [best] = await claimMatches(api, [...MIDDLING, ...wordsOf(6003).slice(0, 2)].join(' '), { language: 'en', minScore: 0 });
    expect(best.claim.statement).toBe(statementOf(6003));
  });

  it('finds a claim through two of its common words when the query’s only rare word is other claims’', async () => {
    // As at three million claims, where an edited copy's names and words were each held by more
    // than 400 texts: the one rare list read (a middling word, held by some 310 claims, none of
    // them this one) does not hold the claim, and the common words' lists are too long to read;
    // the claim is the only one holding two of them (it holds seven, and comes first).
    expect(TARGET.split(' ')).not.toContain(MIDDLING[0]);
    const matches = await claimMatches(api, [...COMMON.slice(0, 7), MIDDLING[0]].join(' '), { language: 'en', minScore: 0 });
    expect(matches[0].claim.statement).toBe(TARGET);
  });

  it('finds the claim that holds all the common words of a query that has no rare one', async () => {
    const [best] = await claimMatches(api, COMMON.slice(2, 6).join(' '), { language: 'en', minScore: 0 });
    expect(best.claim.statement).toBe(TARGET);
  });
});
