import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TestApi } from './support/test-api';

// The API serves the built workspace at / and its client routes, without taking any of its own paths.
describe('serving the workspace', () => {
  let api: TestApi;
  let webDir: string;
  const PAGE = '<!doctype html><html lang="ar" dir="rtl"><body><div id="root"></div><script type="module" src="/assets/app-1.js"></script></body></html>';

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'isnad-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), PAGE);
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log("workspace")');
    api = await TestApi.start({ webDir });
  });

  afterAll(async () => {
    await api?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each(['/', '/sign-in', '/inbox', '/capture', '/repeats', '/watches', '/outlets', '/sources', `/articles/${randomUUID()}`, `/claims/${randomUUID()}`, `/verdict-editor/${randomUUID()}`])(
    'answers the client route %s with the app, same-origin only',
    async (path) => {
      const response = await request(api.url).get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toBe(PAGE);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves the hashed assets for a year, and a missing asset is a 404', async () => {
    const asset = await request(api.url).get('/assets/app-1.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    await request(api.url).get('/assets/app-2.js').expect(404);
  });

  it('leaves the API its own paths: GraphQL, health, feeds, verdict pages, annotations', async () => {
    await expect(api.ok<{ ratingScales: unknown[] }>('{ ratingScales { id } }')).resolves.toHaveProperty('ratingScales');
    await request(api.url).get('/health/live').expect(200).expect('content-type', /json/);
    await request(api.url).get('/feeds/verdicts.json').expect(200).expect('content-type', /json/);
    const verdict = await request(api.url).get(`/verdicts/${randomUUID()}`).expect(404);
    expect(verdict.text).toBe('Not found');
    const annotations = await api.get(`/articles/${randomUUID()}/annotations`);
    expect(annotations.text).not.toBe(PAGE);
    await request(api.url).get(`/claim-reviews/${randomUUID()}`).expect(404).expect('content-type', /json/);
  });

  it('is a 404 on paths that are no client route, and for anything but GET', async () => {
    await request(api.url).get('/nothing-here').expect(404);
    await request(api.url).get(`/claims/${randomUUID()}/more`).expect(404);
    await request(api.url).post('/inbox').expect(404);
  });
});
