// The GraphQL client of the demo, the benchmarks and the tests: nothing of the API's own code, so a
// process that runs the compiled API (dist/) loads no second copy of it from the sources.

export type Gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** A GraphQL client for `url`, sending the API token when given, that throws on any error, naming its code. */
export function graphqlClient(url: string, token?: string | null): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) {
      throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
    }
    return body.data as T;
  };
}
