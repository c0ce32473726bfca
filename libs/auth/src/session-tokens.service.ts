import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JWTPayload, SignJWT, jwtVerify } from 'jose';
import { ForbiddenError, UnauthenticatedError } from '@isnad/common';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { AuthService } from './auth.service';
import { Actor } from './request-scope';
import { Role, roleIncludes } from './role';

const ISSUER = 'isnad';
const AUDIENCE = 'isnad-api';
export const MAX_SESSION_MINUTES = 12 * 60;

interface SessionClaims extends JWTPayload {
  /** The API token the session was made from: revoking it ends the session. */
  tid: string;
  org: string;
  role: Role;
}

/**
 * Short-lived signed session tokens (JWT, HS256, through `jose`), made from an API token for a tool
 * that should not hold the long-lived one (a browser extension, a newsroom plug-in), with at most
 * the member's role. Each use still checks that the member and the API token behind it are live,
 * so revoking that token or removing the member ends its sessions at once.
 */
@Injectable()
export class SessionTokensService {
  private readonly logger = new Logger('SessionTokens');
  private readonly key: Uint8Array;

  constructor(
    private readonly auth: AuthService,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    if (options.sessionSecret) {
      this.key = new TextEncoder().encode(options.sessionSecret);
    } else {
      this.key = randomBytes(32);
      this.logger.warn('SESSION_SECRET is not set: session tokens are valid on this process only, until it restarts');
    }
  }

  /** A session token for the actor, with `role` (at most theirs), valid `minutes` (1 to 720). */
  async issue(actor: Actor, role: Role, minutes: number): Promise<{ token: string; expiresAt: Date; role: Role }> {
    if (actor.viaSession) throw new ForbiddenError('A session token cannot make another one: use an API token');
    if (!roleIncludes(actor.role, role)) throw new ForbiddenError(`A session cannot have more than your role (${actor.role})`, { field: 'role' });
    const expiresAt = new Date(Date.now() + minutes * 60_000);
    const token = await new SignJWT({ tid: actor.tokenId, org: actor.organisationId, role } satisfies Omit<SessionClaims, keyof JWTPayload>)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(actor.memberId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt, role };
  }

  /** The actor behind a session token: signature, expiry, and the member and API token still live. */
  async authenticate(token: string): Promise<Actor> {
    // Made only to refuse (an Error records its stack when built): every request with a session token passes here.
    const refused = () => new UnauthenticatedError('The session token is not valid (expired, revoked or not ours)');
    let claims: SessionClaims;
    try {
      ({ payload: claims } = await jwtVerify<SessionClaims>(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] }));
    } catch {
      throw refused();
    }
    const parent = await this.auth.liveToken({ id: claims.tid });
    if (!parent || parent.member.id !== claims.sub || parent.member.organisationId !== claims.org) throw refused();
    const { member } = parent;
    // Never more than the member holds now: a demotion narrows live sessions too.
    const role = roleIncludes(member.role, claims.role) ? claims.role : member.role;
    return { memberId: member.id, organisationId: member.organisationId, role, tokenId: parent.id, name: member.name, viaSession: true };
  }
}

/** True when the bearer value has the shape of a JWT (three base64url parts), not of an API token. */
export function looksLikeSessionToken(text: string): boolean {
  return /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text);
}
