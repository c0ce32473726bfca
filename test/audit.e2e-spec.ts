import { Role } from '@isnad/auth';
import { DataSource } from 'typeorm';
import { AuditChange, AuditEntry } from '@isnad/audit';
import { annotate, captureSeedArticle, createOutlet, createSource, createSputnik, errorCode } from './support/factories';
import { createVerdict } from './support/verdict-factories';
import { TestApi, seedArticleText } from './support/test-api';

/** The audit entries of one operation, newest first, with their row changes in the order written. */
async function entriesOf(api: TestApi, operation: string): Promise<(AuditEntry & { changes: AuditChange[] })[]> {
  const db = api.provider(DataSource);
  const entries = await db.getRepository(AuditEntry).find({ where: { operation }, order: { at: 'DESC' } });
  const changes = await db.getRepository(AuditChange).find({ order: { id: 'ASC' } });
  return entries.map((entry) => ({ ...entry, changes: changes.filter((c) => c.auditEntryId === entry.id) }));
}

async function lastEntryOf(api: TestApi, operation: string): Promise<AuditEntry & { changes: AuditChange[] }> {
  const [entry] = await entriesOf(api, operation);
  if (!entry) throw new Error(`no audit entry for ${operation}`);
  return entry;
}

describe('the audit trail: who changed what, and when', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api?.stop());

  it('records the capture of the Sputnik article with a cut copy of the pasted text and the revision without its body', async () => {
    const article = await captureSeedArticle(api);
    const entry = await lastEntryOf(api, 'captureArticle');

    expect(entry).toMatchObject({ outcome: 'OK', errorMessage: null, actorMemberId: expect.any(String) });
    expect(entry.requestId).toEqual(expect.any(String));
    const input = (entry.arguments as { input: Record<string, string> }).input;
    expect(input.title).toBe('تنظيم داعش في سوريا يلتقي استخبارات دول غربية');
    expect(input.text.endsWith(`… [${[...seedArticleText()].length} characters]`)).toBe(true);
    expect(input.text.length).toBeLessThan(400);

    const revision = entry.changes.find((c) => c.tableName === 'article_revisions');
    expect(revision).toMatchObject({ operation: 'INSERT', rowId: article.revisionId, before: null });
    expect(revision?.after).toMatchObject({ article_id: article.id, content_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(revision?.after).not.toHaveProperty('text');
    expect(revision?.after).not.toHaveProperty('raw_input');
    expect(entry.changes.map((c) => `${c.operation} ${c.tableName}`)).toEqual(
      expect.arrayContaining(['INSERT articles', 'INSERT article_revisions']),
    );
  });

  it('records an annotation as the claim, its appearance, each hop of the chain and the Arabic tag', async () => {
    const article = await captureSeedArticle(api, 'https://www.syria-news.example/2021/02/annotated');
    const sputnikId = await createSputnik(api);
    const informedSource = await createSource(api, { kind: 'ANONYMOUS', name: 'مصدر مطلع', confidedToOutletId: sputnikId });
    const appearance = await annotate(api, {
      articleId: article.id,
      selector: { exact: [...article.text].slice(0, 40).join('') },
      tags: ['دير الزور'],
      chain: [
        { sourceId: informedSource, relation: 'ORIGIN', cue: 'مصدر مطلع' },
        { outletId: sputnikId, relation: 'RELAYED', cue: 'بحسب سبوتنيك' },
      ],
    });

    const entry = await lastEntryOf(api, 'annotateClaim');
    expect(entry.outcome).toBe('OK');
    const written = entry.changes.map((c) => `${c.operation} ${c.tableName}`);
    expect(written).toEqual(
      expect.arrayContaining(['INSERT claims', 'INSERT claim_appearances', 'INSERT attribution_hops', 'INSERT tags', 'INSERT claim_tags']),
    );
    expect(entry.changes.filter((c) => c.tableName === 'attribution_hops').map((c) => c.after?.cue)).toEqual(['مصدر مطلع', 'بحسب سبوتنيك']);
    expect(entry.changes.find((c) => c.tableName === 'tags')?.after?.label).toBe('دير الزور');
    expect(entry.changes.find((c) => c.tableName === 'claim_tags')?.rowId).toBe(appearance.claimId);
    expect(entry.changes.find((c) => c.tableName === 'claim_appearances')?.rowId).toBe(appearance.id);
  });

  it('shows an outlet renamed in Arabic, before and after, and nothing for an edit that changes nothing', async () => {
    const { createOutlet } = await api.ok<{ createOutlet: { id: string } }>(
      `mutation { createOutlet(input: { name: "الوكالة العربية السورية للأنباء", kind: NEWS_AGENCY }) { id } }`,
    );
    const rename = `mutation($input: UpdateOutletInput!) { updateOutlet(input: $input) { id } }`;
    await api.ok(rename, { input: { id: createOutlet.id, name: 'سانا' } });
    const renamed = await lastEntryOf(api, 'updateOutlet');
    expect(renamed.changes).toHaveLength(1);
    expect(renamed.changes[0]).toMatchObject({ tableName: 'outlets', operation: 'UPDATE', rowId: createOutlet.id });
    expect(renamed.changes[0].before?.name).toBe('الوكالة العربية السورية للأنباء');
    expect(renamed.changes[0].after?.name).toBe('سانا');

    await api.ok(rename, { input: { id: createOutlet.id, name: 'سانا' } });
    const [again] = await entriesOf(api, 'updateOutlet');
    expect(again.id).not.toBe(renamed.id);
    expect(again.changes.filter((c) => c.operation === 'UPDATE' && c.tableName === 'outlets')).toEqual([]);
  });

  it('records a stale verdict edit as refused with CONFLICT, and no change', async () => {
    const article = await captureSeedArticle(api, 'https://www.syria-news.example/2021/02/verdict');
    const { claimId } = await annotate(api, { articleId: article.id, selector: { exact: [...article.text].slice(0, 30).join('') }, chain: [] });
    const draft = await createVerdict(api, { claimId });

    const code = await errorCode(api, `mutation($input: UpdateVerdictInput!) { updateVerdict(input: $input) { id } }`, {
      input: { id: draft.id, expectedVersion: draft.version + 5, headline: 'تعديل صامت' },
    });
    expect(code).toBe('CONFLICT');

    const entry = await lastEntryOf(api, 'updateVerdict');
    expect(entry.outcome).toBe('CONFLICT');
    expect(entry.errorMessage).toEqual(expect.any(String));
    expect((entry.arguments as { input: { headline: string } }).input.headline).toBe('تعديل صامت');
    expect(entry.changes).toEqual([]);
  });

  it('records input the API refused as BAD_USER_INPUT', async () => {
    expect(await errorCode(api, `mutation { createOutlet(input: { name: "" }) { id } }`)).toBe('BAD_USER_INPUT');
    const entry = await lastEntryOf(api, 'createOutlet');
    expect(entry).toMatchObject({ outcome: 'BAD_USER_INPUT', arguments: { input: { name: '' } } });
    expect(entry.changes).toEqual([]);
  });

  it("files a member's refused attempt (a viewer publishing) with who tried and the code they got; not an anonymous one", async () => {
    const viewer = await api.member(Role.VIEWER);
    const attempt = `mutation { publishVerdict(input: { id: "00000000-0000-4000-8000-00000000beef", expectedVersion: 2 }) { id } }`;
    expect(await errorCode(api.as(viewer), attempt)).toBe('FORBIDDEN');
    expect(await errorCode(api.as(null), attempt)).toBe('UNAUTHENTICATED');
    const entries = await entriesOf(api, 'publishVerdict');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorMemberId: viewer.memberId,
      outcome: 'FORBIDDEN',
      arguments: { input: { id: '00000000-0000-4000-8000-00000000beef', expectedVersion: 2 } },
      changes: [],
    });
    expect(entries[0].errorMessage).toMatch(/needs the EDITOR role/);
  });

  it('never keeps a webhook signing secret, in the entry or in the endpoint row', async () => {
    const { registerWebhook } = await api.ok<{ registerWebhook: { secret: string; endpoint: { id: string } } }>(
      `mutation { registerWebhook(input: { url: "https://1.1.1.1/isnad", description: "شريك" }) { secret endpoint { id } } }`,
    );
    expect(registerWebhook.secret).toMatch(/^whsec_/);

    const entry = await lastEntryOf(api, 'registerWebhook');
    expect(entry.changes).toHaveLength(1);
    expect(entry.changes[0]).toMatchObject({ tableName: 'webhook_endpoints', operation: 'INSERT', rowId: registerWebhook.endpoint.id });
    expect(entry.changes[0].after).toMatchObject({ url: 'https://1.1.1.1/isnad', description: 'شريك' });
    expect(entry.changes[0].after).not.toHaveProperty('secret');

    // Even a secret rotated by hand is only marked as changed.
    const db = api.provider(DataSource);
    await db.query(`UPDATE webhook_endpoints SET secret = 'whsec_rotated_by_hand' WHERE id = $1`, [registerWebhook.endpoint.id]);
    const [everything] = await db.query(
      `SELECT (SELECT coalesce(string_agg(arguments::text || coalesce(error_message, ''), ' '), '') FROM audit_entries)
           || (SELECT coalesce(string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' '), '') FROM audit_changes) AS text`,
    );
    expect(everything.text).not.toContain(registerWebhook.secret);
    expect(everything.text).not.toContain('whsec_rotated_by_hand');
    expect(everything.text).toContain('[redacted, changed]');
  });

  it('still records a correction made in SQL outside any mutation, without an entry', async () => {
    const rtId = await createOutlet(api, { name: 'روسيا اليوم', kind: 'BROADCASTER' });
    await api.provider(DataSource).query(`UPDATE outlets SET affiliation_note = 'تصحيح يدوي' WHERE id = $1`, [rtId]);
    const [change] = await api
      .provider(DataSource)
      .getRepository(AuditChange)
      .find({ where: { tableName: 'outlets', rowId: rtId, operation: 'UPDATE' as AuditChange['operation'] }, order: { id: 'DESC' }, take: 1 });
    expect(change).toMatchObject({ auditEntryId: null });
    expect(change.after?.affiliation_note).toBe('تصحيح يدوي');
  });

  it('does not file queries, only mutations', async () => {
    await api.ok(`{ claims(first: 5) { nodes { id } } }`);
    expect(await entriesOf(api, 'claims')).toEqual([]);
  });

  it('answers auditEntries only to a signed-in admin', async () => {
    expect(await errorCode(api.as(null), `{ auditEntries(first: 5) { nodes { id } } }`)).toBe('UNAUTHENTICATED');
    expect(await errorCode(api.as(await api.member(Role.EDITOR)), `{ auditEntries(first: 5) { nodes { id } } }`)).toBe('FORBIDDEN');
    const { auditEntries } = await api.ok<{ auditEntries: { nodes: { operation: string; actorName: string }[] } }>(
      `{ auditEntries(first: 100) { nodes { operation actorName } } }`,
    );
    expect(auditEntries.nodes.map((e) => e.operation)).toContain('captureArticle');
  });
});
