import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { PollingLoop } from '@isnad/common';
import { ClaimEmbeddingsService, checkedSize } from './claim-embeddings.service';
import { EMBEDDING_ENCODER, EmbeddingEncoder } from './embedding-encoder';
import { DEFAULT_EMBEDDING_WORKER, LINKING_CONFIG, LinkingConfig, usesLocalSentences } from './linking.config';
import { readsLanguage } from './local-sentence-encoder';

// Texts sent to the endpoint in one request.
const BATCH = 32;
// How long a taken batch is held before another worker may take it (the endpoint's timeout is 10 s).
const LEASE_MS = 60_000;

/**
 * Embeds claim texts into the vector index off the request path: annotating, merging or
 * translating only queues the text (a trigger), and this loop, in every process that runs
 * background jobs, sends due texts to the endpoint in batches. A failed batch waits and is tried
 * again (ClaimEmbeddingsService.retryLater); the queue is shared through SKIP LOCKED and leases.
 * Without an endpoint, or without pgvector in the database, it does nothing.
 */
@Injectable()
export class ClaimEmbeddingsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ClaimEmbeddings');
  private readonly loop: PollingLoop;
  private started = false;

  constructor(
    private readonly embeddings: ClaimEmbeddingsService,
    @Inject(LINKING_CONFIG) private readonly config: LinkingConfig,
    @Optional() @Inject(EMBEDDING_ENCODER) private readonly encoder: EmbeddingEncoder | null = null,
  ) {
    this.loop = new PollingLoop(() => this.runOnce(), (config.embeddingWorker ?? DEFAULT_EMBEDDING_WORKER).pollMs, (error) =>
      this.logger.error('Embedding pass failed', error instanceof Error ? error.stack : String(error)),
    );
  }

  onApplicationBootstrap(): void {
    if (this.encoder && (this.config.embeddingWorker ?? DEFAULT_EMBEDDING_WORKER).enabled) this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Embeds one batch of due texts; returns how many were embedded (0: idle, or the endpoint failed). */
  async runOnce(): Promise<number> {
    if (!this.encoder) return 0;
    if (!this.started) {
      if (!(await this.embeddings.available())) {
        this.logger.log('The database has no pgvector: embeddings re-score lexical candidates only');
        // Not awaited: this pass is what stop() would wait for.
        void this.loop.stop();
        return 0;
      }
      const requeued = await this.embeddings.requeueOtherModels();
      if (requeued) this.logger.log(`${requeued} claim texts queued to be embedded by ${this.embeddings.model}`);
      this.started = true;
    }
    const taken = await this.embeddings.takeDue(BATCH, LEASE_MS);
    if (!taken.length) return 0;
    // The shipped sentence encoder reads English only: other texts leave the queue without a vector.
    const texts = usesLocalSentences(this.config) ? taken.filter((t) => readsLanguage(t.language)) : taken;
    if (texts.length < taken.length) await this.embeddings.skip(taken.filter((t) => !texts.includes(t)));
    if (!texts.length) return taken.length;
    let vectors: number[][];
    try {
      vectors = await this.encoder.encode(texts.map((t) => t.key));
      checkedSize(vectors);
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn(`Embedding ${texts.length} claim texts failed (attempt ${Math.max(...texts.map((t) => t.attempts))}), retried later: ${message}`);
      await this.embeddings.retryLater(texts, message);
      // The next pass waits pollMs: a down endpoint is not hammered batch after batch.
      return 0;
    }
    await this.embeddings.store(texts, vectors);
    return texts.length;
  }
}
