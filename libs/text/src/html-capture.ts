import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeForSearch } from './arabic-normalize';
import { cleanArticleText, RemovedLine } from './boilerplate-clean';
import { NoArticleContentError } from './html-capture.errors';
import { JsonLdArticle, readPageMetadata } from './html-metadata';
import { detectLanguage, TextDirection, textDirection } from './language-detect';

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
// Elements Readability is allowed to score. A 5 MB page of real markup stays far below; past it
// the page is a dump, not an article, and Readability's cost grows with every element.
const MAX_ELEMENTS = 60_000;
const BLOCKS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'UL', 'OL', 'SECTION',
  'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'HR', 'BR', 'ASIDE', 'MAIN', 'NAV',
]);

/** The article in `html` with its metadata; throws NoArticleContentError when there is none. */
export function extractArticleFromHtml(html: string, opts: ExtractArticleOptions = {}): ExtractedArticle {
  if (!html || !/<[a-z!]/iu.test(html)) throw new NoArticleContentError('the input is not HTML');
  const meta = readPageMetadata(html);
  const { document } = parseHTML(withoutInertMarkup(html));
  if (!isProbablyReaderable(document, { minContentLength: 80, minScore: 20 }) && !meta.jsonLd) {
    throw new NoArticleContentError('no block of running text on the page');
  }
  let parsed: ReturnType<Readability<DomNode>['parse']>;
  try {
    parsed = new Readability<DomNode>(document, {
      maxElemsToParse: MAX_ELEMENTS,
      charThreshold: 300,
      serializer: (node) => node as unknown as DomNode,
    }).parse();
  } catch (error) {
    if (error instanceof Error && /Aborting parsing document/u.test(error.message)) {
      throw new NoArticleContentError(`the page has more than ${MAX_ELEMENTS} elements`);
    }
    throw error;
  }
  if (!parsed?.content) throw new NoArticleContentError('Readability found no article body');

  const og = meta.openGraph;
  const ld = meta.jsonLd;
  const title = firstOf(ld?.headline, og['og:title'], parsed.title, meta.titleTag);
  const rawText = paragraphsOf(parsed.content).join('\n\n').normalize('NFC');
  const cleaned = cleanArticleText(rawText, { title: title ?? undefined });
  const text = withoutLeadingTitle(cleaned.text, title);
  if (Array.from(text).length < MIN_ARTICLE_CODE_POINTS) throw new NoArticleContentError('the article body is too short');

  const detected = detectLanguage(text);
  const declared = meta.htmlLang?.split(/[-_]/u)[0].toLowerCase() ?? null;
  // WordPress ships lang="en-US" on Arabic sites: the text outranks the declaration.
  const language = detected !== 'und' ? detected : declared ?? ld?.inLanguage ?? 'und';
  const dir = language === 'und' && (meta.htmlDir === 'rtl' || meta.htmlDir === 'ltr') ? meta.htmlDir : textDirection(language);

  return {
    text,
    title,
    byline: firstOf(ld?.authors.join(', '), meta.named.author, og['article:author'], parsed.byline),
    publishedAt: isoDate(firstOf(ld?.datePublished, og['article:published_time'], meta.named.datepublished, meta.named.pubdate, meta.named.date, meta.timeDatetime, parsed.publishedTime)),
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
