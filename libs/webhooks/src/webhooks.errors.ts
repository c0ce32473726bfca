import { InvalidInputError, NotFoundError } from '@isnad/common';

export class WebhookEndpointNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('WebhookEndpoint', id);
  }
}

export class InvalidWebhookError extends InvalidInputError {}
