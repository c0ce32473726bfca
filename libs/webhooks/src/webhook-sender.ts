import { Inject, Injectable } from '@nestjs/common';
import { WEBHOOK_HEADERS, signWebhook } from './webhook-signature';
import { ClaimedDelivery, WebhooksService } from './webhooks.service';
import { WEBHOOKS_OPTIONS, WebhooksOptions } from './webhooks.options';

/** Makes one signed attempt at a claimed delivery and records how it went. */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly webhooks: WebhooksService,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {}

  /** True when the receiver answered 2xx. `retry` says who schedules the next attempt on failure. */
  async attempt(
    { delivery, endpoint, body }: ClaimedDelivery,
    retry: Parameters<WebhooksService['recordFailure']>[3] = { by: 'database' },
  ): Promise<boolean> {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Isnad-Webhooks/1',
          [WEBHOOK_HEADERS.id]: delivery.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, timestamp, body),
        },
        body,
      });
      await response.body?.cancel();
      if (response.ok) {
        await this.webhooks.recordSuccess(delivery.id, response.status);
        return true;
      }
      await this.webhooks.recordFailure(delivery, response.status, `HTTP ${response.status}`, retry);
    } catch (error) {
      await this.webhooks.recordFailure(delivery, null, error instanceof Error ? `${error.name}: ${error.message}` : String(error), retry);
    }
    return false;
  }
}
