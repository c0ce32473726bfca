interface HostSlot {
  active: number;
  nextStart: number;
  waiting: (() => void)[];
}

/** Polite crawling within one process: at most `concurrency` requests at once per host, `delayMs` apart. */
export class HostThrottle {
  private readonly hosts = new Map<string, HostSlot>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  /** Runs `task` when the host has a free slot and its delay has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const slot = this.hosts.get(host) ?? { active: 0, nextStart: 0, waiting: [] };
    this.hosts.set(host, slot);
    for (;;) {
      if (slot.active >= this.concurrency) await new Promise<void>((resolve) => slot.waiting.push(resolve));
      else if (Date.now() < slot.nextStart) await new Promise((resolve) => setTimeout(resolve, slot.nextStart - Date.now()));
      else break;
    }
    slot.active += 1;
    slot.nextStart = Date.now() + this.delayMs;
    try {
      return await task();
    } finally {
      slot.active -= 1;
      slot.waiting.shift()?.();
      if (!slot.active && !slot.waiting.length && Date.now() >= slot.nextStart) this.hosts.delete(host);
    }
  }
}
