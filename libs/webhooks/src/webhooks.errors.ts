import { InvalidInputError, NotFoundError } from '@isnad/common';

export class WebhookEndpointNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('WebhookEndpoint', id);
  }
}

export class InvalidWebhookError extends InvalidInputError {}

/** A delivery refused at connection time because the host resolved to a non-public address: the shared egress guard's error. */
export { EgressAddressRefusedError as WebhookAddressRefusedError } from '@isnad/common';
