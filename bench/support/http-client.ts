// The benchmarks' HTTP client for timed GraphQL requests: node:http on one kept-alive connection.
// fetch (undici) spends about 0.4–0.5 ms of CPU per request of its own building Request and Headers
// objects and web streams; when the client runs in the API's process (bench:core's page) that is
// charged to the API. Nothing here is cheaper for the API: the request still crosses loopback HTTP,
// is parsed by Node's HTTP server and answered in full; only the client does less.
import { Agent, request } from 'node:http';
import type { Gql } from '../../scripts/demo';

/** What one POST answered: the status and the body parsed as JSON. */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** POSTs `body` as JSON to `url` over `agent`'s kept-alive connection and parses the answer. */
export function postJson(agent: Agent, url: URL, headers: Record<string, string>, body: unknown): Promise<JsonAnswer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...headers, 'content-length': String(payload.length) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}

/**
 * A GraphQL client like scripts/demo's graphqlClient (same answers, same errors thrown), over
 * node:http with one kept-alive connection; `close` lets the process exit.
 */
export function keepAliveGraphqlClient(endpoint: string, token?: string | null): { gql: Gql; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(endpoint);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const { body } = await postJson(agent, url, headers, { query, variables });
    const answer = body as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    if (answer.errors?.length) {
      throw new Error(answer.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
    }
    return answer.data as T;
  };
  return { gql: gql as Gql, close: () => agent.destroy() };
}
