import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpEmbeddingEncoder, cosine, embeddingEncoderFor } from './embedding-encoder';
import { linkingConfigFromEnv } from './linking.config';
import { LocalSentenceEncoder } from './local-sentence-encoder';

/** A stand-in OpenAI-compatible endpoint on loopback: vectors from letter counts, answers shuffled by index. */
/** What an OpenAI-style embeddings endpoint receives. */
interface EmbeddingsRequest {
  model: string;
  input: string[];
}

function startFakeEndpoint(): Promise<{ server: Server; url: string; requests: { auth?: string; body: EmbeddingsRequest }[] }> {
  const requests: { auth?: string; body: EmbeddingsRequest }[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as EmbeddingsRequest;
    requests.push({ auth: req.headers.authorization, body });
    if (body.model === 'broken') {
      res.writeHead(500).end();
      return;
    }
    const data = body.input.map((text, index) => ({
      index,
      embedding: ['a', 'b', 'c'].map((letter) => text.split(letter).length - 1),
    }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: data.reverse() }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/embeddings`, requests }),
    ),
  );
}

describe('embedding encoder', () => {
  let endpoint: Awaited<ReturnType<typeof startFakeEndpoint>>;
  beforeAll(async () => {
    endpoint = await startFakeEndpoint();
  });
  afterAll(() => new Promise<void>((resolve) => endpoint.server.close(() => resolve())));

  it('is off unless EMBEDDINGS_URL is set, and refuses a URL that is not http(s)', () => {
    expect(embeddingEncoderFor(linkingConfigFromEnv({}))).toBeNull();
    expect(() => linkingConfigFromEnv({ EMBEDDINGS_URL: 'ftp://x' })).toThrow(/EMBEDDINGS_URL/);
    expect(linkingConfigFromEnv({ EMBEDDINGS_URL: 'http://127.0.0.1:1/v1/embeddings' }).embeddings?.model).toBe('text-embedding-3-small');
  });

  it('posts the texts with the model and key, and returns vectors in input order', async () => {
    const encoder = new HttpEmbeddingEncoder({ url: endpoint.url, model: 'm', apiKey: 'k' });
    expect(await encoder.encode(['aab', 'c'])).toEqual([
      [2, 1, 0],
      [0, 0, 1],
    ]);
    expect(endpoint.requests.at(-1)).toEqual({ auth: 'Bearer k', body: { model: 'm', input: ['aab', 'c'] } });
  });

  it('fails readably when the endpoint fails', async () => {
    await expect(new HttpEmbeddingEncoder({ url: endpoint.url, model: 'broken', apiKey: null }).encode(['a'])).rejects.toThrow(/HTTP 500/);
  });

  it('uses the shipped sentence encoder only when SENTENCE_ENCODER=local and no endpoint is set', () => {
    expect(embeddingEncoderFor(linkingConfigFromEnv({ SENTENCE_ENCODER: 'local' }))).toBeInstanceOf(LocalSentenceEncoder);
    expect(embeddingEncoderFor(linkingConfigFromEnv({ SENTENCE_ENCODER: 'off' }))).toBeNull();
    expect(embeddingEncoderFor(linkingConfigFromEnv({ SENTENCE_ENCODER: 'local', EMBEDDINGS_URL: 'http://127.0.0.1:1/v1/embeddings' }))).toBeInstanceOf(HttpEmbeddingEncoder);
    expect(() => linkingConfigFromEnv({ SENTENCE_ENCODER: 'remote' })).toThrow(/SENTENCE_ENCODER/);
  });

  it('computes cosine similarity', () => {
    expect(cosine([1, 0], [1, 0])).toBe(1);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
});
