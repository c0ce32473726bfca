import { normalizeForSearch } from '@isnad/text';
import { ARABIC_FEATURE_NAMES, arabicPoolFeatures, characterGramCoverage, characterGrams, rarestSharedTerm, withoutLinkWords } from './arabic-match-features';
import { CollectionStats } from './match-features';

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

  it('gives each candidate of a pool one value per feature, its gram coverage beside the pool best', () => {
    const query = { key: normalizeForSearch('تم مناقشة قانون كيرز قبل ظهور الفيروس'), terms: terms('قانون', 'كيرز') };
    const pool = [
      { key: normalizeForSearch('قانون كيرز قدم قبل اكتشاف الفايروس'), terms: terms('قانون', 'كيرز') },
      { key: normalizeForSearch('قانون التحفيز'), terms: terms('قانون') },
    ];
    const [right, other] = arabicPoolFeatures(query, pool, stats);
    expect(right).toHaveLength(ARABIC_FEATURE_NAMES.length);
    expect(right[2]).toBe(1);
    expect(other[2]).toBeLessThan(1);
    expect(right[3]).toBe(1);
    expect(other[3]).toBeLessThan(0.5);
  });
});
