import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { annotate, captureArticle } from './support/factories';
import { TestApi } from './support/test-api';
import { SpawnedApi, publishOnSpawned, publishVerdict, spawnApi, spawnedDatabase } from './support/verdict-factories';

const SUBSCRIPTION = `subscription($language: String, $rating: String, $claimId: ID) {
  verdictPublished(language: $language, rating: $rating, claimId: $claimId) {
    id status headline language rating { key label(language: "ar") } claim { id statement }
  }
}`;

function wsClient(httpUrl: string): Client {
  return createClient({ url: `${httpUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
}

/** A verdictPublished message, as SUBSCRIPTION asks for it. */
interface PublishedVerdict {
  id: string;
  status: string;
  headline: string;
  language: string;
  rating: { key: string; label: string };
  claim: { id: string; statement: string };
}

/** Subscribes and collects what arrives (GraphQL errors among the errors); `ready` resolves once the server has acknowledged. */
function collect(client: Client, variables: Record<string, unknown>) {
  const received: (PublishedVerdict | undefined)[] = [];
  const errors: unknown[] = [];
  let stop = () => {};
  const ready = new Promise<void>((resolve) => {
    client.on('connected', () => setTimeout(resolve, 200));
    stop = client.subscribe<{ verdictPublished: PublishedVerdict }>(
      { query: SUBSCRIPTION, variables },
      {
        next: (result) => (result.errors ? errors.push(...result.errors) : received.push(result.data?.verdictPublished)),
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
  });
  return { received, errors, ready, stop: () => stop() };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('verdictPublished subscription over graphql-ws, in one process', () => {
  let api: TestApi;
  let client: Client;

  beforeAll(async () => {
    api = await TestApi.start();
    client = wsClient(api.url);
  });
  afterAll(async () => {
    await client?.dispose();
    await api?.stop();
  });

  it('tells a subscriber of each Arabic verdict as it is published, and nothing else', async () => {
    const arabic = collect(client, { language: 'ar' });
    await arabic.ready;
    const ar = await captureArticle(api, { url: 'https://a.example/1', text: 'قال المتحدث إن الجسر انهار أمس.', language: 'ar' });
    const en = await captureArticle(api, { url: 'https://b.example/1', text: 'The spokesman said the bridge collapsed.', language: 'en' });
    const arClaim = await annotate(api, { articleId: ar.id, selector: { exact: 'الجسر انهار أمس' } });
    const enClaim = await annotate(api, { articleId: en.id, selector: { exact: 'the bridge collapsed' } });
    await publishVerdict(api, { claimId: enClaim.claimId, language: 'en', headline: 'The bridge stands', summary: 'Photos from today.' });
    const published = await publishVerdict(api, { claimId: arClaim.claimId, headline: 'الجسر ما زال قائماً', summary: 'صور من اليوم.' });

    await waitFor(() => arabic.received.length >= 1, 'the Arabic verdict');
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a wrongly delivered English one
    expect(arabic.errors).toEqual([]);
    expect(arabic.received).toEqual([
      {
        id: published.id,
        status: 'PUBLISHED',
        headline: 'الجسر ما زال قائماً',
        language: 'ar',
        rating: { key: 'FALSE', label: 'خاطئ' },
        claim: { id: arClaim.claimId, statement: 'الجسر انهار أمس' },
      },
    ]);
    arabic.stop();
  });
});

// Needs Redis (REDIS_URL) and a database two processes can share (DATABASE_URL: PostgreSQL; a
// PGlite folder opens in one process only), so it exists only in CI's PostgreSQL + Redis pass,
// like the BullMQ run of the webhook tests.
if (process.env.REDIS_URL && process.env.DATABASE_URL) {
  describe('verdictPublished across two API processes through Redis (REDIS_URL and DATABASE_URL)', () => {
    jest.setTimeout(180_000);

    it('publishes on one instance and delivers to a subscriber of the other', async () => {
      const db = await spawnedDatabase();
      let writer: SpawnedApi | undefined;
      let reader: SpawnedApi | undefined;
      let client: Client | undefined;
      try {
        // The first process migrates the schema; the second starts on it.
        writer = await spawnApi({ ...db.env, REDIS_URL: process.env.REDIS_URL, WEBHOOK_WORKER: 'false' });
        reader = await spawnApi({ ...db.env, REDIS_URL: process.env.REDIS_URL, WEBHOOK_WORKER: 'false' });
        client = wsClient(reader.url);
        const all = collect(client, {});
        await all.ready;
        const { verdictId, claimId } = await publishOnSpawned(writer, 7);
        await waitFor(() => all.received.some((v) => v?.id === verdictId), 'the verdict on the other instance');
        const seen = all.received.find((v) => v?.id === verdictId);
        expect(seen).toMatchObject({ status: 'PUBLISHED', headline: 'لا شحنة رقم 7', claim: { id: claimId } });
        all.stop();
      } finally {
        await client?.dispose();
        await reader?.kill();
        await writer?.kill();
        await db.drop();
      }
    });
  });
}
