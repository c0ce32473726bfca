// The verdict step of `npm run demo`: a fact-checker drafts a verdict on one seed claim, sends it
// to review, the editor publishes it, and the demo prints its ClaimReview JSON-LD and its Atom entry.

import type { Gql } from './demo';

type VerdictStep = { id: string; version: number; status: string };

/** Publishes a FALSE verdict on the claim and prints its ClaimReview and Atom entry. */
export async function publishVerdictDemo(gql: Gql, claimId: string, baseUrl: string): Promise<void> {
  const { ratingScales } = await gql<{ ratingScales: { ratings: { id: string; key: string; label: string }[] }[] }>(`{ ratingScales { ratings { id key label(language: "ar") } } }`);
  const rating = ratingScales[0].ratings.find((r) => r.key === 'FALSE');
  if (!rating) throw new Error('The default rating scale has no FALSE rating');
  const { createVerdict: draft } = await gql<{ createVerdict: VerdictStep }>(
    `mutation($input: CreateVerdictInput!) { createVerdict(input: $input) { id version status } }`,
    {
      input: {
        claimId,
        ratingId: rating.id,
        language: 'ar',
        headline: 'لا دليل على لقاءات بين داعش وأجهزة استخبارات غربية',
        summary: 'الخبر منسوب إلى «مصدر مطلع» مجهول نقلته وكالة سبوتنيك، ولم تؤكده أي جهة مستقلة.',
        rationale: 'بحثنا في بيانات وزارات الخارجية المعنية وفي التقارير المستقلة فلم نجد ما يدعم الادعاء.',
        authors: ['ليلى حداد'],
        evidence: [
          {
            kind: 'OFFICIAL_STATEMENT',
            url: 'https://www.state.gov/briefings-statements/',
            archivedUrl: 'https://web.archive.org/web/2021/https://www.state.gov/briefings-statements/',
            note: 'لا ذكر لأي لقاءات من هذا النوع',
          },
        ],
      },
    },
  );
  const step = async (mutation: string, input: Record<string, unknown>) =>
    (await gql<Record<string, VerdictStep>>(`mutation($input: VerdictStepInput!) { ${mutation}(input: $input) { id version status } }`, { input }))[mutation];
  const inReview = await step('submitVerdictForReview', { id: draft.id, expectedVersion: draft.version });
  const published = await step('publishVerdict', { id: draft.id, expectedVersion: inReview.version, by: 'سامر المحرر' });
  console.log(`\nVerdict ${published.id}: ${draft.status} → ${inReview.status} → ${published.status} (version ${published.version}), rated «${rating.label}»`);

  const { verdict } = await gql<{ verdict: { claimReview: string } }>(`query($id: ID!) { verdict(id: $id) { claimReview } }`, { id: published.id });
  console.log(`\nClaimReview JSON-LD (also at ${baseUrl}/claim-reviews/${published.id}):`);
  console.log(JSON.stringify(JSON.parse(verdict.claimReview), null, 2));

  const atom = await (await fetch(`${baseUrl}/feeds/verdicts.atom`)).text();
  const entry = atom.split(/(?=<entry>)/).find((part) => part.includes(`urn:uuid:${published.id}`));
  console.log(`\nAtom entry (${baseUrl}/feeds/verdicts.atom):`);
  console.log(entry ? `    ${entry.replace(/<\/feed>\s*$/, '').trim()}` : '(not found in the feed)');
}
