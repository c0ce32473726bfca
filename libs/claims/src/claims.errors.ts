import { ConflictError, InvalidInputError, NotFoundError } from '@isnad/common';

export class ClaimNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Claim', id);
  }
}

export class ClaimAppearanceNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('ClaimAppearance', id);
  }
}

/** The selector does not pick a span of the revision's text; `reason` says why. */
export class InvalidAnchorError extends InvalidInputError {
  constructor(reason: string, message: string, textLength?: number) {
    super(message, { field: 'selector', reason, ...(textLength === undefined ? {} : { textLength }) });
  }
}

export class InvalidAttributionChainError extends InvalidInputError {}

export class InvalidClaimError extends InvalidInputError {}

export class ClaimNoteNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('ClaimNote', id);
  }
}

/** The span of this revision is already annotated: one appearance per span (a double submission makes one). */
export class DuplicateAppearanceError extends ConflictError {
  constructor(existingId: string, claimId: string) {
    super(`This span of the revision is already annotated (appearance ${existingId} of claim ${claimId})`, {
      existingId,
      claimId,
      reason: 'DUPLICATE_APPEARANCE',
    });
  }
}
