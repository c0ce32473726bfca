import { registerEnumType } from '@nestjs/graphql';

/** DRAFT → IN_REVIEW → PUBLISHED, then CORRECTED (any number of times) or RETRACTED. */
export enum VerdictStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  CORRECTED = 'CORRECTED',
  RETRACTED = 'RETRACTED',
}
registerEnumType(VerdictStatus, { name: 'VerdictStatus' });

/** Statuses the public sees (feeds, ClaimReview, Claim.verdict). */
export const PUBLIC_STATUSES = [VerdictStatus.PUBLISHED, VerdictStatus.CORRECTED, VerdictStatus.RETRACTED];
