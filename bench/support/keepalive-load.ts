// A small HTTP/1.1 load client for a process of its own: `connections` kept-alive sockets, each
// sending one GET at a time for `seconds`, reading each answer by its Content-Length (none for
// 1xx, 204 and 304). For the 304s ab cannot measure: ab keeps a connection only after an answer
// with a Content-Length, and a 304 carries none (RFC 9110 allows one only if it equals the 200's
// length, which ab would then wait for), so under ab every 304 opened a connection of its own.
// Run by runKeepAliveLoad (forked); reports over IPC.
import { fork } from 'node:child_process';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What one run measured: the client's view, and the server's CPU as the calling process saw it. */
export interface KeepAliveRun {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Connections opened beyond one per client (0 when every answer kept its connection). */
  reconnects: number;
  serverCpuMsPerRequest: number;
}

interface LoadOrder {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

/** Loads `url` from a forked process; the server must be in this process (its CPU is read here). */
export function runKeepAliveLoad(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<KeepAliveRun> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const cpu = process.cpuUsage();
    child.once('message', (message: Omit<KeepAliveRun, 'serverCpuMsPerRequest'>) => {
      const used = process.cpuUsage(cpu);
      resolve({ ...message, serverCpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, message.requests) });
      child.disconnect();
    });
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`keep-alive load client exited with ${code}`)));
    child.send({ url, headers, connections, seconds } satisfies LoadOrder);
  });
}

async function load(order: LoadOrder): Promise<Omit<KeepAliveRun, 'serverCpuMsPerRequest'>> {
  const target = new URL(order.url);
  const head =
    `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\n` +
    Object.entries(order.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n';
  const samples: number[] = [];
  let non2xx = 0;
  let reconnects = -order.connections;
  const deadline = performance.now() + order.seconds * 1000;
  const started = performance.now();
  const client = () =>
    new Promise<void>((resolve, reject) => {
      const open = () => {
        reconnects++;
        const socket = connect(Number(target.port), target.hostname);
        socket.setNoDelay(true);
        let buffer: Buffer = Buffer.alloc(0);
        let sentAt = 0;
        const ask = () => {
          if (performance.now() >= deadline) {
            socket.end();
            return resolve();
          }
          sentAt = performance.now();
          socket.write(head);
        };
        socket.on('connect', ask);
        socket.on('data', (chunk: Buffer) => {
          buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
          for (;;) {
            const end = buffer.indexOf('\r\n\r\n');
            if (end === -1) return;
            const header = buffer.subarray(0, end).toString('latin1');
            const status = Number(header.slice(9, 12));
            const length = status === 304 || status === 204 || status < 200 ? 0 : Number(/\r\ncontent-length:\s*(\d+)/i.exec(header)?.[1] ?? NaN);
            if (Number.isNaN(length)) return reject(new Error(`an answer without Content-Length: ${header.split('\r\n')[0]}`));
            if (buffer.length < end + 4 + length) return;
            buffer = buffer.subarray(end + 4 + length);
            samples.push(performance.now() - sentAt);
            if (status < 200 || status > 299) non2xx++;
            if (/\r\nconnection:\s*close/i.test(header)) {
              socket.destroy();
              return open();
            }
            ask();
          }
        });
        socket.on('error', reject);
      };
      open();
    });
  await Promise.all(Array.from({ length: order.connections }, client));
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { requests: samples.length, requestsPerSecond: (samples.length / elapsed) * 1000, p50: at(0.5), p99: at(0.99), non2xx, reconnects };
}

if (require.main === module && process.send) {
  process.once('message', (order: LoadOrder) => {
    load(order).then(
      (run) => process.send?.(run),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
