import ipaddr from 'ipaddr.js';

/** Why an outgoing URL is refused (the `reason` of the error a caller raises). */
export type EgressUrlReason = 'NOT_A_URL' | 'NOT_HTTP' | 'HAS_CREDENTIALS' | 'NON_PUBLIC_ADDRESS' | 'UNRESOLVABLE_HOST';

// Global unicast (2000::/3) is the only IPv6 space the public internet routes; everything outside
// it (the IPv4-compatible ::/96 form such as ::127.0.0.1, site-local, reserved ...) is refused.
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/**
 * True for a public unicast address. Loopback, private (RFC 1918, IPv6 unique-local), link-local,
 * carrier-grade NAT, multicast, broadcast, unspecified, documentation and other reserved ranges
 * are not public, and neither are IPv6 forms that carry an IPv4 address (6to4, Teredo, NAT64, the
 * deprecated IPv4-compatible ::a.b.c.d). IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4
 * address it maps. Ranges: ipaddr.js.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  return parsed.kind() === 'ipv4' || (parsed as ipaddr.IPv6).match(IPV6_GLOBAL_UNICAST);
}

/**
 * Which non-public addresses outgoing requests may reach anyway: none (false), all (true, for
 * local development), or only these CIDR ranges (e.g. ['127.0.0.0/8'] for tests on loopback, which
 * still refuses a redirect to 10.x or 169.254.169.254).
 */
export type PrivateAddressAllowance = boolean | readonly string[];

/** True when the request may connect to `address` under the allowance. */
export function isAllowedAddress(address: string, allowance: PrivateAddressAllowance): boolean {
  if (isPublicAddress(address) || allowance === true) return true;
  if (!allowance || !ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return allowance.some((cidr) => {
    const range = ipaddr.parseCIDR(cidr);
    return range[0].kind() === parsed.kind() && parsed.match(range as [ipaddr.IPv4 | ipaddr.IPv6, number] as never);
  });
}

/** The host of a URL as DNS or an address parser wants it (IPv6 literals without brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * What is wrong with an outgoing URL before any DNS lookup: not a URL, not http(s), credentials in
 * it, or (unless private addresses are allowed) a literal non-public address. Null when fine so far.
 * `what` names the URL in messages ("Webhook URLs", "Fetched URLs").
 */
export function egressUrlProblem(raw: string, allowPrivateAddresses: PrivateAddressAllowance, what = 'URLs'): { reason: EgressUrlReason; message: string } | null {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url) return { reason: 'NOT_A_URL', message: 'The URL is not a valid absolute URL' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { reason: 'NOT_HTTP', message: `${what} must be http or https, not ${url.protocol.replace(/:$/, '')}` };
  }
  if (!url.hostname) return { reason: 'NOT_A_URL', message: 'The URL has no host' };
  if (url.username || url.password) {
    return { reason: 'HAS_CREDENTIALS', message: `${what} must not carry a user name or password` };
  }
  const host = hostOf(url);
  if (ipaddr.isValid(host) && !isAllowedAddress(host, allowPrivateAddresses)) {
    return { reason: 'NON_PUBLIC_ADDRESS', message: `${what} must point at a public address, not ${host}` };
  }
  return null;
}
