import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { WebhookEgress } from './webhook-egress';
import { WEBHOOK_HEADERS, signWebhook } from './webhook-signature';
import { WebhookAddressRefusedError } from './webhooks.errors';
import { ClaimedDelivery, WebhooksService } from './webhooks.service';
import { WEBHOOKS_OPTIONS, WebhooksOptions } from './webhooks.options';

/** How an attempt went: delivered, failed (may be retried), or refused for good (non-public address). */
export type AttemptOutcome = 'delivered' | 'failed' | 'refused';

/** Makes one signed attempt at a claimed delivery and records how it went. */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly egress: WebhookEgress,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {}

  /** `retry` says who schedules the next attempt on failure; a refused delivery is FAILED at once. */
  async attempt(
    { delivery, endpoint, body }: ClaimedDelivery,
    retry: Parameters<WebhooksService['recordFailure']>[3] = { by: 'database' },
  ): Promise<AttemptOutcome> {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const status = await this.post(new URL(endpoint.url), body, {
        'content-type': 'application/json',
        'user-agent': 'Isnad-Webhooks/1',
        [WEBHOOK_HEADERS.id]: delivery.id,
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, timestamp, body),
      });
      if (status >= 200 && status < 300) {
        await this.webhooks.recordSuccess(delivery.id, status);
        return 'delivered';
      }
      await this.webhooks.recordFailure(delivery, status, `HTTP ${status}`, retry);
    } catch (error) {
      const refused = error instanceof WebhookAddressRefusedError;
      await this.webhooks.recordFailure(delivery, null, error instanceof Error ? `${error.name}: ${error.message}` : String(error), retry, refused);
      if (refused) return 'refused';
    }
    return 'failed';
  }

  /**
   * POSTs the body and resolves with the status. Redirects are not followed (a 3xx is a failure),
   * and the socket connects only to an address WebhookEgress accepted.
   */
  private post(url: URL, body: string, headers: Record<string, string>): Promise<number> {
    this.egress.checkLiteralAddress(url);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<number>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: this.egress.lookup,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}
