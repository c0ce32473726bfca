import { Logger, ValidationError } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable, unavailableErrorFor } from './database-unavailable';
import { InvalidInputError, ServiceUnavailableError } from './domain-error';

const logger = new Logger('GraphQLErrors');

/** Codes a client may see; resolver errors get theirs from GraphQLErrorFilter. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'FETCH_FAILED',
  'INTERNAL_SERVER_ERROR',
  // Refused by the operation gate (QueryLimitsPlugin, SubscriptionGate).
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'OPERATION_TIMEOUT',
  'RESPONSE_TOO_LARGE',
  // Raised by graphql-js and Apollo before any resolver runs.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Last check on every error leaving the API: errors with a public code pass as they are (stack
 * traces stripped); a database outage that escaped GraphQLErrorFilter (one raised outside a
 * resolver) still answers SERVICE_UNAVAILABLE; anything else is logged and answered as
 * INTERNAL_SERVER_ERROR.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Apollo's automatic persisted queries refuse a wrong hash with a 400 but no code.
  if (formatted.message === 'provided sha does not match query') {
    return { message: 'The persisted query hash does not match the query', extensions: { code: 'BAD_REQUEST', reason: 'PERSISTED_QUERY_HASH_MISMATCH' } };
  }
  const code = formatted.extensions?.code;
  // Apollo labels any raw error INTERNAL_SERVER_ERROR but keeps its message: only the filter's own
  // "Internal server error" may leave with that code.
  const internalLeak = code === 'INTERNAL_SERVER_ERROR' && formatted.message !== 'Internal server error';
  if (typeof code === 'string' && PUBLIC_CODES.has(code) && !internalLeak) {
    const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = (error as { originalError?: unknown })?.originalError;
  if (isDatabaseUnavailable(error) || isDatabaseUnavailable(original)) {
    const fault = unavailableErrorFor(original ?? error);
    const said = `at ${formatted.path?.join('.') ?? 'request'}: ${String(original ?? error)}`;
    if (fault.diskFull) logger.error(`Database write refused, the disk holding ${fault.where} is full, ${said}`);
    else logger.warn(`Database unavailable ${said}`);
    const unavailable = new ServiceUnavailableError(fault.message, fault.diskFull ? { reason: fault.reason } : {});
    return { message: unavailable.message, path: formatted.path, extensions: { ...unavailable.details, code: unavailable.code } };
  }
  logger.error(`Unexpected error at ${formatted.path?.join('.') ?? 'request'}: ${String(error)}`);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Turns class-validator failures into one BAD_USER_INPUT error naming each invalid field. */
export function validationErrorToDomainError(errors: ValidationError[]): InvalidInputError {
  const fields: { field: string; problems: string[] }[] = [];
  const walk = (list: ValidationError[], prefix: string) => {
    for (const item of list) {
      const field = prefix ? `${prefix}.${item.property}` : item.property;
      if (item.constraints) fields.push({ field, problems: Object.values(item.constraints) });
      if (item.children?.length) walk(item.children, field);
    }
  };
  walk(errors, '');
  const summary = fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | ');
  return new InvalidInputError(`Invalid input: ${summary}`, { fields });
}
