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

  it('runs every role in one process by default, and splits them only on PostgreSQL', () => {
    const embedded = appConfigFromEnv({ ISNAD_DATA_DIR: 'memory://' });
    expect(embedded.role).toBe('all');
    expect(embedded.webhooks?.workerEnabled).toBe(true);
    const server = { DATABASE_URL: 'postgres://isnad@db.example/isnad' };
    expect(appConfigFromEnv({ ...server, ISNAD_ROLE: 'api' })).toMatchObject({ role: 'api', webhooks: { workerEnabled: false } });
    expect(appConfigFromEnv({ ...server, ISNAD_ROLE: 'worker' })).toMatchObject({ role: 'worker', webhooks: { workerEnabled: true } });
    expect(() => appConfigFromEnv({ ISNAD_ROLE: 'worker' })).toThrow('needs DATABASE_URL');
    expect(() => appConfigFromEnv({ ...server, ISNAD_ROLE: 'cron' })).toThrow('ISNAD_ROLE must be api, worker or all');
  });

  it('writes logs for people on a terminal and JSON lines otherwise, unless LOG_FORMAT says', () => {
    expect(appConfigFromEnv({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(appConfigFromEnv({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(appConfigFromEnv({}).logFormat).toBe(process.stdout.isTTY ? 'pretty' : 'json');
    expect(() => appConfigFromEnv({ LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT');
  });
});
