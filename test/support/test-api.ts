import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication, Type } from '@nestjs/common';
import request from 'supertest';
import { QueryCountingLogger } from '@isnad/database';
import { TestDatabase, createTestDatabase } from '@isnad/database/testing/test-database';
import { AppConfig } from '../../apps/api/src/app.config';
import { createApp } from '../../apps/api/src/bootstrap';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** A running API on a fresh database, spoken to over real HTTP at /graphql. */
export class TestApi {
  private constructor(
    private readonly app: INestApplication,
    private readonly database: TestDatabase,
    readonly url: string,
  ) {}

  static async start(): Promise<TestApi> {
    const database = await createTestDatabase();
    const config: AppConfig = {
      port: 0,
      host: '127.0.0.1',
      database: database.config,
      runMigrations: true,
      bodyLimitBytes: 12 * 1024 * 1024,
      schemaFile: null,
    };
    const app = await createApp(config, { logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
    return new TestApi(app, database, await app.getUrl());
  }

  /** Posts a GraphQL operation and returns the status, data and errors. */
  async gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await request(this.url).post('/graphql').set('content-type', 'application/json').send({ query, variables });
    return { status: response.status, data: response.body?.data ?? undefined, errors: response.body?.errors };
  }

  /** Like gql, but fails the test on any GraphQL error. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.gql<T>(query, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL errors (HTTP ${response.status}): ${JSON.stringify(response.errors, null, 2)}`);
    }
    return response.data;
  }

  /** Posts a raw body (for malformed or oversized requests). */
  raw(body: string | Buffer, contentType = 'application/json'): request.Test {
    return request(this.url).post('/graphql').set('content-type', contentType).send(body);
  }

  /** A provider of the running application (a service, the DataSource), for tests that look behind the API. */
  get<T>(token: Type<T> | string | symbol): T {
    return this.app.get<T>(token);
  }

  /** SQL statements sent by the API so far. */
  get queryCount(): number {
    return this.app.get(QueryCountingLogger).queryCount;
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }
}

/** The seed article: an Arabic report quoting an "informed source" via Sputnik. */
export function seedArticleText(): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'seed', '000_1b4abf1cf8d92138.txt'), 'utf8');
}
