/**
 * Article metadata a page declares about itself: Open Graph and article:* meta tags, JSON-LD
 * NewsArticle/Article (also inside @graph, as Yoast writes it), <link rel=canonical>, <html lang dir>.
 * Publishers' JSON-LD is often broken; a block that does not parse is repaired once or skipped.
 */

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  description: string | null;
  url: string | null;
  inLanguage: string | null;
}

export interface PageMetadata {
  htmlLang: string | null;
  htmlDir: string | null;
  canonicalUrl: string | null;
  /** og:* and article:* properties, first value of each. */
  openGraph: Record<string, string>;
  /** <meta name=…> values (description, author, pubdate…), first value of each, names lower-cased. */
  named: Record<string, string>;
  jsonLd: JsonLdArticle | null;
  /** The first <time datetime> in the page. */
  timeDatetime: string | null;
  titleTag: string | null;
}

const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BlogPosting', 'OpinionNewsArticle', 'BackgroundNewsArticle', 'Report']);

/** Reads the metadata from the raw HTML with tolerant tag scanning, before any DOM is built. */
export function readPageMetadata(html: string): PageMetadata {
  const openGraph: Record<string, string> = {};
  const named: Record<string, string> = {};
  let canonicalUrl: string | null = null;
  const head = html.slice(0, headEnd(html));

  for (const tag of head.match(/<meta\b[^>]*>/giu) ?? []) {
    const attrs = attributesOf(tag);
    const content = attrs.content;
    if (content === undefined) continue;
    const property = attrs.property?.toLowerCase();
    const name = (attrs.name ?? attrs.itemprop)?.toLowerCase();
    if (property && (property.startsWith('og:') || property.startsWith('article:')) && !(property in openGraph)) openGraph[property] = decodeEntities(content).trim();
    if (name && !(name in named)) named[name] = decodeEntities(content).trim();
  }
  for (const tag of head.match(/<link\b[^>]*>/giu) ?? []) {
    const attrs = attributesOf(tag);
    if (attrs.rel?.toLowerCase().split(/\s+/u).includes('canonical') && attrs.href && !canonicalUrl) canonicalUrl = decodeEntities(attrs.href).trim();
  }
  const htmlTag = /<html\b[^>]*>/iu.exec(html)?.[0];
  const htmlAttrs = htmlTag ? attributesOf(htmlTag) : {};
  const time = /<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']/iu.exec(html)?.[1] ?? null;
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/iu.exec(head)?.[1];

  return {
    htmlLang: htmlAttrs.lang?.trim() || null,
    htmlDir: htmlAttrs.dir?.trim().toLowerCase() || null,
    canonicalUrl,
    openGraph,
    named,
    jsonLd: readJsonLd(html),
    timeDatetime: time,
    titleTag: title ? decodeEntities(title).replace(/\s+/gu, ' ').trim() || null : null,
  };
}

/** The first Article-like JSON-LD object in the page, or null. */
export function readJsonLd(html: string): JsonLdArticle | null {
  const blocks = html.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/giu);
  for (const [, body] of blocks) {
    const parsed = parseLenient(body);
    const article = findArticle(parsed, 0);
    if (article) return toJsonLdArticle(article);
  }
  return null;
}

function headEnd(html: string): number {
  const end = html.search(/<\/head>|<body\b/iu);
  // A page with no head still has its meta tags somewhere near the top.
  return end >= 0 ? end : Math.min(html.length, 200_000);
}

function attributesOf(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gu)) {
    const key = m[1].toLowerCase();
    if (!(key in attrs)) attrs[key] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

function parseLenient(body: string): unknown {
  const text = body.trim().replace(/^<!\[CDATA\[|\]\]>$/gu, '').replace(/^<!--|-->$/gu, '').trim();
  try {
    return JSON.parse(text);
  } catch {
    // Common breakage: trailing commas, raw newlines inside strings, a stray semicolon.
    const repaired = text.replace(/,\s*([}\]])/gu, '$1').replace(/[\u0000-\u001f]+/gu, ' ').replace(/;\s*$/u, '');
    try {
      return JSON.parse(repaired);
    } catch {
      return null;
    }
  }
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function findArticle(node: unknown, depth: number): JsonObject | null {
  if (depth > 6) return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(node)) return null;
  if (typesOf(node).some((t) => ARTICLE_TYPES.has(t))) return node;
  if (node['@graph']) return findArticle(node['@graph'], depth + 1);
  if (isObject(node.mainEntity)) return findArticle(node.mainEntity, depth + 1);
  return null;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return decodeEntities(value).trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value.name ?? value['@value'] ?? value['@id']);
  return null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (isObject(v) ? text(v.name) : text(v))).filter((n): n is string => !!n);
}

function toJsonLdArticle(node: JsonObject): JsonLdArticle {
  const page = node.mainEntityOfPage;
  return {
    type: typesOf(node).find((t) => ARTICLE_TYPES.has(t)) ?? 'Article',
    headline: text(node.headline) ?? text(node.name),
    authors: names(node.author),
    datePublished: text(node.datePublished),
    dateModified: text(node.dateModified),
    publisher: isObject(node.publisher) ? text(node.publisher.name) : text(node.publisher),
    description: text(node.description),
    url: text(node.url) ?? (isObject(page) ? text(page['@id']) : text(page)),
    inLanguage: text(node.inLanguage),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/giu, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}
