import { InvalidInputError, NotFoundError } from '@isnad/common';

export class SourceNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Source', id);
  }
}

export class InvalidSourceError extends InvalidInputError {}
