import { InvalidInputError, NotFoundError } from '@isnad/common';

export class WebhookEndpointNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('WebhookEndpoint', id);
  }
}

export class InvalidWebhookError extends InvalidInputError {}

/**
 * A delivery refused at connection time because the host resolved to a non-public address
 * (a URL registered when it pointed elsewhere, or DNS re-binding). Permanent: never retried.
 */
export class WebhookAddressRefusedError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';

  constructor(host: string, address: string) {
    super(`Refused: ${host} resolves to ${address}, which is not a public address`);
    this.name = 'WebhookAddressRefusedError';
  }
}
