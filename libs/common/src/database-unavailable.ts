import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

// SQLSTATEs meaning "the server is going away or not there yet", rather than "your statement is
// wrong": admin_shutdown, crash_shutdown, cannot_connect_now (starting up / shutting down), and
// the whole connection_exception class (08xxx).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOENT']);
// node-postgres and pg-pool say these in words only, without a code.
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
];

/**
 * True when an error (raw from node-postgres, or wrapped by TypeORM as QueryFailedError) says the
 * database could not be reached or dropped the connection, so the same request may succeed once
 * the server is back. Constraint violations, syntax errors and the like are not unavailability.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  // When the server ends a connection that sits inside a transaction between two statements,
  // TypeORM releases the transaction's query runner on the client's 'error' event and the next
  // statement fails with "already released": the outage, in other words. The application never
  // holds a query runner of its own (transactions only), so nothing else releases one early.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  // A full disk: the same write may succeed once space is freed.
  if (depth === 0 && isDiskFull(error)) return true;
  const { code, message, syscall, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    syscall?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    // ENOENT only from a socket connect (a missing unix socket), never from a file read.
    if (UNAVAILABLE_ERRNOS.has(code) && (code !== 'ENOENT' || syscall === 'connect')) return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  const nested = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return nested.some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

/** True when a write failed because the disk holding the database is full (SQLSTATE 53100, ENOSPC). */
export function isDiskFull(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, driverError, cause } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (code === '53100' || code === 'ENOSPC') return true;
  if (typeof message === 'string' && /No space left on device/i.test(message)) return true;
  return [driverError, cause].some((inner) => inner !== error && isDiskFull(inner, depth + 1));
}

/** Where the database keeps its files, for messages about them (set once at start-up). */
let databaseLocation = 'the database server';
/** When a write last failed for disk space (0: never). */
let lastDiskFullAt = 0;

/** Records where the database lives (PGlite's folder), for fault messages. */
export function setDatabaseLocation(where: string): void {
  databaseLocation = where;
}

/** How long readiness stays down after a write failed for disk space. */
export const DISK_FULL_READINESS_MS = 60_000;

/**
 * The database's storage fault, if one was seen lately: readiness answers 503 with it for
 * DISK_FULL_READINESS_MS after the last write that failed for disk space.
 */
export function recentStorageFault(now = Date.now()): { reason: 'DISK_FULL'; where: string; at: Date } | null {
  return lastDiskFullAt && now - lastDiskFullAt < DISK_FULL_READINESS_MS
    ? { reason: 'DISK_FULL', where: databaseLocation, at: new Date(lastDiskFullAt) }
    : null;
}

/**
 * The client-facing error for a database that cannot serve the request: SERVICE_UNAVAILABLE,
 * with reason DISK_FULL (and the fault remembered for readiness) when the disk is full.
 */
export function unavailableErrorFor(error: unknown): { message: string; reason: string; diskFull: boolean; where: string } {
  if (isDiskFull(error)) {
    lastDiskFullAt = Date.now();
    return { message: 'The database disk is full: nothing was written. Try again once space is freed.', reason: 'DISK_FULL', diskFull: true, where: databaseLocation };
  }
  return { message: 'The database is unavailable; try again shortly', reason: 'DATABASE_UNAVAILABLE', diskFull: false, where: databaseLocation };
}
