import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What one ab run measured: its own client's view, and the server's CPU as this process saw it. */
export interface AbRun {
  requests: number;
  requestsPerSecond: number;
  /** Latency quantiles in ms, from ab's percentile table (-e). */
  p50: number;
  p99: number;
  /** Answers other than 2xx, and requests that did not reuse a kept-alive connection. */
  non2xx: number;
  notKeptAlive: number;
  /** CPU time of this process (the server alone: ab runs in its own) per request, ms. */
  serverCpuMsPerRequest: number;
}

/** True when ApacheBench (`ab`, Debian package apache2-utils) is on PATH. */
export async function abAvailable(): Promise<boolean> {
  try {
    await run('ab', ['-V']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads `url` from ab, a C client in a process of its own, over `connections` kept-alive
 * connections for `seconds`. The server must be in this process (its CPU is read here); the event
 * loop stays free while ab runs. ab rather than wrk: on this machine wrk's latency figures broke
 * Little's law (a mean several times connections ÷ throughput), ab's agree with it.
 */
export async function runAb(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<AbRun> {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-ab-'));
  try {
    const table = join(dir, 'percentiles.csv');
    const args = ['-q', '-k', '-c', String(connections), '-t', String(seconds), '-n', '10000000', '-e', table];
    for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
    const cpu = process.cpuUsage();
    const { stdout } = await run('ab', [...args, url], { maxBuffer: 1 << 20 });
    const used = process.cpuUsage(cpu);
    const percentile = new Map(
      readFileSync(table, 'utf8')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(',').map(Number) as [number, number]),
    );
    const field = (name: string) => Number(new RegExp(`${name}:\\s+([\\d.]+)`).exec(stdout)?.[1] ?? 0);
    const requests = field('Complete requests');
    return {
      requests,
      requestsPerSecond: field('Requests per second'),
      p50: percentile.get(50) ?? NaN,
      p99: percentile.get(99) ?? NaN,
      non2xx: field('Non-2xx responses'),
      notKeptAlive: requests - field('Keep-Alive requests'),
      serverCpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, requests),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
