import type { Response } from 'express';

/**
 * Counts a request against the budget of the API token behind it, once that token is verified
 * (so invented tokens never get budgets, and a token's session tokens share its budget). Answers
 * false after replying 429 itself.
 */
export interface TokenRateLimiter {
  admit(tokenId: string, res: Response): Promise<boolean>;
}

/** Injection token of the optional TokenRateLimiter (provided globally by the rate-limits module). */
export const TOKEN_RATE_LIMITER = Symbol('TOKEN_RATE_LIMITER');
