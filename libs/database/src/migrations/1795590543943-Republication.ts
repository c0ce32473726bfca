import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Republication detection: a MinHash fingerprint per article revision, with its LSH band keys
 * under a GIN index (candidates share a band: `bands && $1`), and the link from a copy to the
 * earliest article it republishes. Generated against PostgreSQL; the GIN index added by hand.
 * Revisions captured before this migration get no fingerprint until their article is captured again.
 */
export class Republication1795590543943 implements MigrationInterface {
    name = 'Republication1795590543943'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "article_fingerprints" ("revision_id" uuid NOT NULL, "article_id" uuid NOT NULL, "signature" integer array NOT NULL, "bands" integer array NOT NULL, "shingle_count" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_04b1daa6c795f81a25bc3e8dd72" PRIMARY KEY ("revision_id"))`);
        await queryRunner.query(`CREATE INDEX "article_fingerprints_article_idx" ON "article_fingerprints"  ("article_id") `);
        await queryRunner.query(`CREATE TABLE "article_republications" ("article_id" uuid NOT NULL, "original_article_id" uuid NOT NULL, "similarity" real NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a5339509527f93f41f534886062" PRIMARY KEY ("article_id"))`);
        await queryRunner.query(`CREATE INDEX "article_republications_original_idx" ON "article_republications"  ("original_article_id") `);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" ADD CONSTRAINT "FK_04b1daa6c795f81a25bc3e8dd72" FOREIGN KEY ("revision_id") REFERENCES "article_revisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" ADD CONSTRAINT "FK_eddee41cf00dbb49ec907e84cb8" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "article_republications" ADD CONSTRAINT "FK_a5339509527f93f41f534886062" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "article_republications" ADD CONSTRAINT "FK_5f556e0c949971ed33db76d35e6" FOREIGN KEY ("original_article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE INDEX "article_fingerprints_bands_idx" ON "article_fingerprints" USING gin ("bands")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "article_fingerprints_bands_idx"`);
        await queryRunner.query(`ALTER TABLE "article_republications" DROP CONSTRAINT "FK_5f556e0c949971ed33db76d35e6"`);
        await queryRunner.query(`ALTER TABLE "article_republications" DROP CONSTRAINT "FK_a5339509527f93f41f534886062"`);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" DROP CONSTRAINT "FK_eddee41cf00dbb49ec907e84cb8"`);
        await queryRunner.query(`ALTER TABLE "article_fingerprints" DROP CONSTRAINT "FK_04b1daa6c795f81a25bc3e8dd72"`);
        await queryRunner.query(`DROP INDEX "article_republications_original_idx"`);
        await queryRunner.query(`DROP TABLE "article_republications"`);
        await queryRunner.query(`DROP INDEX "article_fingerprints_article_idx"`);
        await queryRunner.query(`DROP TABLE "article_fingerprints"`);
    }

}
