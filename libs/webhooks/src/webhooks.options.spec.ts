import { retryDelayMs, webhooksOptionsFromEnv } from './webhooks.options';

describe('webhook retry schedule and settings', () => {
  it('doubles the delay each attempt within ±20 % jitter, capped at an hour', () => {
    const options = { backoffMs: 1000 };
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(options, attempt, 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(options, 1, 0)).toBe(800);
    expect(retryDelayMs(options, 1, 1)).toBe(1200);
    expect(retryDelayMs(options, 40, 0.5)).toBe(3_600_000);
  });

  it('reads WEBHOOK_* once and refuses a bad number', () => {
    expect(webhooksOptionsFromEnv({ WEBHOOK_WORKER: 'false', WEBHOOK_MAX_ATTEMPTS: '3' }, null)).toMatchObject({
      workerEnabled: false,
      maxAttempts: 3,
      pollMs: 500,
    });
    expect(() => webhooksOptionsFromEnv({ WEBHOOK_POLL_MS: 'soon' }, null)).toThrow('WEBHOOK_POLL_MS');
  });

  it('sends to public addresses only unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true', () => {
    expect(webhooksOptionsFromEnv({}, null).allowPrivateAddresses).toBe(false);
    expect(webhooksOptionsFromEnv({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' }, null).allowPrivateAddresses).toBe(true);
    expect(() => webhooksOptionsFromEnv({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'yes please' }, null)).toThrow('WEBHOOK_ALLOW_PRIVATE_ADDRESSES');
  });
});
