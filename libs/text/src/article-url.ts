/** Query parameters that track a reader, not select a page. */
const TRACKING_PARAMETERS = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref_src|cmpid|ocid)$/i;

export class InvalidArticleUrlError extends Error {
  readonly code = 'INVALID_URL';
}

/**
 * The canonical form of an article URL, so the same page captured twice is one article: http(s)
 * only, lower-case host, no default port, no credentials, no fragment, no tracking parameters,
 * remaining parameters sorted, no trailing slash on a path.
 */
export function normalizeArticleUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new InvalidArticleUrlError(`"${input}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArticleUrlError(`Only http and https URLs can be captured, not ${url.protocol}`);
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    throw new InvalidArticleUrlError(`"${url.hostname}" is not a public host name`);
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAMETERS.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}

/** The host an article URL belongs to, lower-case and without "www.", e.g. "arabic.rt.com". */
export function siteHostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/**
 * The URL with its path and query percent-decoded for display (Arabic slugs become readable).
 * Control characters (%00-%1F, %7F) stay encoded: a NUL or a line break is nothing to read.
 */
export function displayUrl(url: string): string {
  try {
    return decodeURI(url.replace(/%(0[0-9a-f]|1[0-9a-f]|7f)/giu, '%25$1'));
  } catch {
    return url;
  }
}
