import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';

/** What node-postgres hands back from a query, as far as TypeORM reads it. */
interface PgQueryResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

type QueryCallback = (error: Error | null, result?: PgQueryResult) => void;
type Release = (error?: Error | boolean) => void;
type ConnectCallback = (error: Error | null, client?: PGliteClient, release?: Release) => void;

/**
 * Serialises access to the single PGlite session. PGlite is one backend: two TypeORM query runners
 * sharing it would interleave their transactions, so each runner holds the session exclusively
 * from connect() to release(), exactly as if the pool had one connection.
 */
class SessionLock {
  private held = false;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly acquireTimeoutMs: number) {}

  acquire(): Promise<() => void> {
    return new Promise((resolve, reject) => {
      let released = false;
      const grant = () => {
        clearTimeout(timer);
        this.held = true;
        resolve(() => {
          if (released) return;
          released = true;
          this.handOver();
        });
      };
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(grant);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error(`PGlite session busy for ${this.acquireTimeoutMs} ms (a query runner was never released?)`));
      }, this.acquireTimeoutMs);
      if (this.held) this.waiters.push(grant);
      else grant();
    });
  }

  private handOver(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}

/** The "connection" TypeORM's postgres driver talks to: a pg.Client look-alike over PGlite. */
class PGliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  query(text: string, params?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<PgQueryResult> {
    const cb = typeof params === 'function' ? params : callback;
    const values = typeof params === 'function' ? undefined : params;
    const run = async (): Promise<PgQueryResult> => {
      if (values && values.length > 0) return toPgResult(await this.db.query(text, values));
      // Without parameters TypeORM may send several statements at once (migrations do).
      const results = await this.db.exec(text);
      return toPgResult(results[results.length - 1] ?? { rows: [], fields: [] });
    };
    const promise = run();
    if (cb) promise.then((result) => cb(null, result), (error: Error) => cb(error));
    return promise;
  }
}

function toPgResult(result: Results): PgQueryResult {
  return {
    rows: result.rows,
    rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
    command: (result.command ?? '').toUpperCase(),
    fields: result.fields,
  };
}

/**
 * A node-postgres-shaped driver module (`{ Pool }`) backed by one PGlite instance, for TypeORM's
 * `driver` option. The pool has exactly one connection; see SessionLock.
 */
export function createPGliteDriverModule(db: PGlite, acquireTimeoutMs = 30_000): { Pool: new () => EventEmitter } {
  const lock = new SessionLock(acquireTimeoutMs);
  const client = new PGliteClient(db);

  class PGlitePool extends EventEmitter {
    connect(callback?: ConnectCallback): Promise<PGliteClient> {
      const acquired = lock.acquire().then((unlock) => {
        const release: Release = () => unlock();
        return { release };
      });
      if (callback) {
        acquired.then(({ release }) => callback(null, client, release), (error: Error) => callback(error));
        return acquired.then(() => client);
      }
      return acquired.then(({ release }) => Object.assign(client, { release }));
    }

    query(text: string, params?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<PgQueryResult> {
      return lock.acquire().then((unlock) => client.query(text, params, callback).finally(unlock));
    }

    end(callback?: (error?: Error) => void): Promise<void> {
      // The PGlite instance belongs to whoever created it (the database module closes it).
      callback?.();
      return Promise.resolve();
    }
  }

  return { Pool: PGlitePool };
}
