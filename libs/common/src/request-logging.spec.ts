import type { IncomingMessage } from 'node:http';
import { newRequestId, requestIdOf } from './request-logging';

const requestWith = (headers: IncomingMessage['headers']) => ({ headers }) as IncomingMessage;

describe('request ids', () => {
  it('echoes a sane X-Request-Id and replaces anything else with a new id', () => {
    expect(requestIdOf(requestWith({ 'x-request-id': 'feed-poll-7' }))).toBe('feed-poll-7');
    for (const given of [undefined, 'bad id with spaces', 'x'.repeat(129), ['a', 'b']]) {
      expect(requestIdOf(requestWith({ 'x-request-id': given as string }))).toMatch(/^[\w-]{12}-[0-9a-z]+$/);
    }
  });

  it('never gives the same id twice in a process', () => {
    const ids = Array.from({ length: 10_000 }, newRequestId);
    expect(new Set(ids).size).toBe(ids.length);
    // One prefix per process: what tells two processes' ids apart.
    expect(new Set(ids.map((id) => id.slice(0, 12))).size).toBe(1);
  });
});
