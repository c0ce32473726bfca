import { ArgumentsHost, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { GraphQLErrorFilter } from './graphql-error.filter';
import { formatGraphQLError } from './graphql-errors';

describe('a database outage as the client sees it', () => {
  const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect' });
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('answers a plain HTTP route (a feed) with 503, Retry-After and the retryable code', () => {
    const reply = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
    const response = {
      headersSent: false,
      setHeader: (name: string, value: string) => void (reply.headers[name] = value),
      status(code: number) {
        reply.status = code;
        return this;
      },
      json: (body: unknown) => void (reply.body = body),
    };
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ method: 'GET', url: '/feeds/verdicts.atom' }) }),
    } as unknown as ArgumentsHost;

    new GraphQLErrorFilter().catch(refused(), host);

    expect(reply.status).toBe(503);
    expect(reply.headers['Retry-After']).toBe('1');
    expect(reply.body).toEqual({
      errors: [{ message: 'The database is unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } }],
    });
  });

  it('gives a resolver SERVICE_UNAVAILABLE instead of an internal error', () => {
    const host = { getType: () => 'graphql' } as unknown as ArgumentsHost;
    const error = new GraphQLErrorFilter().catch(refused(), host) as GraphQLError;
    expect(error.message).toBe('The database is unavailable; try again shortly');
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });

  it('still says SERVICE_UNAVAILABLE when the outage reaches the response without passing the filter', () => {
    const escaped = new GraphQLError('Connection terminated unexpectedly', { originalError: new Error('Connection terminated unexpectedly') });
    expect(formatGraphQLError({ message: escaped.message, path: ['claims'] }, escaped)).toEqual({
      message: 'The database is unavailable; try again shortly',
      path: ['claims'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
  });
});
