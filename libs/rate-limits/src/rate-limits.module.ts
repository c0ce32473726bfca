import { DynamicModule, Global, Module } from '@nestjs/common';
import { TOKEN_RATE_LIMITER } from '@isnad/auth';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { RATE_LIMITS_CONFIG, RATE_LIMIT_STORAGE, RateLimitMiddleware } from './rate-limit.middleware';
import { NO_RATE_LIMITS, RateLimitsConfig } from './rate-limits.config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * Request budgets per bearer token and per client address. Counters live in Redis when `redisUrl`
 * is given (shared by every API instance), otherwise in this process (@nestjs/throttler's memory
 * storage). The API installs RateLimitMiddleware in front of everything but /health.
 */
// Global so that AuthMiddleware finds the token limiter without importing this module.
@Global()
@Module({})
export class RateLimitsModule {
  static forRoot(config: RateLimitsConfig = NO_RATE_LIMITS, redisUrl: string | null = null): DynamicModule {
    const enabled = config.addressPerMinute > 0 || config.tokenPerMinute > 0;
    return {
      module: RateLimitsModule,
      providers: [
        { provide: RATE_LIMITS_CONFIG, useValue: config },
        {
          provide: RATE_LIMIT_STORAGE,
          // No Redis connection is opened when every limit is off.
          useFactory: () => (enabled && redisUrl ? new RedisThrottlerStorage(redisUrl, config.keyPrefix) : new ThrottlerStorageService()),
        },
        RateLimitMiddleware,
        { provide: TOKEN_RATE_LIMITER, useExisting: RateLimitMiddleware },
      ],
      exports: [RateLimitMiddleware, TOKEN_RATE_LIMITER],
    };
  }
}
