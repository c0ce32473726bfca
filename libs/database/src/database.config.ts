import { join } from 'node:path';

/** Where the data lives: a PostgreSQL server, or an embedded PGlite folder (or memory). */
export type DatabaseConfig =
  | { kind: 'postgres'; url: string; schema?: string; logging: boolean }
  | { kind: 'pglite'; dataDir: string | null; logging: boolean };

/**
 * Reads the database settings once from the environment: DATABASE_URL selects PostgreSQL
 * (DATABASE_SCHEMA optionally names its schema); otherwise PGlite persists under ISNAD_DATA_DIR
 * (default `.isnad/pgdata`), or in memory when ISNAD_DATA_DIR is `memory://`.
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const logging = env.DATABASE_LOGGING === 'true';
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${url.replace(/:[^:@/]*@/, ':***@')}"`);
    }
    const schema = env.DATABASE_SCHEMA?.trim() || undefined;
    if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`DATABASE_SCHEMA must be a lower-case SQL identifier, got "${schema}"`);
    }
    return { kind: 'postgres', url, schema, logging };
  }
  const dataDir = env.ISNAD_DATA_DIR?.trim() || join(process.cwd(), '.isnad', 'pgdata');
  return { kind: 'pglite', dataDir: dataDir === 'memory://' ? null : dataDir, logging };
}
