import { Role } from '@isnad/auth';
import { annotate, captureSeedArticle, codePointSpan, errorCode } from './support/factories';
import { TestApi, TestMember } from './support/test-api';
import { createVerdict, publishVerdict, verdictStep } from './support/verdict-factories';

// Two fact-checking teams share one Isnad: the default organisation (whose admin TestApi calls as)
// and "Misbar". Each role gets what its work needs; drafts, review notes and webhooks stay home.

const CLAIM_QUOTE = 'اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش';

describe('organisations, roles and API tokens', () => {
  let api: TestApi;
  let viewer: TestMember;
  let annotator: TestMember;
  let editor: TestMember;
  let misbar: TestMember;
  let claimId: string;
  let articleId: string;
  let draftId: string;
  let publishedId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    [viewer, annotator, editor, misbar] = await Promise.all([
      api.member(Role.VIEWER),
      api.member(Role.ANNOTATOR),
      api.member(Role.EDITOR),
      api.organisation('مسبار Misbar'),
    ]);
    const seed = await captureSeedArticle(api.as(annotator));
    articleId = seed.id;
    const appearance = await annotate(api.as(annotator), { articleId, selector: { ...codePointSpan(seed.text, CLAIM_QUOTE), exact: CLAIM_QUOTE } });
    claimId = appearance.claimId;
    publishedId = (await publishVerdict(api.as(editor), { claimId })).id;
    const draft = await createVerdict(api.as(editor), { claimId, headline: 'مسودة داخلية: لم تنشر بعد' });
    draftId = draft.id;
  }, 60_000);

  afterAll(() => api.stop());

  it('lets an anonymous reader see published verdicts and the public parts of their claims, and nothing else', async () => {
    const anonymous = api.as(null);
    const { verdicts } = await anonymous.ok<{ verdicts: { edges: { node: { id: string; status: string } }[] } }>(
      `{ verdicts(first: 50) { edges { node { id status } } } }`,
    );
    expect(verdicts.edges.map((e) => e.node.id)).toEqual([publishedId]);
    expect(await errorCode(anonymous, `query($id: ID!) { verdict(id: $id) { headline } }`, { id: draftId })).toBe('NOT_FOUND');

    const published = await anonymous.ok<{ verdict: { claim: { statement: string; tags: unknown[]; verdict: { id: string } } } }>(
      `query($id: ID!) { verdict(id: $id) { claim { statement tags { label } verdict { id } } } }`,
      { id: publishedId },
    );
    expect(published.verdict.claim.statement).toBe(CLAIM_QUOTE);
    expect(published.verdict.claim.verdict.id).toBe(publishedId);

    // The research behind it (appearances, sources, the articles themselves) is for members.
    const appearances = await anonymous.gql(`query($id: ID!) { verdict(id: $id) { claim { appearances { edges { node { id } } } } } }`, { id: publishedId });
    expect(appearances.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(appearances.errors?.[0]?.path).toEqual(['verdict', 'claim', 'appearances']);
    expect(await errorCode(anonymous, `{ claims(first: 5) { edges { node { id } } } }`)).toBe('UNAUTHENTICATED');
    expect(await errorCode(anonymous, `query($id: ID!) { article(id: $id) { title } }`, { id: articleId })).toBe('UNAUTHENTICATED');
    expect(await errorCode(anonymous, `query($id: ID!) { verdict(id: $id) { versions { note } } }`, { id: publishedId })).toBe(
      'UNAUTHENTICATED',
    );
    const capture = await anonymous.gql(`mutation { captureArticle(input: { url: "https://example.org/a", text: "نص" }) { status } }`);
    expect(capture.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', requiredRole: 'ANNOTATOR' });

    // Published verdicts' public HTTP forms need no token; the annotation export does.
    await anonymous.get('/feeds/verdicts.json').expect(200);
    await anonymous.get(`/claim-reviews/${publishedId}`).expect(200);
    const exportAnonymous = await anonymous.get(`/articles/${articleId}/annotations`);
    expect(exportAnonymous.status).toBe(401);
    expect(exportAnonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await api.as(viewer).get(`/articles/${articleId}/annotations`).expect(200);
  });

  it('gives each role what its work needs: viewers read, annotators annotate, editors publish, admins administer', async () => {
    const reading = `query($id: ID!) { claim(id: $id) { statement appearances { edges { node { article { title } } } } } }`;
    await api.as(viewer).ok(reading, { id: claimId });
    const capture = `mutation($url: String!) { captureArticle(input: { url: $url, text: "قال مصدر مطلع لوكالة سبوتنيك إن اللقاءات جرت في الرقة." }) { status } }`;
    const forbidden = await api.as(viewer).gql(capture, { url: 'https://example.org/viewer' });
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'ANNOTATOR' });
    expect(forbidden.status).toBe(200);

    await api.as(annotator).ok(capture, { url: 'https://example.org/annotator' });
    expect(await errorCode(api.as(annotator), `mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { id } }`, {
      input: { claimId, ratingId: '00000000-0000-4000-8000-000000000000', headline: 'x', summary: 'y', language: 'ar' },
    })).toBe('FORBIDDEN');
    // Merging shared records changes everyone's data: editors only.
    expect(await errorCode(api.as(annotator), `mutation { mergeClaims(input: { keepId: "${claimId}", mergeId: "${claimId}" }) { id } }`)).toBe(
      'FORBIDDEN',
    );

    const webhook = `mutation { registerWebhook(input: { url: "https://1.1.1.1/isnad-hook" }) { endpoint { id } } }`;
    expect(await errorCode(api.as(editor), webhook)).toBe('FORBIDDEN');
    expect(await errorCode(api.as(editor), `{ members { id } }`)).toBe('FORBIDDEN');
    await api.ok(webhook);
    const { members } = await api.ok<{ members: { role: string }[] }>(`{ members { role } }`);
    expect(members.map((m) => m.role).sort()).toEqual(['ADMIN', 'ANNOTATOR', 'EDITOR', 'VIEWER']);
  });

  it("keeps one team's drafts, review notes and webhooks out of another team's reach", async () => {
    const other = api.as(misbar);
    const sentBack = await verdictStep(api.as(editor), 'submitVerdictForReview', { id: draftId, expectedVersion: 1 });
    await verdictStep(api.as(editor), 'returnVerdictToDraft', { id: draftId, expectedVersion: sentBack.version, note: 'ملاحظة المراجع الداخلية' });

    expect(await errorCode(other, `query($id: ID!) { verdict(id: $id) { headline } }`, { id: draftId })).toBe('NOT_FOUND');
    const onClaim = await other.ok<{ claim: { verdicts: { id: string }[] } }>(
      `query($id: ID!) { claim(id: $id) { verdicts(includeUnpublished: true) { id } } }`,
      { id: claimId },
    );
    expect(onClaim.claim.verdicts.map((v) => v.id)).toEqual([publishedId]);
    const listed = await other.ok<{ verdicts: { edges: { node: { id: string } }[] } }>(`{ verdicts(first: 50) { edges { node { id } } } }`);
    expect(listed.verdicts.edges.map((e) => e.node.id)).toEqual([publishedId]);
    const versions = await other.gql(`query($id: ID!) { verdict(id: $id) { headline versions { note } } }`, { id: publishedId });
    expect(versions.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await errorCode(other, `mutation { updateVerdict(input: { id: "${draftId}", expectedVersion: 3, headline: "تخريب" }) { id } }`)).toBe(
      'NOT_FOUND',
    );
    expect(await errorCode(other, `mutation { retractVerdict(input: { id: "${publishedId}", expectedVersion: 3, note: "سحب" }) { id } }`)).toBe(
      'FORBIDDEN',
    );
    const { webhookEndpoints } = await other.ok<{ webhookEndpoints: unknown[] }>(`{ webhookEndpoints { id url } }`);
    expect(webhookEndpoints).toEqual([]);

    // Their own team sees the draft and the reviewer's note; nothing above changed it.
    const own = await api.as(viewer).ok<{ verdict: { headline: string; version: number; versions: { note: string | null }[] } }>(
      `query($id: ID!) { verdict(id: $id) { headline version versions { note } } }`,
      { id: draftId },
    );
    expect(own.verdict).toMatchObject({ headline: 'مسودة داخلية: لم تنشر بعد', version: 3 });
    expect(own.verdict.versions.map((v) => v.note)).toContain('ملاحظة المراجع الداخلية');
    // Misbar writes its own verdict on the shared claim, on its own scale only.
    expect(await errorCode(other, `mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { id } }`, {
      input: { claimId, ratingId: '00000000-0000-4000-8000-000000000000', headline: 'x', summary: 'y', language: 'ar', organisationId: editor.organisationId },
    })).toBe('FORBIDDEN');
  });

  it('credits the signed-in member when a verdict names no authors or reviewer', async () => {
    const ratingId = (await api.ok<{ ratingScales: { ratings: { id: string; key: string }[] }[] }>(`{ ratingScales { ratings { id key } } }`))
      .ratingScales[0].ratings.find((r) => r.key === 'MISLEADING')?.id;
    const other = await annotate(api.as(annotator), { articleId, selector: { exact: 'وتنظيمات إرهابية أخرى في سوريا خلال العام الجاري' } });
    const { createVerdict } = await api.as(editor).ok<{ createVerdict: { id: string; version: number; authors: string[] } }>(
      `mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { id version authors } }`,
      { input: { claimId: other.claimId, ratingId, headline: 'مضلل', summary: 'ملخص', language: 'ar' } },
    );
    expect(createVerdict.authors).toEqual(['Test editor']);
    const sent = await verdictStep(api.as(editor), 'submitVerdictForReview', { id: createVerdict.id, expectedVersion: createVerdict.version });
    const published = await verdictStep(api.as(editor), 'publishVerdict', { id: createVerdict.id, expectedVersion: sent.version });
    expect(published.reviewer).toBe('Test editor');
  });

  it('shows a token secret once, stores only its hash, and stops a revoked, expired or malformed token at the door', async () => {
    const created = await api.as(annotator).ok<{ createApiToken: { secret: string; token: { id: string; prefix: string; expiresAt: string } } }>(
      `mutation { createApiToken(input: { name: "إضافة غرفة الأخبار", expiresInDays: 30 }) { secret token { id prefix expiresAt } } }`,
    );
    const { secret, token } = created.createApiToken;
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(new Date(token.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const me = await api.as(secret).ok<{ me: { id: string; role: string; organisation: { id: string } } }>(`{ me { id role organisation { id } } }`);
    expect(me.me).toEqual({ id: annotator.memberId, role: 'ANNOTATOR', organisation: { id: annotator.organisationId } });
    const listed = await api.as(annotator).ok<{ apiTokens: Record<string, unknown>[] }>(`{ apiTokens { id name prefix lastUsedAt } }`);
    expect(JSON.stringify(listed)).not.toContain(secret);
    // The token was just used (for `me`): its last use is recorded.
    const listedToken = listed.apiTokens.find((t) => t.id === token.id);
    expect(listedToken).toMatchObject({ name: 'إضافة غرفة الأخبار', lastUsedAt: expect.any(String) });
    expect(Math.abs(new Date(listedToken?.lastUsedAt as string).getTime() - Date.now())).toBeLessThan(60_000);

    // Only admins make tokens for someone else or read someone else's.
    expect(await errorCode(api.as(annotator), `mutation { createApiToken(input: { name: "x", memberId: "${viewer.memberId}" }) { secret } }`)).toBe(
      'FORBIDDEN',
    );
    expect(await errorCode(api.as(viewer), `mutation { revokeApiToken(id: "${token.id}") { id } }`)).toBe('NOT_FOUND');

    await api.as(annotator).ok(`mutation { revokeApiToken(id: "${token.id}") { revokedAt } }`);
    const revoked = await api.as(secret).gql(`{ me { id } }`);
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', `Bearer ${secret}x`, "Bearer isn_' OR 1=1 --"]) {
      const response = await api.raw(JSON.stringify({ query: '{ me { id } }' })).set('authorization', header);
      expect({ header, status: response.status, code: response.body.errors?.[0]?.extensions?.code }).toEqual({
        header,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    expect(await errorCode(api, `mutation { createApiToken(input: { name: "x", expiresInDays: 400 }) { secret } }`)).toBe('BAD_USER_INPUT');
  });

  it('applies a role change or a removal to the member\'s existing tokens at once, and always keeps an admin', async () => {
    const colleague = await api.member(Role.EDITOR);
    await api.ok(`mutation { changeMemberRole(input: { memberId: "${colleague.memberId}", role: VIEWER }) { role } }`);
    expect(await errorCode(api.as(colleague), `mutation { createVerdict(input: { claimId: "${claimId}", ratingId: "${claimId}", headline: "x", summary: "y", language: "ar" }) { id } }`)).toBe(
      'FORBIDDEN',
    );
    await api.ok(`mutation { removeMember(memberId: "${colleague.memberId}") { removedAt } }`);
    expect((await api.as(colleague).gql(`{ me { id } }`)).status).toBe(401);

    const me = await api.ok<{ me: { id: string } }>(`{ me { id } }`);
    const lastAdmin = await api.gql(`mutation { changeMemberRole(input: { memberId: "${me.me.id}", role: EDITOR }) { role } }`);
    expect(lastAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    // Admins manage their own organisation only.
    expect(await errorCode(api.as(misbar), `mutation { removeMember(memberId: "${viewer.memberId}") { id } }`)).toBe('NOT_FOUND');
  });
});
