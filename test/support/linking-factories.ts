import { TestApi } from './test-api';

export interface ClaimMatchView {
  claimId: string;
  score: number;
  threshold: number;
  relation: string;
  matchedKind: string;
  matchedLanguage: string | null;
  reasons: { kind: string; values: string[] }[];
  claim: { id: string; statement: string };
}

export const MATCH_FIELDS = 'claimId score threshold relation matchedKind matchedLanguage reasons { kind values } claim { id statement }';

/** Asks for existing claims stated by `text` (above the suggestion threshold unless minScore is given). */
export async function claimMatches(
  api: TestApi,
  text: string,
  options: { language?: string; first?: number; minScore?: number } = {},
): Promise<ClaimMatchView[]> {
  const data = await api.ok<{ claimMatches: ClaimMatchView[] }>(
    `query($text: String!, $language: String, $first: Int, $minScore: Float) {
       claimMatches(text: $text, language: $language, first: $first, minScore: $minScore) { ${MATCH_FIELDS} }
     }`,
    { text, ...options },
  );
  return data.claimMatches;
}

/** Records a fact-checker's translation of a claim. */
export async function addTranslation(api: TestApi, claimId: string, language: string, text: string): Promise<string> {
  const data = await api.ok<{ addClaimTranslation: { id: string } }>(
    `mutation($input: AddClaimTranslationInput!) { addClaimTranslation(input: $input) { id } }`,
    { input: { claimId, language, text } },
  );
  return data.addClaimTranslation.id;
}

/** The suggestions shown for an appearance. */
export async function matchSuggestions(api: TestApi, appearanceId: string): Promise<ClaimMatchView[]> {
  const data = await api.ok<{ claimAppearance: { matchSuggestions: ClaimMatchView[] } }>(
    `query($id: ID!) { claimAppearance(id: $id) { matchSuggestions { ${MATCH_FIELDS} } } }`,
    { id: appearanceId },
  );
  return data.claimAppearance.matchSuggestions;
}
