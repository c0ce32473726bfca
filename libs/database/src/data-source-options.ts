import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import type { DataSourceOptions } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { DatabaseConfig } from './database.config';
import { assertUsableDataFolder, dataFolderError } from './pglite/data-folder';
import { createPGliteDriverModule } from './pglite/pglite-pool';
import { PGLITE_START_PARAMS } from './pglite/pglite-start-params';
import { MIGRATIONS } from './migrations';
import { QueryCountingLogger } from './query-counter';

/** Data source options plus whatever must be closed after the data source is destroyed. */
export interface PreparedDataSource {
  options: DataSourceOptions;
  logger: QueryCountingLogger;
  close: () => Promise<void>;
}

/**
 * Builds TypeORM options for the configured database: node-postgres for a server, an in-process
 * PGlite (with pg_trgm, and pgvector for the claim texts' vector index) otherwise. Entities come
 * from the feature modules (autoLoadEntities) or, for the CLI, from `entities`.
 */
export async function prepareDataSource(
  config: DatabaseConfig,
  entities: DataSourceOptions['entities'] = [],
): Promise<PreparedDataSource> {
  const logger = new QueryCountingLogger(config.logging);
  const common = {
    type: 'postgres',
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logger,
  } satisfies Partial<PostgresDataSourceOptions>;

  if (config.kind === 'postgres') {
    const searchPath = config.schema ? `${config.schema},public` : undefined;
    return {
      logger,
      close: async () => undefined,
      options: {
        ...common,
        url: config.url,
        schema: config.schema,
        poolSize: 10,
        extra: searchPath ? { options: `-c search_path=${searchPath}` } : {},
      },
    };
  }

  if (config.dataDir) assertUsableDataFolder(config.dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: config.dataDir ?? undefined, extensions: { pg_trgm, vector }, startParams: [...PGLITE_START_PARAMS] });
  } catch (error) {
    throw config.dataDir ? dataFolderError(config.dataDir, error) : error;
  }
  return {
    logger,
    close: () => db.close(),
    options: { ...common, driver: createPGliteDriverModule(db), poolSize: 1 },
  };
}
