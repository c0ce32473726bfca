import { normalizeForSearch } from '@isnad/text';
import {
  ARABIC_FEATURE_NAMES,
  arabicPoolFeatures,
  candidateWeightUnshared,
  characterGramCoverage,
  characterGrams,
  otherSpellingShared,
  rarestSharedTerm,
  withoutLinkWords,
} from './arabic-match-features';
import { CollectionStats, idf } from './match-features';

const stats: CollectionStats = { df: new Map([['قانون', 300], ['كيرز', 1], ['كورونا', 400], ['2019', 50]]), total: 1000, averageLength: 10 };
const terms = (...lexemes: string[]) => new Map(lexemes.map((l) => [l, 1]));
const coverage = (query: string, candidate: string) =>
  characterGramCoverage(characterGrams(normalizeForSearch(query)), characterGrams(normalizeForSearch(candidate)));

describe('Arabic match features', () => {
  it.each([
    ['a tweet with its short link', 'ترامب يرقص https://t.co/Z40abD19Gm', ['ترامب', 'يرقص']],
    ['a handle and an English word stay', 'nsaalsabah وصول الأمير', ['nsaalsabah', 'وصول', 'الامير']],
    ['a year stays', 'قانون 2019', ['قانون', '2019']],
  ])('reads the words of %s without the link', (_case, text, words) => {
    expect(withoutLinkWords(normalizeForSearch(text))).toEqual(words);
  });

  it.each([
    // [query word, candidate word, the candidate's grams the query holds, at least]
    ['بيرقص', 'يرقص', 2 / 3],
    ['الإسباني', 'إسبانيا', 0.6],
    ['الأردنيون', 'الاردن', 0.6],
    ['كشفوه', 'يكشفون', 0.2],
  ])('lets the dialect or inflected spelling %s meet %s', (query, candidate, share) => {
    expect(coverage(query, candidate)[1]).toBeGreaterThanOrEqual(share);
  });

  it('reads the same word with and without its article, hamza or diacritics as the same grams', () => {
    expect(coverage('الشُّرطة الأمريكية', 'شرطه امريكيه')).toEqual([1, 1]);
  });

  it('finds nothing shared between unrelated words, and nothing in words shorter than three letters', () => {
    expect(coverage('فيضان النيل', 'انتخابات الكويت')).toEqual([0, 0]);
    expect(characterGrams('في من و لا').size).toBe(0);
  });

  it.each([
    ['shares the rarest word of the query', ['قانون', 'كيرز'], ['كيرز', 'كورونا'], 1],
    ['shares only a common word', ['قانون', 'كيرز'], ['قانون'], Math.log(1 + 700.5 / 300.5) / Math.log(1 + 999.5 / 1.5)],
    ['shares nothing', ['قانون', 'كيرز'], ['كورونا'], 0],
    ['shares a figure only (figures are not words)', ['2019', 'كيرز'], ['2019'], 0],
  ])('rarestSharedTerm: a candidate that %s', (_case, query, candidate, expected) => {
    expect(rarestSharedTerm(terms(...query), terms(...candidate), stats)).toBeCloseTo(expected as number, 6);
  });

  it.each([
    ['America with and without its ي', 'وصول امير الكويت الى أمريكا', 'لوصول أمير الكويت إلى أميركا لاستكمال العلاج'],
    ['Erdogan with an Egyptian ج', 'تطبيع أردوجان مثمر', 'نشكر السيد أردوغان على التطبيع'],
    ['Gattuso with ج for غ', 'تأكيد إصابة جاتوزو بكورونا', 'إصابة مدرب نابولي غاتوزو بفايروس كورونا'],
  ])('otherSpellingShared: the candidate spells %s otherwise', (_case, query, candidate) => {
    expect(otherSpellingShared(normalizeForSearch(query), normalizeForSearch(candidate))).toBe(1);
  });

  it.each([
    ['the same spelling', 'وصول امير الكويت الى امريكا', 'أمير الكويت في أمريكا'],
    ['the same word with its article and an ending', 'الشرطة الأمريكية', 'شرطه امريكيه'],
    ['no word in common', 'فيضان النيل في السودان', 'انتخابات الكويت'],
    ['a short link whose code shares a skeleton', 'ترامب يرقص https://t.co/Z40abD19Gm', 'z40abd19gz'],
    ['a function word', 'التي قالت', 'اللتي'],
  ])('otherSpellingShared: nothing spelt otherwise with %s', (_case, query, candidate) => {
    expect(otherSpellingShared(normalizeForSearch(query), normalizeForSearch(candidate))).toBe(0);
  });

  // A pool's statistics: the query's words and the candidates' own (رونالدو and ميسي rare, اعتزال common).
  const poolStats: CollectionStats = {
    df: new Map([['اعتزال', 200], ['رونالدو', 5], ['ميسي', 4], ['اللاعب', 400], ['2020', 50]]),
    total: 1000,
    averageLength: 10,
  };
  const w = (lexeme: string) => idf(lexeme, poolStats);

  it.each([
    ['holds only words of the query', ['اعتزال', 'رونالدو'], ['اعتزال', 'رونالدو'], 0],
    ['names another footballer (a heavy word the tweet lacks)', ['اعتزال', 'رونالدو'], ['اعتزال', 'ميسي'], w('ميسي') / (w('اعتزال') + w('ميسي'))],
    ['adds only a common word', ['اعتزال', 'رونالدو'], ['اعتزال', 'رونالدو', 'اللاعب'], w('اللاعب') / (w('اعتزال') + w('رونالدو') + w('اللاعب'))],
    ['shares nothing', ['اعتزال'], ['ميسي', 'اللاعب'], 1],
    ['adds a figure only (figures are not words)', ['اعتزال', 'رونالدو'], ['اعتزال', 'رونالدو', '2020'], 0],
    ['has no words', ['اعتزال'], [], 0],
  ])('candidateWeightUnshared: a candidate that %s', (_case, query, candidate, expected) => {
    expect(candidateWeightUnshared(terms(...query), terms(...candidate), poolStats)).toBeCloseTo(expected as number, 9);
  });

  it('candidateWeightUnshared weighs a sibling story\'s other name above a common word the tweet lacks', () => {
    const query = terms('اعتزال', 'رونالدو');
    const sibling = candidateWeightUnshared(query, terms('اعتزال', 'ميسي'), poolStats);
    const longer = candidateWeightUnshared(query, terms('اعتزال', 'رونالدو', 'اللاعب'), poolStats);
    expect(sibling).toBeGreaterThan(0.5);
    expect(longer).toBeLessThan(0.2);
  });

  it('candidateWeightUnshared counts a term the statistics lack as held by no text (the heaviest)', () => {
    const without: CollectionStats = { ...poolStats, df: new Map([['اعتزال', 200]]) };
    const heaviest = Math.log(1 + 1000.5 / 0.5);
    expect(candidateWeightUnshared(terms('اعتزال'), terms('اعتزال', 'ميسي'), without)).toBeCloseTo(heaviest / (w('اعتزال') + heaviest), 9);
  });

  it('arabicPoolFeatures reads the candidates\' frequencies from the pool statistics, the rest from the query\'s', () => {
    const query = { key: 'اعتزال رونالدو', terms: terms('اعتزال', 'رونالدو') };
    const pool = [
      { key: 'اعتزال رونالدو', terms: terms('اعتزال', 'رونالدو') },
      { key: 'اعتزال ميسي', terms: terms('اعتزال', 'ميسي') },
    ];
    const queryOnly: CollectionStats = { ...poolStats, df: new Map([['اعتزال', 200], ['رونالدو', 5]]) };
    const at = ARABIC_FEATURE_NAMES.indexOf('candidateWeightUnshared');
    const [right, sibling] = arabicPoolFeatures(query, pool, queryOnly, poolStats);
    expect(right[at]).toBe(0);
    expect(sibling[at]).toBeCloseTo(w('ميسي') / (w('اعتزال') + w('ميسي')), 9);
    expect(sibling.slice(0, at)).toEqual(arabicPoolFeatures(query, pool, queryOnly, queryOnly)[1].slice(0, at));
  });

  it('gives each candidate of a pool one value per feature, its gram coverage beside the pool best, the virus spelt otherwise', () => {
    const query = { key: normalizeForSearch('تم مناقشة قانون كيرز قبل ظهور الفيروس'), terms: terms('قانون', 'كيرز') };
    const pool = [
      { key: normalizeForSearch('قانون كيرز قدم قبل اكتشاف الفايروس'), terms: terms('قانون', 'كيرز') },
      { key: normalizeForSearch('قانون التحفيز'), terms: terms('قانون') },
    ];
    const [right, other] = arabicPoolFeatures(query, pool, stats, stats);
    expect(right).toHaveLength(ARABIC_FEATURE_NAMES.length);
    expect(right[2]).toBe(1);
    expect(other[2]).toBeLessThan(1);
    expect(right[3]).toBe(1);
    expect(other[3]).toBeLessThan(0.5);
    // الفيروس / الفايروس: one word, two spellings.
    expect(right[4]).toBe(1);
    expect(other[4]).toBe(0);
  });

  it('arabicPoolFeatures gives each candidate what the pair functions give it, the words a pool repeats read once', () => {
    const query = { key: normalizeForSearch('وصول أمير الكويت إلى أمريكا https://t.co/Z40abD19Gm للعلاج 2019'), terms: terms('وصول', 'امير', 'الكويت', 'امريكا', '2019') };
    const pool = [
      // Another spelling of a query word, a word the pool repeats, a short link, a figure.
      { key: normalizeForSearch('لوصول أمير الكويت إلى أميركا لاستكمال العلاج'), terms: terms('وصول', 'امير', 'الكويت', 'اميركا', 'علاج') },
      { key: normalizeForSearch('أمير الكويت يصل أمريكا أمريكا https://t.co/abc123 2019'), terms: terms('امير', 'الكويت', 'امريكا', '2019') },
      // A letter outside the Basic Multilingual Plane, grams read by code point; a word repeated with and without its article.
      { key: 'الكويت كويت 𝒜مير وصول', terms: terms('الكويت', 'كويت', 'وصول') },
      { key: 'في من', terms: terms('في') },
    ];
    const frequencies: CollectionStats = { ...stats, df: new Map([...stats.df, ['وصول', 30], ['امير', 90], ['الكويت', 60], ['اميركا', 7], ['علاج', 120]]) };
    const queryGrams = characterGrams(query.key);
    const pairs = pool.map((c) => [...characterGramCoverage(queryGrams, characterGrams(c.key)), rarestSharedTerm(query.terms, c.terms, stats), otherSpellingShared(query.key, c.key), candidateWeightUnshared(query.terms, c.terms, frequencies)]);
    const best = Math.max(...pairs.map(([, ofCandidate]) => ofCandidate));
    const expected = pairs.map(([ofQuery, ofCandidate, rarest, spelling, unshared]) => [ofQuery, ofCandidate, ofCandidate / best, rarest, spelling, unshared]);
    expect(expected[0][4]).toBe(1);
    expect(expected[2][1]).toBeGreaterThan(0);
    expect(arabicPoolFeatures(query, pool, stats, frequencies)).toEqual(expected);
  });
});
