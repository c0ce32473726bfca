import { Public } from '@isnad/auth';
import { Controller, Get, Inject, UseFilters } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorFunction, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { recentStorageFault } from '@isnad/common';
import { HealthCheckFilter } from './health-check.filter';
import { HEALTH_OPTIONS, HealthOptions } from './health.options';
import { RedisHealthIndicator } from './redis.health';

const DEFAULT_TIMEOUT_MS = 3000;

/**
 * Liveness (the process answers) and readiness (the database answers a query, and Redis a PING
 * when REDIS_URL is set) for load balancers and orchestrators. Readiness answers 503 with the
 * failing check when one is down.
 */
@Public()
@Controller('health')
@UseFilters(HealthCheckFilter)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    const timeout = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const { redisUrl } = this.options;
    const checks: HealthIndicatorFunction[] = [() => this.database.pingCheck('database', { timeout }), storageCheck];
    if (redisUrl) checks.push(() => this.redis.pingCheck('redis', redisUrl, timeout));
    return this.health.check(checks);
  }
}

/** Down for a while after a write failed for disk space: reads may still answer, writes cannot. */
async function storageCheck(): Promise<HealthIndicatorResult> {
  const fault = recentStorageFault();
  if (!fault) return { storage: { status: 'up' } };
  return { storage: { status: 'down', reason: fault.reason, where: fault.where, since: fault.at.toISOString() } };
}
