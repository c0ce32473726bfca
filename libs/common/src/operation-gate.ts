import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  getVariableValues,
  visit,
} from 'graphql';
import { OperationMeasure, measureOperation } from './operation-cost';

/** Deepest selection an operation may have (a claims page with chains and outlets needs about 8). */
export const MAX_QUERY_DEPTH = 12;
/** Highest estimated cost: each field costs 1, a page multiplies its rows by `first`, priced fields more. */
export const MAX_QUERY_COMPLEXITY = 20_000;
/** Most aliased fields in one operation: each alias may repeat the costliest field. */
export const MAX_ALIASES = 50;
/** Deepest nesting of lists inside introspection (GraphiQL's own query needs 3: types → fields → args). */
export const MAX_INTROSPECTION_LISTS = 3;
/** Deepest nesting of a variable's value: no input type of the schema comes near it. */
export const MAX_VARIABLE_DEPTH = 32;

/** Why a text argument is refused: PostgreSQL cannot store NUL, and unpaired surrogates are not Unicode. */
export function textProblem(text: string): 'NUL_CHARACTER' | 'UNPAIRED_SURROGATE' | null {
  if (text.includes('\u0000')) return 'NUL_CHARACTER';
  return (text as string & { isWellFormed(): boolean }).isWellFormed() ? null : 'UNPAIRED_SURROGATE';
}

/** The operation as admitted: its measure, for `extensions.cost`. */
export interface AdmittedOperation {
  measure: OperationMeasure;
}

/**
 * The checks every operation passes before a resolver runs, whatever carried it (HTTP, a batch,
 * graphql-ws): variables coerced against their declared types (a wrong type is BAD_USER_INPUT,
 * not an internal error), text that could not be stored as sent (NUL, half a surrogate pair),
 * then depth, aliases and estimated cost. Every refusal is a GraphQLError with a code and HTTP 400.
 * The document must already be parsed and validated.
 */
export function admitOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | null | undefined,
): AdmittedOperation {
  const found = findBadVariable(rawVariables ?? {});
  if (found) throw found;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 5 });
  if (coerced.errors) {
    throw gateError('BAD_USER_INPUT', coerced.errors.map((e) => e.message).join(' '), { reason: 'VARIABLE_TYPE' });
  }
  let admitted = admittedDocuments.get(document);
  if (admitted?.schema !== schema) {
    visit(document, {
      [Kind.STRING]: (node) => {
        const reason = textProblem(node.value);
        if (reason) throw textError(reason, `line ${node.loc?.startToken.line ?? '?'}`);
      },
    });
    admittedDocuments.set(document, (admitted = { schema, measures: new Map() }));
  }
  // An operation without variables measures the same every time; one with variables is measured anew.
  const fixed = !operation.variableDefinitions?.length;
  const known = fixed ? admitted.measures.get(operation) : undefined;
  if (known) return { measure: known };
  const measure = measureOperation(schema, document, operation, coerced.coerced);
  if (measure.depth > MAX_QUERY_DEPTH) {
    throw gateError('QUERY_TOO_DEEP', `The query is ${measure.depth} levels deep; the limit is ${MAX_QUERY_DEPTH}`);
  }
  if (measure.introspectionListDepth > MAX_INTROSPECTION_LISTS) {
    throw gateError('QUERY_TOO_DEEP', `The introspection query nests ${measure.introspectionListDepth} lists; the limit is ${MAX_INTROSPECTION_LISTS}`);
  }
  if (measure.aliases > MAX_ALIASES) {
    throw gateError('QUERY_TOO_COMPLEX', `The query has ${measure.aliases} aliases; the limit is ${MAX_ALIASES}`);
  }
  if (measure.cost > MAX_QUERY_COMPLEXITY) {
    throw gateError(
      'QUERY_TOO_COMPLEX',
      `The query may cost ${measure.cost}; the limit is ${MAX_QUERY_COMPLEXITY}. Ask for smaller pages or fewer nested lists.`,
      { cost: measure.cost },
    );
  }
  if (fixed) admitted.measures.set(operation, measure);
  return { measure };
}

/**
 * What admitOperation found in a parsed document that no variable changes: its text passed, and the
 * measures of its operations that declare no variables and were admitted. Apollo keeps the parsed
 * document of a query text it has seen and hands the same object over again, so a client repeating
 * a query (a page of claims) is not walked and measured again on every request (about 0.6 ms of a
 * page's time). Refusals are not kept: they are thrown again, measured again.
 */
const admittedDocuments = new WeakMap<DocumentNode, { schema: GraphQLSchema; measures: Map<OperationDefinitionNode, OperationMeasure> }>();

/** A refusal before execution: `code`, HTTP 400 and any details in extensions. */
export function gateError(code: string, message: string, details: Record<string, unknown> = {}, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code, http: { status } } });
}

/**
 * The first text in the variables that could not be stored (NUL, half a surrogate pair), or a
 * value nested deeper than MAX_VARIABLE_DEPTH. Walked with an explicit stack: a value nested
 * 100,000 deep is refused, not a stack overflow.
 */
function findBadVariable(variables: Record<string, unknown>): GraphQLError | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: variables, path: ['$'] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const reason = textProblem(value);
      if (reason) return textError(reason, path.join('.'));
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (path.length > MAX_VARIABLE_DEPTH) {
      return gateError('BAD_USER_INPUT', `The variable ${path.slice(0, 3).join('.')} is nested deeper than ${MAX_VARIABLE_DEPTH} levels`, {
        reason: 'TOO_DEEP',
      });
    }
    for (const [key, inner] of Object.entries(value)) {
      const reason = textProblem(key);
      if (reason) return textError(reason, [...path, key].join('.'));
      stack.push({ value: inner, path: [...path, key] });
    }
  }
  return null;
}

function textError(reason: string, where: string): GraphQLError {
  const what = reason === 'NUL_CHARACTER' ? 'a NUL character' : 'half of a surrogate pair (not Unicode)';
  return gateError('BAD_USER_INPUT', `Text at ${where} contains ${what}; nothing was written`, { reason, at: where });
}
