import { PassThrough } from 'node:stream';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestDatabase, TestDatabase } from '@isnad/database/testing/test-database';
import { appConfigFromEnv } from '../apps/api/src/app.config';
import { createApp } from '../apps/api/src/bootstrap';
import { createTestMember } from './support/test-api';
import { DEFAULT_ORGANISATION_ID, Role } from '@isnad/auth';

// Operators read one JSON line per request, find it by the id the response carried, and never
// find a credential in it.
/** The parts of a pino-http log line these tests read. */
interface LogLine {
  level: number;
  req?: { id?: string; method?: string; url?: string; headers: Record<string, string> };
  res?: { statusCode: number };
}

describe('request logs', () => {
  const lines: LogLine[] = [];
  let app: INestApplication;
  let database: TestDatabase;
  let url: string;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
    });
    const config = { ...appConfigFromEnv({}), database: database.config, runMigrations: true, logLevel: 'info' as const };
    app = await createApp(config, { logDestination: destination });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    token = (await createTestMember(app, Role.VIEWER, DEFAULT_ORGANISATION_ID)).token;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('logs each request as JSON with its id, and redacts credentials', async () => {
    const response = await request(url)
      .post('/graphql')
      .set('x-request-id', 'fact-check-42')
      .set('authorization', `Bearer ${token}`)
      .send({ query: '{ outlets { nodes { id } } }' });
    expect(response.headers['x-request-id']).toBe('fact-check-42');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = lines.find((l) => l.req?.id === 'fact-check-42');
    expect(line).toMatchObject({ level: 30, req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    expect(line?.req?.headers.authorization).toBe('[redacted]');
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(JSON.stringify(lines)).not.toContain(token.slice(4, 20));
  });

  it('redacts a token a client put in the query string', async () => {
    await request(url).post(`/graphql?access_token=${token}&lang=ar`).set('x-request-id', 'token-in-url').send({ query: '{ __typename }' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = lines.find((l) => l.req?.id === 'token-in-url');
    expect(line?.req?.url).toBe('/graphql?access_token=[redacted]&lang=ar');
    expect(JSON.stringify(lines)).not.toContain(token.slice(4, 20));
  });

  it('gives a request without a usable id a fresh one, and leaves health probes out', async () => {
    const response = await request(url).get('/health/live').set('x-request-id', 'bad id with spaces');
    const again = await request(url).get('/health/live');
    // This process's random prefix, then its count of ids given: a new id per request.
    expect(response.headers['x-request-id']).toMatch(/^[\w-]{12}-[0-9a-z]+$/);
    expect(again.headers['x-request-id']).toMatch(/^[\w-]{12}-[0-9a-z]+$/);
    expect(again.headers['x-request-id']).not.toBe(response.headers['x-request-id']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.some((l) => l.req?.url === '/health/live')).toBe(false);
  });
});
