/** Settings of claim linking, read once at start-up by the app and injected. */
export interface LinkingConfig {
  /** An OpenAI-compatible embeddings endpoint (POST {model, input} → {data: [{embedding}]}), or null. */
  embeddings: { url: string; model: string; apiKey: string | null } | null;
}

export const LINKING_CONFIG = Symbol('LINKING_CONFIG');

/** Without an embeddings endpoint matching is lexical only (PostgreSQL search + re-ranker). */
export const DEFAULT_LINKING_CONFIG: LinkingConfig = { embeddings: null };

/**
 * Reads EMBEDDINGS_URL, EMBEDDINGS_MODEL and EMBEDDINGS_API_KEY; throws a readable error on a
 * URL that is not http(s).
 */
export function linkingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LinkingConfig {
  const url = env.EMBEDDINGS_URL?.trim();
  if (!url) return DEFAULT_LINKING_CONFIG;
  if (!/^https?:\/\//.test(url)) throw new Error(`EMBEDDINGS_URL must be an http(s) URL, got "${url}"`);
  return {
    embeddings: {
      url,
      model: env.EMBEDDINGS_MODEL?.trim() || 'text-embedding-3-small',
      apiKey: env.EMBEDDINGS_API_KEY?.trim() || null,
    },
  };
}
