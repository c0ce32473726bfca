import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WEBHOOK_ENTITIES } from './entities';
import { WebhookEgress } from './webhook-egress';
import { WebhookResolver } from './webhook.resolver';
import { WebhookSender } from './webhook-sender';
import { WebhookWorker } from './webhook.worker';
import { DEFAULT_WEBHOOKS_OPTIONS, WEBHOOKS_OPTIONS, WebhooksOptions } from './webhooks.options';
import { WebhooksService } from './webhooks.service';

/**
 * Partner webhooks: signed deliveries of verdict events read from the transactional outbox,
 * retried with backoff and recorded.
 */
@Module({})
export class WebhooksModule {
  static forRoot(options: Partial<WebhooksOptions> = {}): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [TypeOrmModule.forFeature(WEBHOOK_ENTITIES)],
      providers: [
        { provide: WEBHOOKS_OPTIONS, useValue: { ...DEFAULT_WEBHOOKS_OPTIONS, ...options } },
        WebhookEgress,
        WebhooksService,
        WebhookSender,
        WebhookWorker,
        WebhookResolver,
      ],
      exports: [WebhooksService, WebhookWorker],
    };
  }
}
