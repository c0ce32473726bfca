import { Logger } from '@nestjs/common';
import type * as BullMQ from 'bullmq';
import type { WorkerOptions } from 'bullmq';
import Redis from 'ioredis';

/** BullMQ itself (some 200 modules), loaded on first use: without Redis there is no queue, and an API without one never pays for it. */
export const loadBullMQ = (): typeof BullMQ => require('bullmq') as typeof BullMQ;

/**
 * The Redis connections of one BullMQ queue and its worker (BullMQ wants maxRetriesPerRequest:
 * null), with the worker settings every durable job of Isnad shares, closed together.
 */
export class BullConnections {
  private readonly clients: Redis[] = [];

  constructor(
    private readonly redisUrl: string,
    private readonly logger: Logger,
  ) {}

  connect(): Redis {
    const client = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    client.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.clients.push(client);
    return client;
  }

  /** A worker whose process dies has its jobs handed out again once their lock (the lease) lapses. */
  workerOptions(prefix: string, leaseMs: number, concurrency: number): WorkerOptions {
    return { connection: this.connect(), prefix, concurrency, lockDuration: leaseMs, stalledInterval: leaseMs };
  }

  /** Closes the worker and the queue given, then every connection. */
  async close(...closable: ({ close(): Promise<void> } | null)[]): Promise<void> {
    for (const item of closable) await item?.close();
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
