import { Logger } from '@nestjs/common';
import { BullConnections } from '@isnad/common';
import type { Job, Queue, Worker } from 'bullmq';
import { WebhookSender } from './webhook-sender';
import { WebhooksService } from './webhooks.service';
import { WebhooksOptions } from './webhooks.options';

interface DeliveryJob {
  deliveryId: string;
}

const QUEUE = 'webhook-deliveries';

/**
 * Webhook attempts as BullMQ jobs (when REDIS_URL is set): one job per delivery, its id the
 * delivery id, so adding it again is a no-op. BullMQ spreads attempts over every API process,
 * retries with exponential backoff and re-queues jobs of a process that died (stalled jobs).
 * The database stays the record: a job first claims its delivery row (PENDING, not leased), so a
 * job run twice cannot deliver twice, and a row the queue never heard of (crash between commit
 * and enqueue) is enqueued by the next pass.
 */
export class WebhookQueue {
  private readonly logger = new Logger('WebhookQueue');
  private readonly connections: BullConnections;
  private readonly queue: Queue<DeliveryJob>;
  private worker: Worker<DeliveryJob> | null = null;

  constructor(
    private readonly options: WebhooksOptions,
    private readonly webhooks: WebhooksService,
    private readonly sender: WebhookSender,
  ) {
    this.connections = new BullConnections(options.redisUrl as string, this.logger);
    this.queue = this.connections.queue<DeliveryJob>(QUEUE, options.queuePrefix);
  }

  /** Makes sure every due delivery has a job. */
  async enqueue(deliveryIds: string[]): Promise<void> {
    if (!deliveryIds.length) return;
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => ({
        name: 'deliver',
        data: { deliveryId },
        opts: {
          jobId: deliveryId,
          attempts: this.options.maxAttempts,
          backoff: { type: 'exponential', delay: this.options.backoffMs, jitter: 0.2 },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      })),
    );
  }

  /** Starts consuming jobs in this process. */
  startWorker(): void {
    this.worker = this.connections.worker<DeliveryJob>(QUEUE, (job) => this.process(job), { prefix: this.options.queuePrefix, leaseMs: this.options.leaseMs, concurrency: 10 });
  }

  async close(): Promise<void> {
    await this.connections.close(this.worker, this.queue);
  }

  private async process(job: Job<DeliveryJob>): Promise<string> {
    const [claimed] = await this.webhooks.claimDue(1, [job.data.deliveryId]);
    if (!claimed) return 'not due (delivered, failed, or leased by another attempt)';
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.sender.attempt(claimed, { by: 'queue', final });
    if (outcome === 'failed' && !final) throw new Error(`Delivery ${claimed.delivery.id} failed; BullMQ retries it`);
    return outcome;
  }
}
