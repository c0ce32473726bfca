import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { appConfigFromEnv } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';
import { spawnedDatabase } from './support/verdict-factories';

// An operator hosting several teams adds one from the command line and hands its admin the token.
describe('npm run org:create', () => {
  it('creates an organisation with its first admin, whose token then works against the API', async () => {
    const db = await spawnedDatabase();
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['-r', './scripts/register-ts.cjs', 'scripts/create-organisation.ts', '--name', 'مسبار Misbar', '--admin', 'ليلى حداد', '--days', '7'],
        { cwd: join(__dirname, '..'), env: { ...process.env, ...db.env } },
      );
      const token = /token\s+(isn_\S+)/.exec(stdout)?.[1];
      expect(token).toMatch(/^isn_[A-Za-z0-9_-]{43}$/);

      const app = await createApp(appConfigFromEnv(db.env), { logger: ['error'] });
      try {
        await app.listen(0, '127.0.0.1');
        const response = await request(await app.getUrl())
          .post('/graphql')
          .set('authorization', `Bearer ${token}`)
          .send({ query: '{ me { name role organisation { name } } apiTokens { expiresAt } }' });
        expect(response.body.data.me).toEqual({ name: 'ليلى حداد', role: 'ADMIN', organisation: { name: 'مسبار Misbar' } });
        const days = (new Date(response.body.data.apiTokens[0].expiresAt).getTime() - Date.now()) / 86_400_000;
        expect(days).toBeGreaterThan(6.9);
        expect(days).toBeLessThanOrEqual(7);
      } finally {
        await app.close();
      }
    } finally {
      await db.drop();
    }
  }, 120_000);
});
