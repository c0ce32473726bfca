import { Inject, Injectable, NestMiddleware, Optional } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ServiceUnavailableError, UnauthenticatedError, errorBody, isDatabaseUnavailable } from '@isnad/common';
import { AuthService } from './auth.service';
import { SessionTokensService, looksLikeSessionToken } from './session-tokens.service';
import { TOKEN_RATE_LIMITER, TokenRateLimiter } from './token-rate-limiter';
import { Actor, runInRequestScope } from './request-scope';

export type AuthenticatedRequest = Request & { actor?: Actor | null; id?: unknown };

/**
 * Reads `Authorization: Bearer <token>` (an API token, or a session token made from one) once per request. No header: anonymous. A header that is
 * malformed or names an unknown, expired or revoked token: 401 UNAUTHENTICATED at once (a caller who
 * meant to sign in must not silently get anonymous answers). The rest of the request runs in a
 * request scope carrying the actor.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionTokensService,
    @Optional() @Inject(TOKEN_RATE_LIMITER) private readonly limiter?: TokenRateLimiter,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    let actor: Actor | null = null;
    const header = req.headers.authorization;
    if (header !== undefined) {
      try {
        const match = /^Bearer +(\S+) *$/i.exec(header);
        if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <API token>"');
        actor = looksLikeSessionToken(match[1]) ? await this.sessions.authenticate(match[1]) : await this.auth.authenticate(match[1]);
      } catch (error) {
        if (error instanceof UnauthenticatedError) {
          res.status(401).set('WWW-Authenticate', 'Bearer').json(errorBody(error.code, error.message));
        } else if (isDatabaseUnavailable(error)) {
          // The token cannot be checked while the database is away: retryable, like any other outage.
          const unavailable = new ServiceUnavailableError();
          res.status(503).set('Retry-After', '1').json(errorBody(unavailable.code, unavailable.message, unavailable.details));
        } else {
          next(error);
        }
        return;
      }
    }
    // The member's budget (shared by their tokens and session tokens) is spent only once the token is proven.
    if (actor && this.limiter && !(await this.limiter.admit(actor, res))) return;
    req.actor = actor;
    runInRequestScope({ actor, requestId: typeof req.id === 'string' ? req.id : null }, () => next());
  }
}
