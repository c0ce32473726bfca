import { egressUrlProblem, isAllowedAddress } from './egress-address';
import { EgressAddressRefusedError, EgressGuard, Resolver, allowPrivateAddressesFromEnv } from './egress-guard';

describe('the one egress setting, shared by webhooks and fetching', () => {
  it('reads EGRESS_ALLOW_PRIVATE_ADDRESSES, or the webhook setting as its alias', () => {
    expect(allowPrivateAddressesFromEnv({})).toBe(false);
    expect(allowPrivateAddressesFromEnv({ EGRESS_ALLOW_PRIVATE_ADDRESSES: 'true' })).toBe(true);
    expect(allowPrivateAddressesFromEnv({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' })).toBe(true);
    expect(allowPrivateAddressesFromEnv({ EGRESS_ALLOW_PRIVATE_ADDRESSES: 'false', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' })).toBe(false);
    expect(allowPrivateAddressesFromEnv({ EGRESS_ALLOW_PRIVATE_ADDRESSES: '127.0.0.0/8, ::1/128' })).toEqual(['127.0.0.0/8', '::1/128']);
    expect(() => allowPrivateAddressesFromEnv({ EGRESS_ALLOW_PRIVATE_ADDRESSES: 'yes' })).toThrow(/EGRESS_ALLOW_PRIVATE_ADDRESSES/);
  });

  it('with loopback allowed for tests, still refuses other private ranges and the cloud metadata address', () => {
    const loopback = ['127.0.0.0/8'];
    expect(isAllowedAddress('127.0.0.1', loopback)).toBe(true);
    expect(isAllowedAddress('::ffff:127.0.0.1', loopback)).toBe(true);
    expect(isAllowedAddress('10.0.0.5', loopback)).toBe(false);
    expect(isAllowedAddress('169.254.169.254', loopback)).toBe(false);
    expect(isAllowedAddress('fd00::1', loopback)).toBe(false);
    expect(egressUrlProblem('http://169.254.169.254/latest/meta-data/', loopback)?.reason).toBe('NON_PUBLIC_ADDRESS');
    expect(egressUrlProblem('http://[::127.0.0.1]/', false)?.reason).toBe('NON_PUBLIC_ADDRESS');
  });

  it('checks the address the socket connects to, on every lookup', async () => {
    const dns: Resolver = (_host, _options, callback) => callback(null, [{ address: '10.1.2.3', family: 4 }]);
    const guard = new EgressGuard({ allowPrivateAddresses: ['127.0.0.0/8'] }, dns);
    const error = await new Promise<Error | null>((resolve) => guard.lookup('intranet.example', { all: true }, (e) => resolve(e)));
    expect(error).toBeInstanceOf(EgressAddressRefusedError);
    expect(() => guard.checkLiteralAddress(new URL('http://127.0.0.1:8080/'))).not.toThrow();
    // The IPv4-compatible form is no loopback alias anyone needs: refused even with loopback allowed.
    expect(() => guard.checkLiteralAddress(new URL('http://[::127.0.0.1]/'))).toThrow(EgressAddressRefusedError);
    expect(() => new EgressGuard({ allowPrivateAddresses: false }).checkLiteralAddress(new URL('http://127.0.0.1/'))).toThrow(EgressAddressRefusedError);
  });
});
