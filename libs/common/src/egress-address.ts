import ipaddr from 'ipaddr.js';

/** Why a webhook URL is refused (`reason` of the BAD_USER_INPUT error, and of a refused delivery). */
export type WebhookUrlReason = 'NOT_A_URL' | 'NOT_HTTP' | 'HAS_CREDENTIALS' | 'NON_PUBLIC_ADDRESS' | 'UNRESOLVABLE_HOST';

/**
 * True for a public unicast address. Loopback, private (RFC 1918, IPv6 unique-local), link-local,
 * carrier-grade NAT, multicast, broadcast, unspecified, documentation and other reserved ranges
 * are not public, and neither are IPv6 forms that carry an IPv4 address (6to4, Teredo, NAT64).
 * IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it maps. Ranges: ipaddr.js.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The host of a URL as DNS or an address parser wants it (IPv6 literals without brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * What is wrong with a webhook URL before any DNS lookup: not a URL, not http(s), credentials in
 * it, or (unless private addresses are allowed) a literal non-public address. Null when fine so far.
 */
export function webhookUrlProblem(raw: string, allowPrivateAddresses: boolean): { reason: WebhookUrlReason; message: string } | null {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url) return { reason: 'NOT_A_URL', message: 'The webhook URL is not a valid absolute URL' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { reason: 'NOT_HTTP', message: `Webhook URLs must be http or https, not ${url.protocol.replace(/:$/, '')}` };
  }
  if (!url.hostname) return { reason: 'NOT_A_URL', message: 'The webhook URL has no host' };
  if (url.username || url.password) {
    return { reason: 'HAS_CREDENTIALS', message: 'Webhook URLs must not carry a user name or password; deliveries are signed instead' };
  }
  const host = hostOf(url);
  if (!allowPrivateAddresses && ipaddr.isValid(host) && !isPublicAddress(host)) {
    return { reason: 'NON_PUBLIC_ADDRESS', message: `Webhook URLs must point at a public address, not ${host}` };
  }
  return null;
}
