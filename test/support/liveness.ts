import { performance } from 'node:perf_hooks';
import { TestApi } from './test-api';

// "No request may stall the API", measured: /health/live is polled while an attack runs.
//
// The probe runs in this same process, on a machine shared with other work (2 cores, the test
// runner, other suites' workers), where an idle process also misses 100 ms now and then (110-130 ms
// measured idle under load; one poll of 481 ms seen in CI while eight in-process clients fetched a
// cached feed). So a single poll's time is noise, not a verdict: the median answer must be under
// 100 ms and none may take a second. A stalled process fails both by far (before issue 10 the
// attacks froze it for 8 to 52 seconds). Each poll's summary is printed.

export const LIVE_WITHIN_MS = 100;
export const NEVER_FROZEN_MS = 1_000;

async function liveOnce(api: TestApi): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${api.url}/health/live`);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`/health/live answered ${response.status}`);
  return performance.now() - started;
}

/**
 * Runs `attack` (`repeat` times in a row) while polling /health/live, checks that liveness held,
 * and returns the last result. `sqlBound`: the attack is many concurrent writes, whose SQL embedded
 * PGlite executes on the event loop itself (PostgreSQL does not): on PGlite only the "never frozen"
 * bound applies to it.
 */
export async function whileLive<T>(api: TestApi, attack: () => Promise<T>, repeat = 5, sqlBound = false): Promise<{ result: T; polls: number }> {
  let running = true;
  const times: number[] = [];
  const poller = (async () => {
    while (running || times.length === 0) {
      times.push(await liveOnce(api));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  let result: T;
  try {
    result = await attack();
    for (let i = 1; i < repeat; i++) result = await attack();
  } finally {
    running = false;
    await poller;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const late = times.filter((ms) => ms >= LIVE_WITHIN_MS).length;
  const summary = { polls: times.length, medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]), worstMs: Math.round(sorted.at(-1)!), late };
  process.stdout.write(`/health/live during "${expect.getState().currentTestName}": ${JSON.stringify(summary)}\n`);
  if (!sqlBound || process.env.DATABASE_URL) expect(summary.medianMs).toBeLessThan(LIVE_WITHIN_MS);
  expect(summary.worstMs).toBeLessThan(NEVER_FROZEN_MS);
  return { result, polls: times.length };
}
