import { ConflictError, InvalidInputError, NotFoundError } from '@isnad/common';
import { VerdictStatus } from './verdict-status';

export class VerdictNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Verdict', id);
  }
}

export class RatingNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Rating', id);
  }
}

export class RatingScaleNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('RatingScale', id);
  }
}

export class OrganisationNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Organisation', id);
  }
}

/**
 * Someone changed the verdict since the caller read it. Nothing was written; the caller reloads
 * (currentVersion says which version to read) and reapplies the change.
 */
export class VerdictVersionConflictError extends ConflictError {
  constructor(id: string, expectedVersion: number, currentVersion: number) {
    super(`Verdict ${id} is at version ${currentVersion}, not ${expectedVersion}: reload it and apply the change again`, {
      verdictId: id,
      expectedVersion,
      currentVersion,
    });
  }
}

/** The workflow does not allow this step from the verdict's status. */
export class VerdictTransitionError extends InvalidInputError {
  constructor(id: string, from: VerdictStatus, action: string) {
    super(`Verdict ${id} is ${from}; it cannot be ${action}`, { verdictId: id, status: from, reason: 'INVALID_TRANSITION' });
  }
}

/** The organisation already has a public verdict on this claim: correct it instead. */
export class VerdictAlreadyPublishedError extends ConflictError {
  constructor(claimId: string, verdictId: string) {
    super(`Claim ${claimId} already has a public verdict (${verdictId}); correct that one instead`, {
      claimId,
      publishedVerdictId: verdictId,
    });
  }
}

export class InvalidRatingScaleError extends InvalidInputError {}

export class InvalidVerdictError extends InvalidInputError {}

export class RivalPublicVerdictsError extends ConflictError {
  constructor(keepId: string, duplicateId: string, organisationId: string) {
    super(
      `Claims ${keepId} and ${duplicateId} both have a public verdict by organisation ${organisationId}; retract one before merging`,
      { keepId, duplicateId, organisationId },
    );
  }
}
