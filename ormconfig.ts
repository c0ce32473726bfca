// The TypeORM CLI data source (`npm run migration:run`, `migration:generate`, `migration:revert`).
// It reads the same environment as the API: DATABASE_URL for PostgreSQL, else embedded PGlite.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseConfigFromEnv, prepareDataSource } from '@isnad/database';
import { AUTH_ENTITIES } from '@isnad/auth/entities';
import { ARTICLE_ENTITIES } from '@isnad/articles/entities';
import { CLAIM_ENTITIES } from '@isnad/claims/entities';
import { OUTLET_ENTITIES } from '@isnad/outlets/entities';
import { SOURCE_ENTITIES } from '@isnad/sources/entities';
import { LINKING_ENTITIES } from '@isnad/linking/entities';
import { VERDICT_ENTITIES } from '@isnad/verdicts/entities';
import { WEBHOOK_ENTITIES } from '@isnad/webhooks/entities';
import { AUDIT_ENTITIES } from '@isnad/audit/entities';
import { MONITORING_ENTITIES } from '@isnad/monitoring/entities';

export default prepareDataSource(databaseConfigFromEnv(), [
  ...AUTH_ENTITIES,
  ...OUTLET_ENTITIES,
  ...ARTICLE_ENTITIES,
  ...SOURCE_ENTITIES,
  ...CLAIM_ENTITIES,
  ...LINKING_ENTITIES,
  ...VERDICT_ENTITIES,
  ...WEBHOOK_ENTITIES,
  ...AUDIT_ENTITIES,
  ...MONITORING_ENTITIES,
]).then(({ options, close }) => {
  const dataSource = new DataSource(options);
  // An embedded PGlite is opened here, outside TypeORM: it is closed with the data source, or a
  // command that relies on the process exiting by itself (migration:revert) would never exit.
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await destroy();
    await close();
  };
  return dataSource;
});
