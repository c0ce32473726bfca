import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Other fact-checkers' verdicts: external_reviews (schema.org ClaimReview as imported, linked to a
 * canonical claim), CLAIM_REVIEW watches and their count of reviews imported, and repeats found
 * against an external review when the organisation has no verdict of its own (verdict_id becomes
 * optional). Generated against PostgreSQL.
 */
export class ExternalReviews1796023450137 implements MigrationInterface {
    name = 'ExternalReviews1796023450137'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "external_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "review_url" text NOT NULL, "found_at_url" text NOT NULL, "reviewer_name" text, "reviewer_url" text, "rating_value" text, "rating_text" text, "best_rating" text, "worst_rating" text, "claim_reviewed" text NOT NULL, "claim_author" text, "date_published" text, "appearances" text array NOT NULL DEFAULT '{}', "first_appearance" text, "language" text, "claim_review" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_90d24d88beda23ee1bb8ec9dc75" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "external_reviews_claim_idx" ON "external_reviews"  ("claim_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "external_reviews_organisation_url_key" ON "external_reviews"  ("organisation_id", "review_url") `);
        await queryRunner.query(`ALTER TABLE "claim_repeats" ADD "external_review_id" uuid`);
        await queryRunner.query(`ALTER TABLE "watches" ADD "reviews_imported" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" ALTER COLUMN "verdict_id" DROP NOT NULL`);
        await queryRunner.query(`ALTER TYPE "watch_kind" ADD VALUE 'CLAIM_REVIEW'`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" ADD CONSTRAINT "FK_d09f075066bc2564cb736b0fa40" FOREIGN KEY ("external_review_id") REFERENCES "external_reviews"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "external_reviews" ADD CONSTRAINT "FK_26646635c8fe12af50a27ea5d2e" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "external_reviews" ADD CONSTRAINT "FK_3fa6b99f847f51fb00e2def5d0a" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "external_reviews" DROP CONSTRAINT "FK_3fa6b99f847f51fb00e2def5d0a"`);
        await queryRunner.query(`ALTER TABLE "external_reviews" DROP CONSTRAINT "FK_26646635c8fe12af50a27ea5d2e"`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" DROP CONSTRAINT "FK_d09f075066bc2564cb736b0fa40"`);
        await queryRunner.query(`DROP INDEX "watches_organisation_kind_url_key"`);
        await queryRunner.query(`DELETE FROM "watches" WHERE "kind" = 'CLAIM_REVIEW'`);
        await queryRunner.query(`CREATE TYPE "watch_kind_old" AS ENUM('FEED')`);
        await queryRunner.query(`ALTER TABLE "watches" ALTER COLUMN "kind" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "watches" ALTER COLUMN "kind" TYPE "watch_kind_old" USING "kind"::"text"::"watch_kind_old"`);
        await queryRunner.query(`ALTER TABLE "watches" ALTER COLUMN "kind" SET DEFAULT 'FEED'`);
        await queryRunner.query(`DROP TYPE "watch_kind"`);
        await queryRunner.query(`ALTER TYPE "watch_kind_old" RENAME TO "watch_kind"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "watches_organisation_kind_url_key" ON "watches" USING btree ("organisation_id", "kind", "url") `);
        await queryRunner.query(`DELETE FROM "claim_repeats" WHERE "verdict_id" IS NULL`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" ALTER COLUMN "verdict_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "watches" DROP COLUMN "reviews_imported"`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" DROP COLUMN "external_review_id"`);
        await queryRunner.query(`DROP INDEX "external_reviews_organisation_url_key"`);
        await queryRunner.query(`DROP INDEX "external_reviews_claim_idx"`);
        await queryRunner.query(`DROP TABLE "external_reviews"`);
    }

}
