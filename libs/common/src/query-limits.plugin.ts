import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener, GraphQLServerContext } from '@apollo/server';
import { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema, defaultFieldResolver, getNullableType, isLeafType } from 'graphql';
import { performance } from 'node:perf_hooks';
import { MAX_QUERY_COMPLEXITY, admitOperation, gateError } from './operation-gate';

/** Longest an operation's resolvers may keep starting: past it, the fields left fail with OPERATION_TIMEOUT. */
export const OPERATION_TIME_LIMIT_MS = 15_000;
/**
 * Most text (UTF-16 code units of string fields) one answer may carry: an article is at most a
 * 12 MB capture, so a few of them fit, and the answer never grows past what JSON can serialise.
 */
export const MAX_RESPONSE_TEXT = 32 * 1024 * 1024;

interface Spent {
  deadline: number;
  text: number;
  refusal: 'OPERATION_TIMEOUT' | 'RESPONSE_TOO_LARGE' | null;
}

/** Where an admitted HTTP operation's Spent sits in its context; graphql-ws contexts have none. */
const SPENT = Symbol('operationSpent');
type LimitedContext = { [SPENT]?: Spent } | null | undefined;

/**
 * The HTTP side of the gate (single and batched operations; graphql-ws goes through the same
 * admitOperation in SubscriptionGate): refuses, before any resolver runs, operations whose variables
 * do not fit their types, which carry text that cannot be stored, or which are too deep, too
 * aliased or too costly (HTTP 400 with a code); subscriptions are refused over HTTP. While an
 * admitted operation runs (checked by the wrapper withOperationLimits puts on every field), fields stop resolving once it passes OPERATION_TIME_LIMIT_MS or
 * MAX_RESPONSE_TEXT, and such an answer carries only the refusal. Every answer reports
 * `extensions.cost` ({ requested, limit }).
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin {
  constructor(private readonly schemaHost: GraphQLSchemaHost) {}

  async serverWillStart({ schema }: GraphQLServerContext): Promise<void> {
    withOperationLimits(schema);
  }

  async requestDidStart({ contextValue }: GraphQLRequestContext<object>): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    let cost: number | null = null;
    const spent: Spent = { deadline: Infinity, text: 0, refusal: null };
    // Read by the field wrapper withOperationLimits put on every field (batching is off, so one operation per context).
    (contextValue as { [SPENT]?: Spent })[SPENT] = spent;
    return {
      didResolveOperation: async ({ request, document, operation }) => {
        if (!operation) return;
        if (operation.operation === 'subscription') {
          throw gateError('BAD_REQUEST', 'Subscriptions are served over graphql-ws (WebSocket) at /graphql, not over HTTP', {
            reason: 'SUBSCRIPTION_OVER_HTTP',
          });
        }
        cost = admitOperation(schema, document, operation, request.variables).measure.cost;
        spent.deadline = performance.now() + OPERATION_TIME_LIMIT_MS;
      },
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (spent.refusal) {
          // The data gathered so far is dropped before it is serialised: that is what the cap protects.
          const error = refusalError(spent.refusal);
          response.body.singleResult = { errors: [{ message: error.message, extensions: { code: error.extensions.code } }] };
          response.http.status = spent.refusal === 'OPERATION_TIMEOUT' ? 503 : 413;
        }
        if (cost !== null) {
          response.body.singleResult.extensions = { ...result.extensions, cost: { requested: cost, limit: MAX_QUERY_COMPLEXITY } };
        }
      },
    };
  }
}

/**
 * Puts the running checks of QueryLimitsPlugin on every field of the schema, once, when the server
 * starts: a field does not start past the operation's deadline or after a
 * refusal, and the strings leaf fields resolve to are counted against MAX_RESPONSE_TEXT. This is not
 * an Apollo `willResolveField` hook on purpose: any plugin with one makes Apollo wrap every field in
 * its own instrumentation, which costs more per field than the checks themselves. Changes the schema
 * in place (a second call changes nothing) and returns it.
 */
export function withOperationLimits(schema: GraphQLSchema): GraphQLSchema {
  if (limitedSchemas.has(schema)) return schema;
  limitedSchemas.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      // Only a leaf that is not a list can resolve to a string: other fields are never counted.
      field.resolve = limitedResolver(field.resolve ?? defaultFieldResolver, isLeafType(getNullableType(field.type)));
    }
  }
  return schema;
}

const limitedSchemas = new WeakSet<GraphQLSchema>();

function limitedResolver(resolve: GraphQLFieldResolver<unknown, LimitedContext>, countsText: boolean): GraphQLFieldResolver<unknown, LimitedContext> {
  return (source, args, context, info) => {
    const spent = context?.[SPENT];
    if (spent === undefined) return resolve(source, args, context, info);
    if (spent.refusal) throw refusalError(spent.refusal);
    if (performance.now() > spent.deadline) {
      spent.refusal = 'OPERATION_TIMEOUT';
      throw refusalError(spent.refusal);
    }
    const result: unknown = resolve(source, args, context, info);
    if (!countsText) return result;
    if (typeof result === 'string') countText(spent, result);
    else if (result instanceof Promise) result.then((value: unknown) => typeof value === 'string' && countText(spent, value), () => undefined);
    return result;
  };
}

function countText(spent: Spent, text: string): void {
  spent.text += text.length;
  if (spent.text > MAX_RESPONSE_TEXT) spent.refusal = 'RESPONSE_TOO_LARGE';
}

function refusalError(refusal: 'OPERATION_TIMEOUT' | 'RESPONSE_TOO_LARGE') {
  return refusal === 'OPERATION_TIMEOUT'
    ? gateError('OPERATION_TIMEOUT', `The operation ran past ${OPERATION_TIME_LIMIT_MS / 1000} s and was stopped; ask for less`, {}, 503)
    : gateError('RESPONSE_TOO_LARGE', `The answer would carry more than ${MAX_RESPONSE_TEXT} characters of text; ask for fewer fields or smaller pages`, {}, 413);
}
