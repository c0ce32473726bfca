import { ConflictError, InvalidInputError, NotFoundError } from '@isnad/common';

export class MemberNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Member', id);
  }
}

export class ApiTokenNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('ApiToken', id);
  }
}

/** An organisation must keep at least one admin, or nobody could manage it again. */
export class LastAdminError extends ConflictError {
  constructor(memberId: string) {
    super('This is the organisation\'s last admin: make someone else admin first', { memberId, reason: 'LAST_ADMIN' });
  }
}

export class DuplicateMemberEmailError extends ConflictError {
  constructor(email: string) {
    super(`A member with the email ${email} is already in this organisation`, { field: 'email', reason: 'DUPLICATE' });
  }
}

export class TokenLifetimeError extends InvalidInputError {
  constructor(days: number) {
    super(`expiresInDays must be between 1 and ${days}`, { field: 'expiresInDays', reason: 'OUT_OF_RANGE' });
  }
}

/** A member holds as many live API tokens as allowed: revoke one first (more tokens never bought more budget anyway). */
export class TooManyTokensError extends ConflictError {
  constructor(limit: number) {
    super(`A member may hold at most ${limit} live API tokens; revoke one first`, { limit, reason: 'TOKEN_LIMIT' });
  }
}
