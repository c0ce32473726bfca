import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { validationErrorToDomainError } from './graphql-errors';

/** @nestjs/graphql's parameter kinds (GqlParamtype, not exported): only ARGS come from the caller. */
const GRAPHQL_ARGS = 3;

/**
 * The global pipe: validates and transforms what callers send (GraphQL arguments, HTTP body, query
 * and path parameters) with class-validator, failures becoming one BAD_USER_INPUT error.
 *
 * A field resolver's parent (`@Parent()`), context and info are left alone: they are objects the API
 * made itself, and Nest's ValidationPipe would otherwise copy and validate the parent entity again
 * for every field of every row of a page.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, forbidUnknownValues: false, exceptionFactory: validationErrorToDomainError });
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    if (typeof metadata.type === 'number' && metadata.type !== GRAPHQL_ARGS) return false;
    return super.toValidate(metadata);
  }
}
