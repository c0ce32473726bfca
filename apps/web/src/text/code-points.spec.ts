import { codePointOffset, piecesOfSpans, selectorOfUtf16Span, snapToGraphemes, utf16Offset } from './code-points';

/** What the API does with a selector: the code points [start, end) of the text. */
const apiQuote = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('code-point offsets of browser selections', () => {
  it.each([
    ['plain Arabic', 'أفاد مصدر مطلع', 5, 5],
    ['after an emoji (surrogate pair)', 'خبر 😀 عاجل', 7, 6],
    ['after a supplementary CJK letter', '𠀋abc', 3, 2],
    ['Arabic-Indic digits are one code point each', 'في ٢٠٢١ قتل ١٥', 8, 8],
    ['combining marks count separately', 'كَتَبَ', 4, 4],
  ])('%s', (_name, text, utf16, points) => {
    expect(codePointOffset(text, utf16)).toBe(points);
    expect(utf16Offset(text, points)).toBe(utf16);
  });

  it('counts an offset inside a surrogate pair as before the pair', () => {
    expect(codePointOffset('a😀b', 2)).toBe(1);
  });

  it('widens a selection that splits a surrogate pair or leaves a harakah behind', () => {
    expect(snapToGraphemes('a😀b', 2, 3)).toEqual({ start: 1, end: 3 });
    // "كَتَبَ": the selection ends after the last letter but before its fatha.
    expect(snapToGraphemes('كَتَبَ خبرا', 0, 5)).toEqual({ start: 0, end: 6 });
    expect(snapToGraphemes('نص', 1, 1)).toEqual({ start: 1, end: 1 });
  });

  it.each([
    ['an emoji before the span', 'قال 😀 مصدر مطلع إن الاجتماع عقد', 'مصدر مطلع'],
    ['Arabic-Indic digits inside the span', 'وقتل ١٥ شخصا في ٢٠٢١ بحسب سبوتنيك', 'شخصا في ٢٠٢١'],
    ['diacritics on the last letter', 'قَالَ المَصْدَرُ إِنَّ الاجتماعَ عُقِدَ', 'المَصْدَرُ'],
    ['English', 'The minister said 40% of the budget was spent.', '40% of the budget'],
  ])('gives the API the same text as the selection: %s', (_name, text, quote) => {
    const at = text.indexOf(quote);
    const selector = selectorOfUtf16Span(text, at, at + quote.length);
    expect(selector).not.toBeNull();
    expect(selector!.exact).toBe(quote);
    expect(apiQuote(text, selector!.start, selector!.end)).toBe(quote);
    expect(selector!.prefix + selector!.exact + selector!.suffix).toBe(text.slice(Math.max(0, at - 40), at + quote.length + 40).slice(-(selector!.prefix.length + quote.length + selector!.suffix.length)));
  });

  it('includes the harakah a selection stopped short of, and trims white space', () => {
    const text = 'قال المصدرُ  الآن';
    const at = text.indexOf('المصدر');
    const selector = selectorOfUtf16Span(text, at - 1, at + 'المصدر'.length + 1 - 1);
    expect(selector!.exact).toBe('المصدرُ');
    expect(selectorOfUtf16Span(text, 11, 13)).toBeNull();
  });

  it('keeps 32 code points of context, counting an emoji as one', () => {
    const text = `${'😀'.repeat(40)}خبر${'😀'.repeat(40)}`;
    const at = text.indexOf('خبر');
    const selector = selectorOfUtf16Span(text, at, at + 3)!;
    expect(selector.start).toBe(40);
    expect([...selector.prefix]).toHaveLength(32);
    expect([...selector.suffix]).toHaveLength(32);
  });

  it('cuts the text into pieces at the appearances edges, in code points', () => {
    const text = '😀 مصدر مطلع قال';
    const pieces = piecesOfSpans(text, [
      { id: 'a', start: 2, end: 11 },
      { id: 'b', start: 7, end: 15 },
    ]);
    expect(pieces.map((piece) => [piece.text, piece.appearanceIds])).toEqual([
      ['😀 ', []],
      ['مصدر ', ['a']],
      ['مطلع', ['a', 'b']],
      [' قال', ['b']],
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
  });
});
