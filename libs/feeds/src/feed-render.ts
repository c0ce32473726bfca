import { Feed } from 'feed';
import {
  VerdictBundle,
  VerdictEntry,
  VerdictStatus,
  escapeHtml,
  ratingLabel,
  stripUnsafeControls,
  toClaimReview,
  verdictUrls,
} from '@isnad/verdicts';

/** The links and wording of one feed page. */
export interface FeedContext {
  baseUrl: string;
  /** This page, in the format asked for. */
  selfUrl: string;
  /** The next page, or null on the last one. */
  nextUrl: string | null;
  /** The same feed in each format (first page), for the discovery links. */
  formats: { atom: string; rss: string; json: string };
  title: string;
  language: string | null;
  updated: Date;
}

const RETRACTED = { ar: 'سُحب التحقق', en: 'Retracted' };

/** Text safe for a feed: no XML-forbidden controls, no bidi overrides, NFC. */
const plain = (text: string) => stripUnsafeControls(text).normalize('NFC');
/** The same, as HTML text (for Atom type="html" and RSS, which readers render as HTML). */
const html = (text: string) => escapeHtml(plain(text));

function entryTitle(bundle: VerdictEntry): string {
  const { verdict } = bundle;
  if (verdict.status !== VerdictStatus.RETRACTED) return verdict.headline;
  return `${verdict.language.startsWith('ar') ? RETRACTED.ar : RETRACTED.en}: ${verdict.headline}`;
}

/** The entry body: the claim, the rating, the summary, where the claim appeared, any correction. */
function entryHtml(bundle: VerdictEntry, baseUrl: string): string {
  const { verdict, claim, rating, appearances } = bundle;
  const dir = verdict.language.startsWith('ar') ? 'rtl' : 'ltr';
  const parts = [
    `<div dir="${dir}" lang="${html(verdict.language)}">`,
    `<blockquote>${html(claim.statement)}</blockquote>`,
    `<p><strong>${html(ratingLabel(rating, verdict.language))}</strong></p>`,
    `<p>${html(verdict.summary)}</p>`,
  ];
  if (verdict.publicNote) parts.push(`<p><em>${html(verdict.publicNote)}</em></p>`);
  if (appearances.length) {
    parts.push(
      '<ul>',
      ...appearances.map(
        (a) => `<li><a href="${html(a.article.canonicalUrl)}">${html(a.outlet?.name ?? a.article.canonicalUrl)}</a> ${a.date.toISOString().slice(0, 10)}</li>`,
      ),
      '</ul>',
    );
  }
  parts.push(`<p><a href="${html(verdictUrls(baseUrl, verdict.id).page)}">${html(verdict.headline)}</a></p>`, '</div>');
  return parts.join('');
}

function buildFeed(bundles: VerdictEntry[], ctx: FeedContext): Feed {
  const feed = new Feed({
    title: plain(ctx.title),
    id: ctx.formats.atom,
    link: ctx.baseUrl,
    language: ctx.language ?? undefined,
    updated: ctx.updated,
    copyright: '',
    generator: 'Isnad',
    feedLinks: { atom: ctx.selfUrl, rss: ctx.selfUrl },
  });
  for (const bundle of bundles) {
    const { verdict, rating } = bundle;
    feed.addItem({
      // Atom title/summary are type="html" and RSS readers render HTML: escaped once, so markup in
      // a headline shows as text.
      title: html(entryTitle(bundle)),
      id: `urn:uuid:${verdict.id}`,
      guid: `urn:uuid:${verdict.id}`,
      link: verdictUrls(ctx.baseUrl, verdict.id).page,
      date: verdict.publishedAt as Date,
      published: (verdict.firstPublishedAt ?? verdict.publishedAt) as Date,
      description: html(`${ratingLabel(rating, verdict.language)} — ${verdict.summary}`),
      content: entryHtml(bundle, ctx.baseUrl),
      author: verdict.authors.map((name) => ({ name: plain(name) })),
      category: [{ name: plain(ratingLabel(rating, verdict.language)), term: rating.key }],
    });
  }
  return feed;
}

/** Atom 1.0 (RFC 4287), with an RFC 5005 rel="next" link when there is a next page. */
export function renderAtom(bundles: VerdictEntry[], ctx: FeedContext): string {
  const xml = buildFeed(bundles, ctx).atom1();
  if (!ctx.nextUrl) return xml;
  // The feed library has no slot for rel="next"; it goes after the generated self link.
  return xml.replace('</generator>', `</generator>\n    <link rel="next" href="${escapeHtml(ctx.nextUrl)}"/>`);
}

/** RSS 2.0. */
export function renderRss(bundles: VerdictEntry[], ctx: FeedContext): string {
  return buildFeed(bundles, ctx).rss2();
}

/**
 * JSON Feed 1.1. Built here rather than by the feed library, which writes version 1 (no
 * `authors`, `language`). JSON needs no escaping beyond JSON.stringify; `content_html` is escaped
 * HTML like the XML feeds.
 */
export function renderJsonFeed(bundles: VerdictEntry[], ctx: FeedContext): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: plain(ctx.title),
    home_page_url: ctx.baseUrl,
    feed_url: ctx.selfUrl,
    ...(ctx.nextUrl ? { next_url: ctx.nextUrl } : {}),
    ...(ctx.language ? { language: ctx.language } : {}),
    items: bundles.map((bundle) => {
      const { verdict, rating } = bundle;
      return {
        id: `urn:uuid:${verdict.id}`,
        url: verdictUrls(ctx.baseUrl, verdict.id).page,
        title: plain(entryTitle(bundle)),
        summary: plain(`${ratingLabel(rating, verdict.language)} — ${verdict.summary}`),
        content_html: entryHtml(bundle, ctx.baseUrl),
        date_published: (verdict.firstPublishedAt ?? verdict.publishedAt as Date).toISOString(),
        date_modified: (verdict.publishedAt as Date).toISOString(),
        language: verdict.language,
        authors: verdict.authors.map((name) => ({ name: plain(name) })),
        tags: [rating.key, verdict.status],
        _isnad: { status: verdict.status, version: verdict.version, rating: { key: rating.key, value: rating.value } },
      };
    }),
  });
}

/**
 * A schema.org DataFeed of the ClaimReviews on this page (retracted verdicts carry no ClaimReview
 * and are left out), the bulk format fact-check aggregators read.
 */
export function renderDataFeed(bundles: VerdictBundle[], ctx: FeedContext): string {
  return JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    '@id': ctx.selfUrl,
    name: plain(ctx.title),
    url: ctx.selfUrl,
    dateModified: ctx.updated.toISOString(),
    ...(ctx.nextUrl ? { relatedLink: ctx.nextUrl } : {}),
    dataFeedElement: bundles
      .filter((b) => b.verdict.status !== VerdictStatus.RETRACTED)
      .map((bundle) => {
        const { '@context': _context, ...review } = toClaimReview(bundle, ctx.baseUrl);
        return review;
      }),
  });
}
