import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { WEBHOOK_HEADERS, verifyWebhook } from '@isnad/webhooks';
import { SpawnedApi, publishOnSpawned, spawnApi, spawnedDatabase } from './support/verdict-factories';

// These tests run the API as child processes (the delivery worker is off in TestApi), on
// loopback: once with the database as the queue (no REDIS_URL), and once more with BullMQ on Redis
// when REDIS_URL is set (CI's PostgreSQL + Redis pass), each run under its own queue prefix.
const QUEUES: [string, Record<string, string>][] = [
  ['the database as the queue', { REDIS_URL: '' }],
  ...(process.env.REDIS_URL
    ? [['BullMQ on Redis (REDIS_URL)', { REDIS_URL: process.env.REDIS_URL, WEBHOOK_QUEUE_PREFIX: `isnad-test-${process.pid}-${Date.now()}` }] as [string, Record<string, string>]]
    : []),
];

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A partner's receiver: records every request; `respond` decides the answer (or none). */
async function startReceiver(respond: (request: Received, res: ServerResponse) => void): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request = {
        id: String(req.headers[WEBHOOK_HEADERS.id]),
        timestamp: String(req.headers[WEBHOOK_HEADERS.timestamp]),
        signature: String(req.headers[WEBHOOK_HEADERS.signature]),
        body,
      };
      received.push(request);
      open.add(res);
      res.on('close', () => open.delete(res));
      respond(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/isnad`,
    received,
    close: () => {
      for (const res of open) res.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret endpoint { id url active } } }`;
const DELIVERIES = `{ webhookEndpoints { id deliveries(first: 50) { nodes { id eventType status attempts lastStatus lastError deliveredAt } } } }`;

interface Registered {
  registerWebhook: { secret: string; endpoint: { id: string; url: string; active: boolean } };
}
interface Delivery {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}
interface Endpoints {
  webhookEndpoints: { id: string; deliveries: { nodes: Delivery[] } }[];
}

describe.each(QUEUES)('webhooks with %s: signed deliveries from the outbox, retried and recorded', (_queue, queueEnv) => {
  jest.setTimeout(180_000);
  // The partners here listen on 127.0.0.1, so private addresses are allowed (as in local development).
  const fast = { ...queueEnv, WEBHOOK_POLL_MS: '100', WEBHOOK_BACKOFF_MS: '200', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' };

  afterAll(async () => {
    if (!queueEnv.WEBHOOK_QUEUE_PREFIX) return;
    // Leave no jobs behind in the shared Redis.
    const redis = new Redis(queueEnv.REDIS_URL);
    try {
      const keys = await redis.keys(`${queueEnv.WEBHOOK_QUEUE_PREFIX}:*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it('signs each delivery, retries a failing partner with backoff, and gives up after the last attempt', async () => {
    const db = await spawnedDatabase();
    const attemptsById = new Map<string, number>();
    const flaky = await startReceiver((request, res) => {
      const n = (attemptsById.get(request.id) ?? 0) + 1;
      attemptsById.set(request.id, n);
      res.writeHead(n < 3 ? 503 : 204).end();
    });
    const broken = await startReceiver((_request, res) => res.writeHead(500).end('no'));
    let api: SpawnedApi | undefined;
    try {
      api = await spawnApi({ ...db.env, ...fast, WEBHOOK_MAX_ATTEMPTS: '3' });
      const { registerWebhook: flakyHook } = await api.gql<Registered>(REGISTER, { input: { url: flaky.url, description: 'شريك تجريبي' } });
      const { registerWebhook: brokenHook } = await api.gql<Registered>(REGISTER, { input: { url: broken.url } });
      expect(flakyHook.secret).toMatch(/^whsec_[\w-]{43}$/);
      const { verdictId, claimId } = await publishOnSpawned(api, 1);

      await waitFor(() => flaky.received.length >= 3 && broken.received.length >= 3, 'three attempts at each endpoint');
      const first = flaky.received[0];
      expect(new Set(flaky.received.map((r) => r.id)).size).toBe(1); // every retry carries the same id
      for (const request of flaky.received) {
        expect(verifyWebhook(flakyHook.secret, request, request.body)).toBe(true);
        expect(verifyWebhook(brokenHook.secret, request, request.body)).toBe(false);
      }
      const body = JSON.parse(first.body);
      expect(body).toMatchObject({
        id: first.id,
        type: 'verdict.published',
        data: { verdictId, claimId, status: 'PUBLISHED', headline: 'لا شحنة رقم 1', rating: { key: 'FALSE', label: 'خاطئ' } },
      });

      let endpoints: Endpoints['webhookEndpoints'] = [];
      await waitFor(async () => {
        ({ webhookEndpoints: endpoints } = await (api as SpawnedApi).gql<Endpoints>(DELIVERIES));
        return endpoints.every((e) => e.deliveries.nodes[0]?.status !== 'PENDING');
      }, 'both deliveries to settle');
      const byId = Object.fromEntries(endpoints.map((e) => [e.id, e.deliveries.nodes]));
      expect(byId[flakyHook.endpoint.id]).toEqual([
        expect.objectContaining({ id: first.id, eventType: 'verdict.published', status: 'DELIVERED', attempts: 3, lastStatus: 204, lastError: null }),
      ]);
      expect(byId[brokenHook.endpoint.id]).toEqual([
        expect.objectContaining({ status: 'FAILED', attempts: 3, lastStatus: 500, lastError: 'HTTP 500', deliveredAt: null }),
      ]);
      expect(broken.received).toHaveLength(3);
    } finally {
      await api?.kill();
      await flaky.close();
      await broken.close();
      await db.drop();
    }
  });

  it('delivers every event after the API is killed mid-delivery, none twice from the receiver\'s view', async () => {
    const db = await spawnedDatabase();
    const processed = new Set<string>(); // delivery ids the partner acted on: its idempotency keys
    const verdictsSeen: string[] = [];
    let hangNext = true;
    const receiver = await startReceiver((request, res) => {
      if (hangNext) {
        // Accepted but never answered: the API dies while this delivery is in flight.
        hangNext = false;
        return;
      }
      // The partner acts once per idempotency key and acknowledges repeats without acting again.
      if (!processed.has(request.id)) verdictsSeen.push(JSON.parse(request.body).data.verdictId);
      processed.add(request.id);
      res.writeHead(200).end('ok');
    });
    const env = { ...db.env, ...fast, WEBHOOK_LEASE_MS: '2000', WEBHOOK_TIMEOUT_MS: '60000' };
    let api: SpawnedApi | undefined;
    try {
      api = await spawnApi(env);
      const { registerWebhook } = await api.gql<Registered>(REGISTER, { input: { url: receiver.url } });
      const published = [];
      for (let n = 1; n <= 3; n++) published.push(await publishOnSpawned(api, n));
      await waitFor(() => receiver.received.length >= 1, 'the first delivery to be in flight');
      const inFlight = receiver.received[0].id;
      await api.kill('SIGKILL');
      api = undefined;

      api = await spawnApi(env);
      await waitFor(() => verdictsSeen.length >= 3, 'every event to be delivered after the restart', 60_000);
      expect(verdictsSeen.sort()).toEqual(published.map((p) => p.verdictId).sort());
      // One key per event: no event was fanned out twice, so the partner acted on each verdict once.
      expect(processed.size).toBe(3);
      // The delivery cut off by the crash came again, with the same idempotency key.
      expect(receiver.received.filter((r) => r.id === inFlight).length).toBeGreaterThanOrEqual(2);
      for (const request of receiver.received) expect(verifyWebhook(registerWebhook.secret, request, request.body)).toBe(true);
      // The partner's 200 for the last delivery can arrive a moment before the API records it.
      const restarted = api;
      let statuses: string[] = [];
      await waitFor(async () => {
        const { webhookEndpoints } = await restarted.gql<Endpoints>(DELIVERIES);
        statuses = webhookEndpoints[0].deliveries.nodes.map((d) => d.status);
        return statuses.every((status) => status === 'DELIVERED');
      }, 'every delivery to be recorded as delivered');
      expect(statuses).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
    } finally {
      await api?.kill();
      await receiver.close();
      await db.drop();
    }
  });
  it('refuses at delivery, for good and without sending, an endpoint whose address is no longer public', async () => {
    // Registered while private addresses were allowed; delivered by an API that allows only public
    // ones: what a partner host re-bound to the API's own network after registration looks like.
    const db = await spawnedDatabase();
    const receiver = await startReceiver((_request, res) => res.writeHead(204).end());
    const port = new URL(receiver.url).port;
    let api: SpawnedApi | undefined;
    try {
      api = await spawnApi({ ...db.env, ...fast, WEBHOOK_WORKER: 'false' });
      await api.gql(REGISTER, { input: { url: receiver.url } });
      await api.gql(REGISTER, { input: { url: `http://localhost:${port}/hooks/isnad` } });
      await api.kill();
      api = await spawnApi({ ...db.env, ...fast, WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false', WEBHOOK_MAX_ATTEMPTS: '5' });
      await publishOnSpawned(api, 3);

      let deliveries: (Delivery | undefined)[] = [];
      await waitFor(async () => {
        const { webhookEndpoints } = await (api as SpawnedApi).gql<Endpoints>(DELIVERIES);
        deliveries = webhookEndpoints.map((e) => e.deliveries.nodes[0]);
        return deliveries.length === 2 && deliveries.every((d) => d && d.status !== 'PENDING');
      }, 'both deliveries to be refused');
      for (const delivery of deliveries) {
        expect(delivery).toMatchObject({ status: 'FAILED', attempts: 1, lastStatus: null, deliveredAt: null });
        expect(delivery?.lastError).toMatch(/^EgressAddressRefusedError: Refused: .* is not a public address$/);
      }
      expect(receiver.received).toEqual([]);
    } finally {
      await api?.kill();
      await receiver.close();
      await db.drop();
    }
  });
});
