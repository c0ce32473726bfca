import { annotate, captureArticle, captureSeedArticle, codePointSpan, errorCode, CapturedArticle } from './support/factories';
import { ApiConnection, ApiRatedClaim, ApiRatingScale, ApiVerdict } from './support/api-types';
import { TestApi } from './support/test-api';
import { VERDICT_FIELDS, createVerdict, defaultRatingId, publishVerdict, verdictStep } from './support/verdict-factories';

const MEETINGS = 'عُقدت سلسلة لقاءات لممثلي أجهزة كل من الولايات المتحدة وفرنسا وبريطانيا وعدد من دول المنطقة';
const TRAINING = 'يخضعون لتدريب عسكري خاص تحت إشراف مدربين أميركيين';

describe('verdicts: rating scales, the review workflow, versions and conflicts', () => {
  let api: TestApi;
  let seed: CapturedArticle;
  let meetingsClaimId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    seed = await captureSeedArticle(api);
    meetingsClaimId = (await annotate(api, { articleId: seed.id, selector: codePointSpan(seed.text, MEETINGS) })).claimId;
  });
  afterAll(() => api?.stop());

  it('ships a default scale whose ratings read in Arabic and English, ordinal ones with ClaimReview values', async () => {
    const { ratingScales } = await api.ok<{ ratingScales: ApiRatingScale[] }>(
      `{ ratingScales { name ratings { key value position ar: label(language: "ar") en: label(language: "en") labels { language text } } } }`,
    );
    expect(ratingScales).toHaveLength(1);
    const byKey = Object.fromEntries(ratingScales[0].ratings.map((r) => [r.key, r]));
    expect(byKey.TRUE).toMatchObject({ value: 5, en: 'True', ar: 'صحيح' });
    expect(byKey.FALSE).toMatchObject({ value: 1, en: 'False', ar: 'خاطئ' });
    expect(byKey.MISSING_CONTEXT).toMatchObject({ value: null, en: 'Missing context', ar: 'ينقصه السياق' });
    expect(Object.keys(byKey)).toEqual(
      expect.arrayContaining(['TRUE', 'MOSTLY_TRUE', 'HALF_TRUE', 'MOSTLY_FALSE', 'FALSE', 'MISLEADING', 'UNPROVEN']),
    );
  });

  it('creates a custom scale, and refuses one whose rating lacks an Arabic label', async () => {
    const { createRatingScale } = await api.ok<{ createRatingScale: ApiRatingScale }>(
      `mutation($input: CreateRatingScaleInput!) { createRatingScale(input: $input) { name ratings { key value label(language: "ar-SY") } } }`,
      {
        input: {
          name: 'مقياس الصواب',
          ratings: [
            { key: 'CORRECT', value: 2, labels: [{ language: 'ar', text: 'صحيح' }, { language: 'en', text: 'Correct' }] },
            { key: 'FABRICATED', value: 1, labels: [{ language: 'ar', text: 'مُلفَّق' }, { language: 'en', text: 'Fabricated' }] },
          ],
        },
      },
    );
    expect(createRatingScale.ratings).toEqual([
      { key: 'CORRECT', value: 2, label: 'صحيح' },
      { key: 'FABRICATED', value: 1, label: 'مُلفَّق' },
    ]);
    const response = await api.gql(`mutation($input: CreateRatingScaleInput!) { createRatingScale(input: $input) { id } }`, {
      input: {
        name: 'English only',
        ratings: [
          { key: 'TRUE', value: 2, labels: [{ language: 'en', text: 'True' }, { language: 'fr', text: 'Vrai' }] },
          { key: 'FALSE', value: 1, labels: [{ language: 'en', text: 'False' }, { language: 'ar', text: 'خاطئ' }] },
        ],
      },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ratings.0.labels', missing: ['ar'] });
  });

  it('takes a verdict from draft through review to publication, keeping every version', async () => {
    const draft = await createVerdict(api, { claimId: meetingsClaimId });
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, rating: { key: 'FALSE', value: 1, label: 'خاطئ' }, publishedAt: null });
    expect(draft.evidence[0]).toMatchObject({ kind: 'OFFICIAL_STATEMENT', note: 'نفي رسمي', hash: null });

    const edited = await verdictStep(api, 'updateVerdict', {
      id: draft.id,
      expectedVersion: 1,
      summary: 'لم تؤكد أي جهة مستقلة هذه اللقاءات.',
    });
    const inReview = await verdictStep(api, 'submitVerdictForReview', { id: draft.id, expectedVersion: edited.version });
    const sentBack = await verdictStep(api, 'returnVerdictToDraft', {
      id: draft.id,
      expectedVersion: inReview.version,
      note: 'أضيفوا رابط الأرشيف',
    });
    const again = await verdictStep(api, 'submitVerdictForReview', { id: draft.id, expectedVersion: sentBack.version });
    const published = await verdictStep(api, 'publishVerdict', { id: draft.id, expectedVersion: again.version, by: 'سامر المحرر' });
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 6, reviewer: 'سامر المحرر' });
    expect(published.firstPublishedAt).toBe(published.publishedAt);

    const { verdict } = await api.ok<{ verdict: ApiVerdict }>(
      `query($id: ID!) { verdict(id: $id) { versions { version status summary note reviewer } } }`,
      { id: draft.id },
    );
    expect(verdict.versions.map((v) => [v.version, v.status, v.note])).toEqual([
      [1, 'DRAFT', null],
      [2, 'DRAFT', null],
      [3, 'IN_REVIEW', null],
      [4, 'DRAFT', 'أضيفوا رابط الأرشيف'],
      [5, 'IN_REVIEW', null],
      [6, 'PUBLISHED', null],
    ]);
    expect(verdict.versions[0].summary).toContain('سبوتنيك');
    expect(verdict.versions[5].summary).toBe('لم تؤكد أي جهة مستقلة هذه اللقاءات.');

    // A published verdict changes only by correction; editing it or publishing it again is refused.
    const edit = await api.gql(`mutation($input: UpdateVerdictInput!) { updateVerdict(input: $input) { id } }`, {
      input: { id: draft.id, expectedVersion: 6, headline: 'تعديل صامت' },
    });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION', status: 'PUBLISHED' });
  });

  it('corrects a published verdict with a public note as a new version, then retracts it', async () => {
    const claimId = (await annotate(api, { articleId: seed.id, selector: codePointSpan(seed.text, TRAINING) })).claimId;
    const published = await publishVerdict(api, { claimId });
    const corrected = await verdictStep(api, 'correctVerdict', {
      id: published.id,
      expectedVersion: published.version,
      ratingId: await defaultRatingId(api, 'UNPROVEN'),
      note: 'صحّحنا التقييم: لا يمكن نفي الادعاء، لكنه غير مثبت.',
    });
    expect(corrected).toMatchObject({
      status: 'CORRECTED',
      version: published.version + 1,
      rating: { key: 'UNPROVEN', label: 'غير مثبت' },
      publicNote: 'صحّحنا التقييم: لا يمكن نفي الادعاء، لكنه غير مثبت.',
      firstPublishedAt: published.firstPublishedAt,
    });
    expect(Date.parse(corrected.publishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(published.publishedAt ?? ''));

    const missingNote = await api.gql(`mutation($input: VerdictStepInput!) { retractVerdict(input: $input) { id } }`, {
      input: { id: published.id, expectedVersion: corrected.version },
    });
    expect(missingNote.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const retracted = await verdictStep(api, 'retractVerdict', {
      id: published.id,
      expectedVersion: corrected.version,
      note: 'سحبنا التحقق لأن المصدر الأصلي حُذف.',
    });
    expect(retracted).toMatchObject({ status: 'RETRACTED', publicNote: 'سحبنا التحقق لأن المصدر الأصلي حُذف.' });

    const { verdict } = await api.ok<{ verdict: ApiVerdict }>(
      `query($id: ID!) { verdict(id: $id) { versions { version status rating: ratingId note } } }`,
      { id: published.id },
    );
    // The published version is still there, with its original rating, under the correction.
    const statuses = verdict.versions.map((v) => v.status);
    expect(statuses.slice(-3)).toEqual(['PUBLISHED', 'CORRECTED', 'RETRACTED']);
    expect(verdict.versions.at(-3)?.rating).toBe(await defaultRatingId(api, 'FALSE'));
  });

  it('answers a stale expectedVersion with CONFLICT and loses nothing when two editors save at once', async () => {
    const draft = await createVerdict(api, { claimId: meetingsClaimId, headline: 'مسودة ثانية' });
    const save = (summary: string) =>
      api.gql<{ updateVerdict: { version: number; summary: string } }>(
        `mutation($input: UpdateVerdictInput!) { updateVerdict(input: $input) { version summary } }`,
        { input: { id: draft.id, expectedVersion: 1, summary } },
      );
    const [a, b] = await Promise.all([save('نسخة المحرر الأول'), save('نسخة المحرر الثاني')]);
    const winners = [a, b].filter((r) => !r.errors);
    const losers = [a, b].filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });

    // The loser reloads version 2 and applies the change again; both edits are in the history.
    const retried = await verdictStep(api, 'updateVerdict', {
      id: draft.id,
      expectedVersion: 2,
      summary: winners[0] === a ? 'نسخة المحرر الثاني' : 'نسخة المحرر الأول',
    });
    expect(retried.version).toBe(3);
    const { verdict } = await api.ok<{ verdict: ApiVerdict }>(`query($id: ID!) { verdict(id: $id) { versions { summary } } }`, {
      id: draft.id,
    });
    expect(verdict.versions.map((v) => v.summary).slice(1).sort()).toEqual(['نسخة المحرر الأول', 'نسخة المحرر الثاني'].sort());

    expect(
      await errorCode(api, `mutation($input: VerdictStepInput!) { submitVerdictForReview(input: $input) { id } }`, {
        input: { id: draft.id, expectedVersion: 1 },
      }),
    ).toBe('CONFLICT');
  });

  it('publishes only one of two rival verdicts on one claim when reviewers publish at the same moment', async () => {
    const claimId = (await annotate(api, { articleId: seed.id, selector: { exact: 'مسؤولتين إداريتين' } })).claimId;
    const rivals = await Promise.all(
      ['أولى', 'ثانية'].map(async (headline) => {
        const draft = await createVerdict(api, { claimId, headline });
        return verdictStep(api, 'submitVerdictForReview', { id: draft.id, expectedVersion: draft.version });
      }),
    );
    const attempts = await Promise.all(
      rivals.map((verdict) =>
        api.gql<{ publishVerdict: { id: string; status: string } }>(`mutation($input: VerdictStepInput!) { publishVerdict(input: $input) { id status } }`, {
          input: { id: verdict.id, expectedVersion: verdict.version, by: 'سامر المحرر' },
        }),
      ),
    );
    const published = attempts.filter((a) => a.data?.publishVerdict?.status === 'PUBLISHED');
    const refused = attempts.filter((a) => a.errors?.length);
    expect(published).toHaveLength(1);
    expect(refused.map((a) => a.errors?.[0].extensions?.code)).toEqual(['CONFLICT']);
  });

  it('refuses to merge two claims that each carry a public verdict, leaving both as they were', async () => {
    const first = (await annotate(api, { articleId: seed.id, selector: { exact: 'تدمير سيارة دفع رباعي' } })).claimId;
    const second = (await annotate(api, { articleId: seed.id, selector: { exact: 'وإعطاب أخرى' } })).claimId;
    await publishVerdict(api, { claimId: first, headline: 'الأول' });
    await publishVerdict(api, { claimId: second, headline: 'الثاني' });
    const response = await api.gql(`mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { id } }`, {
      input: { keepId: first, mergeId: second },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', keepId: first, duplicateId: second });
    const { claim } = await api.ok<{ claim: { mergedIntoId: string | null; appearanceCount: number } }>(
      `query($id: ID!) { claim(id: $id) { mergedIntoId appearanceCount } }`,
      { id: second },
    );
    expect(claim).toEqual({ mergedIntoId: null, appearanceCount: 1 });
  });

  it('shows the verdict on every appearance of the claim, in every outlet, and follows claim merges', async () => {
    const copy = await captureArticle(api, {
      url: 'https://mirror-news.example/isis-west',
      text: `نقلاً عن سبوتنيك: ${TRAINING}، بحسب المصدر.`,
      language: 'ar',
      title: 'نسخة من الخبر',
    });
    // Annotated as a separate claim first, then recognised as the same claim and merged.
    const other = await annotate(api, { articleId: copy.id, selector: codePointSpan(copy.text, TRAINING) });
    const { claim } = await api.ok<{ claim: ApiRatedClaim }>(`query($id: ID!) { claim(id: $id) { id } }`, { id: other.claimId });
    const draftOnDuplicate = await createVerdict(api, { claimId: claim.id, headline: 'تحقق على النسخة', ratingId: await defaultRatingId(api, 'MISLEADING') });
    const inReview = await verdictStep(api, 'submitVerdictForReview', { id: draftOnDuplicate.id, expectedVersion: 1 });
    await verdictStep(api, 'publishVerdict', { id: draftOnDuplicate.id, expectedVersion: inReview.version, by: 'سامر' });

    const fresh = await captureArticle(api, { url: 'https://third.example/a', text: `${MEETINGS}.`, language: 'ar' });
    const third = await annotate(api, { articleId: fresh.id, selector: codePointSpan(fresh.text, MEETINGS), claimId: meetingsClaimId });
    const merge = `mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { id } }`;
    const mergeInput = { input: { keepId: third.claimId, mergeId: other.claimId } };
    // Both claims carry a public verdict by the one organisation: the merge waits until one is retracted.
    expect(await errorCode(api, merge, mergeInput)).toBe('CONFLICT');
    const { claim: before } = await api.ok<{ claim: ApiRatedClaim }>(`query($id: ID!) { claim(id: $id) { verdict { id version } } }`, {
      id: meetingsClaimId,
    });
    await verdictStep(api, 'retractVerdict', {
      id: before.verdict.id,
      expectedVersion: before.verdict.version,
      note: 'سُحب لصالح التحقق الأحدث على النسخة المطابقة.',
    });
    await api.ok(merge, mergeInput);
    // The merged duplicate's verdict now applies to the surviving claim, on each of its appearances.
    const { claim: survivor } = await api.ok<{ claim: ApiRatedClaim }>(
      `query($id: ID!) { claim(id: $id) {
         verdict { headline rating { key } claim { id } }
         verdicts { headline }
         appearances { nodes { article { canonicalUrl } verdict { headline } } } } }`,
      { id: meetingsClaimId },
    );
    expect(survivor.verdict).toBeTruthy();
    const headlines = survivor.verdicts.map((v) => v.headline);
    expect(headlines).toEqual(expect.arrayContaining(['تحقق على النسخة', 'لا دليل على لقاءات بين داعش واستخبارات غربية']));
    expect(survivor.appearances.nodes.length).toBeGreaterThanOrEqual(3);
    for (const appearance of survivor.appearances.nodes) expect(appearance.verdict.headline).toBe(survivor.verdict.headline);
    expect(survivor.verdict.claim.id).toBe(meetingsClaimId);

    // Drafts never show publicly.
    expect(headlines).not.toContain('مسودة ثانية');
    const { claim: withDrafts } = await api.ok<{ claim: ApiRatedClaim }>(
      `query($id: ID!) { claim(id: $id) { verdicts(includeUnpublished: true) { headline status } } }`,
      { id: meetingsClaimId },
    );
    expect(withDrafts.verdicts.map((v) => v.headline)).toContain('مسودة ثانية');

    // The verdicts query follows merges too: asked for the surviving claim, it finds both.
    const { verdicts } = await api.ok<{ verdicts: ApiConnection<ApiVerdict> }>(
      `query($claimId: ID!) { verdicts(filter: { claimId: $claimId, statuses: [PUBLISHED, RETRACTED] }) { nodes { headline } } }`,
      { claimId: meetingsClaimId },
    );
    expect(verdicts.nodes.map((v) => v.headline).sort()).toEqual(
      ['تحقق على النسخة', 'لا دليل على لقاءات بين داعش واستخبارات غربية'].sort(),
    );
  });

  it('refuses a second public verdict by the same organisation on one claim', async () => {
    const second = await createVerdict(api, { claimId: meetingsClaimId, headline: 'تحقق مكرر' });
    const inReview = await verdictStep(api, 'submitVerdictForReview', { id: second.id, expectedVersion: 1 });
    const response = await api.gql(`mutation($input: VerdictStepInput!) { publishVerdict(input: $input) { id } }`, {
      input: { id: second.id, expectedVersion: inReview.version, by: 'سامر' },
    });
    expect(response.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('answers NOT_FOUND for an unknown claim or verdict and BAD_USER_INPUT for a malformed one', async () => {
    expect(await errorCode(api, `{ verdict(id: "6f1c2a9e-8b7d-4c6e-9f10-1a2b3c4d5e6f") { id } }`)).toBe('NOT_FOUND');
    expect(await errorCode(api, `{ verdict(id: "nope") { id } }`)).toBe('BAD_USER_INPUT');
    const response = await api.gql(`mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { ${VERDICT_FIELDS} } }`, {
      input: { claimId: '6f1c2a9e-8b7d-4c6e-9f10-1a2b3c4d5e6f', ratingId: await defaultRatingId(api, 'TRUE'), headline: 'x', summary: 'y' },
    });
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
