import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { DocumentNode, GraphQLError, GraphQLSchema, getOperationAST, parse, validate } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { UnauthenticatedError, admitOperation, gateError } from '@isnad/common';
import { AuthService } from './auth.service';
import { Actor } from './request-scope';
import { SessionTokensService, looksLikeSessionToken } from './session-tokens.service';
import { TOKEN_RATE_LIMITER, TokenRateLimiter } from './token-rate-limiter';

/** Open graphql-ws connections one client address may hold. */
export const MAX_SOCKETS_PER_ADDRESS = 20;
/** Live subscriptions on one connection. */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 10;
/** Live subscriptions from one client address, all its connections together. */
export const MAX_SUBSCRIPTIONS_PER_ADDRESS = 50;
/** Most tokens a subscription document may have: far above any real one, far below a hostile one. */
export const MAX_DOCUMENT_TOKENS = 5_000;

interface Connection {
  address: string;
  actor: Actor | null;
  subscriptions: Set<string>;
}

type SocketContext = Context<Record<string, unknown> | undefined, Extra>;

/**
 * The graphql-ws side of the one gate (HTTP goes through QueryLimitsPlugin): a connection
 * authenticates with `connectionParams` ({ authorization: "Bearer …" } or { token }), the same
 * tokens as HTTP (a wrong one closes the socket 4403); each subscription is parsed, validated and
 * admitted by admitOperation (variables, text, depth, aliases, cost), spends the token's or the
 * address's request budget, and counts against the limits per connection and per address.
 * Only subscriptions are served over the socket: queries and mutations go over HTTP.
 */
@Injectable()
export class SubscriptionGate {
  private readonly logger = new Logger('SubscriptionGate');
  private readonly connections = new WeakMap<SocketContext, Connection>();
  private readonly socketsByAddress = new Map<string, number>();
  private readonly subscriptionsByAddress = new Map<string, number>();
  private schema: GraphQLSchema | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionTokensService,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(TOKEN_RATE_LIMITER) private readonly limiter?: TokenRateLimiter,
  ) {}

  /** graphql-ws server options wiring the gate; `contextFor` builds each subscription's GraphQL context. */
  serverOptions(path: string, contextFor: (actor: Actor | null) => object): GraphQLWsSubscriptionsConfig {
    // Nest passes these to graphql-ws's useServer as they are (onComplete included); its type names a subset.
    const options = {
      path,
      onConnect: (ctx: SocketContext) => this.connect(ctx),
      onSubscribe: (ctx: SocketContext, id: string, payload: SubscribePayload) => this.subscribe(ctx, id, payload, contextFor),
      onComplete: (ctx: SocketContext, id: string) => this.release(ctx, id),
      onClose: (ctx: SocketContext) => this.close(ctx),
    };
    return options as unknown as GraphQLWsSubscriptionsConfig;
  }

  private async connect(ctx: SocketContext): Promise<boolean> {
    const address = ctx.extra.request.socket.remoteAddress ?? 'unknown';
    if ((this.socketsByAddress.get(address) ?? 0) >= MAX_SOCKETS_PER_ADDRESS) {
      this.logger.warn(`Refused a graphql-ws connection from ${address}: ${MAX_SOCKETS_PER_ADDRESS} already open`);
      return false;
    }
    let actor: Actor | null = null;
    const token = tokenOf(ctx.connectionParams);
    if (token !== undefined) {
      try {
        actor = looksLikeSessionToken(token) ? await this.sessions.authenticate(token) : await this.auth.authenticate(token);
      } catch (error) {
        if (error instanceof UnauthenticatedError) return false;
        throw error;
      }
    }
    this.socketsByAddress.set(address, (this.socketsByAddress.get(address) ?? 0) + 1);
    this.connections.set(ctx, { address, actor, subscriptions: new Set() });
    return true;
  }

  private async subscribe(
    ctx: SocketContext,
    id: string,
    payload: SubscribePayload,
    contextFor: (actor: Actor | null) => object,
  ): Promise<readonly GraphQLError[] | { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: Record<string, unknown> | null; contextValue: object }> {
    const connection = this.connections.get(ctx);
    if (!connection) return [gateError('UNAUTHENTICATED', 'The connection was not initialised', {}, 401)];
    if (connection.subscriptions.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
      return [gateError('RATE_LIMITED', `At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions per connection`, { limit: MAX_SUBSCRIPTIONS_PER_SOCKET, per: 'CONNECTION' }, 429)];
    }
    if ((this.subscriptionsByAddress.get(connection.address) ?? 0) >= MAX_SUBSCRIPTIONS_PER_ADDRESS) {
      return [gateError('RATE_LIMITED', `At most ${MAX_SUBSCRIPTIONS_PER_ADDRESS} subscriptions per address`, { limit: MAX_SUBSCRIPTIONS_PER_ADDRESS, per: 'ADDRESS' }, 429)];
    }
    // The slot is taken before anything is awaited, so subscriptions sent at once cannot all pass the count.
    connection.subscriptions.add(id);
    this.subscriptionsByAddress.set(connection.address, (this.subscriptionsByAddress.get(connection.address) ?? 0) + 1);
    let admitted: Awaited<ReturnType<SubscriptionGate['admit']>>;
    try {
      admitted = await this.admit(connection, payload);
    } catch (error) {
      this.release(ctx, id);
      throw error;
    }
    if (Array.isArray(admitted)) {
      this.release(ctx, id);
      return admitted;
    }
    return { ...admitted, contextValue: contextFor(connection.actor) };
  }

  /** The subscription's execution arguments, or why it is refused. */
  private async admit(
    connection: Connection,
    payload: SubscribePayload,
  ): Promise<GraphQLError[] | { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: Record<string, unknown> | null }> {
    const schema = this.schemaOf();
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: MAX_DOCUMENT_TOKENS });
    } catch (error) {
      return [gateError('GRAPHQL_PARSE_FAILED', (error as Error).message)];
    }
    const invalid = validate(schema, document);
    if (invalid.length) return invalid.map((e) => gateError('GRAPHQL_VALIDATION_FAILED', e.message));
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (!operation) return [gateError('OPERATION_RESOLUTION_FAILURE', 'Name the operation to run (operationName)')];
    if (operation.operation !== 'subscription') {
      return [gateError('BAD_REQUEST', 'Only subscriptions are served over graphql-ws; send queries and mutations over HTTP POST /graphql')];
    }
    try {
      admitOperation(schema, document, operation, payload.variables);
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    const retryAfter = await this.limiter?.admitOperation(connection.actor, connection.address);
    if (retryAfter) {
      return [gateError('RATE_LIMITED', `Too many requests: retry in ${retryAfter} s`, { retryAfterSeconds: retryAfter }, 429)];
    }
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  }

  private release(ctx: SocketContext, id: string): void {
    const connection = this.connections.get(ctx);
    if (!connection?.subscriptions.delete(id)) return;
    decrement(this.subscriptionsByAddress, connection.address);
  }

  private close(ctx: SocketContext): void {
    const connection = this.connections.get(ctx);
    if (!connection) return;
    for (const id of [...connection.subscriptions]) this.release(ctx, id);
    this.connections.delete(ctx);
    decrement(this.socketsByAddress, connection.address);
  }

  // The schema exists only once GraphQLModule has built it, after this gate was made.
  private schemaOf(): GraphQLSchema {
    this.schema ??= this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    return this.schema;
  }
}

function tokenOf(params: Record<string, unknown> | undefined): string | undefined {
  const authorization = params?.authorization ?? params?.Authorization;
  if (typeof authorization === 'string') return /^Bearer +(\S+) *$/i.exec(authorization)?.[1] ?? authorization;
  return typeof params?.token === 'string' ? params.token : undefined;
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 0) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}
