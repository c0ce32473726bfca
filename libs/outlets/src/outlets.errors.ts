import { ConflictError, InvalidInputError, NotFoundError } from '@isnad/common';

export class OutletNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Outlet', id);
  }
}

export class DomainTakenError extends ConflictError {
  constructor(domain: string, outletId: string) {
    super(`The domain ${domain} already belongs to outlet ${outletId}`, { domain, outletId });
  }
}

export class InvalidOutletMergeError extends InvalidInputError {}
