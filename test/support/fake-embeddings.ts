import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/** A stand-in OpenAI-compatible embeddings endpoint on loopback, and what it was asked. */
export interface FakeEmbeddings {
  /** The endpoint's URL, for EMBEDDINGS_URL. */
  url: string;
  /** The `input` of every request, in order. */
  calls: string[][];
  /** While true, every request gets HTTP 500 (a model that is not loaded). */
  failing: boolean;
  close(): Promise<void>;
}

/** Starts an endpoint that answers each text with `vectorOf(text)`. */
export async function startFakeEmbeddings(vectorOf: (text: string) => number[]): Promise<FakeEmbeddings> {
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const { input } = JSON.parse(raw) as { input: string[] };
    fake.calls.push(input);
    if (fake.failing) return void res.writeHead(500).end('model not loaded');
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ data: input.map((text, index) => ({ index, embedding: vectorOf(text) })) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeEmbeddings = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/embeddings`,
    calls: [],
    failing: false,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}
