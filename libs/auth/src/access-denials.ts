import { DomainError } from '@isnad/common';
import { Actor } from './request-scope';

/** Told of every mutation the access guard refuses to a signed-in member (the audit trail files them). */
export interface AccessDenialListener {
  mutationDenied(denial: { actor: Actor; operation: string; args: Record<string, unknown>; error: DomainError; requestId: string | null }): Promise<void>;
}

/** Injection token of the optional AccessDenialListener (provided globally by the audit module). */
export const ACCESS_DENIAL_LISTENER = Symbol('ACCESS_DENIAL_LISTENER');
