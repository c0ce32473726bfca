import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WebhookSender } from './webhook-sender';
import { WebhooksService } from './webhooks.service';
import { WEBHOOKS_OPTIONS, WebhooksOptions } from './webhooks.options';

/**
 * The delivery loop, in each API process (WEBHOOK_WORKER=false turns it off): every pollMs it fans
 * new outbox events out to endpoints, then attempts the deliveries that are due. Several processes
 * on one PostgreSQL may each run it: rows are claimed with SKIP LOCKED and leased, so the database
 * is the queue. (A Redis queue such as BullMQ is not wired in yet; REDIS_URL does not change this.)
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly webhooks: WebhooksService,
    private readonly sender: WebhookSender,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.workerEnabled) return;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: fan out, then attempt what is due. Returns the number of attempts made. */
  async runOnce(): Promise<number> {
    await this.webhooks.fanOut();
    const due = await this.webhooks.claimDue();
    await Promise.all(due.map((claimed) => this.sender.attempt(claimed)));
    return due.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error('Delivery pass failed', error instanceof Error ? error.stack : String(error)))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.options.pollMs);
    this.timer.unref();
  }
}
