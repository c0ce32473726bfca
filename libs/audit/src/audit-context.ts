import { AsyncLocalStorage } from 'node:async_hooks';

/** The mutation being served, as the row-level trigger learns it (`isnad.audit`). */
export interface AuditContext {
  entryId: string;
  memberId: string | null;
}

const storage = new AsyncLocalStorage<AuditContext>();

/** Runs `fn` (and everything it awaits) so that the rows it writes are filed under `context.entryId`. */
export function runInAuditContext<T>(context: AuditContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The audit context of the mutation being served, or null (queries, workers, start-up). */
export function currentAuditContext(): AuditContext | null {
  return storage.getStore() ?? null;
}
