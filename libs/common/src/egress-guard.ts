import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { LookupAddress, LookupAllOptions, LookupOneOptions, lookup as dnsLookup } from 'node:dns';
import { PrivateAddressAllowance, hostOf, isAllowedAddress } from './egress-address';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** dns.lookup's shape, so a test can stand in for DNS. */
export type Resolver = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** How the server may reach out: one setting for webhooks and fetching. */
export interface EgressOptions {
  /**
   * EGRESS_ALLOW_PRIVATE_ADDRESSES (alias: WEBHOOK_ALLOW_PRIVATE_ADDRESSES): `true` lets outgoing
   * requests reach loopback and private networks (local development), a comma-separated list of
   * CIDR ranges only those (tests: 127.0.0.0/8). Off by default: public addresses only.
   */
  allowPrivateAddresses: PrivateAddressAllowance;
}

/** An integer setting from the environment (≥ min), or `fallback` when unset; throws a readable error otherwise. */
export function integerFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

/**
 * Reads the one egress setting, EGRESS_ALLOW_PRIVATE_ADDRESSES (true, false, or CIDR ranges such
 * as 127.0.0.0/8,::1/128), or its older name WEBHOOK_ALLOW_PRIVATE_ADDRESSES when it is unset.
 */
export function allowPrivateAddressesFromEnv(env: NodeJS.ProcessEnv): PrivateAddressAllowance {
  const name = env.EGRESS_ALLOW_PRIVATE_ADDRESSES?.trim() ? 'EGRESS_ALLOW_PRIVATE_ADDRESSES' : 'WEBHOOK_ALLOW_PRIVATE_ADDRESSES';
  const raw = env[name]?.trim();
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  const ranges = raw.split(',').map((part) => part.trim());
  const bad = ranges.find((range) => !ipaddr.isValidCIDR(range));
  if (bad !== undefined) throw new Error(`${name} must be true, false or CIDR ranges (127.0.0.0/8,::1/128), got "${bad}"`);
  return ranges;
}

/**
 * A connection refused because the host is, or resolved to, a non-public address (a name that
 * re-binds to 127.0.0.1 after it was checked, a redirect to the API's own network). Permanent.
 */
export class EgressAddressRefusedError extends Error {
  readonly code = 'EGRESS_ADDRESS_REFUSED';

  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`Refused: ${host} resolves to ${address}, which is not a public address`);
    this.name = 'EgressAddressRefusedError';
  }
}

/**
 * Where the server may connect to: public addresses only unless private ones are allowed, so a
 * member cannot aim webhooks or fetches at the API's own network (SSRF). `lookup` is the DNS lookup
 * the request's socket uses, so the address checked is the address connected to, on every hop.
 */
export class EgressGuard {
  private readonly resolve: Resolver;

  constructor(
    readonly options: EgressOptions,
    resolver?: Resolver | null,
  ) {
    this.resolve = resolver ?? (dnsLookup as unknown as Resolver);
  }

  /** Every address of `host`; rejects with the DNS error when it does not resolve. */
  addressesOf(host: string): Promise<LookupAddress[]> {
    return new Promise<LookupAddress[]>((resolve, reject) => this.resolve(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))));
  }

  /** Refuses (EgressAddressRefusedError) a URL whose host is a literal non-public address: no lookup guards those. */
  checkLiteralAddress(url: URL): void {
    const host = hostOf(url);
    if (isIP(host) && !isAllowedAddress(host, this.options.allowPrivateAddresses)) throw new EgressAddressRefusedError(host, host);
  }

  /** A dns.lookup for http(s).request that fails with EgressAddressRefusedError on a non-public address. */
  readonly lookup = (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    this.resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = addresses.find((a) => !isAllowedAddress(a.address, this.options.allowPrivateAddresses));
      if (refused) return callback(new EgressAddressRefusedError(hostname, refused.address), '');
      if (options.all) return callback(null, addresses);
      if (!addresses.length) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
