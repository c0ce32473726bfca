import { anchorAt } from './text-anchor';
import { fuzzyReanchor } from './fuzzy-anchor';

const ORIGINAL = 'وقال المصدر إنه تم الاتفاق على أنه: “ينبغي تزويد الجماعات الإرهابية بالتمويل والتقنيات والذخيرة”، مضيفاً أن ذلك جرى سراً.';
const cp = (text: string, quote: string) => [...text.slice(0, text.indexOf(quote))].length;

function anchorOf(quote: string) {
  const start = cp(ORIGINAL, quote);
  return anchorAt(ORIGINAL, start, start + [...quote].length);
}

describe('fuzzy re-anchoring', () => {
  const QUOTE = 'ينبغي تزويد الجماعات الإرهابية بالتمويل والتقنيات والذخيرة';

  it('finds a quote word for word with score 1', () => {
    const copy = `عاجل\n\n${ORIGINAL}`;
    expect(fuzzyReanchor(anchorOf(QUOTE), copy)).toMatchObject({ verbatim: true, score: 1, anchor: { exact: QUOTE } });
  });

  it('finds it again when the quote marks, diacritics and a word changed, at the right code points', () => {
    const copy = 'شبكة الأخبار 😀\n\nوأفاد المصدر بأنه اتُّفق على أنه «ينبغي تزويد الجماعاتِ الإرهابية بالتمويل والتقنيات والذخائر»، مضيفاً أن ذلك جرى سراً.';
    const found = fuzzyReanchor(anchorOf(QUOTE), copy);
    expect(found?.verbatim).toBe(false);
    expect(found!.score).toBeGreaterThan(0.8);
    expect(found!.anchor.exact).toBe('ينبغي تزويد الجماعاتِ الإرهابية بالتمويل والتقنيات والذخائر');
    expect([...copy].slice(found!.anchor.start, found!.anchor.end).join('')).toBe(found!.anchor.exact);
  });

  it('gives up on a text that does not carry the quote', () => {
    expect(fuzzyReanchor(anchorOf(QUOTE), 'قالت وزارة الدفاع إن طائراتها دمرت مستودعاً قرب التنف.')).toBeNull();
  });

  it('prefers the place whose context matches when the quote occurs twice', () => {
    const copy = `وفي تقرير آخر: «ينبغي تزويد الجماعات الإرهابية بالتمويل» فقط.\n\nوقال المصدر إنه تم الاتفاق على أنه «${QUOTE.replace('الذخيرة', 'الذخيره')}»، مضيفاً أن ذلك جرى سراً.`;
    const found = fuzzyReanchor(anchorOf(QUOTE), copy);
    expect(found!.anchor.start).toBeGreaterThan(copy.indexOf('\n\n'));
  });
});
