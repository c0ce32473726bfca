import type * as MozillaReadability from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { normalizeForSearch } from './arabic-normalize';
import { cleanArticleText, RemovedLine } from './boilerplate-clean';
import { NoArticleContentError, PageTooLargeError } from './html-capture.errors';
import { JsonLdArticle, readPageMetadata } from './html-metadata';
import { detectLanguage, TextDirection, textDirection } from './language-detect';

// Loaded on first use: captures run in the worker pool, and the API's own process, which imports
// this library for its other functions, need not hold a DOM and Readability at idle.
let dom: { parseHTML: typeof Linkedom.parseHTML; readability: typeof MozillaReadability } | null = null;
const loadDom = () => (dom ??= { parseHTML: (require('linkedom') as typeof Linkedom).parseHTML, readability: require('@mozilla/readability') as typeof MozillaReadability });

/**
 * Capture of a news page: Readability picks the article body out of a linkedom DOM, the page's
 * own metadata (JSON-LD, Open Graph, <html lang dir>) fills in title, date and publisher, and the
 * boilerplate cleaner drops what Readability lets through (WordPress comment forms, share bars).
 */

export interface ExtractedArticle {
  /** Article body, NFC, paragraphs separated by a blank line; the title is not repeated in it. */
  text: string;
  title: string | null;
  byline: string | null;
  /** ISO 8601 (UTC) or null when the page gives no usable date. */
  publishedAt: string | null;
  /** The publication date as the page declared it, offset included: its calendar day is the publisher's. */
  publishedAtDeclared: string | null;
  language: string;
  dir: TextDirection;
  canonicalUrl: string | null;
  siteName: string | null;
  description: string | null;
  /** Boilerplate lines dropped from the body. */
  removed: RemovedLine[];
  metadata: {
    htmlLang: string | null;
    htmlDir: string | null;
    openGraph: Record<string, string>;
    jsonLd: JsonLdArticle | null;
  };
}

export interface ExtractArticleOptions {
  /** The address the page was fetched from: the canonical URL's fallback and base. */
  url?: string;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const MIN_ARTICLE_CODE_POINTS = 200;
// Elements capture will hand to Readability (counted as start tags once scripts, styles and
// comments are gone). A 5 MB page with 20,000 reader comments has about 65,000 and takes about
// half a second; the limit keeps the worst case near two seconds. Readability's own
// maxElemsToParse cannot do this under linkedom, whose getElementsByTagName('*') returns nothing.
export const MAX_CAPTURE_ELEMENTS = 200_000;
const BLOCKS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'UL', 'OL', 'SECTION',
  'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'HR', 'BR', 'ASIDE', 'MAIN', 'NAV',
]);

/** The article in `html` with its metadata; throws NoArticleContentError when there is none, PageTooLargeError past MAX_CAPTURE_ELEMENTS. */
export function extractArticleFromHtml(html: string, opts: ExtractArticleOptions = {}): ExtractedArticle {
  if (!html || !/<[a-z!]/iu.test(html)) throw new NoArticleContentError('the input is not HTML');
  const meta = readPageMetadata(html);
  const markup = withoutInertMarkup(html);
  const elements = countStartTags(markup);
  if (elements > MAX_CAPTURE_ELEMENTS) throw new PageTooLargeError(elements, MAX_CAPTURE_ELEMENTS);
  const { parseHTML, readability } = loadDom();
  const { document } = parseHTML(markup);
  if (!readability.isProbablyReaderable(document, { minContentLength: 80, minScore: 20 }) && !meta.jsonLd) {
    throw new NoArticleContentError('no block of running text on the page');
  }
  const parsed = new readability.Readability<DomNode>(document, {
    charThreshold: 300,
    serializer: (node) => node as unknown as DomNode,
  }).parse();
  if (!parsed?.content) throw new NoArticleContentError('Readability found no article body');

  const og = meta.openGraph;
  const ld = meta.jsonLd;
  const title = firstOf(ld?.headline, og['og:title'], parsed.title, meta.titleTag);
  const rawText = paragraphsOf(parsed.content).join('\n\n').normalize('NFC');
  const cleaned = cleanArticleText(rawText, { title: title ?? undefined });
  const text = withoutLeadingByline(withoutLeadingTitle(cleaned.text, title));
  if (Array.from(text).length < MIN_ARTICLE_CODE_POINTS) throw new NoArticleContentError('the article body is too short');

  const declaredDate = firstOf(ld?.datePublished, og['article:published_time'], meta.named.datepublished, meta.named.pubdate, meta.named.date, meta.timeDatetime, parsed.publishedTime);
  const detected = detectLanguage(text);
  const declared = meta.htmlLang?.split(/[-_]/u)[0].toLowerCase() ?? null;
  // WordPress ships lang="en-US" on Arabic sites: the text outranks the declaration.
  const language = detected !== 'und' ? detected : declared ?? ld?.inLanguage ?? 'und';
  const dir = language === 'und' && (meta.htmlDir === 'rtl' || meta.htmlDir === 'ltr') ? meta.htmlDir : textDirection(language);

  return {
    text,
    title,
    byline: firstOf(ld?.authors.join(', '), meta.named.author, og['article:author'], parsed.byline),
    publishedAt: isoDate(declaredDate),
    publishedAtDeclared: isoDate(declaredDate) ? declaredDate : null,
    language,
    dir,
    canonicalUrl: absoluteUrl(firstOf(meta.canonicalUrl, og['og:url'], ld?.url, opts.url), opts.url),
    siteName: firstOf(og['og:site_name'], ld?.publisher, parsed.siteName),
    description: firstOf(og['og:description'], meta.named.description, ld?.description, parsed.excerpt),
    removed: cleaned.removed,
    metadata: { htmlLang: meta.htmlLang, htmlDir: meta.htmlDir, openGraph: og, jsonLd: ld },
  };
}

/** Scripts, styles, comments and embedded SVG carry no article text but cost most of the parse. */
function withoutInertMarkup(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<(script|style|noscript|svg|template|iframe|canvas|object)\b[^>]*>[\s\S]*?<\/\1\s*>/giu, '')
    .replace(/<(script|style)\b[^>]*\/>/giu, '');
}

function countStartTags(markup: string): number {
  let count = 0;
  const pattern = /<[a-z]/giu;
  while (pattern.exec(markup)) count++;
  return count;
}

function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const paragraph = current.replace(/[ \t\r\n\f]+/gu, ' ').trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const block = BLOCKS.has(node.nodeName.toUpperCase());
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

function withoutLeadingTitle(text: string, title: string | null): string {
  if (!title) return text;
  const [first, ...rest] = text.split('\n\n');
  return normalizeForSearch(first) === normalizeForSearch(title) ? rest.join('\n\n') : text;
}

// "By Jane Doe" / "بقلم …" above the body is the byline, already in its own field.
function withoutLeadingByline(text: string): string {
  const [first, ...rest] = text.split('\n\n');
  const isByline = /^(?:by|بقلم|كتب|كتبت|إعداد)\s/iu.test(first) && first.split(/\s+/u).length <= 8 && !/[.!?؟]$/u.test(first);
  return isByline ? rest.join('\n\n') : text;
}

function firstOf(...values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const trimmed = value?.replace(/\s+/gu, ' ').trim();
    if (trimmed) return trimmed;
  }
  return null;
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function absoluteUrl(value: string | null, base: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value, base).toString();
  } catch {
    return /^https?:\/\//iu.test(value) ? value : null;
  }
}
