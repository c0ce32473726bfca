import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The vector index of claim texts (issue 12), only where the pgvector extension can be had: always
 * on PGlite (the API loads @electric-sql/pglite-pgvector), on a server when `vector` is installed.
 * Elsewhere this migration creates nothing and matching stays lexical with an optional re-score.
 *
 * claim_match_embeddings holds one vector per claim_match_texts row (of its search key, by one
 * model; untyped `vector`, so any model's size fits: an HNSW index per size is added by the
 * application when vectors of that size first arrive). claim_match_embedding_jobs is the queue of
 * texts to embed, filled by triggers on claim_match_texts (so every writer queues, bulk SQL
 * included) and drained off the request path by ClaimEmbeddingsWorker. Neither table is a TypeORM
 * entity: they exist on some databases only, and the schema generator must not try to create them.
 */
export class ClaimMatchEmbeddings1796030000000 implements MigrationInterface {
    name = 'ClaimMatchEmbeddings1796030000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // A server may list the extension without letting this role create it: then it is as if absent.
        await queryRunner.query(`DO $$ BEGIN
              IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
                BEGIN
                  CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;
                EXCEPTION WHEN insufficient_privilege THEN
                  RAISE NOTICE 'pgvector is installed but this role may not create the extension: claim texts are not vector-indexed';
                END;
              END IF;
            END $$`);
        const [installed]: unknown[] = await queryRunner.query(`SELECT 1 FROM pg_extension WHERE extname = 'vector'`);
        if (!installed) return;

        await queryRunner.query(`CREATE TABLE "claim_match_embeddings" (
              "text_id" uuid NOT NULL REFERENCES "claim_match_texts"("id") ON DELETE CASCADE,
              "model" text NOT NULL,
              "dimensions" integer NOT NULL,
              "key" text NOT NULL,
              "embedding" vector NOT NULL,
              "embedded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
              CONSTRAINT "claim_match_embeddings_pkey" PRIMARY KEY ("text_id"),
              CONSTRAINT "claim_match_embeddings_dimensions_check" CHECK (vector_dims("embedding") = "dimensions"))`);
        await queryRunner.query(`CREATE TABLE "claim_match_embedding_jobs" (
              "text_id" uuid NOT NULL REFERENCES "claim_match_texts"("id") ON DELETE CASCADE,
              "attempts" integer NOT NULL DEFAULT 0,
              "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
              "last_error" text,
              CONSTRAINT "claim_match_embedding_jobs_pkey" PRIMARY KEY ("text_id"))`);
        await queryRunner.query(`CREATE INDEX "claim_match_embedding_jobs_due_idx" ON "claim_match_embedding_jobs" ("next_attempt_at")`);

        // A new or changed text is due now, even when a worker holds an older version of it.
        await queryRunner.query(`CREATE FUNCTION linking_queue_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO claim_match_embedding_jobs (text_id) VALUES (NEW.id)
                ON CONFLICT (text_id) DO UPDATE SET attempts = 0, next_attempt_at = now(), last_error = NULL;
              RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER claim_match_texts_queue_embedding AFTER INSERT ON claim_match_texts
            FOR EACH ROW EXECUTE FUNCTION linking_queue_embedding()`);
        await queryRunner.query(`CREATE TRIGGER claim_match_texts_requeue_embedding AFTER UPDATE OF key ON claim_match_texts
            FOR EACH ROW WHEN (OLD.key IS DISTINCT FROM NEW.key) EXECUTE FUNCTION linking_queue_embedding()`);

        // Texts indexed before this migration.
        await queryRunner.query(`INSERT INTO claim_match_embedding_jobs (text_id) SELECT id FROM claim_match_texts`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER IF EXISTS claim_match_texts_requeue_embedding ON claim_match_texts`);
        await queryRunner.query(`DROP TRIGGER IF EXISTS claim_match_texts_queue_embedding ON claim_match_texts`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS linking_queue_embedding()`);
        await queryRunner.query(`DROP TABLE IF EXISTS "claim_match_embedding_jobs"`);
        await queryRunner.query(`DROP TABLE IF EXISTS "claim_match_embeddings"`);
        // The extension stays: other schemas of the database may use it.
    }

}
