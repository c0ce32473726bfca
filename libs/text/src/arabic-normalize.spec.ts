import { foldArabic, normalizeForSearch } from './arabic-normalize';

describe('foldArabic: spelling variants of one word compare equal', () => {
  it.each([
    ['harakat and shadda', 'ونوَّه', 'ونوه'],
    ['tanween on an adverb', 'وفقاً', 'وفقا'],
    ['sukun and superscript alef', 'هٰذَا الْمَصْدَر', 'هذا المصدر'],
    ['tatweel used for justification', 'المـــصـدر', 'المصدر'],
    ['tatweel after the prefix لـ', 'لـ', 'ل'],
    ['alef with hamza above', 'أكد', 'اكد'],
    ['alef with hamza below', 'إرهابي', 'ارهابي'],
    ['alef with madda', 'آخر', 'اخر'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['alef maqsura', 'على', 'علي'],
    ['Persian ya', 'سوریا', 'سوريا'],
    ['ta marbuta', 'مطلعة', 'مطلعه'],
    ['hamza on waw', 'مؤكداً', 'موكدا'],
    ['hamza on ya', 'الفائت', 'الفايت'],
    ['Persian kaf', 'کشف', 'كشف'],
    ['Arabic-Indic digits', '٢٥ يناير ٢٠٢٤', '25 يناير 2024'],
    ['Persian digits', '۲۵', '25'],
    ['Latin text is left alone', 'Sputnik said', 'Sputnik said'],
  ])('%s: %s → %s', (_case, input, expected) => {
    expect(foldArabic(input)).toBe(expected);
  });
});

describe('normalizeForSearch: the key the claim search compares', () => {
  it.each([
    ['diacritics and hamza variants of the informed source', 'مصدرٌ مُطَّلِعٌ أكَّد', 'مصدر مطلع اكد'],
    ['curly quotes around a quotation', '“تل الشاير”', 'تل الشاير'],
    ['guillemets', '«الإدارة الذاتية»', 'الاداره الذاتيه'],
    ['Arabic comma, semicolon and question mark', 'قال، ثم سأل؛ لماذا؟', 'قال ثم سال لماذا'],
    ['tatweel before a quote', 'لـ”الإدارة', 'ل الاداره'],
    ['Latin case and accents', 'Le Ministre a DÉCLARÉ', 'le ministre a declare'],
    ['bidi marks pasted from a browser', '\u200Fسبوتنيك\u200E Sputnik', 'سبوتنيك sputnik'],
    ['Arabic-Indic digits in a date', 'في ٢٥ من يناير', 'في 25 من يناير'],
    ['presentation-form ligature lam-alef', '\uFEFBتفاق', 'لاتفاق'],
    ['runs of white space and newlines', '  قال \n\n  المصدر  ', 'قال المصدر'],
    ['decomposed alef + hamza above', '\u0627\u0654كد', 'اكد'],
    ['ya with hamza above (Urdu ۓ) folds like ی', 'ۓ', 'ي'],
  ])('%s', (_case, input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('gives the same key to the seed title written with and without diacritics', () => {
    expect(normalizeForSearch('تَنْظِيمُ داعِشٍ في سوريّا')).toBe(normalizeForSearch('تنظيم داعش في سوريا'));
  });
});
