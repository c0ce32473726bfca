import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = JSON.stringify({ type: 'verdict.published', data: { headline: 'لا دليل على اللقاءات' } });
  const now = 1_700_000_000_000;
  const timestamp = now / 1000;

  it('verifies a signature made over the timestamp and the exact body', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, { timestamp: String(timestamp), signature }, body, 300, now)).toBe(true);
  });

  it.each([
    ['another secret', 'whsec_other', body, timestamp],
    ['a changed body', secret, body.replace('لا', 'نعم'), timestamp],
    ['a replayed old timestamp', secret, body, timestamp - 301],
  ])('refuses %s', (_name, key, signedBody, signedAt) => {
    const signature = signWebhook(key, signedAt, signedBody);
    expect(verifyWebhook(secret, { timestamp: String(signedAt), signature }, body, 300, now)).toBe(false);
  });
});
