import { TestApi } from './support/test-api';

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret endpoint { id url } } }`;

// TestApi runs with the production default: webhook URLs must point at public addresses.
describe('registering a partner webhook: only public http(s) URLs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api?.stop());

  it.each([
    ['ftp://partner.example/hook', 'NOT_HTTP'],
    ['https://partner:hunter2@93.184.215.14/hook', 'HAS_CREDENTIALS'],
    ['partner.example/hook', 'NOT_A_URL'],
    ['http://127.0.0.1:3000/graphql', 'NON_PUBLIC_ADDRESS'],
    ['http://localhost:3000/graphql', 'NON_PUBLIC_ADDRESS'],
    ['http://[::1]:3000/graphql', 'NON_PUBLIC_ADDRESS'],
    ['http://[::ffff:127.0.0.1]/', 'NON_PUBLIC_ADDRESS'],
    ['http://169.254.169.254/latest/meta-data/', 'NON_PUBLIC_ADDRESS'],
    ['http://10.0.0.12/internal', 'NON_PUBLIC_ADDRESS'],
    ['http://192.168.1.1/admin', 'NON_PUBLIC_ADDRESS'],
    ['http://[fd12:3456::1]/', 'NON_PUBLIC_ADDRESS'],
    ['http://224.0.0.1/', 'NON_PUBLIC_ADDRESS'],
    ['http://0.0.0.0:5432/', 'NON_PUBLIC_ADDRESS'],
  ])('refuses %s with BAD_USER_INPUT (%s) and stores nothing', async (url, reason) => {
    const response = await api.gql(REGISTER, { input: { url } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url', reason });
    expect(response.errors?.[0]?.message).not.toMatch(/hunter2/);
    const { webhookEndpoints } = await api.ok<{ webhookEndpoints: unknown[] }>(`{ webhookEndpoints { id } }`);
    expect(webhookEndpoints).toEqual([]);
  });

  it('accepts a public address and shows its secret once, never again', async () => {
    const { registerWebhook } = await api.ok<{ registerWebhook: { secret: string; endpoint: { id: string; url: string } } }>(REGISTER, {
      input: { url: 'https://93.184.215.14/hooks/isnad' },
    });
    expect(registerWebhook.secret).toMatch(/^whsec_/);
    expect(registerWebhook.endpoint.url).toBe('https://93.184.215.14/hooks/isnad');

    const asked = await api.gql(`{ webhookEndpoints { id secret } }`);
    expect(asked.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const { __type } = await api.ok<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "WebhookEndpoint") { fields { name } } }`);
    expect(__type.fields.map((f) => f.name)).not.toContain('secret');
    const listed = await api.gql(`{ webhookEndpoints { id url active description createdAt deliveries { nodes { id lastError } } } }`);
    expect(JSON.stringify(listed)).not.toContain(registerWebhook.secret);
  });
});
