import type * as Linkedom from 'linkedom';

// linkedom is loaded on first use, as in html-capture: reviews are read in the worker pool, and the
// API's own process, which imports this library for its other functions, need not hold a DOM idle.
const parseHTML: typeof Linkedom.parseHTML = (...args) => (require('linkedom') as typeof Linkedom).parseHTML(...args);

/** A reviewer's rating exactly as given: never mapped to another scale. */
export interface ClaimReviewRating {
  ratingValue: string | null;
  alternateName: string | null;
  bestRating: string | null;
  worstRating: string | null;
}

/** One schema.org ClaimReview as another fact-checker published it. */
export interface ReadClaimReview {
  /** The review's own URL (absolute); the page's URL when a page carries one review without it. */
  url: string;
  reviewerName: string | null;
  reviewerUrl: string | null;
  rating: ClaimReviewRating;
  claimReviewed: string;
  /** Who made the claim (itemReviewed.author). */
  claimAuthor: string | null;
  /** When the review was published, as given. */
  datePublished: string | null;
  /** Where the claim appeared (itemReviewed.appearance and firstAppearance), absolute URLs. */
  appearances: string[];
  firstAppearance: string | null;
  /** BCP 47 language the review declares (inLanguage), if any. */
  language: string | null;
  /** The ClaimReview object as given, kept as evidence. */
  source: Record<string, unknown>;
}

export type ClaimReviewSkipReason = 'INVALID_JSON_LD' | 'NO_CLAIM_REVIEWED' | 'NO_REVIEW_URL' | 'TOO_MANY_REVIEWS';

/** A ClaimReview (or a JSON-LD block) left out, and why. */
export interface SkippedClaimReview {
  reason: ClaimReviewSkipReason;
  detail: string;
}

export interface ClaimReviewReading {
  reviews: ReadClaimReview[];
  skipped: SkippedClaimReview[];
}

/** Most reviews read from one page or DataFeed; the rest are skipped with TOO_MANY_REVIEWS. */
export const MAX_CLAIM_REVIEWS = 1_000;
const MAX_DEPTH = 32;
const MAX_TEXT = 4_000;

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** `ClaimReview`, `schema:ClaimReview` and `https://schema.org/ClaimReview` all name one type. */
function typesOf(node: Node): string[] {
  return asList(node['@type']).flatMap((t) => (typeof t === 'string' ? [t.replace(/^(schema:|https?:\/\/schema\.org\/)/, '')] : []));
}

/** A JSON-LD text value: a string, a number, a {"@value"} object or the first of a list. */
function textOf(value: unknown): string | null {
  for (const item of asList(value)) {
    const raw = isNode(item) ? (item['@value'] ?? item.name) : item;
    if (typeof raw === 'string' || typeof raw === 'number') {
      const text = String(raw).replace(/\s+/g, ' ').trim().normalize('NFC').slice(0, MAX_TEXT);
      if (text) return text;
    }
  }
  return null;
}

function absoluteUrl(value: unknown, base: string): string | null {
  const raw = typeof value === 'string' ? value : isNode(value) ? textOf(value.url ?? value['@id']) : null;
  if (!raw) return null;
  try {
    const url = new URL(raw.trim(), base);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Every ClaimReview node in a JSON-LD value: single objects, arrays, @graph, DataFeed elements, nested items. */
function collectClaimReviews(value: unknown, found: Node[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectClaimReviews(item, found, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  if (typesOf(value).includes('ClaimReview')) {
    found.push(value);
    return;
  }
  for (const child of Object.values(value)) if (typeof child === 'object') collectClaimReviews(child, found, depth + 1);
}

function readOne(node: Node, pageUrl: string, alone: boolean): ReadClaimReview | SkippedClaimReview {
  const item = asList(node.itemReviewed).find(isNode) ?? {};
  const claimReviewed = textOf(node.claimReviewed) ?? textOf(item.text) ?? textOf(item.name);
  const ownUrl = absoluteUrl(node.url, pageUrl) ?? absoluteUrl(node['@id'], pageUrl);
  if (!claimReviewed) return { reason: 'NO_CLAIM_REVIEWED', detail: `The ClaimReview ${ownUrl ?? 'without a URL'} names no claim (claimReviewed)` };
  const url = ownUrl ?? (alone ? pageUrl : null);
  if (!url) return { reason: 'NO_REVIEW_URL', detail: `The review of "${claimReviewed.slice(0, 80)}" has no url, and the page carries several` };
  const rating = asList(node.reviewRating).find(isNode) ?? {};
  const reviewer = asList(node.author).find(isNode) ?? asList(node.publisher).find(isNode) ?? {};
  const firstAppearance = absoluteUrl(asList(item.firstAppearance)[0], pageUrl);
  const appearances = [...new Set([firstAppearance, ...asList(item.appearance).map((a) => absoluteUrl(a, pageUrl)), item['@type'] === 'Claim' ? null : absoluteUrl(item.url, pageUrl)])]
    .filter((u): u is string => !!u);
  return {
    url,
    reviewerName: textOf(reviewer.name) ?? (typeof node.author === 'string' ? textOf(node.author) : null),
    reviewerUrl: absoluteUrl(reviewer.url, pageUrl),
    rating: {
      ratingValue: textOf(rating.ratingValue),
      alternateName: textOf(rating.alternateName) ?? textOf(rating.name),
      bestRating: textOf(rating.bestRating),
      worstRating: textOf(rating.worstRating),
    },
    claimReviewed,
    claimAuthor: textOf(asList(item.author)[0]),
    datePublished: textOf(node.datePublished),
    appearances,
    firstAppearance,
    language: textOf(node.inLanguage) ?? textOf(item.inLanguage),
    source: node,
  };
}

/**
 * The schema.org ClaimReviews in a fact-check page's JSON-LD blocks, or in a JSON(-LD) document
 * such as a DataFeed (`dataFeedElement`): a single object, arrays and `@graph` alike. Ratings stay
 * as the reviewer gave them. A block that is not JSON, or a review without a claim or a URL, is
 * skipped with its reason; it never stops the others.
 */
export function readClaimReviews(body: string, options: { pageUrl: string; json?: boolean }): ClaimReviewReading {
  const skipped: SkippedClaimReview[] = [];
  const blocks = options.json ? [body] : jsonLdBlocks(body);
  const nodes: Node[] = [];
  blocks.forEach((block, i) => {
    try {
      collectClaimReviews(JSON.parse(block.replace(/^\uFEFF/, '')), nodes);
    } catch (error) {
      skipped.push({ reason: 'INVALID_JSON_LD', detail: `JSON-LD block ${i + 1} is not valid JSON: ${(error as Error).message.slice(0, 200)}` });
    }
  });
  const reviews: ReadClaimReview[] = [];
  const alone = !options.json && nodes.length === 1;
  let beyond = 0;
  for (const node of nodes) {
    const read = readOne(node, options.pageUrl, alone);
    if ('reason' in read) skipped.push(read);
    else if (reviews.length >= MAX_CLAIM_REVIEWS) beyond++;
    else reviews.push(read);
  }
  if (beyond) skipped.push({ reason: 'TOO_MANY_REVIEWS', detail: `Only the first ${MAX_CLAIM_REVIEWS} reviews are read; ${beyond} more were left out` });
  return { reviews, skipped };
}

/** The text of each `<script type="application/ld+json">` of a page. */
function jsonLdBlocks(html: string): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('script')]
    .filter((script) => /^\s*application\/ld\+json\s*(;.*)?$/i.test(script.getAttribute('type') ?? ''))
    .map((script) => script.textContent ?? '')
    .filter((text) => text.trim());
}
