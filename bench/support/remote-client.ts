// The HTTP client of a benchmark in a process of its own (see startRemoteClient): it builds each
// request, sends it, reads and parses the JSON answer, and reports how long that took, so none of
// the client's own work runs on the API's event loop. One request at a time, on a kept-alive
// connection, as the in-process client does.
import { performance } from 'node:perf_hooks';
import type { RemoteRequest, RemoteTiming } from './bench-api';

process.on('message', (message: RemoteRequest) => {
  void (async () => {
    const start = performance.now();
    const response = await fetch(message.url, { method: 'POST', headers: message.headers, body: JSON.stringify(message.body) });
    const answer = (await response.json()) as { errors?: unknown[] };
    const timing: RemoteTiming = { ms: performance.now() - start, ok: response.ok && !answer.errors };
    process.send?.(timing);
  })().catch((error: Error) => process.send?.({ ms: NaN, ok: false, error: error.message } satisfies RemoteTiming));
});
