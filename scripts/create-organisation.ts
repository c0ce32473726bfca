// `npm run org:create -- --name "مسبار Misbar" --admin "ليلى حداد" [--email x@y] [--url https://…] [--days 30]`
// For operators: creates a fact-checking organisation and its first ADMIN, and prints that admin's
// API token (shown this once). Uses the API's own database settings (DATABASE_URL, else the PGlite
// folder; stop the API first when it runs on PGlite, which one process at a time may open).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AUTH_ENTITIES, AuthService, Role } from '@isnad/auth';
import { databaseConfigFromEnv, prepareDataSource } from '@isnad/database';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      admin: { type: 'string' },
      email: { type: 'string' },
      url: { type: 'string' },
      days: { type: 'string', default: '90' },
    },
  });
  const days = Number(values.days);
  if (!values.name?.trim() || !values.admin?.trim() || !Number.isInteger(days) || days < 1 || days > 366) {
    throw new Error('usage: npm run org:create -- --name <organisation> --admin <admin name> [--email <email>] [--url <home page>] [--days 1-366]');
  }
  const config = databaseConfigFromEnv();
  const prepared = await prepareDataSource(config, AUTH_ENTITIES);
  const dataSource = await new DataSource(prepared.options).initialize();
  try {
    if (await dataSource.showMigrations()) {
      if (config.kind === 'postgres' && process.env.DATABASE_MIGRATE !== 'true') {
        throw new Error('The database has pending migrations: run `npm run migration:run` (or set DATABASE_MIGRATE=true) first');
      }
      await dataSource.runMigrations();
    }
    const auth = new AuthService(dataSource);
    const organisation = await auth.createOrganisation(values.name.normalize('NFC').trim(), values.url?.trim() || null);
    const admin = await auth.addMember(organisation.id, { name: values.admin, email: values.email, role: Role.ADMIN });
    const { secret, token } = await auth.issueToken(admin.id, 'created by org:create', days);
    console.log(`organisation ${organisation.id} ${organisation.name}`);
    console.log(`admin        ${admin.id} ${admin.name}`);
    console.log(`token        ${secret}   (expires ${token.expiresAt?.toISOString()}; shown once, store it now)`);
  } finally {
    await dataSource.destroy();
    await prepared.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
