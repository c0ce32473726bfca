import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/** Whose budget a request spends: its bearer token's, or its client address's. */
export type RateLimitSubject = { kind: 'token'; key: string } | { kind: 'address'; key: string };

/**
 * The budget a request is counted against. A request carrying `Authorization: Bearer <token>` is
 * counted against its API token once the token is verified (RateLimitMiddleware.admit, by token id);
 * here it is only recognised, keyed by the SHA-256 of what was sent (never the token itself). Any
 * other request is counted per client address. IPv4-mapped IPv6 addresses count as their IPv4 address,
 * and IPv6 addresses by their /64, the block one subscriber usually holds, so that rotating
 * through it does not buy a fresh budget.
 */
export function rateLimitSubject(authorization: string | undefined, clientAddress: string | undefined): RateLimitSubject {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (token) return { kind: 'token', key: createHash('sha256').update(token).digest('hex') };
  return { kind: 'address', key: addressKey(clientAddress) };
}

function addressKey(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return address || 'unknown';
  const parsed = ipaddr.process(address); // IPv4-mapped IPv6 → IPv4
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}/64`;
}
