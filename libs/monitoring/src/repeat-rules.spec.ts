import { normalizeForSearch } from '@isnad/text';
import { isRepeat } from './repeat-rules';

const QUOTE = normalizeForSearch('اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش');

describe('when a sentence counts as a repeat of a rated claim', () => {
  it('takes what the matcher suggests', () => {
    expect(isRepeat(normalizeForSearch('أي جملة'), { score: 0.62, matchedKey: QUOTE })).toBe(true);
  });

  it('takes a long sentence that wraps the whole of a filed quote, though the matcher scores it low', () => {
    const sentence = normalizeForSearch('أفاد مصدر مطلع اليوم الجمعة، عن اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش وتنظيمات إرهابية أخرى في سوريا.');
    expect(isRepeat(sentence, { score: 0.396, matchedKey: QUOTE })).toBe(true);
  });

  it('leaves out a low score that only shares words, a short quote, or a quote cut mid-word', () => {
    expect(isRepeat(normalizeForSearch('عقدت اجتماعات كثيرة في سوريا هذا العام'), { score: 0.2, matchedKey: QUOTE })).toBe(false);
    expect(isRepeat(normalizeForSearch('قال إن تنظيم داعش هاجم القافلة'), { score: 0.2, matchedKey: normalizeForSearch('تنظيم داعش') })).toBe(false);
    expect(isRepeat(`ال${QUOTE}ية`, { score: 0.3, matchedKey: QUOTE })).toBe(false);
  });
});
