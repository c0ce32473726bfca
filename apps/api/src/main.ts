import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { appConfigFromEnv } from './app.config';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = appConfigFromEnv();
  const app = await createApp(config);
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${config.database.dataDir ?? 'in memory'})`;
  if (config.role === 'worker') {
    // Background jobs only: the modules start (the webhook worker with them), no port is opened.
    await app.init();
    Logger.log(`Isnad worker (webhook deliveries), data in ${where}`, 'Isnad');
    return;
  }
  await app.listen(config.port, config.host);
  const jobs = config.role === 'api' ? ' (API only: background jobs run in ISNAD_ROLE=worker processes)' : '';
  Logger.log(`Isnad GraphQL API on http://${config.host}:${config.port}/graphql, data in ${where}${jobs}`, 'Isnad');
}

main().catch((error: unknown) => {
  // A bad setting or a failed start: say why and exit, whatever is still open.
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
