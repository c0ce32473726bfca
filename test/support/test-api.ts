import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication, Type } from '@nestjs/common';
import request from 'supertest';
import { AuthService, DEFAULT_ORGANISATION_ID, Role } from '@isnad/auth';
import { QueryCountingLogger } from '@isnad/database';
import { TestDatabase, createTestDatabase } from '@isnad/database/testing/test-database';
import { AppConfig } from '../../apps/api/src/app.config';
import { createApp } from '../../apps/api/src/bootstrap';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** A member made for a test, with the secret of a fresh API token. */
export interface TestMember {
  memberId: string;
  organisationId: string;
  role: Role;
  token: string;
}

/** Per-request options of TestApi calls. */
export interface RequestOptions {
  /** Extra request headers (they win over the caller's token), e.g. `authorization` or `x-forwarded-for`. */
  headers?: Record<string, string>;
  /** Send no token: an anonymous caller (same as `as(null)`). */
  anonymous?: boolean;
}

/**
 * A running API on a fresh database, spoken to over real HTTP at /graphql. Requests carry the token
 * of an ADMIN of the default organisation unless the test picks another caller with `as(...)`.
 */
export class TestApi {
  private constructor(
    private readonly app: INestApplication,
    private readonly database: TestDatabase | null,
    readonly url: string,
    /** The bearer token sent with every request; null: anonymous. */
    readonly token: string | null,
    /** An instance made by alongside(): stop() closes it and leaves the database to its first. */
    private readonly companion = false,
  ) {}

  /** `settings` adds to the bare configuration (no rate limits, no Redis), e.g. `{ rateLimits }`. */
  static async start(settings: Partial<Omit<AppConfig, 'database'>> = {}): Promise<TestApi> {
    const database = await createTestDatabase();
    const config: AppConfig = { ...baseConfig(database.config), ...settings };
    const app = await createApp(config, { logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
    const admin = await createTestMember(app, Role.ADMIN, DEFAULT_ORGANISATION_ID);
    return new TestApi(app, database, await app.getUrl(), admin.token);
  }

  /** A second API instance on this one's database (for multi-instance tests); its stop() leaves the database. */
  async alongside(settings: Partial<Omit<AppConfig, 'database'>> = {}): Promise<TestApi> {
    if (!this.database) throw new Error('alongside() needs the TestApi returned by start()');
    const app = await createApp({ ...baseConfig(this.database.config), ...settings }, { logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
    return new TestApi(app, null, await app.getUrl(), this.token, true);
  }

  /** The same API, called as someone else: a member's token, or null for an anonymous caller. */
  as(caller: TestMember | string | null): TestApi {
    const token = caller === null || typeof caller === 'string' ? caller : caller.token;
    return new TestApi(this.app, null, this.url, token);
  }

  /** A new member with this role (in a new organisation unless one is given) and a fresh token. */
  member(role: Role, organisationId: string = DEFAULT_ORGANISATION_ID): Promise<TestMember> {
    return createTestMember(this.app, role, organisationId);
  }

  /** A new organisation with its first admin. */
  async organisation(name: string): Promise<TestMember> {
    const organisation = await this.app.get(AuthService).createOrganisation(name);
    return createTestMember(this.app, Role.ADMIN, organisation.id);
  }

  /** Posts a GraphQL operation and returns the status, data and errors. */
  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await request(this.url)
      .post('/graphql')
      .set({ ...this.credentials(options), ...options.headers, 'content-type': 'application/json' })
      .send({ query, variables });
    return { status: response.status, headers: response.headers, data: response.body?.data ?? undefined, errors: response.body?.errors };
  }

  /** GETs an HTTP route (feeds, JSON-LD) as this caller. */
  get(path: string, options: RequestOptions = {}): request.Test {
    return request(this.url).get(path).set({ ...this.credentials(options), ...options.headers });
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
    return this.authorised(request(this.url).post('/graphql').set('content-type', contentType)).send(body);
  }

  private authorised(test: request.Test): request.Test {
    return test.set(this.credentials({}));
  }

  private credentials(options: RequestOptions): Record<string, string> {
    return this.token && !options.anonymous ? { authorization: `Bearer ${this.token}` } : {};
  }

  /** A provider of the running application (a service, the DataSource), for tests that look behind the API. */
  provider<T>(token: Type<T> | string | symbol): T {
    return this.app.get<T>(token);
  }

  /** SQL statements sent by the API so far. */
  get queryCount(): number {
    return this.app.get(QueryCountingLogger).queryCount;
  }

  async stop(): Promise<void> {
    if (this.companion) return this.app.close();
    if (!this.database) throw new Error('stop() the TestApi returned by start(), not a view made with as()');
    await this.app.close();
    await this.database.drop();
  }
}

/** The bare configuration of a test API: no rate limits, no Redis, no webhook worker. */
function baseConfig(database: AppConfig['database']): AppConfig {
  return { port: 0, host: '127.0.0.1', database, runMigrations: true, bodyLimitBytes: 12 * 1024 * 1024, schemaFile: null };
}

/** Makes a member and a token directly through AuthService (tests and scripts set up their callers this way). */
export async function createTestMember(app: INestApplication, role: Role, organisationId: string): Promise<TestMember> {
  const auth = app.get(AuthService);
  const member = await auth.addMember(organisationId, { name: `Test ${role.toLowerCase()}`, role });
  const { secret } = await auth.issueToken(member.id, 'test', 1);
  return { memberId: member.id, organisationId, role, token: secret };
}

/** The seed article: an Arabic report quoting an "informed source" via Sputnik. */
export function seedArticleText(): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'seed', '000_1b4abf1cf8d92138.txt'), 'utf8');
}

/** The seed as its site printed it: the fixture text in paragraphs, without the comment form. */
export function seedParagraphs(): string[] {
  return seedArticleText()
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 40);
}
