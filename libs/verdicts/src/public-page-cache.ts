import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { VerdictEventsBus } from './verdict-events.bus';

/** A rendered public page (feed, ClaimReview, verdict page) as it is sent. */
export interface RenderedPage {
  status: number;
  type: string;
  body: Buffer;
  /** Last-Modified, when the page has one. */
  lastModified: Date | null;
  /** Further headers (Link ...). */
  headers?: Record<string, string>;
}

/** A rendered page, its ETag (a digest of the body) and its compressed forms, each made once. */
export interface CachedPage extends RenderedPage {
  etag: string;
  encodings: Map<Encoding, Promise<Buffer>>;
}

type Encoding = 'br' | 'gzip';

/** How long a page may be served without a verdict event: the Cache-Control max-age readers get. */
export const PUBLIC_PAGE_MAX_AGE_S = 60;
/** Most pages kept (each filter set × format × base URL is one); the oldest goes first. */
const MAX_PAGES = 500;
/** Bodies smaller than this are sent as they are. */
const MIN_COMPRESSED_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Rendered public pages (feeds, ClaimReview JSON-LD, verdict pages), kept until the public record
 * changes: a verdict published, corrected or retracted (VerdictEventsBus, so through Redis every
 * API process hears it), or any GraphQL mutation in this process (PublicPageCachePlugin), and at
 * most PUBLIC_PAGE_MAX_AGE_S, which bounds what another process's other edits take to show.
 * A hit renders nothing and queries nothing; a conditional request that matches answers 304 from
 * the cached ETag; gzip and brotli are computed once per page.
 */
@Injectable()
export class PublicPageCache implements OnModuleInit, OnModuleDestroy {
  private readonly pages = new Map<string, { page: Promise<CachedPage>; at: number; ready?: CachedPage }>();
  /** Bumped by every invalidation: a render that started before one is not kept. */
  private generation = 0;
  private unlisten: (() => void) | null = null;

  constructor(private readonly bus: VerdictEventsBus) {}

  onModuleInit(): void {
    this.unlisten = this.bus.listen(() => this.invalidate());
  }

  onModuleDestroy(): void {
    this.unlisten?.();
  }

  /** Forgets every page: the public record changed. */
  invalidate(): void {
    this.generation++;
    this.pages.clear();
  }

  /** The page under `key` when it is rendered and fresh, else undefined (synchronous: the fast path). */
  peek(key: string): CachedPage | undefined {
    const hit = this.pages.get(key);
    return hit?.ready && Date.now() - hit.at < PUBLIC_PAGE_MAX_AGE_S * 1000 ? hit.ready : undefined;
  }

  /** The cached page under `key`, rendered by `render` when missing or expired (one render at a time per key). */
  async get(key: string, render: () => Promise<RenderedPage>): Promise<CachedPage> {
    const now = Date.now();
    const hit = this.pages.get(key);
    if (hit && now - hit.at < PUBLIC_PAGE_MAX_AGE_S * 1000) return hit.page;
    const generation = this.generation;
    const page = render().then(
      (rendered): CachedPage => ({
        ...rendered,
        etag: `"${createHash('sha256').update(rendered.body).digest('base64url').slice(0, 27)}"`,
        encodings: new Map(),
      }),
    );
    this.pages.delete(key);
    if (this.pages.size >= MAX_PAGES) this.pages.delete(this.pages.keys().next().value as string);
    const entry: { page: Promise<CachedPage>; at: number; ready?: CachedPage } = { page, at: now };
    this.pages.set(key, entry);
    page.then(
      (ready) => {
        // Rendered from data older than an invalidation that came meanwhile: do not keep it.
        if (generation !== this.generation) {
          if (this.pages.get(key) === entry) this.pages.delete(key);
        } else {
          entry.ready = ready;
        }
      },
      () => {
        if (this.pages.get(key)?.page === page) this.pages.delete(key);
      },
    );
    return page;
  }

  /** Sends the page: 304 when the request's validators match, else the body, compressed when the client accepts it. */
  async send(req: Request, res: Response, page: CachedPage): Promise<void> {
    res.setHeader('ETag', page.etag);
    res.setHeader('Cache-Control', `public, max-age=${PUBLIC_PAGE_MAX_AGE_S}`);
    res.setHeader('Vary', 'Accept-Encoding');
    if (page.lastModified) res.setHeader('Last-Modified', page.lastModified.toUTCString());
    for (const [name, value] of Object.entries(page.headers ?? {})) res.setHeader(name, value);
    if (page.status === 200 && notModified(req, page.etag, page.lastModified)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const encoding = page.body.length >= MIN_COMPRESSED_BYTES ? chooseEncoding(req.headers['accept-encoding']) : null;
    const body = encoding ? await this.encoded(page, encoding) : page.body;
    res.statusCode = page.status;
    res.setHeader('Content-Type', page.type);
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  private encoded(page: CachedPage, encoding: Encoding): Promise<Buffer> {
    let body = page.encodings.get(encoding);
    if (!body) {
      // On libuv's thread pool, once per page; brotli at quality 9 is within a few per cent of 11 in size at a fraction of its time.
      body =
        encoding === 'br'
          ? brotli(page.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: page.body.length } })
          : gzipped(page.body, { level: 9 });
      page.encodings.set(encoding, body);
    }
    return body;
  }
}

/**
 * The cache key of a public page: the public base URL its links use, and the path and query string
 * as requested (a page is only stored after its parameters were validated).
 */
export function publicPageKey(baseUrl: string, req: Request): string {
  return `${baseUrl} ${req.originalUrl}`;
}

/** br when accepted, else gzip when accepted, else none (q=0 refuses a coding). */
export function chooseEncoding(header: string | string[] | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of ([] as string[]).concat(header).join(',').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const allows = (name: Encoding) => (accepted.get(name) ?? (accepted.has('*') ? (accepted.get('*') as number) : 0)) > 0;
  if (allows('br')) return 'br';
  return allows('gzip') ? 'gzip' : null;
}

/** RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since (second precision). */
export function notModified(req: Request, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince && lastModified) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}
