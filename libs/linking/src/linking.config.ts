/** Settings of claim linking, read once at start-up by the app and injected. */
export interface LinkingConfig {
  /** An OpenAI-compatible embeddings endpoint (POST {model, input} → {data: [{embedding}]}), or null. */
  embeddings: { url: string; model: string; apiKey: string | null } | null;
  /**
   * The loop that embeds queued claim texts into the vector index (when there is an endpoint and the
   * database has pgvector): on unless this process is ISNAD_ROLE=api; pollMs between idle passes.
   */
  embeddingWorker?: { enabled: boolean; pollMs: number };
  /**
   * Without an endpoint: embed English claim texts with the shipped sentence encoder
   * (LocalSentenceEncoder, in a worker thread started on first use) and let its cosines weigh in
   * the ranking of English texts (SENTENCE_MODEL). SENTENCE_ENCODER=local turns it on.
   */
  localSentences?: boolean;
}

export const LINKING_CONFIG = Symbol('LINKING_CONFIG');

/** True when the shipped sentence encoder is the one in use (asked for, and no endpoint configured). */
export function usesLocalSentences(config: LinkingConfig | null | undefined): boolean {
  return Boolean(config?.localSentences && !config.embeddings);
}

export const DEFAULT_EMBEDDING_WORKER: NonNullable<LinkingConfig['embeddingWorker']> = { enabled: true, pollMs: 1_000 };

/** Without an embeddings endpoint matching is lexical only (PostgreSQL search + re-ranker). */
export const DEFAULT_LINKING_CONFIG: LinkingConfig = { embeddings: null };

/**
 * Reads EMBEDDINGS_URL, EMBEDDINGS_MODEL and EMBEDDINGS_API_KEY; throws a readable error on a
 * URL that is not http(s). `worker: false` (an API-only process) leaves the embedding to workers.
 */
export function linkingConfigFromEnv(env: NodeJS.ProcessEnv = process.env, worker = true): LinkingConfig {
  const url = env.EMBEDDINGS_URL?.trim();
  if (!url) {
    const local = env.SENTENCE_ENCODER?.trim();
    if (local && local !== 'local' && local !== 'off') throw new Error(`SENTENCE_ENCODER is local or off, got "${local}"`);
    return local === 'local' ? { embeddings: null, localSentences: true, embeddingWorker: { ...DEFAULT_EMBEDDING_WORKER, enabled: worker } } : DEFAULT_LINKING_CONFIG;
  }
  if (!/^https?:\/\//.test(url)) throw new Error(`EMBEDDINGS_URL must be an http(s) URL, got "${url}"`);
  return {
    embeddings: {
      url,
      model: env.EMBEDDINGS_MODEL?.trim() || 'text-embedding-3-small',
      apiKey: env.EMBEDDINGS_API_KEY?.trim() || null,
    },
    embeddingWorker: { ...DEFAULT_EMBEDDING_WORKER, enabled: worker },
  };
}
