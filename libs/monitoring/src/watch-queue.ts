import { Logger } from '@nestjs/common';
import { BullConnections } from '@isnad/common';
import type { Job, Queue, Worker } from 'bullmq';
import { MonitoringOptions } from './monitoring.options';
import { WatchesService } from './watches.service';

type WatchJob = { kind: 'poll'; watchId: string } | { kind: 'capture'; itemId: string };

const QUEUE = 'monitoring-watches';
const schedulerId = (watchId: string) => `watch-${watchId}`;

/**
 * Watch polling as BullMQ jobs (when REDIS_URL is set): a job scheduler per active watch ticks
 * every `everyMinutes` (the first tick at once), and each feed item to fetch is a job. BullMQ
 * spreads the jobs over every API process and hands out again the jobs of a process that died
 * (stalled jobs). The database stays the record: a job first claims its watch or item row, so a
 * job run twice cannot fetch twice, and an item the queue never heard of (a crash between commit
 * and enqueue) gets a job from the next sweep.
 */
export class WatchQueue {
  private readonly logger = new Logger('WatchQueue');
  private readonly connections: BullConnections;
  private readonly queue: Queue<WatchJob>;
  private worker: Worker<WatchJob> | null = null;

  constructor(
    private readonly options: MonitoringOptions,
    private readonly watches: WatchesService,
  ) {
    this.connections = new BullConnections(options.redisUrl as string, this.logger);
    this.queue = this.connections.queue<WatchJob>(QUEUE, options.queuePrefix);
  }

  /** Makes the job schedulers mirror the active watches: new or changed ones upserted, paused or deleted ones removed. */
  async reconcile(): Promise<number> {
    const [active, scheduled] = await Promise.all([this.watches.activeSchedules(), this.queue.getJobSchedulers(0, -1)]);
    const every = new Map(scheduled.map((s) => [s.key, s.every]));
    const wanted = new Set(active.map((w) => schedulerId(w.id)));
    let changes = 0;
    for (const watch of active) {
      const interval = watch.everyMinutes * 60_000;
      if (every.get(schedulerId(watch.id)) === interval) continue;
      await this.queue.upsertJobScheduler(schedulerId(watch.id), { every: interval }, {
        name: 'poll',
        data: { kind: 'poll', watchId: watch.id },
        opts: { removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
      });
      changes++;
    }
    for (const key of every.keys()) {
      if (wanted.has(key)) continue;
      await this.queue.removeJobScheduler(key);
      changes++;
    }
    return changes;
  }

  /** Makes sure every due item has a job (one per attempt, so a retry is a new job). */
  async enqueueDueItems(): Promise<number> {
    const due = await this.watches.dueItems();
    if (!due.length) return 0;
    await this.queue.addBulk(
      due.map((item) => ({
        name: 'capture',
        data: { kind: 'capture' as const, itemId: item.id },
        opts: { jobId: `item-${item.id}-${item.attempts}`, removeOnComplete: true, removeOnFail: true },
      })),
    );
    return due.length;
  }

  /** Starts consuming jobs in this process. */
  startWorker(): void {
    this.worker = this.connections.worker<WatchJob>(QUEUE, (job) => this.process(job), { prefix: this.options.queuePrefix, leaseMs: this.options.leaseMs, concurrency: 4 });
  }

  async close(): Promise<void> {
    await this.connections.close(this.worker, this.queue);
  }

  private async process(job: Job<WatchJob>): Promise<string> {
    if (job.data.kind === 'poll') {
      if (!(await this.watches.pollScheduled(job.data.watchId))) return 'not due (paused, deleted, or polled by another process)';
      await this.enqueueDueItems();
      return 'polled';
    }
    return (await this.watches.captureItem(job.data.itemId)) ? 'captured or retried' : 'not due (done, or leased by another process)';
  }
}
