import { sliceByCodePoints } from './code-points';
import { segmentSentences } from './sentence-segment';
import { readSeedArticle } from './testing/fixtures';

const texts = (input: string): string[] => segmentSentences(input).map((s) => s.text);

describe('segmentSentences: where a fact-checker would cut a news text', () => {
  it.each([
    ['full stop between Arabic sentences', 'قال المصدر كذا. ونفى الجيش ذلك.', ['قال المصدر كذا.', 'ونفى الجيش ذلك.']],
    ['Arabic question mark and semicolon', 'هل حدث ذلك؟ لا أحد يعرف؛ والتحقيق جار', ['هل حدث ذلك؟', 'لا أحد يعرف؛', 'والتحقيق جار']],
    ['the Arabic comma is a clause break, not an end', 'أفاد مصدر مطلع اليوم، عن اجتماع، في سوريا.', ['أفاد مصدر مطلع اليوم، عن اجتماع، في سوريا.']],
    ['a quotation spanning a sentence end stays whole', 'وقال: “انتهى الاجتماع. ولم نتفق”. ثم غادر.', ['وقال: “انتهى الاجتماع. ولم نتفق”.', 'ثم غادر.']],
    ['a right quote used as an opener', 'مجلس “تل الشاير” التابع لـ”الإدارة. الذاتية” بريف دير الزور.', ['مجلس “تل الشاير” التابع لـ”الإدارة. الذاتية” بريف دير الزور.']],
    ['line breaks end sentences without punctuation', 'العنوان\n\nالنص الأول.', ['العنوان', 'النص الأول.']],
    ['exclamation', 'Stop! Now.', ['Stop!', 'Now.']],
    ['English abbreviations and decimals', 'Mr. Smith told the U.S. Senate that 3.5 million left. Nobody checked.', ['Mr. Smith told the U.S. Senate that 3.5 million left.', 'Nobody checked.']],
    ['a quotation closing an English sentence', '“The war is over.” He left.', ['“The war is over.”', 'He left.']],
    ['spaces are trimmed from spans', '   أولاً.    ثانياً.   ', ['أولاً.', 'ثانياً.']],
    ['empty text', '', []],
  ])('%s', (_case, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('reports code point offsets that round-trip over Arabic with diacritics and an emoji', () => {
    const text = '😀 قالَ المَصدرُ: “نعم”. وأضافَ 🇸🇾 أنّه مطّلع؟ Yes.';
    const spans = segmentSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['😀 قالَ المَصدرُ: “نعم”.', 'وأضافَ 🇸🇾 أنّه مطّلع؟', 'Yes.']);
    for (const span of spans) expect(sliceByCodePoints(text, span.start, span.end)).toBe(span.text);
  });

  it('cuts the seed article into its title lines, paragraphs and boilerplate', () => {
    const spans = segmentSentences(readSeedArticle());
    expect(spans[0].text).toBe('تنظيم داعش في سوريا يلتقي استخبارات دول غربية');
    expect(spans.some((s) => s.text.startsWith('وأكد المصدر بحسب سبوتنيك') && s.text.endsWith('وعدد من دول المنطقة”.'))).toBe(true);
    expect(spans.some((s) => s.text.startsWith('وفي سياق آخر، قدم') && s.text.endsWith('شمال شرقي سوريا.'))).toBe(true);
    expect(spans[spans.length - 1].text).toBe('لن يتم نشر عنوان بريدك الإلكتروني.');
  });
});
