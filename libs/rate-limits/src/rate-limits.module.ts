import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { RATE_LIMITS_CONFIG, RATE_LIMIT_STORAGE, RateLimitMiddleware } from './rate-limit.middleware';
import { NO_RATE_LIMITS, RateLimitsConfig } from './rate-limits.config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * Request budgets per bearer token and per client address. Counters live in Redis when `redisUrl`
 * is given (shared by every API instance), otherwise in this process (@nestjs/throttler's memory
 * storage). The API installs RateLimitMiddleware in front of everything but /health.
 */
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
      ],
      exports: [RateLimitMiddleware],
    };
  }
}
