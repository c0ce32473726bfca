import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PollingLoop } from '@isnad/common';
import { MONITORING_OPTIONS, MonitoringOptions } from './monitoring.options';
import { RepeatsService } from './repeats.service';
import { WatchQueue } from './watch-queue';
import { WatchesService } from './watches.service';

/**
 * The monitoring loop, in each API process (MONITORING_WORKER=false turns it off): every pollMs it
 * polls due watches, fetches and captures due feed items, and scans new captures for repeats. The
 * database is the queue (rows claimed with SKIP LOCKED and leased), so processes share the work.
 * With REDIS_URL, polls and captures are BullMQ jobs instead (WatchQueue): the loop keeps the job
 * schedulers in step with the watches and gives every due item a job.
 */
@Injectable()
export class MonitoringWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Monitoring');
  private readonly loop: PollingLoop;
  private readonly queue: WatchQueue | null;

  constructor(
    private readonly watches: WatchesService,
    private readonly repeats: RepeatsService,
    @Inject(MONITORING_OPTIONS) private readonly options: MonitoringOptions,
  ) {
    this.queue = options.workerEnabled && options.redisUrl ? new WatchQueue(options, watches) : null;
    // Each stage logs its own failure (runOnce): a pass as a whole does not throw.
    this.loop = new PollingLoop(() => this.runOnce(), options.pollMs, () => undefined);
  }

  onApplicationBootstrap(): void {
    if (!this.options.workerEnabled) return;
    this.queue?.startWorker();
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await this.queue?.close();
  }

  /** One pass; returns how much work it found (0: idle). Each stage fails on its own. */
  async runOnce(): Promise<number> {
    let work = 0;
    const queue = this.queue;
    const stages: [string, () => Promise<number>][] = queue
      ? [
          // Scheduler changes and sweeps are bookkeeping, not work found: they do not hurry the next pass.
          ['schedule watches', async () => (await queue.reconcile(), 0)],
          ['enqueue items', async () => (await queue.enqueueDueItems(), 0)],
        ]
      : [
          ['poll watches', () => this.watches.pollDue()],
          ['capture items', () => this.watches.captureDue()],
        ];
    for (const [name, stage] of [...stages, ['scan for repeats', () => this.repeats.scanDue()]] as const) {
      try {
        work += await stage();
      } catch (error) {
        this.logger.error(`Monitoring pass (${name}) failed`, (error as Error).stack);
      }
    }
    return work;
  }
}
