import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';

/** Readiness of Redis: one PING on a connection of its own. */
@Injectable()
export class RedisHealthIndicator {
  constructor(private readonly indicators: HealthIndicatorService) {}

  /**
   * `up` when Redis at `url` answers PING within `timeoutMs`; `down` with the reason (refused,
   * timed out, wrong password...) otherwise. Never retries and never waits beyond the timeout.
   */
  pingCheck<const Key extends string>(key: Key, url: string, timeoutMs: number): PromiseLike<HealthIndicatorResult<Key>> {
    return this.indicators
      .check(key)
      .attempt(async ({ signal }) => {
        // A connection per check rather than the app's own clients: those queue commands and
        // reconnect forever, which would hide an outage behind a timeout.
        const client = new Redis(url, {
          lazyConnect: true,
          connectTimeout: timeoutMs,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        });
        // ioredis rejects connect() with "Connection is closed."; the 'error' event has the reason.
        let reason: Error | undefined;
        client.on('error', (error: Error) => (reason ??= error));
        const abort = () => client.disconnect();
        signal.addEventListener('abort', abort);
        try {
          await client.connect();
          await client.ping();
        } catch (error) {
          throw reason ?? error;
        } finally {
          signal.removeEventListener('abort', abort);
          client.disconnect();
        }
      })
      .withTimeout(timeoutMs);
  }
}
