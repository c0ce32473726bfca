import { AsyncLocalStorage } from 'node:async_hooks';
import { Role } from './role';

/** The member behind a request, as proven by their API token. */
export interface Actor {
  memberId: string;
  organisationId: string;
  role: Role;
  /** The token used (its id, never the secret). */
  tokenId: string;
  /** The member's display name, for audit entries and `by` fields. */
  name: string;
  /** True when the request came with a session token (made from the API token `tokenId`). */
  viaSession?: boolean;
}

/** What every piece of code running for one HTTP request may know about it. */
export interface RequestScope {
  /** null for anonymous callers (and for work the API does on its own, outside any request). */
  actor: Actor | null;
  requestId: string | null;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and everything it awaits) inside the given request scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request being served, or null outside a request (workers, start-up, tests). */
export function currentRequestScope(): RequestScope | null {
  return storage.getStore() ?? null;
}

/** The member behind the current request, or null (anonymous or no request). */
export function currentActor(): Actor | null {
  return storage.getStore()?.actor ?? null;
}
