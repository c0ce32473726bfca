import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Republication by containment and aligned passages: the MinHash signatures and their GIN-indexed
 * band keys give way to sampled shingle hashes in an indexed table (candidates found by one SQL
 * query) with their document frequencies, and links carry kind, containment and shared passages;
 * reports sharing only a quotation get a table of their own. Generated against PostgreSQL.
 *
 * Old fingerprints are dropped (they hold no samples): run `npm run republication:reindex` once
 * after migrating, so revisions captured before take part again. Existing links are kept as COPY,
 * their containment set to their old similarity, without passages.
 */
export class RepublicationPassages1796011435240 implements MigrationInterface {
    name = 'RepublicationPassages1796011435240'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "article_fingerprints_bands_idx"`);
        await queryRunner.query(`CREATE TABLE "article_shared_quotations" ("article_id" uuid NOT NULL, "other_article_id" uuid NOT NULL, "containment" real NOT NULL, "similarity" real NOT NULL, "article_revision_id" uuid NOT NULL, "other_revision_id" uuid NOT NULL, "shared_passages" jsonb NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c610a4e459ba64cc495fca368b3" PRIMARY KEY ("article_id", "other_article_id"))`);
        await queryRunner.query(`CREATE INDEX "article_shared_quotations_other_idx" ON "article_shared_quotations"  ("other_article_id") `);
        await queryRunner.query(`CREATE TABLE "article_shingle_samples" ("hash" integer NOT NULL, "article_id" uuid NOT NULL, CONSTRAINT "PK_257269ed043f312d862afdd41d7" PRIMARY KEY ("hash", "article_id"))`);
        await queryRunner.query(`CREATE TABLE "shingle_document_frequencies" ("hash" integer NOT NULL, "documents" integer NOT NULL, CONSTRAINT "PK_49b8f3c6b09d2b76cc55faee517" PRIMARY KEY ("hash"))`);
        await queryRunner.query(`DELETE FROM "article_fingerprints"`);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" DROP COLUMN "signature"`);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" DROP COLUMN "bands"`);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" ADD "sample_count" integer NOT NULL`);
        await queryRunner.query(`CREATE TYPE "text_reuse_kind" AS ENUM('COPY', 'PARTIAL_COPY', 'SHARED_QUOTATION')`);
        await queryRunner.query(`ALTER TABLE "article_republications" ADD "kind" "text_reuse_kind" NOT NULL DEFAULT 'COPY'`);
        await queryRunner.query(`ALTER TABLE "article_republications" ADD "containment" real NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "article_republications" ADD "original_revision_id" uuid`);
        await queryRunner.query(`ALTER TABLE "article_republications" ADD "copy_revision_id" uuid`);
        await queryRunner.query(`ALTER TABLE "article_republications" ADD "shared_passages" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`UPDATE "article_republications" SET "containment" = "similarity"`);
        await queryRunner.query(`ALTER TABLE "article_shared_quotations" ADD CONSTRAINT "FK_89850517040df2360506d74eca7" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "article_shared_quotations" ADD CONSTRAINT "FK_849546fae13acc94798037297d4" FOREIGN KEY ("other_article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "article_shingle_samples" ADD CONSTRAINT "FK_c5853378b1fc4b5e7b5a630ca47" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "article_shingle_samples" DROP CONSTRAINT "FK_c5853378b1fc4b5e7b5a630ca47"`);
        await queryRunner.query(`ALTER TABLE "article_shared_quotations" DROP CONSTRAINT "FK_849546fae13acc94798037297d4"`);
        await queryRunner.query(`ALTER TABLE "article_shared_quotations" DROP CONSTRAINT "FK_89850517040df2360506d74eca7"`);
        await queryRunner.query(`ALTER TABLE "article_republications" DROP COLUMN "shared_passages"`);
        await queryRunner.query(`ALTER TABLE "article_republications" DROP COLUMN "copy_revision_id"`);
        await queryRunner.query(`ALTER TABLE "article_republications" DROP COLUMN "original_revision_id"`);
        await queryRunner.query(`ALTER TABLE "article_republications" DROP COLUMN "containment"`);
        await queryRunner.query(`ALTER TABLE "article_republications" DROP COLUMN "kind"`);
        await queryRunner.query(`DROP TYPE "text_reuse_kind"`);
        await queryRunner.query(`DELETE FROM "article_fingerprints"`);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" DROP COLUMN "sample_count"`);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" ADD "bands" integer array NOT NULL`);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" ADD "signature" integer array NOT NULL`);
        await queryRunner.query(`DROP TABLE "shingle_document_frequencies"`);
        await queryRunner.query(`DROP TABLE "article_shingle_samples"`);
        await queryRunner.query(`DROP INDEX "article_shared_quotations_other_idx"`);
        await queryRunner.query(`DROP TABLE "article_shared_quotations"`);
        await queryRunner.query(`CREATE INDEX "article_fingerprints_bands_idx" ON "article_fingerprints" USING gin ("bands") `);
    }

}
