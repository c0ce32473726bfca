import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AbRun } from './ab';

const run = promisify(execFile);

/**
 * What one wrk run measured: as an ab run (throughput, latency quantiles from wrk's --latency
 * distribution, the server's CPU per request), with wrk's own counts: answers of status 400 or more
 * ("Non-2xx or 3xx responses") and socket errors (connect, read, write, timeout).
 */
export type WrkRun = Omit<AbRun, 'non2xx' | 'notKeptAlive'> & { errors: number; socketErrors: number };

/** True when wrk (Debian package wrk) is on PATH. */
export async function wrkAvailable(): Promise<boolean> {
  try {
    await run('wrk', ['--version']);
    return true;
  } catch (error) {
    // wrk --version prints its banner and exits 1.
    return typeof (error as { stdout?: unknown }).stdout === 'string' && /wrk/.test((error as { stdout: string }).stdout);
  }
}

/**
 * Loads `url` from wrk, a C client in a process of its own (one thread), over `connections`
 * kept-alive connections for `seconds`. Unlike ab it keeps its connection after a 304. The server
 * must be in this process (its CPU is read here); the event loop stays free while wrk runs.
 */
export async function runWrk(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<WrkRun> {
  const args = ['-t', '1', '-c', String(connections), '-d', `${seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const cpu = process.cpuUsage();
  const { stdout } = await run('wrk', [...args, url], { maxBuffer: 1 << 20 });
  const used = process.cpuUsage(cpu);
  const requests = Number(/(\d+) requests in /.exec(stdout)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    requests,
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0),
    p50: latencyMs(stdout, '50%'),
    p99: latencyMs(stdout, '99%'),
    errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
    socketErrors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    serverCpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, requests),
  };
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** A quantile of wrk's latency distribution ("     50%  812.00us"), in ms. */
function latencyMs(stdout: string, quantile: string): number {
  const match = new RegExp(`^\\s+${quantile}\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(stdout);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : NaN;
}
