import { PollingLoop } from './polling-loop';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PollingLoop, the loop behind webhook delivery, monitoring and claim embedding', () => {
  it('runs again at once while passes find work, then waits pollMs when idle', async () => {
    const found = [3, 2, 1, 0, 0];
    const startedAt: number[] = [];
    const loop = new PollingLoop(async () => (startedAt.push(Date.now()), found.shift() ?? 0), 300, () => undefined);
    loop.start();
    await tick(150);
    // Three busy passes and the first idle one ran without waiting; the next waits 300 ms.
    expect(startedAt).toHaveLength(4);
    await tick(300);
    expect(startedAt).toHaveLength(5);
    await loop.stop();
  });

  it('reports a pass that throws and carries on after pollMs', async () => {
    const errors: unknown[] = [];
    let passes = 0;
    const loop = new PollingLoop(
      async () => {
        passes++;
        if (passes === 1) throw new Error('endpoint down');
        return 0;
      },
      50,
      (error) => errors.push(error),
    );
    loop.start();
    await tick(200);
    await loop.stop();
    expect(errors).toEqual([new Error('endpoint down')]);
    expect(passes).toBeGreaterThanOrEqual(2);
  });

  it('stop waits for the pass under way and starts no other', async () => {
    let passes = 0;
    let finished = false;
    const loop = new PollingLoop(
      async () => {
        passes++;
        await tick(100);
        finished = true;
        return 1;
      },
      10,
      () => undefined,
    );
    loop.start();
    await tick(20);
    await loop.stop();
    expect(finished).toBe(true);
    await tick(50);
    expect(passes).toBe(1);
  });
});
