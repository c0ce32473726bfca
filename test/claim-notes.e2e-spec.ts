import { Role } from '@isnad/auth';
import { annotate, captureSeedArticle, errorCode } from './support/factories';
import { TestApi, TestMember } from './support/test-api';

// Two teams check the same Sputnik claim. Each keeps its own working notes on it; neither sees the other's.

const NOTES = `query($id: ID!) { claim(id: $id) { notes { id text authorName organisationId } } }`;
const ADD = `mutation($input: AddClaimNoteInput!) { addClaimNote(input: $input) { id claimId text authorName } }`;

describe("a team's internal notes on a shared claim", () => {
  let api: TestApi;
  let annotator: TestMember;
  let colleague: TestMember;
  let viewer: TestMember;
  let editor: TestMember;
  let misbar: TestMember;
  let claimId: string;
  let duplicateId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    [annotator, colleague, viewer, editor, misbar] = await Promise.all([
      api.member(Role.ANNOTATOR),
      api.member(Role.ANNOTATOR),
      api.member(Role.VIEWER),
      api.member(Role.EDITOR),
      api.organisation('مسبار'),
    ]);
    const seed = await captureSeedArticle(api);
    claimId = (await annotate(api, { articleId: seed.id, selector: { exact: 'اجتماع استخبارات أمنية لعدة دول غربية' } })).claimId;
    duplicateId = (await annotate(api, { articleId: seed.id, selector: { exact: 'مع قادة ميدانيين من تنظيم داعش' } })).claimId;
  }, 60_000);
  afterAll(() => api.stop());

  it("keeps each organisation's notes to itself, with who wrote them", async () => {
    const ours = await api.as(annotator).ok<{ addClaimNote: { claimId: string; text: string; authorName: string } }>(ADD, {
      input: { claimId, text: 'اتصلنا بوزارة الخارجية، بانتظار الرد. ‏Called the ministry (٣ calls).' },
    });
    expect(ours.addClaimNote).toMatchObject({ claimId, authorName: 'Test annotator', text: 'اتصلنا بوزارة الخارجية، بانتظار الرد. ‏Called the ministry (٣ calls).' });
    await api.as(misbar).ok(ADD, { input: { claimId, text: 'مسبار: المصدر الوحيد سبوتنيك' } });

    const seenByViewer = await api.as(viewer).ok<{ claim: { notes: { text: string }[] } }>(NOTES, { id: claimId });
    expect(seenByViewer.claim.notes.map((n) => n.text)).toEqual([ours.addClaimNote.text]);
    const seenByMisbar = await api.as(misbar).ok<{ claim: { notes: { text: string }[] } }>(NOTES, { id: claimId });
    expect(seenByMisbar.claim.notes.map((n) => n.text)).toEqual(['مسبار: المصدر الوحيد سبوتنيك']);
    expect(await errorCode(api.as(null), NOTES, { id: claimId })).toBe('UNAUTHENTICATED');
    expect(await errorCode(api.as(viewer), ADD, { input: { claimId, text: 'ملاحظة' } })).toBe('FORBIDDEN');
    expect(await errorCode(api.as(annotator), ADD, { input: { claimId, text: '   ' } })).toBe('BAD_USER_INPUT');
  });

  it('lets the author or an editor remove a note, and no one from another organisation', async () => {
    const { addClaimNote } = await api.as(annotator).ok<{ addClaimNote: { id: string } }>(ADD, { input: { claimId, text: 'مسودة ملاحظة' } });
    const remove = `mutation($id: ID!) { deleteClaimNote(id: $id) }`;
    expect(await errorCode(api.as(misbar), remove, { id: addClaimNote.id })).toBe('NOT_FOUND');
    expect(await errorCode(api.as(colleague), remove, { id: addClaimNote.id })).toBe('FORBIDDEN');
    await api.as(editor).ok(remove, { id: addClaimNote.id });
    const { claim } = await api.as(viewer).ok<{ claim: { notes: { id: string }[] } }>(NOTES, { id: claimId });
    expect(claim.notes.map((n) => n.id)).not.toContain(addClaimNote.id);
  });

  it('moves notes with their claim when it is merged into another', async () => {
    const { addClaimNote } = await api.as(annotator).ok<{ addClaimNote: { id: string } }>(ADD, { input: { claimId: duplicateId, text: 'على المكرر' } });
    await api.as(editor).ok(`mutation { mergeClaims(input: { keepId: "${claimId}", mergeId: "${duplicateId}" }) { id } }`);
    const { claim } = await api.as(viewer).ok<{ claim: { notes: { id: string }[] } }>(NOTES, { id: claimId });
    expect(claim.notes.map((n) => n.id)).toContain(addClaimNote.id);
    // A note written on the merged claim's id lands on the surviving one.
    const late = await api.as(annotator).ok<{ addClaimNote: { claimId: string } }>(ADD, { input: { claimId: duplicateId, text: 'متأخرة' } });
    expect(late.addClaimNote.claimId).toBe(claimId);
  });
});
