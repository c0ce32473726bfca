import { buildSchema, getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { measureOperation } from './operation-cost';
import { admitOperation } from './operation-gate';

const schema = buildSchema(`
  enum Rating { TRUE FALSE }
  input ClaimFilter { rating: Rating, since: Int }
  type Claim { id: ID! statement: String! appearances(first: Int): AppearanceConnection! }
  type Appearance { id: ID! exact: String! claim: Claim! }
  type AppearanceConnection { nodes: [Appearance!]! }
  type ClaimConnection { nodes: [Claim!]! }
  type Query { threshold: Float! claims(first: Int, filter: ClaimFilter): ClaimConnection! }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!, variables);
}

function refusal(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  try {
    admitOperation(schema, document, getOperationAST(document)!, variables);
    return null;
  } catch (error) {
    return (error as { extensions: { code: string; reason?: string } }).extensions;
  }
}

describe('measuring an operation before it runs', () => {
  it('prices a page by the rows it may return', () => {
    expect(measure('{ claims(first: 10) { nodes { id statement } } }').cost).toBe(1 + 10 * 3);
    expect(measure('{ claims { nodes { id } } }').cost).toBe(1 + 20 * 2); // default page of 20
  });

  it('clamps `first` before multiplying: a negative page cannot lower the estimate of the others', () => {
    expect(measure('{ claims(first: -1000000) { nodes { id } } }').cost).toBe(1 + 1 * 2);
    expect(measure('{ claims(first: 1000000) { nodes { id } } }').cost).toBe(1 + 100 * 2);
    expect(measure('query($n: Int) { claims(first: $n) { nodes { id } } }', { n: 100 }).cost).toBe(1 + 100 * 2);
  });

  it('measures a chain of fragments each spreading the next twice in a blink, at its true size', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const query = `query { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { threshold }`;
    const started = performance.now();
    const result = measure(query);
    // Expanding the spreads would visit 2^40 fields and never finish; measured once each, the walk
    // takes a few milliseconds. The bound is loose so that a busy machine cannot fail it.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.cost).toBe(2 ** levels);
    expect(result.depth).toBe(1);
  });

  it('counts aliases through fragments', () => {
    expect(measure('{ a: threshold b: threshold ...F ...F } fragment F on Query { c: threshold }').aliases).toBe(4);
  });

  it("admits GraphiQL's own introspection query and refuses introspection nested to blow up", () => {
    expect(refusal(getIntrospectionQuery())).toBeNull();
    expect(refusal('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }')).toMatchObject({ code: 'QUERY_TOO_DEEP' });
  });
});

describe('the gate on variables', () => {
  const query = 'query($filter: ClaimFilter, $n: Int) { claims(first: $n, filter: $filter) { nodes { id } } }';

  it.each([
    ['a lower-case enum value', { filter: { rating: 'true' } }],
    ['an unknown enum value', { filter: { rating: 'MOSTLY' } }],
    ['1.5 for an Int', { n: 1.5 }],
    ['2^31 for an Int', { n: 2 ** 31 }],
    ['"NaN" for an Int', { n: 'NaN' }],
    ['an unknown input field', { filter: { rating: 'TRUE', colour: 'red' } }],
  ])('refuses %s as BAD_USER_INPUT', (_what, variables) => {
    expect(refusal(query, variables)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VARIABLE_TYPE' });
  });

  it('refuses a variable nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal(query, { filter: deep })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_DEEP' });
  });

  it('refuses NUL and half a surrogate pair anywhere in the variables', () => {
    expect(refusal(query, { filter: { since: 1, x: 'a\u0000' } })).toMatchObject({ reason: 'NUL_CHARACTER', at: '$.filter.x' });
    expect(refusal(query, { filter: { ['\uD800']: 1 } })).toMatchObject({ reason: 'UNPAIRED_SURROGATE' });
    expect(refusal(query, { filter: { rating: 'TRUE' }, n: 5 })).toBeNull();
  });
});

describe('a query the API has seen before', () => {
  // Apollo hands over the same parsed document for a query text it has parsed before.
  it('is admitted again at the same cost, and a repeated refusal or a costlier variable is still refused', () => {
    const page = parse('{ claims(first: 20) { nodes { id appearances(first: 5) { nodes { exact } } } } }');
    const first = admitOperation(schema, page, getOperationAST(page)!, {});
    expect(admitOperation(schema, page, getOperationAST(page)!, {}).measure).toEqual(first.measure);
    const tooCostly = parse('{ claims(first: 100) { nodes { appearances(first: 100) { nodes { claim { appearances(first: 100) { nodes { id } } } } } } } }');
    for (let i = 0; i < 2; i++) expect(() => admitOperation(schema, tooCostly, getOperationAST(tooCostly)!, {})).toThrow('the limit is');
    const byVariable = parse('query($n: Int) { claims(first: $n) { nodes { appearances(first: $n) { nodes { claim { appearances(first: $n) { nodes { id } } } } } } } }');
    expect(admitOperation(schema, byVariable, getOperationAST(byVariable)!, { n: 2 }).measure.cost).toBeLessThan(100);
    expect(() => admitOperation(schema, byVariable, getOperationAST(byVariable)!, { n: 100 })).toThrow('the limit is');
  });
});
