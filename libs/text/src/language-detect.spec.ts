import { detectLanguage, languageOfSentences, primaryLanguage, textDirection } from './language-detect';
import { readSeedArticle } from './testing/fixtures';

describe('detectLanguage: which language a captured article or sentence is in', () => {
  it.each([
    ['Arabic news sentence', 'أفاد مصدر مطلع اليوم الجمعة، عن اجتماع استخبارات أمنية لعدة دول غربية.', 'ar'],
    ['Arabic with full diacritics and tatweel', 'قـــالَ المَصْدَرُ إِنَّ الاجْتِمَاعَ عُقِدَ', 'ar'],
    ['Arabic naming an English outlet', 'وقال المتحدث لوكالة Reuters إن القوات انسحبت من المدينة.', 'ar'],
    ['Arabic with Arabic-Indic digits', 'قتل ٢٥ شخصاً في الهجوم الذي وقع يوم ١٢ مارس.', 'ar'],
    ['English wire copy', 'The minister told Reuters on Friday that the talks had collapsed.', 'en'],
    ['English quoting an Arabic phrase', 'The source, described as مصدر مطلع, said the meeting took place in Syria.', 'en'],
    ['French', 'Le ministre a déclaré vendredi que les négociations avaient échoué.', 'fr'],
    ['Persian', 'وزیر خارجه گفت که مذاکرات ادامه پیدا می‌کند.', 'fa'],
    ['only digits', '٢٠٢٤ 25 0', 'und'],
    ['empty', '', 'und'],
  ])('%s → %s', (_case, text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('reads the seed article as Arabic', () => {
    expect(detectLanguage(readSeedArticle())).toBe('ar');
  });
});

describe('primaryLanguage: the language a tag names, whatever its region or case', () => {
  it.each([
    ['ar', 'ar'],
    ['ar-SY', 'ar'],
    ['AR_eg', 'ar'],
    ['en-GB', 'en'],
    ['zh-Hant-TW', 'zh'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%s → "%s"', (language, expected) => {
    expect(primaryLanguage(language)).toBe(expected);
  });
});

describe('textDirection', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-SY', 'rtl'],
    ['fa', 'rtl'],
    ['he', 'rtl'],
    ['en', 'ltr'],
    ['fr-FR', 'ltr'],
    ['und', 'ltr'],
  ])('%s → %s', (language, expected) => {
    expect(textDirection(language)).toBe(expected);
  });
});

describe('languageOfSentences', () => {
  it('labels each sentence of a bilingual brief on its own', () => {
    const text = 'قال المتحدث إن الهدنة صامدة. The spokesman said the truce was holding. Le porte-parole a confirmé la trêve.';
    expect(languageOfSentences(text).map((s) => s.language)).toEqual(['ar', 'en', 'fr']);
  });
});
