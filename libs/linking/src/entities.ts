import { ArticleFingerprint } from './article-fingerprint.entity';
import { ArticleRepublication } from './article-republication.entity';
import { ClaimLinkReview } from './claim-link-review.entity';
import { ClaimMatchTerm } from './claim-match-term.entity';
import { ClaimMatchTermChange } from './claim-match-term-change.entity';
import { ClaimMatchText } from './claim-match-text.entity';
import { ClaimTranslation } from './claim-translation.entity';

export const LINKING_ENTITIES = [
  ClaimTranslation,
  ClaimMatchText,
  ClaimMatchTerm,
  ClaimMatchTermChange,
  ClaimLinkReview,
  ArticleFingerprint,
  ArticleRepublication,
];
