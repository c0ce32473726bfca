import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Watching outlets: the evidence of pages Isnad fetched (page_fetches), feeds organisations watch
 * and their items (watches, watch_items), repeats of rated claims (claim_repeats) and the queue of
 * captures waiting to be scanned for them (repeat_scans). Generated against PostgreSQL.
 */
export class Monitoring1796011526565 implements MigrationInterface {
    name = 'Monitoring1796011526565'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "claim_repeat_status" AS ENUM('NEW', 'CONFIRMED', 'DISMISSED')`);
        await queryRunner.query(`CREATE TABLE "claim_repeats" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "verdict_id" uuid NOT NULL, "article_id" uuid NOT NULL, "revision_id" uuid NOT NULL, "start" integer NOT NULL, "end" integer NOT NULL, "exact" text NOT NULL, "prefix" text NOT NULL DEFAULT '', "suffix" text NOT NULL DEFAULT '', "span_key" text NOT NULL, "score" double precision NOT NULL, "suggested_chain" jsonb NOT NULL DEFAULT '[]', "original_article_id" uuid, "after_verdict" boolean NOT NULL DEFAULT true, "status" "claim_repeat_status" NOT NULL DEFAULT 'NEW', "appearance_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0548f53134e1e17aeb945eb2e53" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "claim_repeats_claim_idx" ON "claim_repeats"  ("claim_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "claim_repeats_organisation_idx" ON "claim_repeats"  ("organisation_id", "created_at", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "claim_repeats_span_key" ON "claim_repeats"  ("organisation_id", "claim_id", "article_id", "span_key") `);
        await queryRunner.query(`CREATE TABLE "page_fetches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "final_url" text NOT NULL, "redirects" text array NOT NULL DEFAULT '{}', "status" integer NOT NULL, "headers" jsonb NOT NULL DEFAULT '{}', "body" bytea, "byte_length" integer NOT NULL DEFAULT '0', "body_sha256" text, "encoding" text, "encoding_source" text, "article_id" uuid, "revision_id" uuid, "fetched_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d0d19d56524cb54fde524652ce" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "page_fetches_revision_idx" ON "page_fetches"  ("revision_id") `);
        await queryRunner.query(`CREATE INDEX "page_fetches_url_idx" ON "page_fetches"  ("url", "fetched_at") `);
        await queryRunner.query(`CREATE TABLE "repeat_scans" ("revision_id" uuid NOT NULL, "article_id" uuid NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1a5a153271bdebdcfebf4f32d1c" PRIMARY KEY ("revision_id"))`);
        await queryRunner.query(`CREATE INDEX "repeat_scans_due_idx" ON "repeat_scans"  ("next_attempt_at") `);
        await queryRunner.query(`CREATE TYPE "watch_kind" AS ENUM('FEED')`);
        await queryRunner.query(`CREATE TYPE "watch_status" AS ENUM('ACTIVE', 'PAUSED')`);
        await queryRunner.query(`CREATE TABLE "watches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" "watch_kind" NOT NULL DEFAULT 'FEED', "url" text NOT NULL, "outlet_id" uuid, "every_minutes" integer NOT NULL, "status" "watch_status" NOT NULL DEFAULT 'ACTIVE', "next_poll_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_polled_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "items_seen" integer NOT NULL DEFAULT '0', "articles_captured" integer NOT NULL DEFAULT '0', "etag" text, "last_modified" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5e1fa5d29486c3bdada54343b3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "watches_due_idx" ON "watches"  ("next_poll_at") WHERE status = 'ACTIVE'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "watches_organisation_kind_url_key" ON "watches"  ("organisation_id", "kind", "url") `);
        await queryRunner.query(`CREATE TYPE "watch_item_status" AS ENUM('PENDING', 'CAPTURED', 'FAILED')`);
        await queryRunner.query(`CREATE TABLE "watch_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "watch_id" uuid NOT NULL, "url" text NOT NULL, "title" text, "source_updated" text, "status" "watch_item_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "article_id" uuid, "last_error" text, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "captured_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c08ba20bf7aff6bad217c27a157" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "watch_items_due_idx" ON "watch_items"  ("next_attempt_at") WHERE status = 'PENDING'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "watch_items_watch_url_key" ON "watch_items"  ("watch_id", "url") `);
        await queryRunner.query(`ALTER TABLE "claim_repeats" ADD CONSTRAINT "FK_4c1dfcdc0e90509a105aa44ca34" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" ADD CONSTRAINT "FK_f8228e1c2d32b25454ff12f4630" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" ADD CONSTRAINT "FK_f0e6e841d1336e0bc8888f4b80a" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" ADD CONSTRAINT "FK_40c336a0fe4555602b368c87599" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" ADD CONSTRAINT "FK_bea62e1d7aa9efe31238c95f45a" FOREIGN KEY ("revision_id") REFERENCES "article_revisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "page_fetches" ADD CONSTRAINT "FK_d27b5b18271962327f3dd4cf690" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "page_fetches" ADD CONSTRAINT "FK_fc6965a52aa5abfc2be196e4923" FOREIGN KEY ("revision_id") REFERENCES "article_revisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "repeat_scans" ADD CONSTRAINT "FK_1a5a153271bdebdcfebf4f32d1c" FOREIGN KEY ("revision_id") REFERENCES "article_revisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "watches" ADD CONSTRAINT "FK_dafa057203679ac53bcc1e725f7" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "watches" ADD CONSTRAINT "FK_e01ab9f711d5ae09a6e29be3e61" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "watch_items" ADD CONSTRAINT "FK_4f01a331af652417ab7235d3ad0" FOREIGN KEY ("watch_id") REFERENCES "watches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "watch_items" DROP CONSTRAINT "FK_4f01a331af652417ab7235d3ad0"`);
        await queryRunner.query(`ALTER TABLE "watches" DROP CONSTRAINT "FK_e01ab9f711d5ae09a6e29be3e61"`);
        await queryRunner.query(`ALTER TABLE "watches" DROP CONSTRAINT "FK_dafa057203679ac53bcc1e725f7"`);
        await queryRunner.query(`ALTER TABLE "repeat_scans" DROP CONSTRAINT "FK_1a5a153271bdebdcfebf4f32d1c"`);
        await queryRunner.query(`ALTER TABLE "page_fetches" DROP CONSTRAINT "FK_fc6965a52aa5abfc2be196e4923"`);
        await queryRunner.query(`ALTER TABLE "page_fetches" DROP CONSTRAINT "FK_d27b5b18271962327f3dd4cf690"`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" DROP CONSTRAINT "FK_bea62e1d7aa9efe31238c95f45a"`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" DROP CONSTRAINT "FK_40c336a0fe4555602b368c87599"`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" DROP CONSTRAINT "FK_f0e6e841d1336e0bc8888f4b80a"`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" DROP CONSTRAINT "FK_f8228e1c2d32b25454ff12f4630"`);
        await queryRunner.query(`ALTER TABLE "claim_repeats" DROP CONSTRAINT "FK_4c1dfcdc0e90509a105aa44ca34"`);
        await queryRunner.query(`DROP INDEX "watch_items_watch_url_key"`);
        await queryRunner.query(`DROP INDEX "watch_items_due_idx"`);
        await queryRunner.query(`DROP TABLE "watch_items"`);
        await queryRunner.query(`DROP TYPE "watch_item_status"`);
        await queryRunner.query(`DROP INDEX "watches_organisation_kind_url_key"`);
        await queryRunner.query(`DROP INDEX "watches_due_idx"`);
        await queryRunner.query(`DROP TABLE "watches"`);
        await queryRunner.query(`DROP TYPE "watch_status"`);
        await queryRunner.query(`DROP TYPE "watch_kind"`);
        await queryRunner.query(`DROP INDEX "repeat_scans_due_idx"`);
        await queryRunner.query(`DROP TABLE "repeat_scans"`);
        await queryRunner.query(`DROP INDEX "page_fetches_url_idx"`);
        await queryRunner.query(`DROP INDEX "page_fetches_revision_idx"`);
        await queryRunner.query(`DROP TABLE "page_fetches"`);
        await queryRunner.query(`DROP INDEX "claim_repeats_span_key"`);
        await queryRunner.query(`DROP INDEX "claim_repeats_organisation_idx"`);
        await queryRunner.query(`DROP INDEX "claim_repeats_claim_idx"`);
        await queryRunner.query(`DROP TABLE "claim_repeats"`);
        await queryRunner.query(`DROP TYPE "claim_repeat_status"`);
    }

}
