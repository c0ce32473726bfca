import { codePointLength, sliceByCodePoints } from './code-points';
import { anchorAt, reanchor, resolveSelector } from './text-anchor';

// An informed-source sentence with diacritics and tatweel, a flag emoji (astral code points) before
// the quoted part, Arabic-Indic digits and a Latin name in the middle.
const TEXT = 'عاجل 🇸🇾: أفاد مصدرٌ مطّلع لـ"سبوتنيك" أن ٢٥ جندياً قُتلوا قرب Deir ez-Zor. وأفاد مصدرٌ مطّلع أيضاً أن الطريق مغلق.';

describe('anchoring a span the way W3C selectors do (code points of NFC text)', () => {
  it('slices by code points: the flag before the span counts as two code points, not four UTF-16 units', () => {
    const quote = 'أن ٢٥ جندياً قُتلوا';
    const start = [...TEXT.slice(0, TEXT.indexOf(quote))].length;
    const anchor = anchorAt(TEXT, start, start + codePointLength(quote));
    expect(anchor.exact).toBe(quote);
    expect(start).toBe(TEXT.indexOf(quote) - 2);
    expect(TEXT).toContain(anchor.prefix + anchor.exact + anchor.suffix);
    expect(codePointLength(anchor.prefix)).toBe(32);
  });

  it.each([
    ['a position', { start: 9, end: 26 }, sliceByCodePoints(TEXT, 9, 26)],
    ['a quote', { exact: 'قُتلوا قرب Deir ez-Zor' }, 'قُتلوا قرب Deir ez-Zor'],
    ['a position checked by its quote', { start: 9, end: 13, exact: sliceByCodePoints(TEXT, 9, 13) }, sliceByCodePoints(TEXT, 9, 13)],
    ['a repeated quote chosen by its suffix', { exact: 'أفاد مصدرٌ مطّلع', suffix: ' أيضاً' }, 'أفاد مصدرٌ مطّلع'],
    ['a quote sent decomposed (NFD)', { exact: 'قُتلوا'.normalize('NFD') }, 'قُتلوا'],
  ])('resolves %s', (_name, selector, exact) => {
    const result = resolveSelector(TEXT, selector);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.anchor.exact).toBe(exact);
      expect(sliceByCodePoints(TEXT, result.anchor.start, result.anchor.end)).toBe(exact);
    }
  });

  it('picks the second of two repeated quotes by its prefix', () => {
    const result = resolveSelector(TEXT, { exact: 'أفاد مصدرٌ مطّلع', prefix: 'Zor. و' });
    expect(result.ok && result.anchor.start).toBe([...TEXT.slice(0, TEXT.lastIndexOf('أفاد مصدرٌ مطّلع'))].length);
  });

  it.each([
    ['past the end', { start: 5, end: 10_000 }, 'OUT_OF_RANGE'],
    ['backwards', { start: 10, end: 5 }, 'OUT_OF_RANGE'],
    ['half a position', { start: 5 }, 'OUT_OF_RANGE'],
    ['empty', { start: 5, end: 5 }, 'EMPTY_SPAN'],
    ['a quote that is elsewhere', { start: 0, end: 4, exact: 'سبوتنيك' }, 'QUOTE_MISMATCH'],
    ['a quote not in the text', { exact: 'مطار دمشق' }, 'QUOTE_NOT_FOUND'],
    ['a repeated quote with no context', { exact: 'أفاد مصدرٌ مطّلع' }, 'QUOTE_AMBIGUOUS'],
    ['an empty quote', { exact: '' }, 'EMPTY_SPAN'],
    ['nothing', {}, 'NO_SELECTOR'],
  ])('refuses %s', (_name, selector, reason) => {
    const result = resolveSelector(TEXT, selector);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });
});

describe('finding an old anchor in a newer revision', () => {
  const quote = 'أن الطريق مغلق';
  const start = [...TEXT.slice(0, TEXT.indexOf(quote))].length;
  const original = anchorAt(TEXT, start, start + codePointLength(quote));

  it('keeps the position when the text before it is unchanged', () => {
    expect(reanchor(original, `${TEXT} تحديث.`)).toMatchObject({ start: original.start, end: original.end, exact: quote });
  });

  it('follows the quote when an editor inserted text above it', () => {
    const edited = `تحديث من المحرر 🛈.\n${TEXT}`;
    const moved = reanchor(original, edited);
    expect(moved?.exact).toBe(quote);
    expect(moved && sliceByCodePoints(edited, moved.start, moved.end)).toBe(quote);
    expect(moved?.start).toBe(original.start + codePointLength('تحديث من المحرر 🛈.\n'));
  });

  it('says the quote is gone when the outlet removed it', () => {
    expect(reanchor(original, TEXT.replace(quote, 'أن الطريق مفتوح'))).toBeNull();
  });
});
