import { isIP } from 'node:net';
import { LookupAddress, LookupAllOptions, LookupOneOptions, lookup as dnsLookup } from 'node:dns';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { hostOf, isPublicAddress, webhookUrlProblem } from './webhook-address';
import { InvalidWebhookError, WebhookAddressRefusedError } from './webhooks.errors';
import { WEBHOOKS_OPTIONS, WebhooksOptions } from './webhooks.options';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** dns.lookup's shape, so a test can stand in for DNS. */
export type Resolver = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

export const WEBHOOK_RESOLVER = Symbol('WEBHOOK_RESOLVER');

/**
 * Where the server may send webhooks: public addresses only (unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES
 * is on, for tests and local development), so a member cannot aim deliveries at the API's own
 * network (SSRF). Checked when a URL is registered, and again on every connection: `lookup` is
 * the DNS lookup the delivery's socket uses, so the address checked is the address connected to,
 * and a name that re-binds to 127.0.0.1 after registration is refused.
 */
@Injectable()
export class WebhookEgress {
  private readonly resolve: Resolver;

  constructor(
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
    @Optional() @Inject(WEBHOOK_RESOLVER) resolver?: Resolver | null,
  ) {
    this.resolve = resolver ?? (dnsLookup as unknown as Resolver);
  }

  /** Refuses (InvalidWebhookError, field `url`, with a `reason`) a URL deliveries may not go to. */
  async checkRegistration(raw: string): Promise<void> {
    const problem = webhookUrlProblem(raw, this.options.allowPrivateAddresses);
    if (problem) throw new InvalidWebhookError(problem.message, { field: 'url', reason: problem.reason });
    if (this.options.allowPrivateAddresses) return;
    const host = hostOf(new URL(raw));
    let addresses: LookupAddress[];
    try {
      addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
        this.resolve(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
      );
    } catch {
      throw new InvalidWebhookError(`The webhook host ${host} does not resolve`, { field: 'url', reason: 'UNRESOLVABLE_HOST' });
    }
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || !addresses.length) {
      throw new InvalidWebhookError(`Webhook URLs must point at a public address; ${host} resolves to ${refused?.address ?? 'nothing'}`, {
        field: 'url',
        reason: 'NON_PUBLIC_ADDRESS',
      });
    }
  }

  /** Refuses (WebhookAddressRefusedError) a URL whose host is a literal non-public address: no lookup guards those. */
  checkLiteralAddress(url: URL): void {
    const host = hostOf(url);
    if (!this.options.allowPrivateAddresses && isIP(host) && !isPublicAddress(host)) throw new WebhookAddressRefusedError(host, host);
  }

  /** A dns.lookup for http(s).request that fails with WebhookAddressRefusedError on a non-public address. */
  readonly lookup = (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    this.resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = this.options.allowPrivateAddresses ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new WebhookAddressRefusedError(hostname, refused.address), '');
      if (options.all) return callback(null, addresses);
      if (!addresses.length) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
