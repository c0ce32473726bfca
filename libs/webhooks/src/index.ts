export * from './webhooks.module';
export * from './webhooks.service';
export * from './webhooks.options';
export * from './webhook-signature';
export * from './webhook.worker';
export * from './webhook-endpoint.entity';
export * from './webhook-delivery.entity';
export * from './entities';
