import { appConfigFromEnv } from './app.config';

describe('API settings read from the environment', () => {
  it('limits requests by default, and trusts no proxy unless TRUST_PROXY names one', () => {
    const config = appConfigFromEnv({ ISNAD_DATA_DIR: 'memory://' });
    expect(config.rateLimits).toMatchObject({ addressPerMinute: 300, tokenPerMinute: 1200 });
    expect(config.trustProxy).toBe(false);
    expect(appConfigFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(appConfigFromEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback,10.0.0.0/8');
    expect(appConfigFromEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('refuses a TRUST_PROXY it cannot read', () => {
    expect(() => appConfigFromEnv({ TRUST_PROXY: 'the nginx box' })).toThrow('TRUST_PROXY');
  });
});
