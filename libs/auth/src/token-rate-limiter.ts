import type { Response } from 'express';
import type { Actor } from './request-scope';

/**
 * Counts a request against the budget of the member behind it, once their token is verified (so
 * invented tokens never get budgets, and a member's tokens and session tokens share one budget:
 * minting more tokens buys no more requests). Answers false after replying 429 itself.
 */
export interface TokenRateLimiter {
  admit(actor: Actor, res: Response): Promise<boolean>;
  /**
   * The same budgets for a transport without an HTTP answer (a graphql-ws subscription): the
   * member's, or the client address's when anonymous. Null when admitted, else seconds to wait.
   */
  admitOperation(actor: Actor | null, address: string): Promise<number | null>;
}

/** Injection token of the optional TokenRateLimiter (provided globally by the rate-limits module). */
export const TOKEN_RATE_LIMITER = Symbol('TOKEN_RATE_LIMITER');
