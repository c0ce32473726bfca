import { Logger, ValidationError } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, InvalidInputError, PayloadTooLargeError } from './domain-error';

const logger = new Logger('GraphQLErrors');

// Codes graphql-js and Apollo attach for requests that never reached a resolver; they are the
// client's fault and are passed through as they are.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * The one place errors become GraphQL errors: domain errors keep their code and details, request
 * errors keep Apollo's code, and everything else is logged with its context and returned as
 * INTERNAL_SERVER_ERROR without internals.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...original.details, code: original.code },
    };
  }
  const payloadTooLarge = asPayloadTooLarge(original);
  if (payloadTooLarge) return formatGraphQLError(formatted, payloadTooLarge);
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && !isUnexpected(original)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error(
    `Unexpected error at ${formatted.path?.join('.') ?? 'request'}: ${original instanceof Error ? original.stack : String(original)}`,
  );
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function isUnexpected(original: unknown): boolean {
  return original instanceof Error && !(original instanceof GraphQLError) && original.constructor !== Error;
}

function asPayloadTooLarge(original: unknown): PayloadTooLargeError | null {
  if (original && typeof original === 'object' && (original as { type?: string }).type === 'entity.too.large') {
    return new PayloadTooLargeError('The request body is larger than the server accepts');
  }
  return null;
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
