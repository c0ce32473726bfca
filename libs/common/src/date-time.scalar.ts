import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Earliest: 0001-01-01T00:00:00Z (Date.UTC would read year 1 as 1901). */
const EARLIEST = new Date('0001-01-01T00:00:00Z').getTime();
/** Latest instant a DateTime argument may name: ISO 8601 writes four-digit years. */
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An ISO 8601 date-time in years 1 to 9999; anything else is refused as a GraphQL coercion error (400). */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') throw new GraphQLError('DateTime must be an ISO 8601 string such as "2021-02-14T09:30:00Z"');
  const date = new Date(value);
  const time = date.getTime();
  if (Number.isNaN(time)) throw new GraphQLError(`DateTime "${value.slice(0, 40)}" is not an ISO 8601 date-time`);
  // new Date() reads year 0 and six-digit years; PostgreSQL and readers of ISO 8601 do not.
  if (time < EARLIEST || time > LATEST) throw new GraphQLError(`DateTime "${value.slice(0, 40)}" is outside the years 1 to 9999`);
  return date;
}

/**
 * The API's DateTime (it replaces @nestjs/graphql's, whose `new Date(value)` let "Invalid Date",
 * year 0 and year +099999 through to PostgreSQL as internal errors). Same name and wire format.
 */
export const DateTimeScalar = new GraphQLScalarType<Date | null, string | null>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parseDateTime,
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return parseDateTime(ast.value);
  },
});
