import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { Role } from '@isnad/auth';
import { errorCode } from './support/factories';
import { TestApi, TestMember } from './support/test-api';

// An annotator gives her browser extension a short-lived, read-only session token instead of her
// API token. It works like a token of its own, but never beyond what she holds, and dies with it.

const SESSION_SECRET = randomBytes(48).toString('base64');
const CREATE = `mutation($input: CreateSessionTokenInput!) { createSessionToken(input: $input) { token expiresAt role } }`;

describe('session tokens', () => {
  let api: TestApi;
  let annotator: TestMember;

  beforeAll(async () => {
    api = await TestApi.start({ sessionSecret: SESSION_SECRET });
    annotator = await api.member(Role.ANNOTATOR);
  });
  afterAll(() => api.stop());

  const session = async (member: TestMember, role: Role, minutes = 30) =>
    (await api.as(member).ok<{ createSessionToken: { token: string; expiresAt: string; role: string } }>(CREATE, { input: { role, minutes } }))
      .createSessionToken;

  it('acts as the member with the narrower role it was made with, for the minutes asked', async () => {
    const readOnly = await session(annotator, Role.VIEWER, 30);
    const minutesLeft = (new Date(readOnly.expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(29);
    expect(minutesLeft).toBeLessThanOrEqual(30);
    const { me } = await api.as(readOnly.token).ok<{ me: { id: string } }>(`{ me { id } }`);
    expect(me.id).toBe(annotator.memberId);
    await api.as(readOnly.token).ok(`{ claims(first: 1) { nodes { id } } }`);
    const capture = `mutation { captureArticle(input: { url: "https://example.org/ext", text: "نص من الإضافة" }) { status } }`;
    expect(await errorCode(api.as(readOnly.token), capture)).toBe('FORBIDDEN');
    const full = await session(annotator, Role.ANNOTATOR);
    await api.as(full.token).ok(capture);
  });

  it('cannot reach beyond its member: no higher role, no new sessions or API tokens from a session', async () => {
    expect(await errorCode(api.as(annotator), CREATE, { input: { role: 'EDITOR', minutes: 10 } })).toBe('FORBIDDEN');
    const readOnly = await session(annotator, Role.VIEWER);
    expect(await errorCode(api.as(readOnly.token), CREATE, { input: { role: 'VIEWER', minutes: 10 } })).toBe('FORBIDDEN');
    expect(await errorCode(api.as(readOnly.token), `mutation { createApiToken(input: { name: "x" }) { secret } }`)).toBe('FORBIDDEN');
    expect(await errorCode(api.as(annotator), CREATE, { input: { role: 'VIEWER', minutes: 721 } })).toBe('BAD_USER_INPUT');
  });

  it('ends when its API token is revoked or its member removed, and a demotion narrows it', async () => {
    const colleague = await api.member(Role.EDITOR);
    const editing = await session(colleague, Role.EDITOR);
    await api.ok(`mutation { changeMemberRole(input: { memberId: "${colleague.memberId}", role: VIEWER }) { role } }`);
    const narrowed = await api.as(editing.token).ok<{ me: { role: string } }>(`{ me { role } }`);
    expect(narrowed.me.role).toBe('VIEWER');
    expect(await errorCode(api.as(editing.token), `mutation { mergeClaims(input: { keepId: "${colleague.memberId}", mergeId: "${colleague.memberId}" }) { id } }`)).toBe(
      'FORBIDDEN',
    );
    await api.ok(`mutation { removeMember(memberId: "${colleague.memberId}") { id } }`);
    expect((await api.as(editing.token).gql(`{ me { id } }`)).status).toBe(401);

    const { apiTokens } = await api.as(annotator).ok<{ apiTokens: { id: string }[] }>(`{ apiTokens { id } }`);
    const live = await session(annotator, Role.VIEWER);
    await api.as(annotator).ok(`mutation { revokeApiToken(id: "${apiTokens[0].id}") { id } }`);
    expect((await api.as(live.token).gql(`{ me { id } }`)).status).toBe(401);
  });

  it('refuses a session token that expired, was altered, or was signed with another key', async () => {
    const member = await api.member(Role.VIEWER);
    const valid = await session(member, Role.VIEWER);
    const [header, payload, signature] = valid.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    const sign = (key: string, exp: number) =>
      new SignJWT({ tid: claims.tid, org: claims.org, role: 'VIEWER' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.sub)
        .setIssuer('isnad')
        .setAudience('isnad-api')
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(key));
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string][] = [
      ['altered', `${header}.${promoted}.${signature}`],
      ['expired', await sign(SESSION_SECRET, now - 60)],
      ['another key', await sign(randomBytes(48).toString('base64'), now + 600)],
    ];
    expect((await api.as(await sign(SESSION_SECRET, now + 600)).gql(`{ me { id } }`)).status).toBe(200);
    for (const [why, token] of cases) {
      const response = await api.as(token).gql(`{ me { id } }`);
      expect({ why, status: response.status, code: response.errors?.[0]?.extensions?.code }).toEqual({ why, status: 401, code: 'UNAUTHENTICATED' });
    }
  });
});

describe('session tokens and rate limits', () => {
  it("spend their API token's budget, not a fresh one each", async () => {
    const api = await TestApi.start({ rateLimits: { addressPerMinute: 100, tokenPerMinute: 3, keyPrefix: `isnad-test-${randomBytes(4).toString('hex')}` } });
    try {
      const member = await api.member(Role.VIEWER);
      const { createSessionToken } = await api.as(member).ok<{ createSessionToken: { token: string } }>(CREATE, { input: { role: 'VIEWER', minutes: 5 } });
      expect((await api.as(member).gql(`{ me { id } }`)).status).toBe(200);
      expect((await api.as(createSessionToken.token).gql(`{ me { id } }`)).status).toBe(200);
      const refused = await api.as(createSessionToken.token).gql(`{ me { id } }`);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', per: 'TOKEN' });
    } finally {
      await api.stop();
    }
  });
});
