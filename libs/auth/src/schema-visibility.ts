import { GraphQLFormattedError, NoSchemaIntrospectionCustomRule, ValidationContext, ValidationRule } from 'graphql';
import { currentActor } from './request-scope';

/**
 * Introspection for members only: an anonymous operation asking for __schema or __type is refused
 * (GRAPHQL_VALIDATION_FAILED); with a token, GraphiQL's own introspection query runs as usual.
 */
export const introspectionForMembersOnly: ValidationRule = (context: ValidationContext) =>
  currentActor() ? {} : NoSchemaIntrospectionCustomRule(context);

/** The error without graphql-js's "Did you mean …?" suggestions when the caller is anonymous (they name fields). */
export function withoutSuggestionsForAnonymous(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (currentActor() || !formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(/ ?Did you mean .*$/su, '') };
}
