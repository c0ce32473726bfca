// `npm run schema [FILE]`: writes the GraphQL schema the API serves (default schema.graphql), by
// booting the application once on an empty in-memory database, so clients can generate types.
import 'reflect-metadata';
import { resolve } from 'node:path';
import { appConfigFromEnv } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';

async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? 'schema.graphql');
  const config = { ...appConfigFromEnv({ ISNAD_DATA_DIR: 'memory://' }), schemaFile: file };
  const app = await createApp(config, { logger: ['error', 'warn'] });
  await app.init();
  await app.close();
  console.log(`GraphQL schema written to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
