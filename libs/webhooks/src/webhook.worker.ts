import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PollingLoop } from '@isnad/common';
import { WebhookQueue } from './webhook-queue';
import { WebhookSender } from './webhook-sender';
import { WebhooksService } from './webhooks.service';
import { WEBHOOKS_OPTIONS, WebhooksOptions } from './webhooks.options';

/**
 * The delivery loop, in each API process (WEBHOOK_WORKER=false turns it off): every pollMs it fans
 * new outbox events out to endpoints, then either attempts the deliveries that are due (the
 * database is the queue: rows claimed with SKIP LOCKED and leased, so several processes share the
 * work) or, with REDIS_URL, makes sure each due delivery has a BullMQ job, which BullMQ's workers
 * attempt and retry.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly loop: PollingLoop;
  private readonly queue: WebhookQueue | null;

  constructor(
    private readonly webhooks: WebhooksService,
    private readonly sender: WebhookSender,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {
    this.queue = options.workerEnabled && options.redisUrl ? new WebhookQueue(options, webhooks, sender) : null;
    // Deliveries are not hurried by a busy pass: every pass waits pollMs.
    this.loop = new PollingLoop(async () => (await this.runOnce(), 0), options.pollMs, (error) =>
      this.logger.error('Delivery pass failed', error instanceof Error ? error.stack : String(error)),
    );
  }

  onApplicationBootstrap(): void {
    if (!this.options.workerEnabled) return;
    this.queue?.startWorker();
    this.loop.start(this.options.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await this.queue?.close();
  }

  /** One pass: fan out, then attempt (or enqueue) what is due. */
  async runOnce(): Promise<void> {
    await this.webhooks.fanOut();
    if (this.queue) {
      await this.queue.enqueue(await this.webhooks.dueIds());
      return;
    }
    const due = await this.webhooks.claimDue();
    await Promise.all(due.map((claimed) => this.sender.attempt(claimed)));
  }
}
