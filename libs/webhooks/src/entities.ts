import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export const WEBHOOK_ENTITIES = [WebhookEndpoint, WebhookDelivery];
