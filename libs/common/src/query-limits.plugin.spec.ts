import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { performance } from 'node:perf_hooks';
import { MAX_RESPONSE_TEXT, OPERATION_TIME_LIMIT_MS, QueryLimitsPlugin, withOperationLimits } from './query-limits.plugin';

/** A server with only the limits plugin, over a schema whose resolvers the tests steer. */
async function serverWith(resolvers: Record<string, (args: { n: number }) => unknown>) {
  const schema = buildSchema(`
    type Article { title: String! text: String! }
    type Query { articles(n: Int!): [Article!]! quote(n: Int!): String! }
  `);
  for (const [name, resolve] of Object.entries(resolvers)) {
    schema.getQueryType()!.getFields()[name].resolve = (_source, args) => resolve(args as { n: number });
  }
  const server = new ApolloServer({ schema, plugins: [new QueryLimitsPlugin({ schema } as never)] });
  await server.start();
  return server;
}

async function ask(server: ApolloServer, query: string) {
  const { body, http } = await server.executeOperation({ query }, { contextValue: {} });
  if (body.kind !== 'single') throw new Error('expected a single result');
  return { status: http.status, result: body.singleResult };
}

describe('QueryLimitsPlugin while an operation runs', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a small operation and reports its cost', async () => {
    const server = await serverWith({ articles: ({ n }) => Array.from({ length: n }, (_, i) => ({ title: `خبر ${i}`, text: 'نص' })) });
    const { status, result } = await ask(server, '{ articles(n: 3) { title } }');
    expect(status).toBeUndefined();
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ articles: [{ title: 'خبر 0' }, { title: 'خبر 1' }, { title: 'خبر 2' }] });
    expect(result.extensions).toEqual({ cost: expect.objectContaining({ requested: expect.any(Number) }) });
    await server.stop();
  });

  it('stops the fields left once the operation runs past its time limit: 503 OPERATION_TIMEOUT, no data', async () => {
    let now = performance.now();
    jest.spyOn(performance, 'now').mockImplementation(() => now);
    const articles = Array.from({ length: 5 }, (_, i) => ({
      text: 'نص',
      // Reading the second article's title takes the clock past the limit.
      get title() {
        if (i === 1) now += OPERATION_TIME_LIMIT_MS + 1;
        return `خبر ${i}`;
      },
    }));
    const server = await serverWith({ articles: () => articles });
    const { status, result } = await ask(server, '{ articles(n: 5) { title text } }');
    expect(status).toBe(503);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'OPERATION_TIMEOUT' } })]);
    await server.stop();
  });

  it('refuses an answer carrying more text than MAX_RESPONSE_TEXT, sync or async: 413 RESPONSE_TOO_LARGE', async () => {
    const half = 'ن'.repeat(MAX_RESPONSE_TEXT / 2 + 1);
    const server = await serverWith({ quote: async () => half });
    const { status, result } = await ask(server, '{ a: quote(n: 1) b: quote(n: 2) }');
    expect(status).toBe(413);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE' } })]);
    const fits = await ask(server, '{ a: quote(n: 1) }');
    expect(fits.status).toBeUndefined();
    expect((fits.result.data as { a: string }).a).toHaveLength(half.length);
    await server.stop();
  });

  it('counts the text of plain property fields too', async () => {
    const half = 'ن'.repeat(MAX_RESPONSE_TEXT / 2 + 1);
    const server = await serverWith({ articles: () => [{ title: 'أ', text: half }, { title: 'ب', text: half }] });
    const { status, result } = await ask(server, '{ articles(n: 2) { title text } }');
    expect(status).toBe(413);
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE' } })]);
    await server.stop();
  });

  it('adds no Apollo willResolveField hook (Apollo would wrap every field for it), and wraps a schema once', async () => {
    const listener = await new QueryLimitsPlugin({ schema: null } as never).requestDidStart({ contextValue: {} } as never);
    expect(listener.executionDidStart).toBeUndefined();
    const schema = buildSchema('type Query { title: String }');
    withOperationLimits(schema);
    const wrapped = schema.getQueryType()!.getFields().title.resolve;
    withOperationLimits(schema);
    expect(schema.getQueryType()!.getFields().title.resolve).toBe(wrapped);
  });
});
