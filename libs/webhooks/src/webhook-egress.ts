import { LookupAddress } from 'node:dns';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EgressGuard, PrivateAddressAllowance, Resolver, egressUrlProblem, hostOf, isAllowedAddress } from '@isnad/common';
import { InvalidWebhookError } from './webhooks.errors';
import { WEBHOOKS_OPTIONS, WebhooksOptions } from './webhooks.options';

export const WEBHOOK_RESOLVER = Symbol('WEBHOOK_RESOLVER');

/** What is wrong with a webhook URL before any DNS lookup (see egressUrlProblem). */
export function webhookUrlProblem(raw: string, allowPrivateAddresses: PrivateAddressAllowance) {
  return egressUrlProblem(raw, allowPrivateAddresses, 'Webhook URLs');
}

/**
 * Where the server may send webhooks: the shared egress guard (public addresses only unless
 * EGRESS_ALLOW_PRIVATE_ADDRESSES is on), checked when a URL is registered and again on every
 * connection, so a name that re-binds to 127.0.0.1 after registration is refused.
 */
@Injectable()
export class WebhookEgress extends EgressGuard {
  constructor(@Inject(WEBHOOKS_OPTIONS) options: WebhooksOptions, @Optional() @Inject(WEBHOOK_RESOLVER) resolver?: Resolver | null) {
    super(options, resolver);
  }

  /** Refuses (InvalidWebhookError, field `url`, with a `reason`) a URL deliveries may not go to. */
  async checkRegistration(raw: string): Promise<void> {
    const problem = webhookUrlProblem(raw, this.options.allowPrivateAddresses);
    if (problem) throw new InvalidWebhookError(problem.message, { field: 'url', reason: problem.reason });
    if (this.options.allowPrivateAddresses === true) return;
    const host = hostOf(new URL(raw));
    let addresses: LookupAddress[];
    try {
      addresses = await this.addressesOf(host);
    } catch {
      throw new InvalidWebhookError(`The webhook host ${host} does not resolve`, { field: 'url', reason: 'UNRESOLVABLE_HOST' });
    }
    const refused = addresses.find((a) => !isAllowedAddress(a.address, this.options.allowPrivateAddresses));
    if (refused || !addresses.length) {
      throw new InvalidWebhookError(`Webhook URLs must point at a public address; ${host} resolves to ${refused?.address ?? 'nothing'}`, {
        field: 'url',
        reason: 'NON_PUBLIC_ADDRESS',
      });
    }
  }
}
