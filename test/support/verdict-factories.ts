import { TestApi } from './test-api';

export const VERDICT_FIELDS = `id status version headline summary rationale language authors reviewer publicNote
  firstPublishedAt publishedAt claimId rating { key value label(language: "ar") }
  evidence { kind url archivedUrl hash note }`;

/** The id of a rating of the default scale, by key (TRUE, FALSE, MISSING_CONTEXT ...). */
export async function defaultRatingId(api: TestApi, key: string): Promise<string> {
  const { ratingScales } = await api.ok<{ ratingScales: { ratings: { id: string; key: string }[] }[] }>(
    `{ ratingScales { ratings { id key } } }`,
  );
  const rating = ratingScales[0].ratings.find((r) => r.key === key);
  if (!rating) throw new Error(`no rating ${key} in the default scale`);
  return rating.id;
}

/** An Arabic draft verdict on the claim, rated FALSE unless told otherwise. */
export async function createVerdict(api: TestApi, input: Record<string, unknown>): Promise<any> {
  const ratingId = input.ratingId ?? (await defaultRatingId(api, 'FALSE'));
  const data = await api.ok<{ createVerdict: any }>(
    `mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { ${VERDICT_FIELDS} } }`,
    {
      input: {
        headline: 'لا دليل على لقاءات بين داعش واستخبارات غربية',
        summary: 'الخبر منسوب إلى «مصدر مطلع» مجهول نقلته وكالة سبوتنيك، ولم تؤكده أي جهة أخرى.',
        rationale: 'بحثنا في البيانات الرسمية ولم نجد ما يدعم الادعاء.',
        authors: ['ليلى حداد'],
        language: 'ar',
        evidence: [
          {
            kind: 'OFFICIAL_STATEMENT',
            url: 'https://www.state.gov/briefings/2021-02-06',
            archivedUrl: 'https://web.archive.org/web/20210206/https://www.state.gov/briefings/2021-02-06',
            note: 'نفي رسمي',
          },
        ],
        ...input,
        ratingId,
      },
    },
  );
  return data.createVerdict;
}

/** Runs one workflow mutation (submitVerdictForReview, publishVerdict ...) and returns the verdict. */
export async function verdictStep(api: TestApi, mutation: string, input: Record<string, unknown>): Promise<any> {
  const inputType = mutation === 'correctVerdict' ? 'CorrectVerdictInput' : mutation === 'updateVerdict' ? 'UpdateVerdictInput' : 'VerdictStepInput';
  const data = await api.ok<Record<string, any>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${VERDICT_FIELDS} } }`,
    { input },
  );
  return data[mutation];
}

/** Drafts, submits and publishes a verdict on the claim; returns it as published. */
export async function publishVerdict(api: TestApi, input: Record<string, unknown>): Promise<any> {
  const draft = await createVerdict(api, input);
  const inReview = await verdictStep(api, 'submitVerdictForReview', { id: draft.id, expectedVersion: draft.version });
  return verdictStep(api, 'publishVerdict', { id: draft.id, expectedVersion: inReview.version, by: 'سامر المحرر' });
}
