export * from './rate-limits.module';
export * from './rate-limits.config';
export * from './rate-limit.middleware';
export * from './rate-limit-key';
export * from './rate-limits.errors';
export * from './redis-throttler.storage';
