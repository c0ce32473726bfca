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
