import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { appConfigFromEnv } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';

// `npm start` with no DATABASE_URL keeps its data in a PGlite folder: what a fact-checker captured
// yesterday must still be there after a restart, with the migrations already applied.
describe('the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'isnad-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // The operator's way in: the same bootstrap admin token on both starts (made a member once).
  const token = `isn_${randomBytes(32).toString('base64url')}`;
  const startApi = async () => {
    const app = await createApp(appConfigFromEnv({ ISNAD_DATA_DIR: dataDir, ISNAD_BOOTSTRAP_ADMIN_TOKEN: token }), { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const gql = async (query: string) => (await request(url).post('/graphql').set('authorization', `Bearer ${token}`).send({ query })).body;
    return { app, gql };
  };

  it('keeps captured articles across a restart', async () => {
    const first = await startApi();
    const captured = await first.gql(
      `mutation { captureArticle(input: { url: "https://persist.example/a", text: "أفاد مصدر مطلع بأن الخبر محفوظ." }) { article { id } } }`,
    );
    await first.app.close();

    const second = await startApi();
    const { data } = await second.gql(`{ articleByUrl(url: "https://persist.example/a") { id text } }`);
    await second.app.close();
    expect(data.articleByUrl).toEqual({ id: captured.data.captureArticle.article.id, text: 'أفاد مصدر مطلع بأن الخبر محفوظ.' });
  });

  it('keeps PGlite small at idle: 8 MB of shared buffers, zeroed in the API process, not 128 MB', async () => {
    const { app } = await startApi();
    try {
      const [{ shared_buffers }] = (await app.get(DataSource).query('SHOW shared_buffers')) as { shared_buffers: string }[];
      expect(shared_buffers).toBe('8MB');
    } finally {
      await app.close();
    }
  });
});
