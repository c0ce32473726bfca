import { ClaimLinkDecision } from '@isnad/linking/claim-link-review.entity';
import { ClaimMatchResult } from '@isnad/linking/claim-matcher.service';

/** Fewest words a claim text must have for containing it to count as a repeat on its own. */
const WHOLE_QUOTE_MIN_WORDS = 5;

/**
 * A sentence repeats a claim when the matcher suggests it (score at the threshold of the model that scored it), or
 * when it contains the whole of one of the claim's texts (a quote already filed, the statement):
 * the matcher scores a long sentence that wraps a short quote below the threshold, yet a verbatim
 * quote of a rated claim is the clearest repeat there is. A sentence the matcher finds contradicting
 * the claim (another figure, a negation) is not a repeat of it.
 */
export function isRepeat(sentenceKey: string, match: Pick<ClaimMatchResult, 'score' | 'threshold' | 'matchedKey' | 'relation'>): boolean {
  if (match.relation === ClaimLinkDecision.CONTRADICTS) return false;
  if (match.score >= match.threshold) return true;
  return match.matchedKey.split(' ').length >= WHOLE_QUOTE_MIN_WORDS && ` ${sentenceKey} `.includes(` ${match.matchedKey} `);
}

