import { cosine } from './embedding-encoder';
import { LocalSentenceEncoder } from './local-sentence-encoder';

describe('LocalSentenceEncoder (the shipped English sentence encoder)', () => {
  const encoder = new LocalSentenceEncoder({ idleTimeoutMs: 1_000 });
  afterAll(() => encoder.onModuleDestroy());

  it('loads from the package files in a worker thread and puts a paraphrase nearer than an unrelated claim', async () => {
    const [claim, paraphrase, unrelated] = await encoder.encode([
      'guantanamo bay prisoners were released and went back to fighting',
      'gitmo detainees freed returned to the battlefield',
      'the new vaccine contains a microchip to track people',
    ]);
    expect(claim).toHaveLength(512);
    expect(Math.hypot(...claim)).toBeCloseTo(1, 5);
    expect(cosine(claim, paraphrase)).toBeGreaterThan(cosine(claim, unrelated) + 0.2);
  }, 60_000);

  it('encodes more texts than one batch, in order', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => (i === 69 ? 'the moon landing was staged in a studio' : `claim number ${i} about taxes`));
    const vectors = await encoder.encode(texts);
    expect(vectors).toHaveLength(70);
    const [alone] = await encoder.encode([texts[69]]);
    expect(cosine(alone, vectors[69])).toBeGreaterThan(0.999);
    expect(await encoder.encode([])).toEqual([]);
  }, 60_000);
});
