/** The stable error codes clients can switch on (GraphQL `extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SERVICE_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'FETCH_FAILED'
  | 'INTERNAL_SERVER_ERROR';

/**
 * Base of every error the domain raises on purpose. The GraphQL layer turns it into an error with
 * `extensions.code` and the given details; anything that is not a DomainError is hidden as
 * INTERNAL_SERVER_ERROR.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(entity: string, id: string) {
    super(`${entity} ${id} was not found`, { entity, id });
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/** No valid credentials: a missing, malformed, unknown, expired or revoked token where one is needed. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** Valid credentials, but the member's role or organisation does not allow this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/**
 * The database (or another service the API needs) cannot be reached right now. Nothing about the
 * request was wrong: the client may send it again shortly (`retryable: true`).
 */
export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor(message = 'The database is unavailable; try again shortly', details: Record<string, unknown> = {}) {
    super(message, { retryable: true, ...details });
  }
}

/** The caller sent more requests than its budget allows (HTTP 429); details carry `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
}

/**
 * A page or feed Isnad was asked to fetch could not be fetched or is not what was expected; the
 * details carry a `reason` (TIMEOUT, TOO_LARGE, NOT_HTML, HTTP_STATUS with `status` ...).
 */
export class FetchFailedError extends DomainError {
  readonly code = 'FETCH_FAILED';
}
