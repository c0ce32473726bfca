import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Verdicts on claims and their publication: organisations (one default, until the organisations
 * and access issue), rating scales with multilingual labels, verdicts with every version kept, the
 * verdict_events outbox written in the same transaction as each public change, and partners'
 * webhook endpoints with a record of every delivery. Seeds the default organisation and its
 * default rating scale (ids in libs/verdicts/src/organisation.entity.ts).
 */
export class Verdicts1795589837964 implements MigrationInterface {
    name = 'Verdicts1795589837964'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "url" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "rating_scales" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_609460e3d11d0d0d9aff6f9c34a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "rating_scales_organisation_idx" ON "rating_scales"  ("organisation_id") `);
        await queryRunner.query(`CREATE TABLE "ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scale_id" uuid NOT NULL, "key" text NOT NULL, "position" integer NOT NULL, "value" integer, "labels" jsonb NOT NULL, CONSTRAINT "PK_0f31425b073219379545ad68ed9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ratings_scale_key_key" ON "ratings"  ("scale_id", "key") `);
        await queryRunner.query(`CREATE TYPE "verdict_status" AS ENUM('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'CORRECTED', 'RETRACTED')`);
        await queryRunner.query(`CREATE TABLE "verdicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "status" "verdict_status" NOT NULL DEFAULT 'DRAFT', "version" integer NOT NULL, "rating_id" uuid NOT NULL, "headline" text NOT NULL, "summary" text NOT NULL, "rationale" text NOT NULL, "evidence" jsonb NOT NULL DEFAULT '[]', "authors" text array NOT NULL DEFAULT '{}', "reviewer" text, "language" text NOT NULL, "public_note" text, "first_published_at" TIMESTAMP(3) WITH TIME ZONE, "published_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c4a14769fb5ae0dac9cafbb941" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "verdicts_feed_idx" ON "verdicts"  ("published_at", "id") `);
        await queryRunner.query(`CREATE INDEX "verdicts_claim_idx" ON "verdicts"  ("claim_id") `);
        await queryRunner.query(`CREATE TABLE "verdict_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "verdict_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "version" integer NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_50398a272dc2204ee2398e7cd62" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "verdict_events_pending_idx" ON "verdict_events"  ("created_at", "id") WHERE dispatched_at IS NULL`);
        await queryRunner.query(`CREATE TABLE "verdict_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "verdict_id" uuid NOT NULL, "version" integer NOT NULL, "status" "verdict_status" NOT NULL, "rating_id" uuid NOT NULL, "headline" text NOT NULL, "summary" text NOT NULL, "rationale" text NOT NULL, "evidence" jsonb NOT NULL, "authors" text array NOT NULL, "reviewer" text, "language" text NOT NULL, "note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2bee9f5e539d4e8c5d367b65c67" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "verdict_versions_verdict_version_key" ON "verdict_versions"  ("verdict_id", "version") `);
        await queryRunner.query(`CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "url" text NOT NULL, "description" text, "secret" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "webhook_endpoints_organisation_idx" ON "webhook_endpoints"  ("organisation_id") `);
        await queryRunner.query(`CREATE TYPE "webhook_delivery_status" AS ENUM('PENDING', 'DELIVERED', 'FAILED')`);
        await queryRunner.query(`CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "event_type" text NOT NULL, "status" "webhook_delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_status" integer, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries"  ("endpoint_id", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries"  ("next_attempt_at") WHERE status = 'PENDING'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "webhook_deliveries_event_endpoint_key" ON "webhook_deliveries"  ("event_id", "endpoint_id") `);
        await queryRunner.query(`ALTER TABLE "rating_scales" ADD CONSTRAINT "FK_d2d1a33b573e4dfd2d95344559b" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ratings" ADD CONSTRAINT "FK_6d6f1ee8d7a48ddaf8b8e62c274" FOREIGN KEY ("scale_id") REFERENCES "rating_scales"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "verdicts" ADD CONSTRAINT "FK_b70469716cb271213d1a2672ee2" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "verdicts" ADD CONSTRAINT "FK_3a5f2aa3bd8837ca015d80066c9" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "verdicts" ADD CONSTRAINT "FK_902b8ec85dbd065c223c1894d2e" FOREIGN KEY ("rating_id") REFERENCES "ratings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "verdict_events" ADD CONSTRAINT "FK_8e6a103f7551ecf048bde26388c" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "verdict_versions" ADD CONSTRAINT "FK_77283e5bd5f1d002bc950b35fff" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "FK_7d7382d4de6412d2e90e9141185" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_27d1ee90033bdafe0ffe8f1be6f" FOREIGN KEY ("event_id") REFERENCES "verdict_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`INSERT INTO "organisations" ("id", "name") VALUES ('00000000-0000-4000-8000-000000000001', 'Isnad')`);
        await queryRunner.query(
            `INSERT INTO "rating_scales" ("id", "organisation_id", "name")
             VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Isnad default scale')`,
        );
        // Ordinal ratings (value 1 = worst … 5 = best) first, then those off the true–false line.
        const ratings: [string, number | null, string, string][] = [
            ['TRUE', 5, 'True', 'صحيح'],
            ['MOSTLY_TRUE', 4, 'Mostly true', 'صحيح في معظمه'],
            ['HALF_TRUE', 3, 'Half true', 'صحيح جزئياً'],
            ['MOSTLY_FALSE', 2, 'Mostly false', 'خاطئ في معظمه'],
            ['FALSE', 1, 'False', 'خاطئ'],
            ['MISLEADING', null, 'Misleading', 'مضلِّل'],
            ['MISSING_CONTEXT', null, 'Missing context', 'ينقصه السياق'],
            ['UNPROVEN', null, 'Unproven', 'غير مثبت'],
        ];
        for (const [position, [key, value, en, ar]] of ratings.entries()) {
            await queryRunner.query(
                `INSERT INTO "ratings" ("scale_id", "key", "position", "value", "labels") VALUES ($1, $2, $3, $4, $5)`,
                ['00000000-0000-4000-8000-000000000002', key, position, value,
                 JSON.stringify([{ language: 'en', text: en }, { language: 'ar', text: ar }])],
            );
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c"`);
        await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_27d1ee90033bdafe0ffe8f1be6f"`);
        await queryRunner.query(`ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "FK_7d7382d4de6412d2e90e9141185"`);
        await queryRunner.query(`ALTER TABLE "verdict_versions" DROP CONSTRAINT "FK_77283e5bd5f1d002bc950b35fff"`);
        await queryRunner.query(`ALTER TABLE "verdict_events" DROP CONSTRAINT "FK_8e6a103f7551ecf048bde26388c"`);
        await queryRunner.query(`ALTER TABLE "verdicts" DROP CONSTRAINT "FK_902b8ec85dbd065c223c1894d2e"`);
        await queryRunner.query(`ALTER TABLE "verdicts" DROP CONSTRAINT "FK_3a5f2aa3bd8837ca015d80066c9"`);
        await queryRunner.query(`ALTER TABLE "verdicts" DROP CONSTRAINT "FK_b70469716cb271213d1a2672ee2"`);
        await queryRunner.query(`ALTER TABLE "ratings" DROP CONSTRAINT "FK_6d6f1ee8d7a48ddaf8b8e62c274"`);
        await queryRunner.query(`ALTER TABLE "rating_scales" DROP CONSTRAINT "FK_d2d1a33b573e4dfd2d95344559b"`);
        await queryRunner.query(`DROP INDEX "webhook_deliveries_event_endpoint_key"`);
        await queryRunner.query(`DROP INDEX "webhook_deliveries_due_idx"`);
        await queryRunner.query(`DROP INDEX "webhook_deliveries_endpoint_idx"`);
        await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
        await queryRunner.query(`DROP TYPE "webhook_delivery_status"`);
        await queryRunner.query(`DROP INDEX "webhook_endpoints_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
        await queryRunner.query(`DROP INDEX "verdict_versions_verdict_version_key"`);
        await queryRunner.query(`DROP TABLE "verdict_versions"`);
        await queryRunner.query(`DROP INDEX "verdict_events_pending_idx"`);
        await queryRunner.query(`DROP TABLE "verdict_events"`);
        await queryRunner.query(`DROP INDEX "verdicts_claim_idx"`);
        await queryRunner.query(`DROP INDEX "verdicts_feed_idx"`);
        await queryRunner.query(`DROP TABLE "verdicts"`);
        await queryRunner.query(`DROP TYPE "verdict_status"`);
        await queryRunner.query(`DROP INDEX "ratings_scale_key_key"`);
        await queryRunner.query(`DROP TABLE "ratings"`);
        await queryRunner.query(`DROP INDEX "rating_scales_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "rating_scales"`);
        await queryRunner.query(`DROP TABLE "organisations"`);
    }

}
