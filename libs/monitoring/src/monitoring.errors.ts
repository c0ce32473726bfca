import { InvalidInputError, NotFoundError } from '@isnad/common';

export class WatchNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Watch', id);
  }
}

export class ClaimRepeatNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('ClaimRepeat', id);
  }
}

export class InvalidWatchError extends InvalidInputError {}

/** A page or document with no usable ClaimReview: BAD_USER_INPUT with reason NO_CLAIM_REVIEW and what was skipped. */
export class NoClaimReviewError extends InvalidInputError {
  constructor(url: string, skipped: { reason: string; detail: string }[]) {
    super(`No usable schema.org ClaimReview at ${url}`, { field: 'url', reason: 'NO_CLAIM_REVIEW', skipped });
  }
}
