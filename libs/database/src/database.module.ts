import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConfig } from './database.config';
import { PreparedDataSource, prepareDataSource } from './data-source-options';
import { QueryCountingLogger } from './query-counter';

const PREPARED_DATA_SOURCE = Symbol('PREPARED_DATA_SOURCE');

/** Closes the embedded database (if any) when the application stops. */
@Injectable()
export class EmbeddedDatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(PREPARED_DATA_SOURCE) private readonly prepared: PreparedDataSource) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prepared.close();
  }
}

/**
 * The TypeORM connection for the configured database. Feature modules register their entities
 * with TypeOrmModule.forFeature; migrations run at start-up when `runMigrations` is set.
 */
@Module({})
export class DatabaseModule {
  static forRoot(config: DatabaseConfig, options: { runMigrations: boolean }): DynamicModule {
    const preparedProvider = { provide: PREPARED_DATA_SOURCE, useFactory: () => prepareDataSource(config) };
    const loggerProvider = {
      provide: QueryCountingLogger,
      inject: [PREPARED_DATA_SOURCE],
      useFactory: (prepared: PreparedDataSource) => prepared.logger,
    };
    const runtime: DynamicModule = {
      module: DatabaseModule,
      providers: [preparedProvider, loggerProvider, EmbeddedDatabaseCloser],
      exports: [preparedProvider, loggerProvider],
    };
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: [runtime],
          inject: [PREPARED_DATA_SOURCE],
          useFactory: (prepared: PreparedDataSource) => ({
            ...prepared.options,
            autoLoadEntities: true,
            migrationsRun: options.runMigrations,
          }),
        }),
        runtime,
      ],
      exports: [runtime],
    };
  }
}
