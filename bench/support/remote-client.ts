// The HTTP client of a benchmark in a process of its own (see startRemoteClient): it builds each
// request, sends it, reads and parses the JSON answer, and reports how long that took, so none of
// the client's own work runs on the API's event loop. One request at a time, on a kept-alive
// connection (node:http, as the in-process client of bench:core: see http-client.ts).
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RemoteRequest, RemoteTiming } from './bench-api';
import { postJson } from './http-client';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

process.on('message', (message: RemoteRequest) => {
  void (async () => {
    const start = performance.now();
    const { status, body } = await postJson(agent, new URL(message.url), message.headers, message.body);
    const answer = body as { errors?: unknown[] };
    const timing: RemoteTiming = { ms: performance.now() - start, ok: status >= 200 && status < 300 && !answer.errors };
    process.send?.(timing);
  })().catch((error: Error) => process.send?.({ ms: NaN, ok: false, error: error.message } satisfies RemoteTiming));
});
// The parent's IPC channel closing (stop() kills; a crash disconnects) ends this process too.
process.on('disconnect', () => agent.destroy());
