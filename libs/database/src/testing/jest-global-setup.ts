import { Client } from 'pg';

/**
 * Runs once before the test files. On PostgreSQL (DATABASE_URL set) it creates the extensions the
 * migrations need in `public`, once, so that test files running side by side in their own schemas
 * never race to create them. On PGlite every test file has its own in-memory database.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  } finally {
    await client.end();
  }
}
