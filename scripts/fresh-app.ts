import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { createTestDatabase } from '@isnad/database/testing/test-database';
import type { LinkingConfig } from '@isnad/linking/linking.config';
import { createApp } from '../apps/api/src/bootstrap';

/**
 * Runs `work` against the API's application (not listening) over a fresh database, in-memory
 * PGlite or a new schema on DATABASE_URL, dropped afterwards: what the evaluation scripts run on.
 */
export async function withFreshApp<T>(work: (app: INestApplication) => Promise<T>, linking?: LinkingConfig): Promise<T> {
  const database = await createTestDatabase();
  const app: INestApplication = await createApp(
    { port: 0, host: '127.0.0.1', database: database.config, runMigrations: true, bodyLimitBytes: 1e7, schemaFile: null, linking },
    { logger: ['error', 'warn'] },
  );
  try {
    await app.init();
    return await work(app);
  } finally {
    await app.close();
    await database.drop();
  }
}
