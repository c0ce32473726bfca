export * from './database.config';
export * from './data-source-options';
export * from './query-counter';
export * from './database.module';
export * from './audit-trigger';
export * from './entity-rows';
