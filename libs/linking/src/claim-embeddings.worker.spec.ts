import { ClaimEmbeddingsService, DueClaimText, checkedSize } from './claim-embeddings.service';
import { ClaimEmbeddingsWorker } from './claim-embeddings.worker';
import { EmbeddingEncoder } from './embedding-encoder';
import { LinkingConfig } from './linking.config';

const CONFIG: LinkingConfig = { embeddings: { url: 'http://127.0.0.1:1/v1/embeddings', model: 'm', apiKey: null }, embeddingWorker: { enabled: false, pollMs: 1_000 } };
const DUE: DueClaimText[] = [
  { textId: 'a', key: 'bread prices rise', attempts: 1 },
  { textId: 'b', key: 'cholera in idlib', attempts: 3 },
];

/** The vector store as the worker sees it, recording what it is asked. */
function fakeStore(options: { available?: boolean; due?: DueClaimText[] } = {}) {
  const calls = { stored: [] as [DueClaimText[], number[][]][], retried: [] as [DueClaimText[], string][], taken: 0 };
  const store = {
    model: 'm',
    available: async () => options.available ?? true,
    requeueOtherModels: async () => 0,
    takeDue: async () => (calls.taken++ ? [] : (options.due ?? DUE)),
    store: async (texts: DueClaimText[], vectors: number[][]) => void calls.stored.push([texts, vectors]),
    retryLater: async (texts: DueClaimText[], error: string) => void calls.retried.push([texts, error]),
  };
  return { store: store as unknown as ClaimEmbeddingsService, calls };
}

const encoder = (encode: EmbeddingEncoder['encode']): EmbeddingEncoder => ({ encode });

describe('embedding claim texts in the background', () => {
  it('stores the vectors of a batch of due texts', async () => {
    const { store, calls } = fakeStore();
    const worker = new ClaimEmbeddingsWorker(store, CONFIG, encoder(async (texts) => texts.map((t) => [t.length, 1])));
    expect(await worker.runOnce()).toBe(2);
    expect(calls.stored).toEqual([[DUE, [[17, 1], [16, 1]]]]);
    expect(await worker.runOnce()).toBe(0);
  });

  it('puts a batch back to be retried later when the endpoint fails or answers nonsense, and reports no work done', async () => {
    for (const encode of [async () => Promise.reject(new Error('HTTP 503')), async () => [[1, NaN], [1, 2]], async () => [[1], [1, 2]]]) {
      const { store, calls } = fakeStore();
      expect(await new ClaimEmbeddingsWorker(store, CONFIG, encoder(encode)).runOnce()).toBe(0);
      expect(calls.stored).toEqual([]);
      expect(calls.retried.map(([texts]) => texts)).toEqual([DUE]);
    }
  });

  it('does nothing on a database without pgvector, nor without an endpoint', async () => {
    const { store, calls } = fakeStore({ available: false });
    expect(await new ClaimEmbeddingsWorker(store, CONFIG, encoder(async () => [])).runOnce()).toBe(0);
    const bare = fakeStore();
    expect(await new ClaimEmbeddingsWorker(bare.store, { embeddings: null }, null).runOnce()).toBe(0);
    expect(calls.taken + bare.calls.taken).toBe(0);
  });
});

describe('checkedSize', () => {
  it.each([
    [[[1, 2, 3], [0, 0, 1]], 3],
    [[[0.5]], 1],
  ])('gives the common size of %j', (vectors, size) => expect(checkedSize(vectors)).toBe(size));

  it.each([
    ['no vector', []],
    ['an empty vector', [[]]],
    ['vectors of different sizes', [[1, 2], [1]]],
    ['a value that is not a number', [[1, NaN]]],
    ['an infinite value', [[Infinity]]],
    ['more dimensions than pgvector stores', [new Array(16_001).fill(0)]],
  ])('refuses %s', (_name, vectors) => expect(() => checkedSize(vectors as number[][])).toThrow());
});
