import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { appConfigFromEnv } from './app.config';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = appConfigFromEnv();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${config.database.dataDir ?? 'in memory'})`;
  Logger.log(`Isnad GraphQL API on http://${config.host}:${config.port}/graphql, data in ${where}`, 'Isnad');
}

void main();
