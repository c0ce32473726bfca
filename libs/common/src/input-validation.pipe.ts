import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validationErrorToDomainError } from './graphql-errors';

/** @nestjs/graphql's parameter kinds (GqlParamtype, not exported): only ARGS come from the caller. */
const GRAPHQL_ARGS = 3;
/** Flat argument values remembered per class, at most; past it new ones are validated every time. */
const MAX_REMEMBERED_PER_CLASS = 256;
/** Longest argument value (as JSON) remembered: page arguments and absent filters, not free text. */
const MAX_REMEMBERED_LENGTH = 256;

/**
 * The global pipe: validates and transforms what callers send (GraphQL arguments, HTTP body, query
 * and path parameters) with class-validator, failures becoming one BAD_USER_INPUT error.
 *
 * A field resolver's parent (`@Parent()`), context and info are left alone: they are objects the API
 * made itself, and Nest's ValidationPipe would otherwise copy and validate the parent entity again
 * for every field of every row of a page.
 *
 * Flat arguments that passed once (an absent filter, `first: 20`: values that are all strings,
 * numbers, booleans or null) are not validated again: the API's input classes use class-validator's
 * own rules only, which answer the same for the same values, so the class is still built from the
 * value on every call (a new instance, as before) and only the rules' run is skipped. Anything
 * refused is checked again on every call, so it is refused with the same error each time.
 */
export class InputValidationPipe extends ValidationPipe {
  private readonly passed = new WeakMap<object, Set<string>>();

  constructor() {
    super({ transform: true, forbidUnknownValues: false, exceptionFactory: validationErrorToDomainError });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    const key = metatype && this.toValidate(metadata) ? flatValueKey(value) : null;
    if (key === null) return super.transform(value, metadata);
    let passed = this.passed.get(metatype!);
    // What ValidationPipe returns for a value that passes, with `transform` on: the class built from
    // the value, or from {} when the value is absent.
    if (passed?.has(key)) return plainToInstance(metatype!, value ?? {}, this.transformOptions);
    const result: unknown = await super.transform(value, metadata);
    if (!passed) this.passed.set(metatype!, (passed = new Set()));
    if (passed.size < MAX_REMEMBERED_PER_CLASS) passed.add(key);
    return result;
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    if (typeof metadata.type === 'number' && metadata.type !== GRAPHQL_ARGS) return false;
    return super.toValidate(metadata);
  }
}

/**
 * The value as a remembering key when it is absent or a plain object of a few strings, finite
 * numbers, booleans and nulls; null for anything else (nested inputs, lists, long text), which is
 * always validated in full.
 */
function flatValueKey(value: unknown): string | null {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return null;
  for (const [name, field] of Object.entries(value)) {
    // ValidationPipe strips prototype keys in place before building the class: leave that to it.
    if (name.startsWith('__')) return null;
    if (field === null || field === undefined || typeof field === 'string' || typeof field === 'boolean') continue;
    // NaN and ±Infinity would all write as null, and -0 as 0: never remembered.
    if (typeof field === 'number' && Number.isFinite(field) && !Object.is(field, -0)) continue;
    return null;
  }
  const key = JSON.stringify(value);
  return key.length <= MAX_REMEMBERED_LENGTH ? key : null;
}
