export * from './domain-error';
export * from './pagination';
export * from './request-loaders';
export * from './graphql-errors';
export * from './sql';
export * from './id.args';
export * from './graphql-error.filter';
export * from './query-limits.plugin';
