import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DatabaseConfig, databaseConfigFromEnv } from '../database.config';

/** A database for one test file, and how to throw it away. */
export interface TestDatabase {
  config: DatabaseConfig;
  drop: () => Promise<void>;
}

/**
 * With DATABASE_URL set: a fresh schema on that server, dropped afterwards. Otherwise: an
 * in-memory PGlite, gone when closed. Either way the test file starts from an empty database.
 */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const base = databaseConfigFromEnv({ DATABASE_URL: env.DATABASE_URL, ISNAD_DATA_DIR: 'memory://' });
  if (base.kind === 'pglite') return { config: base, drop: async () => undefined };
  const schema = `isnad_test_${randomBytes(6).toString('hex')}`;
  await withClient(base.url, (client) => client.query(`CREATE SCHEMA ${schema}`));
  return {
    config: { ...base, schema },
    drop: async () => {
      await withClient(base.url, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
