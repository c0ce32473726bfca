import { randomBytes } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { publishOnSpawned, spawnApi, spawnedDatabase, spawnWorker } from './support/verdict-factories';

describe('ISNAD_ROLE on the embedded database', () => {
  it('refuses to split roles, with a message saying why', async () => {
    const { spawnSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const env = { ...process.env, DATABASE_URL: '', ISNAD_DATA_DIR: 'memory://', ISNAD_ROLE: 'worker', LOG_FORMAT: 'json' };
    const run = spawnSync(process.execPath, ['-r', './scripts/register-ts.cjs', 'apps/api/src/main.ts'], {
      cwd: join(__dirname, '..'),
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('ISNAD_ROLE=worker needs DATABASE_URL');
  });
});

// A deployment scales API processes and workers apart (ISNAD_ROLE). Split roles need a server
// database, so this runs in the PostgreSQL pass (DATABASE_URL set; with REDIS_URL too in CI).
if (process.env.DATABASE_URL) {
  describe('two API processes and one worker on one PostgreSQL (ISNAD_ROLE)', () => {
    jest.setTimeout(600_000); // three processes start, one after another
    let receiver: Server;
    let received: string[];
    let receiverUrl: string;
    const stops: (() => Promise<unknown>)[] = [];

    beforeAll(async () => {
      received = [];
      receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          received.push(body);
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/isnad`;
    });

    afterAll(async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      await new Promise((resolve) => receiver.close(resolve));
    });

    it('delivers webhooks from the worker only, and every API process serves a new verdict at once', async () => {
      const db = await spawnedDatabase();
      stops.push(db.drop);
      const env = {
        ...db.env,
        ISNAD_BOOTSTRAP_ADMIN_TOKEN: `isn_${randomBytes(32).toString('base64url')}`,
        REDIS_URL: process.env.REDIS_URL ?? '',
        WEBHOOK_QUEUE_PREFIX: `isnad-roles-${process.pid}-${Date.now()}`,
        WEBHOOK_POLL_MS: '100',
        WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      };
      // The first process migrates the fresh schema; the second starts on it.
      const reader = await spawnApi({ ...env, ISNAD_ROLE: 'api' });
      stops.push(reader.kill);
      const editor = await spawnApi({ ...env, ISNAD_ROLE: 'api', DATABASE_MIGRATE: 'false' });
      stops.push(editor.kill);

      await editor.gql(`mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { endpoint { id } } }`, { input: { url: receiverUrl } });
      const feed = async () => (await fetch(`${reader.url}/feeds/verdicts.json`).then((r) => r.json())) as { items: { id: string }[] };
      expect((await feed()).items).toEqual([]); // now cached by the reader

      const { verdictId } = await publishOnSpawned(editor, 1);
      if (process.env.REDIS_URL) {
        // The editor's verdict event reaches the reader through Redis: its cached feed is dropped.
        expect((await feed()).items.map((item) => item.id)).toEqual([`urn:uuid:${verdictId}`]);
      }

      // API processes run no background jobs: the event waits in the outbox.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(received).toEqual([]);

      const worker = await spawnWorker({ ...env, DATABASE_MIGRATE: 'false' });
      stops.push(worker.kill);
      for (const deadline = Date.now() + 30_000; received.length === 0 && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0])).toMatchObject({ type: 'verdict.published', data: { verdictId } });
      expect((await feed()).items.map((item) => item.id)).toEqual([`urn:uuid:${verdictId}`]);
    });
  });
}
