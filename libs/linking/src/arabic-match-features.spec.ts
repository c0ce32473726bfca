import { normalizeForSearch } from '@isnad/text';
import { ARABIC_FEATURE_NAMES, arabicPoolFeatures, characterGramCoverage, characterGrams, otherSpellingShared, rarestSharedTerm, withoutLinkWords } from './arabic-match-features';
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

  it('gives each candidate of a pool one value per feature, its gram coverage beside the pool best, the virus spelt otherwise', () => {
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
    // الفيروس / الفايروس: one word, two spellings.
    expect(right[4]).toBe(1);
    expect(other[4]).toBe(0);
  });
});
