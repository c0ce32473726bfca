import { ArticleFingerprint } from './article-fingerprint.entity';
import { ArticleRepublication } from './article-republication.entity';
import { ArticleSharedQuotation } from './article-shared-quotation.entity';
import { ArticleShingleSample } from './article-shingle-sample.entity';
import { ClaimLinkReview } from './claim-link-review.entity';
import { ClaimMatchTerm } from './claim-match-term.entity';
import { ClaimMatchTermChange } from './claim-match-term-change.entity';
import { ClaimMatchText } from './claim-match-text.entity';
import { ClaimTranslation } from './claim-translation.entity';
import { ShingleDocumentFrequency } from './shingle-document-frequency.entity';

export const LINKING_ENTITIES = [
  ClaimTranslation,
  ClaimMatchText,
  ClaimMatchTerm,
  ClaimMatchTermChange,
  ClaimLinkReview,
  ArticleFingerprint,
  ArticleShingleSample,
  ShingleDocumentFrequency,
  ArticleRepublication,
  ArticleSharedQuotation,
];
