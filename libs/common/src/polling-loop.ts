/**
 * A background job's loop (webhook delivery, monitoring, embedding claim texts): runs `pass` again
 * and again, at once after a pass that found work and `pollMs` after an idle or failed one, never
 * two passes at a time; `stop` waits for the pass under way. Its timer never keeps the process up.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  /** `pass` returns how much work it found (0: idle); `onError` reports a pass that threw. */
  constructor(
    private readonly pass: () => Promise<number>,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the first pass after `delay` ms. */
  start(delay = 0): void {
    this.schedule(delay);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .then(
          (work) => (work ? 0 : this.pollMs),
          (error: unknown) => (this.onError(error), this.pollMs),
        )
        .then((next) => {
          this.running = null;
          this.schedule(next);
        });
    }, delay);
    this.timer.unref();
  }
}
