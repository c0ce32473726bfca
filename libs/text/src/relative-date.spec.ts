import { sliceByCodePoints } from './code-points';
import { resolveRelativeDate } from './relative-date';

// 2024-02-02 was a Friday: the seed's "اليوم الجمعة" fits a publication on that day.
const FRIDAY = '2024-02-02T09:30:00+03:00';

describe('resolveRelativeDate: which calendar day a news phrase means', () => {
  it.each([
    ['the seed’s past January', 'في 25 من يناير الفائت', FRIDAY, 'في 25 من يناير الفائت', '2024-01-25'],
    ['last January seen from mid-January is a year back', 'في 25 من يناير الفائت', '2024-01-10', 'في 25 من يناير الفائت', '2023-01-25'],
    ['today Friday', 'أفاد مصدر مطلع اليوم الجمعة، عن اجتماع', FRIDAY, 'اليوم الجمعة', '2024-02-02'],
    ['yesterday in Arabic', 'وكان الجيش قد أعلن أمس أنه', FRIDAY, 'أمس', '2024-02-01'],
    ['yesterday with the conjunction و', 'وأمس قال الوزير', FRIDAY, 'أمس', '2024-02-01'],
    ['the day before yesterday', 'أول من أمس', FRIDAY, 'أول من أمس', '2024-01-31'],
    ['Arabic-Indic digits and a Levantine month', 'في ٢٥ كانون الثاني الماضي', FRIDAY, 'في ٢٥ كانون الثاني الماضي', '2024-01-25'],
    ['explicit year', 'يوم 3 آذار 2023', FRIDAY, 'يوم 3 آذار 2023', '2023-03-03'],
    ['next month in Arabic', 'في 10 مارس المقبل', FRIDAY, 'في 10 مارس المقبل', '2024-03-10'],
    ['Arabic weekday with past qualifier', 'يوم الثلاثاء الماضي', FRIDAY, 'يوم الثلاثاء الماضي', '2024-01-30'],
    ['diacritics on a weekday', 'يومَ الخَمِيسِ', FRIDAY, 'يومَ الخَمِيسِ', '2024-02-01'],
    ['two days ago in Arabic', 'قبل يومين', FRIDAY, 'قبل يومين', '2024-01-31'],
    ['yesterday', 'The ministry said yesterday that', FRIDAY, 'yesterday', '2024-02-01'],
    ['last Friday is a week back', 'He was arrested last Friday.', FRIDAY, 'last Friday', '2024-01-26'],
    ['on Tuesday', 'Officials said on Tuesday that', FRIDAY, 'on Tuesday', '2024-01-30'],
    ['on 25 January', 'The attack happened on 25 January.', FRIDAY, 'on 25 January', '2024-01-25'],
    ['US style with year', 'filed on Jan. 5, 2023 in court', FRIDAY, 'on Jan. 5, 2023', '2023-01-05'],
    ['a December date seen from February is last year', 'since December 12', FRIDAY, 'December 12', '2023-12-12'],
    ['three days ago', 'three days ago', FRIDAY, 'three days ago', '2024-01-30'],
  ])('%s', (_case, text, publishedAt, phrase, date) => {
    const found = resolveRelativeDate(text, publishedAt);
    expect(found.map((d) => [d.text, d.date])).toEqual([[phrase, date]]);
    expect(sliceByCodePoints(text, found[0].start, found[0].end)).toBe(phrase);
  });

  it('does not take an invalid day or a bare number for a date', () => {
    expect(resolveRelativeDate('31 فبراير و 25 جندياً', FRIDAY)).toEqual([]);
  });

  it('finds nothing without a usable publication date', () => {
    expect(resolveRelativeDate('أمس', 'not a date')).toEqual([]);
  });

  it('keeps offsets right after an emoji and diacritics', () => {
    const text = '🚨 قالَ المصدرُ أمسِ إنّ';
    const [found] = resolveRelativeDate(text, FRIDAY);
    expect(sliceByCodePoints(text, found.start, found.end)).toBe('أمسِ');
  });
});
