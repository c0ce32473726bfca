import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { XMLParser } from 'fast-xml-parser';

/** One item a feed lists: the page to fetch, and when the feed says it last changed. */
export interface FeedItem {
  url: string;
  title: string | null;
  /** The item's updated/published/lastmod stamp as given; a new value means the page changed. */
  updated: string | null;
}

/** Thrown when a body is not a feed this parser knows. */
export class NotAFeedError extends Error {}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return text((value as Record<string, unknown>)['#text']);
  const s = String(value).trim();
  return s || null;
};

/**
 * The items of an RSS 2.0, Atom or JSON Feed (read by @extractus/feed-extractor) or of a
 * (news) sitemap (read by fast-xml-parser), in feed order. Items without a link are left out.
 */
export function parseFeedItems(body: string, baseUrl?: string): FeedItem[] {
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(start);
    } catch {
      throw new NotAFeedError('The JSON feed is not valid JSON');
    }
    const feed = extractFromJson(json as Record<string, unknown>, { useISODateFormat: true, baseUrl });
    return (feed.entries ?? []).flatMap((e) => (e.link ? [{ url: e.link, title: e.title ?? null, updated: e.published ?? null }] : []));
  }
  if (/<(urlset|sitemapindex)\b/.test(start.slice(0, 2000))) return sitemapItems(start);
  let feed: ReturnType<typeof extractFromXml>;
  try {
    feed = extractFromXml(start, { useISODateFormat: true, baseUrl, getExtraEntryFields: (entry: Record<string, unknown>) => ({ updated: text(entry.updated) }) });
  } catch (error) {
    throw new NotAFeedError(`Not an RSS, Atom or JSON feed: ${(error as Error).message}`);
  }
  if (!feed || !Array.isArray(feed.entries)) throw new NotAFeedError('Not an RSS, Atom or JSON feed');
  return feed.entries.flatMap((e) => {
    const entry = e as typeof e & { updated?: string | null };
    return e.link ? [{ url: e.link, title: e.title ?? null, updated: entry.updated ?? e.published ?? null }] : [];
  });
}

/** A sitemap's URLs with <lastmod> or the news extension's publication date. */
function sitemapItems(xml: string): FeedItem[] {
  const parsed = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, processEntities: true }).parse(xml) as Record<string, any>;
  if (parsed.sitemapindex) throw new NotAFeedError('A sitemap index: watch one of the sitemaps it lists');
  return asArray<Record<string, any>>(parsed.urlset?.url).flatMap((entry) => {
    const url = text(entry.loc);
    if (!url) return [];
    const news = entry.news as Record<string, unknown> | undefined;
    return [{ url, title: text(news?.title), updated: text(entry.lastmod) ?? text(news?.publication_date) }];
  });
}
