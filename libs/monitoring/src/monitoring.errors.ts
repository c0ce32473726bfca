import { InvalidInputError, NotFoundError } from '@isnad/common';

export class WatchNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Watch', id);
  }
}

export class ClaimRepeatNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('ClaimRepeat', id);
  }
}

export class InvalidWatchError extends InvalidInputError {}
