import { LinkingConfig } from './linking.config';
import { LocalSentenceEncoder } from './local-sentence-encoder';

/** Turns texts into vectors whose cosine similarity says how close their meanings are. */
export interface EmbeddingEncoder {
  encode(texts: string[]): Promise<number[][]>;
}

export const EMBEDDING_ENCODER = Symbol('EMBEDDING_ENCODER');

/** An OpenAI-compatible `/embeddings` endpoint (OpenAI, vLLM, llama.cpp server, Ollama, TEI ...). */
export class HttpEmbeddingEncoder implements EmbeddingEncoder {
  constructor(
    private readonly options: { url: string; model: string; apiKey: string | null; timeoutMs?: number },
  ) {}

  async encode(texts: string[]): Promise<number[][]> {
    if (!texts.length) return [];
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: this.options.model, input: texts }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`Embeddings endpoint answered HTTP ${response.status}`);
    const body = (await response.json()) as { data?: { index?: number; embedding?: unknown }[] };
    const rows = [...(body.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    if (rows.length !== texts.length || !rows.every((r) => Array.isArray(r.embedding))) {
      throw new Error(`Embeddings endpoint returned ${rows.length} vectors for ${texts.length} texts`);
    }
    return rows.map((r) => r.embedding as number[]);
  }
}

/** The configured encoder (an endpoint, else the shipped sentence encoder when asked), or null: matching then stays lexical. */
export function embeddingEncoderFor(config: LinkingConfig): EmbeddingEncoder | null {
  if (config.embeddings) return new HttpEmbeddingEncoder(config.embeddings);
  return config.localSentences ? new LocalSentenceEncoder() : null;
}

/** Cosine similarity of two vectors of the same length (0 for a zero vector). */
export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
