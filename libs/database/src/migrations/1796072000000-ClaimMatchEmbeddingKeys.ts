import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Stored vectors by search key (issue 12): a query whose key is a stored claim text's (claim-link
 * suggestions match an appearance's text, itself indexed and embedded; monitoring re-checks the
 * same sentences) reads that text's vector instead of encoding it again
 * (ClaimEmbeddingsService.vectorOfKey). A hash index: one probe at any size, and no length limit
 * on the key (a B-tree refuses entries past about 2.7 kB, a long quote's key). Only where the
 * vector index exists (see ClaimMatchEmbeddings).
 */
export class ClaimMatchEmbeddingKeys1796072000000 implements MigrationInterface {
    name = 'ClaimMatchEmbeddingKeys1796072000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const [{ present }]: { present: boolean }[] = await queryRunner.query(`SELECT to_regclass('claim_match_embeddings') IS NOT NULL AS present`);
        if (!present) return;
        await queryRunner.query(`CREATE INDEX "claim_match_embeddings_key_idx" ON "claim_match_embeddings" USING hash ("key")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX IF EXISTS "claim_match_embeddings_key_idx"`);
    }
}
