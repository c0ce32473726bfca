import { createHash } from 'node:crypto';
import { rateLimitSubject } from './rate-limit-key';
import { DEFAULT_RATE_LIMITS, rateLimitsConfigFromEnv } from './rate-limits.config';

describe('whose budget a request spends', () => {
  it('counts a bearer token by its SHA-256, never the token itself', () => {
    const subject = rateLimitSubject('Bearer isn_secret123', '203.0.113.7');
    expect(subject).toEqual({ kind: 'token', key: createHash('sha256').update('isn_secret123').digest('hex') });
    expect(JSON.stringify(subject)).not.toContain('isn_secret123');
    expect(rateLimitSubject('bearer isn_secret123', '198.51.100.1')).toEqual(subject);
  });

  it('counts a request without a bearer token by its client address', () => {
    expect(rateLimitSubject(undefined, '203.0.113.7')).toEqual({ kind: 'address', key: '203.0.113.7' });
    expect(rateLimitSubject('Basic dXNlcjpwYXNz', '203.0.113.7')).toEqual({ kind: 'address', key: '203.0.113.7' });
    expect(rateLimitSubject('Bearer ', '203.0.113.7')).toEqual({ kind: 'address', key: '203.0.113.7' });
  });

  it('counts an IPv4-mapped address as its IPv4 address and an IPv6 address by its /64', () => {
    expect(rateLimitSubject(undefined, '::ffff:127.0.0.1').key).toBe('127.0.0.1');
    const a = rateLimitSubject(undefined, '2001:db8:1:2:aaaa::1').key;
    expect(a).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject(undefined, '2001:db8:1:2:bbbb::9').key).toBe(a);
    expect(rateLimitSubject(undefined, '2001:db8:1:3::1').key).not.toBe(a);
  });
});

describe('rate-limit settings', () => {
  it('defaults to 300 a minute per address and 1,200 per token, and 0 turns a limit off', () => {
    expect(rateLimitsConfigFromEnv({})).toEqual(DEFAULT_RATE_LIMITS);
    expect(rateLimitsConfigFromEnv({ RATE_LIMIT_ADDRESS_PER_MINUTE: '0', RATE_LIMIT_TOKEN_PER_MINUTE: '60' })).toMatchObject({
      addressPerMinute: 0,
      tokenPerMinute: 60,
    });
  });

  it('refuses a limit that is not a whole number', () => {
    expect(() => rateLimitsConfigFromEnv({ RATE_LIMIT_TOKEN_PER_MINUTE: 'lots' })).toThrow('RATE_LIMIT_TOKEN_PER_MINUTE');
    expect(() => rateLimitsConfigFromEnv({ RATE_LIMIT_ADDRESS_PER_MINUTE: '-1' })).toThrow('RATE_LIMIT_ADDRESS_PER_MINUTE');
  });
});
