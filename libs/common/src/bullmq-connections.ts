import { Logger } from '@nestjs/common';
import type * as BullMQ from 'bullmq';
import type { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';

/** BullMQ itself (some 200 modules), loaded on first use: without Redis there is no queue, and an API without one never pays for it. */
const loadBullMQ = (): typeof BullMQ => require('bullmq') as typeof BullMQ;

/**
 * One BullMQ queue and its worker on Redis connections of their own (BullMQ wants
 * maxRetriesPerRequest: null), with the worker settings every durable job of Isnad shares, closed together.
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

  /** The queue `name` under `prefix`. */
  queue<T>(name: string, prefix: string): Queue<T> {
    return new (loadBullMQ().Queue)<T>(name, { connection: this.connect(), prefix });
  }

  /**
   * Consumes the queue `name` in this process. A worker whose process dies has its jobs handed out
   * again once their lock (the lease) lapses.
   */
  worker<T>(name: string, process: (job: Job<T>) => Promise<string>, settings: { prefix: string; leaseMs: number; concurrency: number }): Worker<T> {
    const { prefix, leaseMs, concurrency } = settings;
    const worker = new (loadBullMQ().Worker)<T>(name, process, { connection: this.connect(), prefix, concurrency, lockDuration: leaseMs, stalledInterval: leaseMs });
    worker.on('error', (error) => this.logger.warn(`BullMQ worker: ${error.message}`));
    return worker;
  }

  /** Closes the worker and the queue given, then every connection. */
  async close(...closable: ({ close(): Promise<void> } | null)[]): Promise<void> {
    for (const item of closable) await item?.close();
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
