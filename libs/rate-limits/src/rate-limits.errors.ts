import { RateLimitedError } from '@isnad/common';

/** The caller spent its budget; `retryAfterSeconds` says when it may come back. */
export class RequestBudgetSpentError extends RateLimitedError {
  constructor(subject: 'token' | 'address', limitPerMinute: number, retryAfterSeconds: number) {
    super(
      subject === 'token'
        ? `Too many requests with this token: the limit is ${limitPerMinute} a minute. Retry in ${retryAfterSeconds} s.`
        : `Too many requests from this address: the limit is ${limitPerMinute} a minute. Retry in ${retryAfterSeconds} s.`,
      { retryAfterSeconds, limit: limitPerMinute, per: subject === 'token' ? 'TOKEN' : 'ADDRESS' },
    );
  }
}
