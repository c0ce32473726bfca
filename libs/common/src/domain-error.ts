/** The stable error codes clients can switch on (GraphQL `extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
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

/** The caller did not say who they are (no valid API token) and the operation needs to know. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** The caller is known but their role does not allow the operation. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}
