import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { DataSource } from 'typeorm';
import { LiveChannel } from '@isnad/common';
import { VERDICTS_OPTIONS, VerdictsOptions } from './public-url';
import { VerdictEventsBus, VerdictPublishedMessage } from './verdict-events.bus';

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

/** A rendered page, its ETag (from its key and the public record's version) and its compressed forms, each made once. */
export interface CachedPage extends RenderedPage {
  etag: string;
  encodings: Map<Encoding, Promise<Buffer>>;
  /** The compressed forms made so far, for sending without waiting a turn. */
  encoded?: Map<Encoding, Buffer>;
  /** Last-Modified as sent, formatted once. */
  lastModifiedText?: string;
  /** The heads of its answers (see headOf), each made once. */
  heads?: Map<string, HeaderList>;
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
 * changes: a verdict published, corrected or retracted (VerdictEventsBus), or any GraphQL mutation
 * (PublicPageCachePlugin calls edited(); the news goes to every API process through Redis when set),
 * and at most PUBLIC_PAGE_MAX_AGE_S.
 *
 * The ETag of a page is a digest of its key (base URL, path and filters, format) and the public
 * record's version: the newest verdict event and the latest edit stamp, which every process
 * holds alike. So a conditional request is answered 304 from the key alone, never rendering,
 * even when the page itself is not in memory (past its max age, dropped, or on another instance). A hit renders nothing and queries nothing; gzip and brotli
 * are computed once per page.
 */
@Injectable()
export class PublicPageCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('PublicPageCache');
  private readonly pages = new Map<string, { page: Promise<CachedPage>; at: number; ready?: CachedPage }>();
  /** ETags by key for the current version (dropped when the version changes). */
  private readonly etags = new Map<string, string>();
  /** Bumped by every invalidation: a render that started before one is not kept. */
  private generation = 0;
  /** The newest verdict event: its verdict and that verdict's version. */
  private eventStamp = '';
  /**
   * The latest edit of the public record other than a verdict event. A process starts with a stamp
   * of its own and announces it, so a restart never revives an ETag of before an edit, and all
   * processes converge on the last one announced (Redis delivers messages in one order to all).
   */
  private editStamp: string = randomUUID();
  private readonly edits: LiveChannel<{ stamp: string }>;
  private readonly unlisten: (() => void)[] = [];

  constructor(
    private readonly bus: VerdictEventsBus,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VERDICTS_OPTIONS) options: VerdictsOptions,
  ) {
    this.edits = new LiveChannel('isnad.publicPagesEdited', options.redisUrl ?? null, this.logger);
  }

  async onModuleInit(): Promise<void> {
    this.unlisten.push(
      this.bus.listen((message) => this.setVersion(eventStampOf(message), this.editStamp)),
      this.edits.listen(({ stamp }) => this.setVersion(this.eventStamp, stamp)),
    );
    try {
      const [newest] = (await this.dataSource.query(
        'SELECT verdict_id AS "verdictId", version FROM verdict_events ORDER BY created_at DESC, id DESC LIMIT 1',
      )) as { verdictId: string; version: number }[];
      // A message heard while reading is newer than the row.
      if (!this.eventStamp && newest) this.eventStamp = eventStampOf(newest);
    } catch (error) {
      // Database away or not migrated yet: the API starts all the same. This process's ETags then
      // differ from the other processes' (a 200 where a 304 could have been), never wrongly match.
      this.logger.warn(`Could not read the newest verdict event: ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.edits.publish({ stamp: this.editStamp }, 'the public pages\' edit stamp');
  }

  async onApplicationShutdown(): Promise<void> {
    for (const unlisten of this.unlisten.splice(0)) unlisten();
    await this.edits.close();
  }

  /** Forgets every rendered page (their ETags stay what they are until the public record changes). */
  invalidate(): void {
    this.generation++;
    this.pages.clear();
  }

  /** Something public may have changed other than a verdict event (a mutation ran): new ETags, in every process. */
  edited(): void {
    const stamp = randomUUID();
    this.setVersion(this.eventStamp, stamp);
    void this.edits.publish({ stamp }, 'the public pages\' edit stamp');
  }

  private setVersion(eventStamp: string, editStamp: string): void {
    this.eventStamp = eventStamp;
    this.editStamp = editStamp;
    this.etags.clear();
    this.invalidate();
  }

  /** The ETag a 200 page under `key` has now: a digest of the key and the public record's version. */
  etagOf(key: string): string {
    let etag = this.etags.get(key);
    if (!etag) {
      etag = `"${createHash('sha256').update(`${this.eventStamp}\n${this.editStamp}\n${key}`).digest('base64url').slice(0, 27)}"`;
      if (this.etags.size >= MAX_PAGES * 4) this.etags.clear();
      this.etags.set(key, etag);
    }
    return etag;
  }

  /**
   * True when answer() would answer now: a GET or HEAD whose If-None-Match names the key's current
   * ETag, or whose page is cached and fresh (synchronous: for deciding before counting a request).
   */
  answerable(req: IncomingMessage, key: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const page = this.peek(key);
    return page !== undefined || this.conditionalHit(req, key);
  }

  /**
   * Answers from the key alone when it can: 304 to a GET or HEAD whose If-None-Match names the
   * key's current ETag, or the cached page. False when the route must run (then it renders and
   * caches), and nothing is written. Only for keys of pages rendered by this cache: their ETags are
   * only ever sent for 200s. `lead`: headers ([name, value, ...]) the answer starts with, for callers
   * that set none on `res` (ahead of Express): the whole head is then written in one writeHead.
   */
  answer(req: IncomingMessage, res: ServerResponse, key: string, lead?: HeaderList): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    // A page in memory has the key's current ETag (a change of version empties the cache): one lookup.
    const page = this.peek(key);
    if (this.conditionalHit(req, key, page?.etag)) {
      res.writeHead(304, withLead(lead, page ? headOf(page, NOT_MODIFIED) : validatorsOf(this.etagOf(key))));
      res.end();
      return true;
    }
    if (!page) return false;
    // Most hits find their coding made already: answered in this turn, without a promise.
    if (this.sendReady(req, res, page, lead)) return true;
    this.send(req, res, page, lead).catch((error: unknown) => {
      this.logger.error(`Could not send ${key}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.destroy();
    });
    return true;
  }

  /** If-None-Match names the key's current ETag ("*" asks whether the page exists at all, which only its render knows). */
  private conditionalHit(req: IncomingMessage, key: string, current?: string): boolean {
    const ifNoneMatch = req.headers['if-none-match'];
    if (!ifNoneMatch) return false;
    const etag = current ?? this.etagOf(key);
    // The ETag as sent is what readers send back: compared whole before any list is parsed.
    return ifNoneMatch === etag || (ifNoneMatch.trim() !== '*' && matchesEtag(ifNoneMatch, etag));
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
    // The ETag of the version the render starts from: a render overtaken by a change is not kept.
    const etag = this.etagOf(key);
    const page = render().then(
      (rendered): CachedPage => ({ ...rendered, etag, encodings: new Map(), encoded: new Map(), lastModifiedText: rendered.lastModified?.toUTCString() }),
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
  async send(req: IncomingMessage, res: ServerResponse, page: CachedPage, lead?: HeaderList): Promise<void> {
    if (this.sendReady(req, res, page, lead)) return;
    const encoding = this.encodingFor(req, page) as Encoding;
    this.writeBody(req, res, page, await this.encoded(page, encoding), encoding, lead);
  }

  /** send(), when it needs no wait: a 304, an uncompressed body or a coding already made. False (nothing written) otherwise. */
  private sendReady(req: IncomingMessage, res: ServerResponse, page: CachedPage, lead: HeaderList | undefined): boolean {
    if (page.status === 200 && notModified(req, page.etag, page.lastModified)) {
      res.writeHead(304, withLead(lead, headOf(page, NOT_MODIFIED)));
      res.end();
      return true;
    }
    const encoding = this.encodingFor(req, page);
    const body = encoding ? page.encoded?.get(encoding) : page.body;
    if (!body) return false;
    this.writeBody(req, res, page, body, encoding, lead);
    return true;
  }

  private encodingFor(req: IncomingMessage, page: CachedPage): Encoding | null {
    return page.body.length >= MIN_COMPRESSED_BYTES ? chooseEncoding(req.headers['accept-encoding']) : null;
  }

  private writeBody(req: IncomingMessage, res: ServerResponse, page: CachedPage, body: Buffer, encoding: Encoding | null, lead: HeaderList | undefined): void {
    res.writeHead(page.status, withLead(lead, headOf(page, encoding ?? IDENTITY, body)));
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
      body.then((made) => page.encoded?.set(encoding, made)).catch(() => undefined);
    }
    return body;
  }
}

/**
 * The cache key of a public page: the public base URL its links use, and the path and query string
 * as requested (a page is only stored after its parameters were validated).
 */
export function publicPageKey(baseUrl: string, req: Request | IncomingMessage): string {
  // Ahead of Express (no originalUrl yet) the URL is still the one requested.
  return `${baseUrl} ${'originalUrl' in req ? req.originalUrl : req.url}`;
}

/** Response headers as writeHead takes them in one go: name, value, name, value ... */
export type HeaderList = (string | number)[];

/** The answers a cached page has a head for: a 304, or a 200 (or the page's status) in a coding. */
type Variant = typeof NOT_MODIFIED | typeof IDENTITY | Encoding;
const NOT_MODIFIED = '304';
const IDENTITY = 'identity';

/**
 * The head of one answer of a page: ETag (200 pages only: a 304 is only ever due for one), caching
 * and Last-Modified headers, the page's own (a later one of the same name replacing an earlier one,
 * as setHeader would), then for a body its type, coding and length.
 */
function headOf(page: CachedPage, variant: Variant, body?: Buffer): HeaderList {
  // Made once per page: a hit then writes its head in one writeHead, without a setHeader per header.
  const byVariant = (page.heads ??= new Map());
  let head = byVariant.get(variant);
  if (!head) {
    const named = new Map<string, [string, string | number]>();
    const set = (name: string, value: string | number) => named.set(name.toLowerCase(), [name, value]);
    if (page.status === 200) set('ETag', page.etag);
    for (const [name, value] of CACHING) set(name, value);
    if (page.lastModified) set('Last-Modified', page.lastModifiedText ?? page.lastModified.toUTCString());
    for (const [name, value] of Object.entries(page.headers ?? {})) set(name, value);
    if (variant !== NOT_MODIFIED) {
      set('Content-Type', page.type);
      if (variant !== IDENTITY) set('Content-Encoding', variant);
      set('Content-Length', (body ?? page.body).length);
    }
    head = [...named.values()].flat();
    byVariant.set(variant, head);
  }
  return head;
}

/** The caching headers every answer of a public page carries, after its ETag. */
const CACHING: readonly [string, string][] = [
  ['Cache-Control', `public, max-age=${PUBLIC_PAGE_MAX_AGE_S}`],
  ['Vary', 'Accept-Encoding'],
];

/** The head of a 304 for a page not in memory: its ETag and caching headers. */
function validatorsOf(etag: string): HeaderList {
  return ['ETag', etag, ...CACHING.flat()];
}

function withLead(lead: HeaderList | undefined, head: HeaderList): HeaderList {
  return lead && lead.length ? lead.concat(head) : head;
}

/** chooseEncoding's answers by Accept-Encoding header: readers send a handful of distinct ones. */
const chosenEncodings = new Map<string, Encoding | null>();

/** br when accepted, else gzip when accepted, else none (q=0 refuses a coding). */
export function chooseEncoding(header: string | string[] | undefined): Encoding | null {
  if (!header) return null;
  if (typeof header !== 'string') return parseEncoding(header);
  let chosen = chosenEncodings.get(header);
  if (chosen === undefined) {
    chosen = parseEncoding(header);
    if (chosenEncodings.size >= 256) chosenEncodings.clear();
    chosenEncodings.set(header, chosen);
  }
  return chosen;
}

function parseEncoding(header: string | string[]): Encoding | null {
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
export function notModified(req: IncomingMessage, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) return matchesEtag(ifNoneMatch, etag);
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince && lastModified) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** If-None-Match (weak comparison, as RFC 9110 asks for it) against the current ETag. */
function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function eventStampOf(event: Pick<VerdictPublishedMessage, 'verdictId' | 'version'>): string {
  return `${event.verdictId}.${event.version}`;
}
