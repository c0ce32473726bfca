import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ExecutionResult, graphql } from 'graphql';
import { DataSource } from 'typeorm';
import { AuditService } from '@isnad/audit';
import { Actor, Role, runInRequestScope } from '@isnad/auth';
import { RequestLoaders } from '@isnad/common';
import { createOutlet } from './support/factories';
import { TestApi } from './support/test-api';

// Authentication lives on another branch: these members are what its middleware would put in the
// request scope. Operations run through the API's own schema, resolvers, pipes and interceptors,
// in-process, inside that scope.
function member(name: string, role: Role, organisationId: string): Actor {
  return { memberId: randomUUID(), organisationId, role, tokenId: randomUUID(), name };
}

const DAMASCUS_DESK = randomUUID();
const BEIRUT_DESK = randomUUID();
const layla = member('ليلى حداد', Role.ADMIN, DAMASCUS_DESK);
const samer = member('سامر المحرر', Role.EDITOR, DAMASCUS_DESK);
const omar = member('عمر الباحث', Role.ANNOTATOR, BEIRUT_DESK);
const nour = member('نور', Role.ADMIN, BEIRUT_DESK);

interface ApiAuditEntry {
  id: string;
  operation: string;
  actorMemberId: string;
  actorOrganisationId: string;
  actorName: string;
  tokenId: string;
  requestId: string;
  outcome: string;
  arguments: string;
  changes: { tableName: string; operation: string; rowId: string; before: string | null; after: string | null; changedFields: string[] }[];
}
type AuditPage = { auditEntries: { nodes: ApiAuditEntry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const ENTRIES = `query($filter: AuditEntryFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    nodes { id operation actorMemberId actorOrganisationId actorName tokenId requestId outcome arguments
            changes { tableName operation rowId before after changedFields } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('audit entries are read by each organisation\'s admins, and only their own', () => {
  let api: TestApi;
  let outletId: string;

  /** Runs an operation as `actor` would send it through the authenticated API. */
  async function as<T>(actor: Actor | null, source: string, variableValues: Record<string, unknown> = {}): Promise<ExecutionResult<T>> {
    const { schema } = api.provider(GraphQLSchemaHost);
    const requestId = `req-${randomUUID()}`;
    return runInRequestScope({ actor, requestId }, () =>
      graphql({ schema, source, variableValues, contextValue: { loaders: new RequestLoaders(), actor } }),
    ) as Promise<ExecutionResult<T>>;
  }

  async function ok<T>(actor: Actor | null, source: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await as<T>(actor, source, variables);
    if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }

  beforeAll(async () => {
    api = await TestApi.start();
    outletId = await createOutlet(api, { name: 'سبوتنيك', kind: 'NEWS_AGENCY' });
    await ok(samer, `mutation($input: UpdateOutletInput!) { updateOutlet(input: $input) { id } }`, {
      input: { id: outletId, ownership: 'STATE_OWNED' },
    });
    await ok(layla, `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
      input: { kind: 'ANONYMOUS', name: 'مصدر مطلع', confidedToOutletId: outletId },
    });
    await ok(omar, `mutation($input: UpdateOutletInput!) { updateOutlet(input: $input) { id } }`, {
      input: { id: outletId, affiliationNote: 'وكالة روسية رسمية' },
    });
  });
  afterAll(() => api?.stop());

  it('shows the Damascus admin her desk\'s changes, newest first, with who made them and the records changed', async () => {
    const { auditEntries } = await ok<AuditPage>(layla, ENTRIES);
    expect(auditEntries.nodes.map((e) => [e.operation, e.actorName])).toEqual([
      ['createSource', 'ليلى حداد'],
      ['updateOutlet', 'سامر المحرر'],
    ]);
    const [, samersEdit] = auditEntries.nodes;
    expect(samersEdit).toMatchObject({
      actorMemberId: samer.memberId,
      actorOrganisationId: DAMASCUS_DESK,
      tokenId: samer.tokenId,
      outcome: 'OK',
      requestId: expect.stringMatching(/^req-/),
    });
    expect(JSON.parse(samersEdit.arguments)).toEqual({ input: { id: outletId, ownership: 'STATE_OWNED' } });
    expect(samersEdit.changes).toHaveLength(1);
    const [change] = samersEdit.changes;
    expect(change).toMatchObject({ tableName: 'outlets', operation: 'UPDATE', rowId: outletId });
    expect(change.changedFields).toContain('ownership');
    expect(JSON.parse(change.before ?? '{}')).toMatchObject({ name: 'سبوتنيك' });
    expect(JSON.parse(change.after ?? '{}')).toMatchObject({ name: 'سبوتنيك', ownership: 'STATE_OWNED' });
  });

  it('shows the Beirut admin only Beirut\'s edit of the same outlet', async () => {
    const { auditEntries } = await ok<AuditPage>(nour, ENTRIES);
    expect(auditEntries.nodes.map((e) => [e.operation, e.actorName])).toEqual([['updateOutlet', 'عمر الباحث']]);
    expect(JSON.parse(auditEntries.nodes[0].changes[0].after ?? '{}').affiliation_note).toBe('وكالة روسية رسمية');
  });

  it('files each row change under the member whose mutation wrote it', async () => {
    const [row] = await api.provider(DataSource).query(
      `SELECT count(*)::int AS n FROM audit_changes WHERE actor_member_id = $1 AND table_name = 'sources'`,
      [layla.memberId],
    );
    expect(row.n).toBe(1);
  });

  it('narrows the trail to one outlet\'s history, one member, one operation or a time window, a page at a time', async () => {
    const byRow = await ok<AuditPage>(layla, ENTRIES, { filter: { tableName: 'outlets', rowId: outletId } });
    expect(byRow.auditEntries.nodes.map((e) => e.actorName)).toEqual(['سامر المحرر']);
    const byMember = await ok<AuditPage>(layla, ENTRIES, { filter: { actorMemberId: layla.memberId } });
    expect(byMember.auditEntries.nodes.map((e) => e.operation)).toEqual(['createSource']);
    const byOperation = await ok<AuditPage>(layla, ENTRIES, { filter: { operation: 'updateOutlet' } });
    expect(byOperation.auditEntries.nodes.map((e) => e.actorName)).toEqual(['سامر المحرر']);
    const future = await ok<AuditPage>(layla, ENTRIES, { filter: { since: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.auditEntries.nodes).toEqual([]);
    const past = await ok<AuditPage>(layla, ENTRIES, { filter: { until: new Date(Date.now() + 60_000).toISOString() } });
    expect(past.auditEntries.nodes).toHaveLength(2);

    const first = await ok<AuditPage>(layla, ENTRIES, { first: 1 });
    expect(first.auditEntries.pageInfo.hasNextPage).toBe(true);
    const second = await ok<AuditPage>(layla, ENTRIES, { first: 1, after: first.auditEntries.pageInfo.endCursor });
    expect([...first.auditEntries.nodes, ...second.auditEntries.nodes].map((e) => e.operation)).toEqual(['createSource', 'updateOutlet']);
    expect(second.auditEntries.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses the trail to an editor (FORBIDDEN) and to an anonymous caller (UNAUTHENTICATED)', async () => {
    expect((await as(samer, ENTRIES)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(null, ENTRIES)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expect(runInRequestScope({ actor: omar, requestId: null }, () => api.provider(AuditService).entries())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
