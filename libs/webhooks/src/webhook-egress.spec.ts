import { LookupAddress } from 'node:dns';
import { Resolver, isPublicAddress } from '@isnad/common';
import { WebhookEgress, webhookUrlProblem } from './webhook-egress';
import { WebhookAddressRefusedError } from './webhooks.errors';
import { DEFAULT_WEBHOOKS_OPTIONS } from './webhooks.options';

describe('which addresses webhooks may go to', () => {
  it.each([
    ['93.184.215.14', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.5', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.10', false],
    ['100.64.0.1', false],
    ['169.254.169.254', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['224.0.0.251', false],
    ['ff02::1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['255.255.255.255', false],
    ['192.0.2.1', false],
    ['2001:db8::1', false],
    ['2002:7f00:1::', false],
    ['64:ff9b::a00:1', false],
    // IPv4-compatible IPv6 (deprecated): ::127.0.0.1 must not pass as a public IPv6 address.
    ['::127.0.0.1', false],
    ['::7f00:1', false],
    ['fec0::1', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it.each([
    ['ftp://partner.example/hook', 'NOT_HTTP'],
    ['file:///etc/passwd', 'NOT_HTTP'],
    ['https://user:secret@partner.example/hook', 'HAS_CREDENTIALS'],
    ['not a url', 'NOT_A_URL'],
    ['http://127.0.0.1:8080/hook', 'NON_PUBLIC_ADDRESS'],
    ['http://[::1]/hook', 'NON_PUBLIC_ADDRESS'],
    ['http://[::ffff:7f00:1]/hook', 'NON_PUBLIC_ADDRESS'],
    ['http://2130706433/hook', 'NON_PUBLIC_ADDRESS'], // 127.0.0.1 written as one number
    ['http://0x7f.1/hook', 'NON_PUBLIC_ADDRESS'],
    ['http://[::127.0.0.1]/hook', 'NON_PUBLIC_ADDRESS'],
  ])('refuses %s (%s) before any DNS lookup', (url, reason) => {
    expect(webhookUrlProblem(url, false)?.reason).toBe(reason);
  });

  it('lets loopback through only when private addresses are allowed, never credentials', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
    expect(webhookUrlProblem('https://u:p@127.0.0.1/hook', true)?.reason).toBe('HAS_CREDENTIALS');
    expect(webhookUrlProblem('https://partner.example/hook', false)).toBeNull();
  });
});

describe('a partner host that re-binds its DNS after registration', () => {
  /** DNS that answers a public address first, then 127.0.0.1: the re-binding attack. */
  function rebindingDns(): Resolver {
    let calls = 0;
    return (_host, _options, callback) => {
      calls += 1;
      const answer: LookupAddress[] = calls === 1 ? [{ address: '93.184.215.14', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
      setImmediate(() => callback(null, answer));
    };
  }

  it('is accepted at registration, and refused when the delivery connects', async () => {
    const egress = new WebhookEgress({ ...DEFAULT_WEBHOOKS_OPTIONS }, rebindingDns());
    await expect(egress.checkRegistration('https://partner.example/hook')).resolves.toBeUndefined();
    const result = await new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      egress.lookup('partner.example', { all: true }, (error, address) => resolve({ error, address })),
    );
    expect(result.error).toBeInstanceOf(WebhookAddressRefusedError);
    expect(result.error?.message).toMatch(/127\.0\.0\.1, which is not a public address/);
  });

  it('refuses at registration a host any of whose addresses is private, or that does not resolve', async () => {
    const mixed: Resolver = (_h, _o, callback) =>
      callback(null, [
        { address: '93.184.215.14', family: 4 },
        { address: '10.0.0.8', family: 4 },
      ]);
    await expect(new WebhookEgress({ ...DEFAULT_WEBHOOKS_OPTIONS }, mixed).checkRegistration('https://partner.example/')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'url', reason: 'NON_PUBLIC_ADDRESS' },
    });
    const nowhere: Resolver = (_h, _o, callback) => callback(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), []);
    await expect(new WebhookEgress({ ...DEFAULT_WEBHOOKS_OPTIONS }, nowhere).checkRegistration('https://nowhere.example/')).rejects.toMatchObject({
      details: { field: 'url', reason: 'UNRESOLVABLE_HOST' },
    });
  });
});
