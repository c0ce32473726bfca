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

  const GRAPHIQL_PAGE = '<!doctype html><html lang="en"><body><div id="graphiql"></div><script type="module" src="/assets/graphiql-1.js"></script></body></html>';

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'isnad-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), PAGE);
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log("workspace")');
    writeFileSync(join(webDir, 'graphiql.html'), GRAPHIQL_PAGE);
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

  it('opens GraphiQL from this server when a browser asks for /graphql, and leaves GraphQL its GETs', async () => {
    const page = await request(api.url).get('/graphql').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
    expect(page.text).toBe(GRAPHIQL_PAGE);
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toMatch(/https?:|\*/);
    // An operation sent by GET is GraphQL's to answer (or refuse), in JSON.
    const operation = await request(api.url).get('/graphql?query=%7B__typename%7D').set('Accept', 'text/html,application/json');
    expect(operation.headers['content-type']).toMatch(/json/);
    // A client that asks for JSON never gets the page (nor Apollo's landing page from its CDN).
    const json = await request(api.url).get('/graphql').set('Accept', 'application/json');
    expect(json.text).not.toContain('<html');
  });

  it('is a 404 on paths that are no client route, and for anything but GET', async () => {
    await request(api.url).get('/nothing-here').expect(404);
    await request(api.url).get(`/claims/${randomUUID()}/more`).expect(404);
    await request(api.url).post('/inbox').expect(404);
  });
});
