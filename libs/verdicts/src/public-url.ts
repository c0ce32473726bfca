import type { Request } from 'express';
import type { Actor } from '@isnad/auth';
import { GraphQLRequestContext } from '@isnad/common';

/** Options of the verdicts module, from AppConfig. */
export interface VerdictsOptions {
  /** Base of the public URLs in ClaimReview, feeds and webhooks; null: the origin of each request. */
  publicBaseUrl: string | null;
  /** With a Redis URL, verdictPublished reaches subscribers of every API process. */
  redisUrl?: string | null;
}
export const VERDICTS_OPTIONS = Symbol('VERDICTS_OPTIONS');

/** The GraphQL context with the HTTP request and its actor (both absent on subscriptions). */
export type HttpGraphQLContext = GraphQLRequestContext & { req?: Request; actor?: Actor | null };

/**
 * The base URL public links are made from: the configured PUBLIC_BASE_URL, else the request's own
 * origin (protocol and Host header as Express sees them), else loopback.
 */
export function publicBaseUrl(options: VerdictsOptions, req?: Request): string {
  return publicBaseUrlOf(options, req?.get('host'), () => req?.protocol ?? 'http');
}

/** publicBaseUrl from the Host header and the protocol (asked only when needed) of a request Express has not seen yet. */
export function publicBaseUrlOf(options: VerdictsOptions, host: string | undefined, protocol: () => string): string {
  if (options.publicBaseUrl) return options.publicBaseUrl.replace(/\/+$/, '');
  return host ? `${protocol()}://${host}` : 'http://127.0.0.1';
}
