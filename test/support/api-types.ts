// The API's object types as e2e tests read them back: each test selects some of these fields,
// and reads only the ones it selected.

export interface ApiOutlet {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  languages: string[];
  ownership: string;
  affiliationNote: string | null;
  domains: string[];
  mergedIntoId: string | null;
  articles: ApiConnection<ApiArticle>;
  relayedSources: { appearanceCount: number; source: ApiSource }[];
}

export interface ApiSource {
  id: string;
  kind: string;
  name: string;
  description: string | null;
  mergedIntoId: string | null;
  outlet: ApiOutlet | null;
  confidedToOutlet: ApiOutlet | null;
  claims: ApiConnection<ApiClaim>;
}

export interface ApiRevision {
  id: string;
  number: number;
  text: string;
  contentHash: string;
  rawInput: string | null;
  rawFormat: string;
  removedLines: { kind: string; line: string }[];
}

export interface ApiArticle {
  id: string;
  outletId: string;
  canonicalUrl: string;
  displayUrl: string;
  title: string | null;
  language: string | null;
  direction: string;
  publishedAt: string | null;
  text: string;
  revisionCount: number;
  outlet: ApiOutlet;
  latestRevision: ApiRevision;
  revisions: ApiRevision[];
  claimAppearances: ApiAppearance[];
}

export interface ApiHop {
  position: number;
  relation: string;
  cue: string | null;
  source: ApiSource;
}

export interface ApiAnchor {
  start: number;
  end: number;
  exact: string;
}

export interface ApiAppearance extends ApiAnchor {
  id: string;
  prefix: string;
  suffix: string;
  claim: ApiClaim;
  article: ApiArticle;
  revision: ApiRevision;
  claimant: ApiSource | null;
  attributionChain: ApiHop[];
  latestRevisionAnchor: { revisionNumber: number; anchor: ApiAnchor | null };
}

export interface ApiClaim {
  id: string;
  statement: string;
  language: string | null;
  tags: { label: string }[];
  appearanceCount: number;
  appearances: ApiConnection<ApiAppearance>;
}

export interface ApiConnection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface ApiCapture {
  status: string;
  article: ApiArticle;
  revision: ApiRevision;
}

export interface ApiRating {
  id: string;
  key: string;
  value: number | null;
  position: number;
  label: string;
  ar: string;
  en: string;
  labels: { language: string; text: string }[];
}

export interface ApiRatingScale {
  id: string;
  name: string;
  ratings: ApiRating[];
}

export interface ApiVerdictVersion {
  version: number;
  status: string;
  note: string | null;
  summary: string;
  rating: string;
}

export interface ApiVerdict {
  id: string;
  status: string;
  version: number;
  headline: string;
  summary: string;
  claimId: string;
  authors: string[];
  reviewer: string | null;
  publicNote: string | null;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  rating: ApiRating;
  evidence: { kind: string; url: string | null; archivedUrl: string | null; hash: string | null; note: string | null }[];
  claim: { id: string };
  versions: ApiVerdictVersion[];
}

/** A claim with the verdict fields the verdicts library adds to it. */
export interface ApiRatedClaim extends ApiClaim {
  verdict: ApiVerdict;
  verdicts: ApiVerdict[];
  appearances: ApiConnection<ApiAppearance & { verdict: ApiVerdict }>;
}
