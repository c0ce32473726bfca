import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

/**
 * TypeORM logger that counts every SQL statement sent (tests use the count to prove list queries
 * stay bounded, i.e. no N+1) and, when asked, logs them.
 */
export class QueryCountingLogger implements TypeOrmLogger {
  private count = 0;
  private readonly nest = new NestLogger('SQL');
  /** Benchmarks set this to record the statements of a request (bench:core replays them alone). */
  onQuery: ((query: string, parameters: unknown[] | undefined) => void) | null = null;

  constructor(private readonly logQueries = false) {}

  /** Number of statements sent since start-up. */
  get queryCount(): number {
    return this.count;
  }

  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query)) return;
    this.count++;
    this.onQuery?.(query, parameters);
    if (this.logQueries) this.nest.debug(`${query} ${parameters?.length ? JSON.stringify(parameters) : ''}`);
  }

  logQueryError(error: string | Error, query: string): void {
    if (this.logQueries) this.nest.warn(`${String(error)} in ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.nest.warn(`slow query (${time} ms): ${query.slice(0, 200)}`);
  }

  logSchemaBuild(message: string): void {
    if (this.logQueries) this.nest.debug(message);
  }

  logMigration(message: string): void {
    this.nest.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.nest.warn(String(message));
    else if (this.logQueries) this.nest.log(String(message));
  }
}
