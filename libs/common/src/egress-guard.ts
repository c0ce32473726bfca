import { isIP } from 'node:net';
import { LookupAddress, LookupAllOptions, LookupOneOptions, lookup as dnsLookup } from 'node:dns';
import { hostOf, isPublicAddress } from './egress-address';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** dns.lookup's shape, so a test can stand in for DNS. */
export type Resolver = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** How the server may reach out: one setting for webhooks and fetching. */
export interface EgressOptions {
  /**
   * EGRESS_ALLOW_PRIVATE_ADDRESSES=true (alias: WEBHOOK_ALLOW_PRIVATE_ADDRESSES) lets outgoing
   * requests reach loopback and private networks (tests, local development). Off by default.
   */
  allowPrivateAddresses: boolean;
}

/** Reads the one egress setting, EGRESS_ALLOW_PRIVATE_ADDRESSES, or its older name WEBHOOK_ALLOW_PRIVATE_ADDRESSES. */
export function allowPrivateAddressesFromEnv(env: NodeJS.ProcessEnv): boolean {
  const flag = (name: string) => {
    const raw = env[name]?.trim();
    if (!raw || raw === 'false') return false;
    if (raw === 'true') return true;
    throw new Error(`${name} must be true or false, got "${raw}"`);
  };
  return flag('EGRESS_ALLOW_PRIVATE_ADDRESSES') || flag('WEBHOOK_ALLOW_PRIVATE_ADDRESSES');
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
    if (!this.options.allowPrivateAddresses && isIP(host) && !isPublicAddress(host)) throw new EgressAddressRefusedError(host, host);
  }

  /** A dns.lookup for http(s).request that fails with EgressAddressRefusedError on a non-public address. */
  readonly lookup = (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    this.resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = this.options.allowPrivateAddresses ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new EgressAddressRefusedError(hostname, refused.address), '');
      if (options.all) return callback(null, addresses);
      if (!addresses.length) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
