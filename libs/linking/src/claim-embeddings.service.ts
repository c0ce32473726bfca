import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LINKING_CONFIG, LinkingConfig } from './linking.config';
import { LOCAL_SENTENCE_MODEL } from './local-sentence-encoder';

/** A claim text taken from the queue to be embedded. */
export interface DueClaimText {
  textId: string;
  key: string;
  attempts: number;
  /** The text's language (null when unknown). */
  language?: string | null;
}

/** A claim text near a query vector, with their cosine similarity. */
export interface NearClaimText {
  textId: string;
  similarity: number;
}

// pgvector's HNSW indexes `vector` columns of up to 2,000 dimensions; longer vectors are still
// stored and searched, exactly (a sequential scan), up to the type's limit.
const HNSW_MAX_DIMENSIONS = 2_000;
const MAX_DIMENSIONS = 16_000;
// A failed text waits 5 s, 10 s, 20 s ... then at most an hour between attempts: an endpoint may be
// down for a while, and every text must be embedded in the end.
const FIRST_RETRY_SECONDS = 5;
const LAST_RETRY_SECONDS = 3_600;

/**
 * The vector index of claim texts: one embedding per claim_match_texts row in
 * claim_match_embeddings, an HNSW index per vector size, and the queue of texts still to embed
 * (claim_match_embedding_jobs, filled by triggers). Both tables exist only where the database had
 * pgvector when migrated (always on PGlite); elsewhere `available()` is false and nothing here runs.
 */
@Injectable()
export class ClaimEmbeddingsService {
  private readonly logger = new Logger(ClaimEmbeddingsService.name);
  private present: Promise<boolean> | null = null;
  private readonly indexedSizes = new Set<number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LINKING_CONFIG) private readonly config: LinkingConfig,
  ) {}

  /** The embedding model vectors are stored for (the configured endpoint's, or the shipped sentence encoder's), or null without one. */
  get model(): string | null {
    return this.config.embeddings?.model ?? (this.config.localSentences ? LOCAL_SENTENCE_MODEL : null);
  }

  /** Whether this database holds the vector index (checked once per process). */
  available(): Promise<boolean> {
    this.present ??= this.dataSource
      .query(`SELECT to_regclass('claim_match_embeddings') IS NOT NULL AS present`)
      .then(([row]: { present: boolean }[]) => row.present)
      .catch((error: Error) => {
        this.present = null;
        throw error;
      });
    return this.present;
  }

  /**
   * The `k` texts whose stored vectors (of the configured model) are nearest to `vector` by cosine
   * distance, through the HNSW index of its size. Vectors of a text changed since they were made
   * are left out (the text is queued again).
   */
  async nearest(manager: EntityManager, vector: number[], k: number): Promise<NearClaimText[]> {
    const size = checkedSize([vector]);
    const rows: { text_id: string; similarity: number }[] = await manager.query(
      // The size is written into the statement: the planner matches the partial index's predicate
      // and expression against literals only.
      `SELECT n.text_id, 1 - n.distance AS similarity
         FROM (SELECT e.text_id, e.key, e.embedding::vector(${size}) <=> $1::vector(${size}) AS distance
                 FROM claim_match_embeddings e
                WHERE e.dimensions = ${size} AND e.model = $2
                ORDER BY e.embedding::vector(${size}) <=> $1::vector(${size})
                LIMIT ${k}) n
         JOIN claim_match_texts t ON t.id = n.text_id AND t.key = n.key
        ORDER BY n.distance, n.text_id`,
      [vectorLiteral(vector), this.model],
    );
    return rows.map((r) => ({ textId: r.text_id, similarity: Number(r.similarity) }));
  }

  /** Cosine similarity of `vector` to the stored, current vectors of these texts (texts without one are absent). */
  async similarities(manager: EntityManager, vector: number[], textIds: string[]): Promise<Map<string, number>> {
    if (!textIds.length) return new Map();
    const size = checkedSize([vector]);
    const rows: { text_id: string; similarity: number }[] = await manager.query(
      `SELECT e.text_id, 1 - (e.embedding <=> $1::vector) AS similarity
         FROM claim_match_embeddings e JOIN claim_match_texts t ON t.id = e.text_id AND t.key = e.key
        WHERE e.text_id = ANY($2::uuid[]) AND e.model = $3 AND e.dimensions = ${size}`,
      [vectorLiteral(vector), textIds, this.model],
    );
    return new Map(rows.map((r) => [r.text_id, Number(r.similarity)]));
  }

  /**
   * The stored vector (of the configured model) of a text whose search key was `key`, or null: the
   * vector the model makes of that key, whether or not the text has changed since (through the
   * hash index on key, one probe whatever the collection's size).
   */
  async vectorOfKey(manager: EntityManager, key: string): Promise<number[] | null> {
    const [row]: { embedding: string }[] = await manager.query(
      `SELECT e.embedding::text AS embedding FROM claim_match_embeddings e WHERE e.key = $1 AND e.model = $2 LIMIT 1`,
      [key, this.model],
    );
    return row ? (JSON.parse(row.embedding) as number[]) : null;
  }

  /** Takes up to `limit` due texts from the queue, each leased for `leaseMs` (a crashed worker's come back). */
  async takeDue(limit: number, leaseMs: number): Promise<DueClaimText[]> {
    const rows: { text_id: string; key: string; attempts: number; language: string | null }[] = await this.dataSource.query(
      `WITH taken AS (
         UPDATE claim_match_embedding_jobs SET attempts = attempts + 1, next_attempt_at = now() + ($2 || ' milliseconds')::interval
          WHERE text_id IN (SELECT text_id FROM claim_match_embedding_jobs WHERE next_attempt_at <= now()
                             ORDER BY next_attempt_at, text_id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING text_id, attempts)
       SELECT taken.text_id, t.key, taken.attempts, t.language FROM taken JOIN claim_match_texts t ON t.id = taken.text_id`,
      [limit, String(leaseMs)],
    );
    return rows.map((r) => ({ textId: r.text_id, key: r.key, attempts: r.attempts, language: r.language }));
  }

  /**
   * Stores the vectors of embedded texts and takes them off the queue, unless a text changed while
   * it was embedded (it stays queued for its new key). Texts deleted meanwhile are skipped.
   */
  async store(texts: DueClaimText[], vectors: number[][]): Promise<void> {
    const model = this.model;
    if (!model || !texts.length) return;
    const size = checkedSize(vectors);
    if (vectors.length !== texts.length) throw new Error(`${vectors.length} vectors for ${texts.length} texts`);
    await this.indexSize(size);
    await this.dataSource.transaction(async (manager) => {
      const params = [texts.map((t) => t.textId), texts.map((t) => t.key), vectors.map(vectorLiteral)];
      await manager.query(
        `INSERT INTO claim_match_embeddings AS e (text_id, model, dimensions, key, embedding)
         SELECT d.text_id, $4, ${size}, d.key, d.embedding::vector
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS d(text_id, key, embedding)
           JOIN claim_match_texts t ON t.id = d.text_id
         ON CONFLICT (text_id) DO UPDATE
            SET model = EXCLUDED.model, dimensions = EXCLUDED.dimensions, key = EXCLUDED.key,
                embedding = EXCLUDED.embedding, embedded_at = now()`,
        [...params, model],
      );
      await manager.query(
        `DELETE FROM claim_match_embedding_jobs j USING unnest($1::uuid[], $2::text[]) AS d(text_id, key), claim_match_texts t
          WHERE j.text_id = d.text_id AND t.id = d.text_id AND t.key = d.key`,
        params.slice(0, 2),
      );
    });
  }

  /** Takes texts off the queue without a vector (texts the shipped English encoder does not read). */
  async skip(texts: DueClaimText[]): Promise<void> {
    if (!texts.length) return;
    await this.dataSource.query(`DELETE FROM claim_match_embedding_jobs WHERE text_id = ANY($1::uuid[])`, [texts.map((t) => t.textId)]);
  }

  /** Puts texts the endpoint failed on back in the queue, each after a wait that doubles with its attempts. */
  async retryLater(texts: DueClaimText[], error: string): Promise<void> {
    if (!texts.length) return;
    await this.dataSource.query(
      `UPDATE claim_match_embedding_jobs j
          SET next_attempt_at = now() + make_interval(secs => least(${FIRST_RETRY_SECONDS} * power(2, j.attempts - 1), ${LAST_RETRY_SECONDS})),
              last_error = left($2, 500)
        WHERE j.text_id = ANY($1::uuid[])`,
      [texts.map((t) => t.textId), error],
    );
  }

  /** Queues again the texts embedded by another model than the configured one (after a change of model). */
  async requeueOtherModels(): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO claim_match_embedding_jobs (text_id)
       SELECT text_id FROM claim_match_embeddings WHERE model IS DISTINCT FROM $1
       ON CONFLICT (text_id) DO NOTHING RETURNING text_id`,
      [this.model],
    );
    return rows.length;
  }

  /**
   * Makes sure vectors of this size have their HNSW index (cosine distance), a partial index over
   * the rows of that size: created when the first vectors of a size arrive, while the table holds few.
   */
  private async indexSize(size: number): Promise<void> {
    if (size > HNSW_MAX_DIMENSIONS || this.indexedSizes.has(size)) return;
    try {
      await this.dataSource.query(
        `CREATE INDEX IF NOT EXISTS claim_match_embeddings_hnsw_${size}_idx ON claim_match_embeddings
           USING hnsw ((embedding::vector(${size})) vector_cosine_ops) WHERE dimensions = ${size}`,
      );
      this.indexedSizes.add(size);
    } catch (error) {
      // Another process creating the same index at the same moment: it exists, or will on the next batch.
      this.logger.warn(`Could not create the HNSW index for ${size}-dimensional vectors: ${(error as Error).message}`);
    }
  }
}

/** The common size of these vectors; throws on an empty, ragged, oversized or non-finite set. */
export function checkedSize(vectors: number[][]): number {
  const size = vectors[0]?.length ?? 0;
  if (!Number.isInteger(size) || size < 1 || size > MAX_DIMENSIONS) throw new Error(`Embedding vectors must have 1 to ${MAX_DIMENSIONS} dimensions, got ${size}`);
  for (const vector of vectors) {
    if (vector.length !== size) throw new Error(`Embedding vectors of different sizes (${size} and ${vector.length})`);
    if (!vector.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new Error('Embedding vector with a value that is not a finite number');
  }
  return size;
}

/** pgvector's text form of a vector: `[1,0.5,-2]`. */
function vectorLiteral(vector: number[]): string {
  return JSON.stringify(vector);
}
