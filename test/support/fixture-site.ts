import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

/** One request a fixture site received. */
export interface SiteHit {
  path: string;
  headers: IncomingMessage['headers'];
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A news site on 127.0.0.1 for fetch and watch tests: routes by path (query string included when
 * a route names one), 404 otherwise, every request recorded. close() ends hanging responses too.
 */
/** `host`: a loopback address of its own (127.0.0.2 …) makes the site another outlet than one on 127.0.0.1. */
export async function startFixtureSite(routes: Record<string, Route> = {}, host = '127.0.0.1'): Promise<{
  origin: string;
  hits: SiteHit[];
  routes: Record<string, Route>;
  hitsOf: (path: string) => number;
  close: () => Promise<void>;
}> {
  const hits: SiteHit[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push({ path, headers: req.headers });
    open.add(res);
    res.on('close', () => open.delete(res));
    const route = routes[path] ?? routes[path.split('?')[0]];
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    origin: `http://${host}:${(server.address() as AddressInfo).port}`,
    hits,
    routes,
    hitsOf: (path) => hits.filter((h) => h.path === path).length,
    close: () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** An article page: title, paragraphs, optional <meta charset>, dated. */
export function articleHtml(title: string, paragraphs: string[], options: { meta?: string; publishedAt?: string; lang?: string } = {}): string {
  return `<!doctype html><html lang="${options.lang ?? 'ar'}" dir="rtl"><head>${options.meta ?? '<meta charset="utf-8">'}
<title>${title}</title>
${options.publishedAt ? `<meta property="article:published_time" content="${options.publishedAt}">` : ''}
</head><body><header><nav><a href="/">الرئيسية</a></nav></header>
<article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>جميع الحقوق محفوظة</footer></body></html>`;
}

/** Serves `html` encoded as `encoding`, with the given Content-Type (charset or not) and optional ETag. */
export function servePage(html: string, options: { encoding?: string; contentType?: string; etag?: string } = {}): Route {
  const body = iconv.encode(html, options.encoding ?? 'utf-8');
  return (req, res) => {
    if (options.etag && req.headers['if-none-match'] === options.etag) return void res.writeHead(304, { etag: options.etag }).end();
    res.writeHead(200, {
      'content-type': options.contentType ?? 'text/html; charset=utf-8',
      'content-length': String(body.length),
      ...(options.etag ? { etag: options.etag } : {}),
    });
    res.end(body);
  };
}

export function redirectTo(location: string, status = 302): Route {
  return (_req, res) => void res.writeHead(status, { location }).end();
}

/** An RSS 2.0 feed of these links (relative links are resolved against the feed). */
export function rssFeed(items: { link: string; title: string; updated?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار</title><link>http://127.0.0.1/</link><description>آخر الأخبار</description>
${items
  .map((i) => ({ ...i, link: i.link.replace(/&/g, '&amp;') }))
  .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid>${i.updated ? `<pubDate>${new Date(i.updated).toUTCString()}</pubDate>` : ''}</item>`)
  .join('\n')}
</channel></rss>`;
}

export function serveFeed(xml: () => string, contentType = 'application/rss+xml; charset=utf-8'): Route {
  return (_req, res) => {
    const body = Buffer.from(xml(), 'utf8');
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(body.length) }).end(body);
  };
}

/** Polls `check` until it holds (or fails the test after `timeoutMs`). */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
