import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

describe('telling a database outage from a failed statement', () => {
  const errnoError = (code: string, syscall = 'connect') => Object.assign(new Error(`${syscall} ${code} 127.0.0.1:5432`), { code, syscall });
  // TypeORM's QueryFailedError: the driver's message, its properties copied, the original kept.
  const wrapped = (driverError: Error & { code?: string }) =>
    Object.assign(new Error(driverError.message), { code: driverError.code, driverError });

  it.each([
    ['the server shutting down under a running query (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a crash shutdown (57P02)', Object.assign(new Error('terminating connection because of crash of another server process'), { code: '57P02' })],
    ['connecting while it starts up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['nobody listening on the port', errnoError('ECONNREFUSED')],
    ['the connection reset', errnoError('ECONNRESET', 'read')],
    ['no unix socket yet', errnoError('ENOENT')],
    ['node-postgres losing the connection', new Error('Connection terminated unexpectedly')],
    ['pg-pool waiting too long for a connection', new Error('timeout exceeded when trying to connect')],
    ['a client that already lost its connection', new Error('Client has encountered a connection error and is not queryable')],
    ['any of these wrapped by TypeORM', wrapped(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }))],
    ['a transaction whose connection was dropped between statements', new QueryRunnerAlreadyReleasedError()],
    ['the same, through the entity manager', new QueryRunnerProviderAlreadyReleasedError()],
    ['a refused connection among several addresses', new AggregateError([errnoError('ECONNREFUSED'), errnoError('ECONNREFUSED')], '')],
  ])('is unavailability: %s', (_story, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', wrapped(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))],
    ['a syntax error', Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' })],
    ['a serialization failure (retried by the service itself, not a dead server)', Object.assign(new Error('could not serialize access'), { code: '40001' })],
    ['a missing file', errnoError('ENOENT', 'open')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing at all', undefined],
  ])('is not unavailability: %s', (_story, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
