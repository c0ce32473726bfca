import { SPUTNIK_OUTLET } from '../fixtures/seed/sputnik-outlet';
import { TestApi, seedArticleText } from './test-api';

export const SEED_URL = 'https://www.syria-news.example/2021/02/isis-meets-western-intelligence/?utm_source=telegram';

export interface CapturedArticle {
  id: string;
  revisionId: string;
  outletId: string;
  text: string;
}

/** Captures an article through the API and returns its ids and stored text. */
export async function captureArticle(
  api: TestApi,
  input: { url: string; text: string; language?: string; title?: string; publishedAt?: string; outletId?: string; keepBoilerplate?: boolean },
): Promise<CapturedArticle & { status: string }> {
  const data = await api.ok<{
    captureArticle: { status: string; revision: { id: string; text: string }; article: { id: string; outletId: string } };
  }>(
    `mutation Capture($input: CaptureArticleInput!) {
       captureArticle(input: $input) { status revision { id text } article { id outletId } }
     }`,
    { input },
  );
  const { article, revision, status } = data.captureArticle;
  return { id: article.id, revisionId: revision.id, outletId: article.outletId, text: revision.text, status };
}

/** The seed article as a fact-checker captures it: Arabic, dated, from a syndicating site. */
export function captureSeedArticle(api: TestApi, url = SEED_URL) {
  return captureArticle(api, {
    url,
    text: seedArticleText(),
    language: 'ar',
    title: 'تنظيم داعش في سوريا يلتقي استخبارات دول غربية',
    publishedAt: '2021-02-05T09:00:00Z',
  });
}

/** Creates an outlet and returns its id. */
export async function createOutlet(api: TestApi, input: Record<string, unknown>): Promise<string> {
  const data = await api.ok<{ createOutlet: { id: string } }>(
    `mutation($input: CreateOutletInput!) { createOutlet(input: $input) { id } }`,
    { input },
  );
  return data.createOutlet.id;
}

/** Creates Sputnik (a state-owned Russian news agency) as fact-checkers would file it. */
export function createSputnik(api: TestApi): Promise<string> {
  return createOutlet(api, SPUTNIK_OUTLET);
}

/** Creates a source and returns its id. */
export async function createSource(api: TestApi, input: Record<string, unknown>): Promise<string> {
  const data = await api.ok<{ createSource: { id: string } }>(
    `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`,
    { input },
  );
  return data.createSource.id;
}

/** Annotates a span of an article as a claim appearance and returns its id and claim id. */
export async function annotate(api: TestApi, input: Record<string, unknown>): Promise<{ id: string; claimId: string }> {
  const data = await api.ok<{ annotateClaim: { id: string; claimId: string } }>(
    `mutation($input: AnnotateClaimInput!) { annotateClaim(input: $input) { id claimId } }`,
    { input },
  );
  return data.annotateClaim;
}

/** The code point offsets of `quote` in `text` (the unit anchors use). */
export function codePointSpan(text: string, quote: string): { start: number; end: number } {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`quote not in text: ${quote}`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...quote].length };
}

/** Sends a GraphQL operation and returns the `extensions.code` of its first error. */
export async function errorCode(api: TestApi, query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
  const response = await api.gql(query, variables);
  return response.errors?.[0]?.extensions?.code;
}
