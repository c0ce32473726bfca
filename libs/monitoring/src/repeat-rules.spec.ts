import { ClaimLinkDecision } from '@isnad/linking/claim-link-review.entity';
import { SENTENCE_SUGGESTION_THRESHOLD, SUGGESTION_THRESHOLD } from '@isnad/linking/claim-matcher.service';
import { normalizeForSearch } from '@isnad/text';
import { isRepeat } from './repeat-rules';

const SAME = ClaimLinkDecision.SAME;

const QUOTE = normalizeForSearch('اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش');

describe('when a sentence counts as a repeat of a rated claim', () => {
  it('takes what the matcher suggests, at the threshold of the model that scored it', () => {
    const threshold = SUGGESTION_THRESHOLD;
    expect(isRepeat(normalizeForSearch('أي جملة'), { score: SUGGESTION_THRESHOLD, threshold, matchedKey: QUOTE, relation: SAME })).toBe(true);
    // A score between the lexical and the sentence model's thresholds: a repeat only for the model with the lower one.
    const [lower, higher] = [SUGGESTION_THRESHOLD, SENTENCE_SUGGESTION_THRESHOLD].sort((a, b) => a - b);
    const between = (lower + higher) / 2;
    expect(isRepeat('any sentence', { score: between, threshold: lower, matchedKey: 'a claim', relation: SAME })).toBe(true);
    expect(isRepeat('any sentence', { score: between, threshold: higher, matchedKey: 'a claim', relation: SAME })).toBe(false);
  });

  it('takes a long sentence that wraps the whole of a filed quote, though the matcher scores it low', () => {
    const sentence = normalizeForSearch('أفاد مصدر مطلع اليوم الجمعة، عن اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش وتنظيمات إرهابية أخرى في سوريا.');
    expect(isRepeat(sentence, { score: 0.396, threshold: SUGGESTION_THRESHOLD, matchedKey: QUOTE, relation: SAME })).toBe(true);
  });

  it('leaves out a sentence the matcher finds contradicting the claim, even one that wraps its quote', () => {
    expect(isRepeat(`${QUOTE} لم يحدث`, { score: 0.9, threshold: SUGGESTION_THRESHOLD, matchedKey: QUOTE, relation: ClaimLinkDecision.CONTRADICTS })).toBe(false);
  });

  it('leaves out a low score that only shares words, a short quote, or a quote cut mid-word', () => {
    expect(isRepeat(normalizeForSearch('عقدت اجتماعات كثيرة في سوريا هذا العام'), { score: 0.2, threshold: SUGGESTION_THRESHOLD, matchedKey: QUOTE, relation: SAME })).toBe(false);
    expect(isRepeat(normalizeForSearch('قال إن تنظيم داعش هاجم القافلة'), { score: 0.2, threshold: SUGGESTION_THRESHOLD, matchedKey: normalizeForSearch('تنظيم داعش'), relation: SAME })).toBe(false);
    expect(isRepeat(`ال${QUOTE}ية`, { score: 0.3, threshold: SUGGESTION_THRESHOLD, matchedKey: QUOTE, relation: SAME })).toBe(false);
  });
});
