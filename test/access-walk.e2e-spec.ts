import { Role } from '@isnad/auth';
import { annotate, captureSeedArticle, codePointSpan } from './support/factories';
import { TestApi, TestMember } from './support/test-api';
import { createVerdict, verdictStep } from './support/verdict-factories';

// The whole schema, read by introspection, is walked as every kind of caller. The table below is the
// access policy as a fact-checking team expects it, written independently of the decorators: a new
// operation fails this test until someone decides who may use it.

type Needs = 'PUBLIC' | Role;
const { VIEWER, ANNOTATOR, EDITOR, ADMIN } = Role;

const EXPECTED: Record<string, Needs> = {
  // Reading the shared research: members.
  'Query.article': VIEWER,
  'Query.articleByUrl': VIEWER,
  'Query.articles': VIEWER,
  'Query.claim': VIEWER,
  'Query.claims': VIEWER,
  'Query.claimAppearance': VIEWER,
  'Query.claimCandidates': VIEWER,
  'Query.claimMatches': VIEWER,
  'Query.suggestionThreshold': VIEWER,
  'Query.outlet': VIEWER,
  'Query.outlets': VIEWER,
  'Query.source': VIEWER,
  'Query.sources': VIEWER,
  'Query.tags': VIEWER,
  'Query.me': VIEWER,
  'Query.apiTokens': VIEWER,
  // The organisation's watches and the repeats of claims it rated: its members.
  'Query.watches': VIEWER,
  'Query.repeats': VIEWER,
  'Query.repeatPushers': VIEWER,
  // Published verdicts and their scales: everyone.
  'Query.verdict': 'PUBLIC',
  'Query.verdicts': 'PUBLIC',
  'Query.ratingScale': 'PUBLIC',
  'Query.ratingScales': 'PUBLIC',
  // The organisation's own business.
  'Query.members': ADMIN,
  'Query.webhookEndpoints': ADMIN,
  'Query.auditEntries': ADMIN,
  // Capturing and annotating.
  'Mutation.captureArticle': ANNOTATOR,
  'Mutation.captureArticleFromHtml': ANNOTATOR,
  'Mutation.captureArticleFromUrl': ANNOTATOR,
  'Mutation.watchFeed': ANNOTATOR,
  'Mutation.pauseWatch': ANNOTATOR,
  'Mutation.resumeWatch': ANNOTATOR,
  'Mutation.deleteWatch': ANNOTATOR,
  'Mutation.confirmRepeat': ANNOTATOR,
  'Mutation.dismissRepeat': ANNOTATOR,
  'Mutation.importClaimReviews': ANNOTATOR,
  'Mutation.annotateClaim': ANNOTATOR,
  'Mutation.acceptClaimCandidate': ANNOTATOR,
  'Mutation.attachAppearanceToClaim': ANNOTATOR,
  'Mutation.deleteClaimAppearance': ANNOTATOR,
  'Mutation.setAttributionChain': ANNOTATOR,
  'Mutation.updateClaim': ANNOTATOR,
  'Mutation.createOutlet': ANNOTATOR,
  'Mutation.updateOutlet': ANNOTATOR,
  'Mutation.createSource': ANNOTATOR,
  'Mutation.updateSource': ANNOTATOR,
  'Mutation.addClaimTranslation': ANNOTATOR,
  'Mutation.confirmClaimMatch': ANNOTATOR,
  'Mutation.rejectClaimMatch': ANNOTATOR,
  'Mutation.relateClaims': ANNOTATOR,
  'Mutation.acceptSuggestedAppearances': ANNOTATOR,
  'Mutation.addClaimNote': ANNOTATOR,
  'Mutation.deleteClaimNote': ANNOTATOR,
  // Merging shared records and everything about verdicts: editors.
  'Mutation.mergeClaims': EDITOR,
  'Mutation.mergeOutlets': EDITOR,
  'Mutation.mergeSources': EDITOR,
  'Mutation.createVerdict': EDITOR,
  'Mutation.updateVerdict': EDITOR,
  'Mutation.submitVerdictForReview': EDITOR,
  'Mutation.returnVerdictToDraft': EDITOR,
  'Mutation.publishVerdict': EDITOR,
  'Mutation.correctVerdict': EDITOR,
  'Mutation.retractVerdict': EDITOR,
  // Administration.
  'Mutation.createRatingScale': ADMIN,
  'Mutation.registerWebhook': ADMIN,
  'Mutation.createRepeatFeedKey': ADMIN,
  'Mutation.revokeRepeatFeedKey': ADMIN,
  'Mutation.addMember': ADMIN,
  'Mutation.changeMemberRole': ADMIN,
  'Mutation.removeMember': ADMIN,
  // Everyone manages their own tokens (admins: the organisation's).
  'Mutation.createApiToken': VIEWER,
  'Mutation.revokeApiToken': VIEWER,
  'Mutation.createSessionToken': VIEWER,
};

const ROLES: Role[] = [VIEWER, ANNOTATOR, EDITOR, ADMIN];
const RANK: Record<Needs, number> = { PUBLIC: 0, VIEWER: 1, ANNOTATOR: 2, EDITOR: 3, ADMIN: 4 };

/** Private words planted in organisation A's drafts, review notes, claim notes and webhooks. */
const CANARY = 'سرّي-canary-7f3a';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
  defaultValue: string | null;
}
interface SchemaField {
  name: string;
  args: InputValue[];
  type: TypeRef;
}
interface SchemaType {
  kind: string;
  name: string;
  fields: SchemaField[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{ __schema { types { kind name
  fields { name args { name defaultValue type { ${TYPE_REF} } } type { ${TYPE_REF} } }
  inputFields { name defaultValue type { ${TYPE_REF} } }
  enumValues { name } } } }`;

const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);
const required = (ref: TypeRef) => ref.kind === 'NON_NULL';

/** Builds operations for any root field from the introspected schema. */
class OperationBuilder {
  private readonly types: Map<string, SchemaType>;

  constructor(types: SchemaType[]) {
    this.types = new Map(types.map((t) => [t.name, t]));
  }

  rootFields(root: 'Query' | 'Mutation'): SchemaField[] {
    return this.types.get(root)?.fields ?? [];
  }

  /** A value for an input type: `id` fills ID positions (optional ones too, with `aim`); required input fields otherwise. */
  value(ref: TypeRef, id: string, aim: boolean): unknown {
    if (ref.kind === 'NON_NULL') return this.value(ref.ofType as TypeRef, id, aim);
    if (ref.kind === 'LIST') return [this.value(ref.ofType as TypeRef, id, aim)];
    const type = this.types.get(ref.name as string);
    switch (ref.name) {
      case 'ID':
        return id;
      case 'String':
        return 'نص';
      case 'Int':
        return 1;
      case 'Float':
        return 0.5;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2026-01-01T00:00:00.000Z';
    }
    if (type?.kind === 'ENUM') return type.enumValues?.[0]?.name;
    if (type?.kind === 'INPUT_OBJECT') {
      const fields = (type.inputFields ?? []).filter((f) => required(f.type) && f.defaultValue === null);
      // An ID field that is optional still gets the target, so that inputs reach the object they name.
      const idFields = aim ? (type.inputFields ?? []).filter((f) => !required(f.type) && named(f.type).name === 'ID' && f.name !== 'organisationId') : [];
      return Object.fromEntries([...fields, ...idFields].map((f) => [f.name, this.value(f.type, id, aim)]));
    }
    return 'x';
  }

  /**
   * Every field reachable within `depth`, skipping fields whose arguments are required and the
   * paths in `without` (dotted field names from the root field, as in an error's path).
   */
  selection(ref: TypeRef, depth: number, path = '', without: Set<string> = new Set()): string {
    const type = this.types.get(named(ref).name as string);
    if (!type || (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE' && type.kind !== 'UNION')) return '';
    if (type.kind !== 'OBJECT' || depth === 0) return '{ __typename }';
    const parts = ['__typename'];
    for (const field of type.fields ?? []) {
      const fieldPath = path ? `${path}.${field.name}` : field.name;
      if (without.has(fieldPath)) continue;
      if (field.args.some((a) => required(a.type) && a.defaultValue === null)) continue;
      const args = field.args.some((a) => a.name === 'includeUnpublished') ? '(includeUnpublished: true)' : '';
      const nested = this.selection(field.type, depth - 1, fieldPath, without);
      const fieldType = this.types.get(named(field.type).name as string);
      if (fieldType && ['OBJECT', 'INTERFACE', 'UNION'].includes(fieldType.kind) && !nested) continue;
      parts.push(`${field.name}${args} ${nested}`);
    }
    return `{ ${parts.join(' ')} }`;
  }

  /**
   * `query { field(args) selection }` with every required argument filled; with `aim`, optional ID
   * arguments and input fields too, so the call reaches the object `id` names.
   */
  operation(
    root: 'Query' | 'Mutation',
    field: SchemaField,
    id: string,
    depth: number,
    aim = false,
    without: Set<string> = new Set(),
  ): { query: string; variables: Record<string, unknown> } {
    const args = field.args.filter((a) => (required(a.type) && a.defaultValue === null) || (aim && named(a.type).name === 'ID'));
    const variables = Object.fromEntries(args.map((a) => [a.name, this.value(a.type, id, aim)]));
    const declared = args.map((a) => `$${a.name}: ${typeText(a.type)}`).join(', ');
    const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const keyword = root === 'Query' ? 'query' : 'mutation';
    return {
      query: `${keyword}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${this.selection(field.type, depth, '', without)} }`,
      variables,
    };
  }
}

function typeText(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeText(ref.ofType as TypeRef)}!`;
  if (ref.kind === 'LIST') return `[${typeText(ref.ofType as TypeRef)}]`;
  return ref.name as string;
}

describe('the access policy, walked over the whole schema', () => {
  let api: TestApi;
  let schema: OperationBuilder;
  const members = new Map<Role, TestMember>();
  let otherAdmin: TestMember;
  let otherViewer: TestMember;
  const privateIds: Record<string, string> = {};

  beforeAll(async () => {
    api = await TestApi.start();
    for (const role of ROLES) members.set(role, await api.member(role));
    otherAdmin = await api.organisation('فريق آخر');
    otherViewer = await api.member(VIEWER, otherAdmin.organisationId);
    const { __schema } = await api.ok<{ __schema: { types: SchemaType[] } }>(INTROSPECTION);
    schema = new OperationBuilder(__schema.types);

    // Organisation A's private work, each piece carrying the canary.
    const seed = await captureSeedArticle(api);
    const quote = 'اجتماع استخبارات أمنية لعدة دول غربية مع قادة ميدانيين من تنظيم داعش';
    const { claimId, id: appearanceId } = await annotate(api, { articleId: seed.id, selector: codePointSpan(seed.text, quote) });
    const draft = await createVerdict(api, { claimId, headline: `مسودة ${CANARY}`, summary: CANARY, rationale: CANARY });
    // A published verdict whose history holds a draft wording and a reviewer's note: the history stays home.
    const first = await createVerdict(api, { claimId, headline: `صياغة أولى ${CANARY}` });
    const sent = await verdictStep(api, 'submitVerdictForReview', { id: first.id, expectedVersion: first.version });
    const back = await verdictStep(api, 'returnVerdictToDraft', { id: first.id, expectedVersion: sent.version, note: `أعد الصياغة ${CANARY}` });
    const reworded = await verdictStep(api, 'updateVerdict', { id: first.id, expectedVersion: back.version, headline: 'حكم منشور' });
    const resent = await verdictStep(api, 'submitVerdictForReview', { id: first.id, expectedVersion: reworded.version });
    const published = await verdictStep(api, 'publishVerdict', { id: first.id, expectedVersion: resent.version });
    const review = await verdictStep(api, 'submitVerdictForReview', { id: draft.id, expectedVersion: draft.version });
    await verdictStep(api, 'returnVerdictToDraft', { id: draft.id, expectedVersion: review.version, note: `ملاحظة ${CANARY}` });
    const corrected = await verdictStep(api, 'correctVerdict', {
      id: published.id,
      expectedVersion: published.version,
      note: 'تصحيح علني',
      rationale: 'تعليل علني',
    });
    expect(corrected.status).toBe('CORRECTED');
    await api.ok(`mutation($input: AddClaimNoteInput!) { addClaimNote(input: $input) { id } }`, {
      input: { claimId, text: `ملاحظة داخلية ${CANARY}` },
    });
    const hook = await api.ok<{ registerWebhook: { endpoint: { id: string } } }>(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { endpoint { id } } }`,
      { input: { url: 'https://1.1.1.1/isnad-hook', description: CANARY } },
    );
    Object.assign(privateIds, {
      draft: draft.id,
      published: published.id,
      webhook: hook.registerWebhook.endpoint.id,
      claim: claimId,
      appearance: appearanceId,
      article: seed.id,
      member: members.get(VIEWER)?.memberId as string,
    });
  }, 120_000);

  afterAll(() => api.stop());

  it('classifies every query and mutation of the schema', () => {
    const inSchema = (['Query', 'Mutation'] as const).flatMap((root) => schema.rootFields(root).map((f) => `${root}.${f.name}`));
    expect(inSchema.filter((name) => !(name in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((name) => !inSchema.includes(name))).toEqual([]);
  });

  it('lets each caller reach exactly the operations their role allows', async () => {
    const wrong: string[] = [];
    const callers: [string, TestApi, number][] = [
      ['anonymous', api.as(null), 0],
      ...ROLES.map((role): [string, TestApi, number] => [role, api.as(members.get(role) as TestMember), RANK[role]]),
    ];
    for (const root of ['Query', 'Mutation'] as const) {
      for (const field of schema.rootFields(root)) {
        const needs = EXPECTED[`${root}.${field.name}`];
        // A made-up id: the call must get past (or be stopped by) access, not reach anyone's data.
        const { query, variables } = schema.operation(root, field, '00000000-0000-4000-8000-00000000dead', 1);
        for (const [who, caller, rank] of callers) {
          const response = await caller.gql(query, variables);
          const code = response.errors?.[0]?.extensions?.code;
          // The guard's refusals name the role needed; a service's own FORBIDDEN (a business rule
          // about these made-up arguments) does not, and means the caller got past access.
          const requiredRole = response.errors?.[0]?.extensions?.requiredRole;
          const denied = (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') && requiredRole !== undefined;
          const shouldDeny = rank < RANK[needs];
          const expectedCode = rank === 0 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
          if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'INTERNAL_SERVER_ERROR' || response.status >= 500) {
            wrong.push(`${root}.${field.name} as ${who}: ${code} ${response.errors?.[0]?.message}`);
          } else if (shouldDeny && (code !== expectedCode || requiredRole !== needs || response.data?.[field.name] != null)) {
            wrong.push(`${root}.${field.name} as ${who}: expected ${expectedCode} (${needs}), got ${code ?? 'data'} (${requiredRole})`);
          } else if (!shouldDeny && denied) {
            wrong.push(`${root}.${field.name} as ${who}: refused (${code}: ${response.errors?.[0]?.message})`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  it("never shows one organisation's drafts, review notes or webhooks to another organisation or to the public", async () => {
    const outsiders: [string, TestApi][] = [
      ['anonymous', api.as(null)],
      ['other organisation admin', api.as(otherAdmin)],
      ['other organisation viewer', api.as(otherViewer)],
    ];
    const leaks: string[] = [];
    let answered = 0;
    for (const field of schema.rootFields('Query')) {
      for (const id of Object.values(privateIds)) {
        for (const [who, caller] of outsiders) {
          // A refused field nulls its parents up to the nearest nullable one, hiding its siblings;
          // so each refused path is left out and the query asked again, until nothing is refused.
          const without = new Set<string>();
          let depth = 4;
          for (let attempt = 0; attempt < 25; attempt++) {
            const { query, variables } = schema.operation('Query', field, id, depth, true, without);
            const response = await caller.gql(query, variables);
            if (JSON.stringify(response).includes(CANARY)) leaks.push(`Query.${field.name}(${id}) as ${who}`);
            if (response.errors?.[0]?.extensions?.code === 'QUERY_TOO_COMPLEX' && depth > 2) {
              depth--;
              continue;
            }
            const refused = (response.errors ?? [])
              .map((e) => (e.path ?? []).filter((p) => typeof p === 'string').slice(1).join('.'))
              .filter((p) => p && !without.has(p));
            if (!refused.length) {
              if (response.data?.[field.name] != null) answered++;
              break;
            }
            refused.forEach((p) => without.add(p));
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    // The walk did reach data (public verdicts, shared claims), so the absence of leaks means something.
    expect(answered).toBeGreaterThan(20);

    // The team's own members do see it, through the same walk.
    const verdictField = schema.rootFields('Query').find((f) => f.name === 'verdict') as SchemaField;
    const ownWalk = schema.operation('Query', verdictField, privateIds.draft, 3, true);
    const own = await api.as(members.get(VIEWER) as TestMember).gql(ownWalk.query, ownWalk.variables);
    expect(JSON.stringify(own)).toContain(CANARY);
  }, 240_000);

  it("lets no mutation by another organisation change this organisation's verdicts, webhooks or members", async () => {
    const state = () =>
      api.ok(
        `query($draft: ID!, $published: ID!) {
           draft: verdict(id: $draft) { status version headline rationale }
           published: verdict(id: $published) { status version headline publicNote }
           webhookEndpoints { id url active description }
           members { id role removedAt }
         }`,
        { draft: privateIds.draft, published: privateIds.published },
      );
    const before = await state();
    for (const field of schema.rootFields('Mutation')) {
      for (const id of [privateIds.draft, privateIds.published, privateIds.webhook, privateIds.member]) {
        const { query, variables } = schema.operation('Mutation', field, id, 1, true);
        const response = await api.as(otherAdmin).gql(query, variables);
        expect(JSON.stringify(response)).not.toContain(CANARY);
      }
    }
    expect(await state()).toEqual(before);
  }, 240_000);
});
