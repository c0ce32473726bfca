import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './pagination';

/** Deepest selection an operation may have (a claims page with chains and outlets needs about 8). */
export const MAX_QUERY_DEPTH = 12;
/** Highest estimated cost: each field costs 1, and a connection multiplies its nodes by `first`. */
export const MAX_QUERY_COMPLEXITY = 20_000;

// A connection's children are paid for once per row it may return.
const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }) =>
  field.args.some((arg) => arg.name === 'first')
    ? 1 + childComplexity * (typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE)
    : undefined;

/**
 * Rejects operations that are too deep or too costly before any resolver runs, with
 * QUERY_TOO_DEEP or QUERY_TOO_COMPLEX and HTTP 400.
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin {
  constructor(private readonly schemaHost: GraphQLSchemaHost) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    return {
      didResolveOperation: async ({ request, document, operation }) => {
        const fragments = Object.fromEntries(
          document.definitions
            .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
            .map((d) => [d.name.value, d]),
        );
        const depth = selectionDepth(operation?.selectionSet, fragments, new Set());
        if (depth > MAX_QUERY_DEPTH) {
          throw limitError('QUERY_TOO_DEEP', `The query is ${depth} levels deep; the limit is ${MAX_QUERY_DEPTH}`);
        }
        const complexity = getComplexity({
          schema,
          query: document,
          operationName: request.operationName ?? undefined,
          variables: request.variables,
          estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
        });
        if (complexity > MAX_QUERY_COMPLEXITY) {
          throw limitError(
            'QUERY_TOO_COMPLEX',
            `The query may cost ${complexity}; the limit is ${MAX_QUERY_COMPLEXITY}. Ask for smaller pages or fewer nested lists.`,
          );
        }
      },
    };
  }
}

function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** Depth of a selection set, following fragments (a fragment cycle counts once). */
function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = selection as FieldNode;
      deepest = Math.max(deepest, field.selectionSet ? 1 + selectionDepth(field.selectionSet, fragments, visiting) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, visiting));
    } else {
      const name = selection.name.value;
      if (visiting.has(name) || !fragments[name]) continue;
      visiting.add(name);
      deepest = Math.max(deepest, selectionDepth(fragments[name].selectionSet, fragments, visiting));
      visiting.delete(name);
    }
  }
  return deepest;
}
