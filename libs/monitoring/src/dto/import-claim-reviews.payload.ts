import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ExternalReview } from '../external-review.entity';

export enum ExternalReviewImportStatus {
  NEW = 'NEW',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ExternalReviewImportStatus, { name: 'ExternalReviewImportStatus' });

@ObjectType()
export class ImportedClaimReview {
  @Field(() => ExternalReviewImportStatus, { description: 'NEW, UPDATED (the review\'s page changed) or UNCHANGED (imported before as it is).' })
  status: ExternalReviewImportStatus;

  @Field({ description: 'Whether no known claim matched, so a new canonical claim was made for it.' })
  claimCreated: boolean;

  @Field(() => ExternalReview)
  review: ExternalReview;
}

@ObjectType('SkippedClaimReview')
export class SkippedClaimReviewType {
  @Field({ description: 'INVALID_JSON_LD, NO_CLAIM_REVIEWED, NO_REVIEW_URL or TOO_MANY_REVIEWS.' })
  reason: string;

  @Field()
  detail: string;
}

@ObjectType()
export class ImportClaimReviewsPayload {
  @Field(() => [ImportedClaimReview])
  reviews: ImportedClaimReview[];

  @Field(() => [SkippedClaimReviewType], { description: 'What was left out, and why.' })
  skipped: SkippedClaimReviewType[];
}
