import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import robotsParser from 'robots-parser';
import { EgressAddressRefusedError, EgressGuard, FetchFailedError, egressUrlProblem } from '@isnad/common';
import { HostThrottle } from './host-throttle';
import { MONITORING_OPTIONS, MonitoringOptions } from './monitoring.options';
import { RobotsRecord, SharedCrawlState } from './shared-crawl-state';

/** Why a fetch failed: the `reason` of FETCH_FAILED. */
export type FetchFailureReason =
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'NOT_HTML'
  | 'NOT_A_FEED'
  | 'HTTP_STATUS'
  | 'NON_PUBLIC_ADDRESS'
  | 'ROBOTS_DISALLOWED'
  | 'TOO_MANY_REDIRECTS'
  | 'UNRESOLVABLE_HOST'
  | 'NOT_HTTP'
  | 'CONNECTION_FAILED';

/** What a fetch accepts: a page (HTML/XHTML only), a feed (XML or JSON), or a fact-check page or JSON-LD document. */
export type FetchKind = 'PAGE' | 'FEED' | 'CLAIM_REVIEW';

export interface FetchRequest {
  url: string;
  kind: FetchKind;
  /** Validators of an earlier fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
}

/** A fetched response, kept as evidence: the final URL, status, headers and the bytes as received. */
export interface FetchedResponse {
  url: string;
  requestedUrl: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** 304: the page has not changed since the validators given. */
  notModified: boolean;
  redirects: string[];
}

const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml)$/;
const FEED_TYPES = /^(application\/(rss|atom|feed|rdf)\+xml|application\/(xml|json|ld\+json)|text\/xml|application\/feed\+json|text\/plain)$/;
const CLAIM_REVIEW_TYPES = /^(text\/html|application\/xhtml\+xml|application\/(ld\+)?json)$/;
const ACCEPT: Record<FetchKind, string> = {
  PAGE: 'text/html,application/xhtml+xml;q=0.9',
  FEED: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,application/ld+json;q=0.8',
  CLAIM_REVIEW: 'text/html,application/xhtml+xml;q=0.9,application/ld+json;q=0.9,application/json;q=0.8',
};

function fail(reason: FetchFailureReason, message: string, extra: Record<string, unknown> = {}): FetchFailedError {
  return new FetchFailedError(message, { reason, ...extra });
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]));
}

interface Hop {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Fetches pages and feeds as a careful crawler: http(s) only, public addresses only (checked at
 * connect time on every hop by the shared egress guard), robots.txt honoured, at most five
 * redirects, connect and total timeouts, a body cap, only the content types asked for, an
 * identifying User-Agent, conditional GET, and a per-host limit on concurrency and pace (shared by
 * every process through Redis when REDIS_URL is set, as is the robots.txt cache).
 */
@Injectable()
export class PageFetcher implements OnApplicationShutdown {
  private readonly guard: EgressGuard;
  private readonly throttle: Pick<HostThrottle, 'run'>;
  /** With REDIS_URL: the per-host limit and the robots.txt cache, shared by every process. */
  private readonly shared: SharedCrawlState | null;
  private readonly robots = new Map<string, { expires: number; allows: (url: string) => boolean }>();
  private readonly robotsPending = new Map<string, Promise<{ expires: number; allows: (url: string) => boolean }>>();

  constructor(@Inject(MONITORING_OPTIONS) private readonly options: MonitoringOptions) {
    this.guard = new EgressGuard({ allowPrivateAddresses: options.allowPrivateAddresses });
    const limits = { concurrency: options.hostConcurrency, delayMs: options.hostDelayMs, leaseMs: options.totalTimeoutMs + 10_000 };
    this.shared = options.redisUrl ? new SharedCrawlState(options.redisUrl, `${options.queuePrefix}:crawl`, limits) : null;
    this.throttle = this.shared ?? new HostThrottle(options.hostConcurrency, options.hostDelayMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.shared?.close();
  }

  /** Fetches `request.url`, or throws FetchFailedError with the reason. */
  async fetch(request: FetchRequest): Promise<FetchedResponse> {
    const deadline = Date.now() + this.options.totalTimeoutMs;
    const redirects: string[] = [];
    let url = this.checkUrl(request.url);
    for (;;) {
      await this.checkRobots(url, deadline);
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        accept: ACCEPT[request.kind],
        'accept-encoding': 'identity',
      };
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.lastModified) headers['if-modified-since'] = request.lastModified;
      const hop = await this.throttle.run(url.host, () => this.get(url, headers, deadline, request.kind));
      if (hop.status >= 300 && hop.status < 400 && hop.status !== 304 && hop.headers.location) {
        if (redirects.length >= this.options.maxRedirects) {
          throw fail('TOO_MANY_REDIRECTS', `More than ${this.options.maxRedirects} redirects from ${request.url}`);
        }
        redirects.push(url.href);
        url = this.checkUrl(new URL(hop.headers.location, url).href);
        continue;
      }
      if (hop.status === 304) return { url: url.href, requestedUrl: request.url, ...hop, notModified: true, redirects };
      if (hop.status < 200 || hop.status >= 300) throw fail('HTTP_STATUS', `${url.href} answered HTTP ${hop.status}`, { status: hop.status });
      return { url: url.href, requestedUrl: request.url, ...hop, notModified: false, redirects };
    }
  }

  private checkUrl(raw: string): URL {
    const problem = egressUrlProblem(raw, this.options.allowPrivateAddresses, 'Fetched URLs');
    if (problem?.reason === 'NON_PUBLIC_ADDRESS') throw fail('NON_PUBLIC_ADDRESS', problem.message);
    if (problem?.reason === 'NOT_HTTP') throw fail('NOT_HTTP', problem.message);
    if (problem) throw fail('NOT_HTTP', problem.message, { field: 'url' });
    return new URL(raw);
  }

  /** Refuses a URL its host's robots.txt disallows for our User-Agent (a missing robots.txt allows all). */
  private async checkRobots(url: URL, deadline: number): Promise<void> {
    let entry = this.robots.get(url.origin);
    if (!entry || entry.expires < Date.now()) {
      // One read per origin at a time in this process; requests arriving meanwhile wait for it.
      let pending = this.robotsPending.get(url.origin);
      if (!pending) {
        pending = this.readRobots(url, deadline).finally(() => this.robotsPending.delete(url.origin));
        this.robotsPending.set(url.origin, pending);
      }
      entry = await pending;
    }
    if (!entry.allows(url.href)) throw fail('ROBOTS_DISALLOWED', `${url.origin}/robots.txt disallows ${url.pathname} for Isnad`);
  }

  /**
   * Reads an origin's robots.txt: from the cache shared through Redis, or from the host, within
   * the host's slots and delay like any request (so with Redis, processes arriving together find
   * it cached after the first read it).
   */
  private async readRobots(url: URL, deadline: number): Promise<{ expires: number; allows: (url: string) => boolean }> {
    const robotsUrl = new URL('/robots.txt', url.origin);
    let allows: (u: string) => boolean;
    try {
      const record =
        (await this.shared?.robots(url.origin)) ??
        (await this.throttle.run(url.host, async () => {
          const cached = await this.shared?.robots(url.origin);
          if (cached) return cached;
          const hop = await this.get(robotsUrl, { 'user-agent': this.options.userAgent, accept: 'text/plain' }, Math.min(deadline, Date.now() + 10_000), 'ROBOTS');
          const fetched: RobotsRecord = { status: hop.status, body: hop.status >= 200 && hop.status < 300 ? hop.body.toString('utf8') : '' };
          await this.shared?.saveRobots(url.origin, fetched, this.options.robotsTtlMs);
          return fetched;
        }));
      const { status, body } = record;
      const parser = status >= 200 && status < 300 ? robotsParser(robotsUrl.href, body) : null;
      // RFC 9309: a 4xx robots.txt (none) allows everything; a server error disallows for now.
      allows = parser ? (u) => parser.isAllowed(u, this.options.userAgent) !== false : () => status < 500;
    } catch (error) {
      if (error instanceof FetchFailedError) throw error;
      allows = () => false;
    }
    const entry = { expires: Date.now() + this.options.robotsTtlMs, allows };
    this.robots.set(url.origin, entry);
    return entry;
  }

  /** One request, no redirects followed; the body is read only for a 2xx of an accepted type. */
  private get(url: URL, headers: Record<string, string>, deadline: number, kind: FetchKind | 'ROBOTS'): Promise<Hop> {
    try {
      this.guard.checkLiteralAddress(url);
    } catch (error) {
      return Promise.reject(fail('NON_PUBLIC_ADDRESS', (error as Error).message));
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Hop>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, hop?: Hop) => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(connectTimer);
        if (error) {
          req.destroy();
          reject(error);
        } else resolve(hop as Hop);
      };
      const remaining = Math.max(1, deadline - Date.now());
      const totalTimer = setTimeout(() => finish(fail('TIMEOUT', `${url.href} took longer than ${this.options.totalTimeoutMs} ms`)), remaining);
      let connectTimer: NodeJS.Timeout | undefined;
      const req = send(url, { method: 'GET', headers, lookup: this.guard.lookup, agent: false });
      req.on('socket', (socket) => {
        connectTimer = setTimeout(() => finish(fail('TIMEOUT', `No connection to ${url.host} within ${this.options.connectTimeoutMs} ms`)), this.options.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(connectTimer));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error instanceof EgressAddressRefusedError) return finish(fail('NON_PUBLIC_ADDRESS', error.message));
        if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' || error.code === 'ENODATA') {
          return finish(fail('UNRESOLVABLE_HOST', `${url.hostname} does not resolve`));
        }
        finish(fail('CONNECTION_FAILED', `${url.host}: ${error.code ?? error.message}`));
      });
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const responseHeaders = flatHeaders(res.headers);
        const ok = status >= 200 && status < 300;
        if (!ok) {
          res.resume();
          return finish(null, { status, headers: responseHeaders, body: Buffer.alloc(0) });
        }
        const type = (responseHeaders['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (kind === 'PAGE' && !PAGE_TYPES.test(type)) return finish(fail('NOT_HTML', `${url.href} is ${type || 'of no declared type'}, not HTML`, { contentType: type }));
        if (kind === 'CLAIM_REVIEW' && !CLAIM_REVIEW_TYPES.test(type)) return finish(fail('NOT_HTML', `${url.href} is ${type || 'of no declared type'}, not HTML or JSON-LD`, { contentType: type }));
        if (kind === 'FEED' && type && !FEED_TYPES.test(type)) return finish(fail('NOT_A_FEED', `${url.href} is ${type}, not a feed`, { contentType: type }));
        const tooLarge = () => fail('TOO_LARGE', `${url.href} is larger than ${this.options.maxBytes} bytes`, { maxBytes: this.options.maxBytes });
        if (Number(responseHeaders['content-length'] ?? 0) > this.options.maxBytes) return finish(tooLarge());
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.options.maxBytes) return finish(tooLarge());
          chunks.push(chunk);
        });
        res.on('end', () => finish(null, { status, headers: responseHeaders, body: Buffer.concat(chunks) }));
        res.on('error', (error) => finish(fail('CONNECTION_FAILED', `${url.host}: ${error.message}`)));
      });
      req.end();
    });
  }
}
