import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEFAULT_ORGANISATION_ID, Role } from '@isnad/auth';
import { appConfigFromEnv } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';
import { createTestMember, seedArticleText } from './support/test-api';
import { spawnedDatabase } from './support/verdict-factories';

// An operator upgrading an instance re-indexes the articles captured before republication detection
// kept passages, so they take part: a copy captured back then is linked to its original.
describe('npm run republication:reindex', () => {
  it('indexes revisions captured before and links the copies among them', async () => {
    const db = await spawnedDatabase();
    const gql = async (app: INestApplication, token: string, query: string, variables: Record<string, unknown> = {}) =>
      (await request(await app.getUrl()).post('/graphql').set('authorization', `Bearer ${token}`).send({ query, variables })).body.data;
    try {
      let app = await createApp(appConfigFromEnv(db.env), { logger: ['error'] });
      await app.listen(0, '127.0.0.1');
      const { token } = await createTestMember(app, Role.ADMIN, DEFAULT_ORGANISATION_ID);
      const capture = `mutation($input: CaptureArticleInput!) { captureArticle(input: $input) { article { id } } }`;
      const seed = await gql(app, token, capture, {
        input: { url: 'https://syria-news.example/isis', text: seedArticleText(), language: 'ar', publishedAt: '2021-02-05T09:00:00Z' },
      });
      const copy = await gql(app, token, capture, {
        input: { url: 'https://furat.example/isis', text: `شبكة الفرات\n\n${seedArticleText()}`, language: 'ar', publishedAt: '2021-02-06T09:00:00Z' },
      });
      // As an instance upgraded from the MinHash fingerprints finds itself: nothing indexed, no links.
      await app.get(DataSource).query(
        `TRUNCATE article_fingerprints, article_shingle_samples, shingle_document_frequencies, article_republications`,
      );
      await app.close();

      const { stdout } = await promisify(execFile)(process.execPath, ['-r', './scripts/register-ts.cjs', 'scripts/reindex-republications.ts'], {
        cwd: join(__dirname, '..'),
        env: { ...process.env, ...db.env },
      });
      expect(stdout).toMatch(/indexed 2 revision\(s\)/);

      app = await createApp(appConfigFromEnv(db.env), { logger: ['error'] });
      try {
        await app.listen(0, '127.0.0.1');
        const data = await gql(app, token, `query($id: ID!) { article(id: $id) { republicationOf { kind article { id } } } }`, {
          id: copy.captureArticle.article.id,
        });
        expect(data.article.republicationOf).toEqual({ kind: 'COPY', article: { id: seed.captureArticle.article.id } });
      } finally {
        await app.close();
      }
    } finally {
      await db.drop();
    }
  }, 240_000);
});
