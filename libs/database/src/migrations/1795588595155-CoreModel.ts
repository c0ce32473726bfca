import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Outlets, articles and their revisions, sources, claims, appearances, attribution chains, tags.
 * Generated against PostgreSQL 15 by `npm run migration:generate`, then reviewed: schema
 * qualifiers removed (the schema comes from search_path) and the pg_trgm search indexes added.
 */
export class CoreModel1795588595155 implements MigrationInterface {
    name = 'CoreModel1795588595155'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // In `public` so that every schema (tests run one each) sees the same operator classes.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
        await queryRunner.query(`CREATE TABLE "articles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "canonical_url" text NOT NULL, "outlet_id" uuid NOT NULL, "title" text, "byline" text, "language" text, "published_at" TIMESTAMP WITH TIME ZONE, "sort_time" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "first_captured_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_captured_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revision_count" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_0a6e2c450d83e0b6052c2793334" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "articles_canonical_url_key" ON "articles"  ("canonical_url") `);
        await queryRunner.query(`CREATE INDEX "articles_language_idx" ON "articles"  ("language") `);
        await queryRunner.query(`CREATE INDEX "articles_sort_idx" ON "articles"  ("sort_time", "id") `);
        await queryRunner.query(`CREATE INDEX "articles_outlet_published_idx" ON "articles"  ("outlet_id", "sort_time", "id") `);
        await queryRunner.query(`CREATE TABLE "article_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "number" integer NOT NULL, "text" text NOT NULL, "content_hash" text NOT NULL, "title" text, "captured_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "article_revisions_article_number_key" UNIQUE ("article_id", "number"), CONSTRAINT "PK_e5a3375569c46d93baa9fe4bfe4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "tags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "label" text NOT NULL, "key" text NOT NULL, CONSTRAINT "PK_e7dc17249a1148a1970748eda99" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "tags_key_key" ON "tags"  ("key") `);
        await queryRunner.query(`CREATE TABLE "claims" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement" text NOT NULL, "statement_key" text NOT NULL, "language" text, "merged_into_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_96c91970c0dcb2f69fdccd0a698" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "claim_appearances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "article_id" uuid NOT NULL, "article_revision_id" uuid NOT NULL, "exact" text NOT NULL, "exact_key" text NOT NULL, "prefix" text NOT NULL, "suffix" text NOT NULL, "start" integer NOT NULL, "end" integer NOT NULL, "note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_036a017b8eda9ae8a86fe5aba2a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "claim_appearances_article_idx" ON "claim_appearances"  ("article_id") `);
        await queryRunner.query(`CREATE INDEX "claim_appearances_claim_idx" ON "claim_appearances"  ("claim_id", "created_at", "id") `);
        await queryRunner.query(`CREATE TYPE "attribution_relation" AS ENUM('ORIGIN', 'RELAYED', 'REPUBLISHED')`);
        await queryRunner.query(`CREATE TABLE "attribution_hops" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "appearance_id" uuid NOT NULL, "position" integer NOT NULL, "source_id" uuid NOT NULL, "relation" "attribution_relation" NOT NULL, "cue" text, CONSTRAINT "attribution_hops_appearance_position_key" UNIQUE ("appearance_id", "position"), CONSTRAINT "PK_ffd480d5cf95e725c44625544b1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "attribution_hops_source_idx" ON "attribution_hops"  ("source_id") `);
        await queryRunner.query(`CREATE TABLE "outlet_domains" ("domain" text NOT NULL, "outlet_id" uuid NOT NULL, CONSTRAINT "PK_65ffb579eaa6ac39b3fe2e8aa43" PRIMARY KEY ("domain"))`);
        await queryRunner.query(`CREATE INDEX "outlet_domains_outlet_id_idx" ON "outlet_domains"  ("outlet_id") `);
        await queryRunner.query(`CREATE TYPE "outlet_kind" AS ENUM('NEWS_AGENCY', 'NEWSPAPER', 'BROADCASTER', 'SITE', 'SOCIAL_ACCOUNT')`);
        await queryRunner.query(`CREATE TYPE "outlet_ownership" AS ENUM('STATE_OWNED', 'STATE_AFFILIATED', 'PUBLIC_SERVICE', 'PARTY_AFFILIATED', 'PRIVATE', 'UNKNOWN')`);
        await queryRunner.query(`CREATE TABLE "outlets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "name_key" text NOT NULL, "kind" "outlet_kind" NOT NULL DEFAULT 'SITE', "country" character varying(2), "languages" text array NOT NULL DEFAULT '{}', "ownership" "outlet_ownership" NOT NULL DEFAULT 'UNKNOWN', "affiliation_note" text, "merged_into_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f218ad1778c5c01d7bf77bab02" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "outlets_name_key_idx" ON "outlets"  ("name_key") `);
        await queryRunner.query(`CREATE TYPE "source_kind" AS ENUM('PERSON', 'ORGANISATION', 'OUTLET', 'DOCUMENT', 'MEDIA', 'ANONYMOUS')`);
        await queryRunner.query(`CREATE TABLE "sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "source_kind" NOT NULL, "name" text NOT NULL, "name_key" text NOT NULL, "description" text, "language" text, "outlet_id" uuid, "confided_to_outlet_id" uuid, "merged_into_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "sources_confided_to_idx" ON "sources"  ("confided_to_outlet_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "sources_outlet_key" ON "sources"  ("outlet_id") WHERE kind = 'OUTLET' AND merged_into_id IS NULL`);
        await queryRunner.query(`CREATE TABLE "claim_tags" ("claim_id" uuid NOT NULL, "tag_id" uuid NOT NULL, CONSTRAINT "PK_05584d98bf794bafe266056d62d" PRIMARY KEY ("claim_id", "tag_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_75dca432e0f9546a4ef165392e" ON "claim_tags"  ("claim_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_0db75c3484abf8bc49007c73c0" ON "claim_tags"  ("tag_id") `);
        await queryRunner.query(`ALTER TABLE "articles" ADD CONSTRAINT "FK_a6630736720edfb1fd62e6c6d1c" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "article_revisions" ADD CONSTRAINT "FK_d710c0a22d74814285c06f8994d" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_appearances" ADD CONSTRAINT "FK_323c56db5e47bc988e71483939d" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_appearances" ADD CONSTRAINT "FK_8177aa5b582f5775fed596828ab" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_appearances" ADD CONSTRAINT "FK_a701cbf10e32fd4facc4df6c9df" FOREIGN KEY ("article_revision_id") REFERENCES "article_revisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attribution_hops" ADD CONSTRAINT "FK_f9e034864ceff6f5927b01eb958" FOREIGN KEY ("appearance_id") REFERENCES "claim_appearances"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attribution_hops" ADD CONSTRAINT "FK_0596d10016e9a6eca20cf96c275" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "outlet_domains" ADD CONSTRAINT "FK_8b2472209209a71326c32201430" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sources" ADD CONSTRAINT "FK_af8b8b6296f21f5551a69f7473b" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sources" ADD CONSTRAINT "FK_147c6b5973e164a192f917a9403" FOREIGN KEY ("confided_to_outlet_id") REFERENCES "outlets"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_tags" ADD CONSTRAINT "FK_75dca432e0f9546a4ef165392e6" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "claim_tags" ADD CONSTRAINT "FK_0db75c3484abf8bc49007c73c07" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        // Arabic-aware substring search runs over the normalised keys.
        await queryRunner.query(`CREATE INDEX "claims_statement_key_trgm_idx" ON "claims" USING gin ("statement_key" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "claim_appearances_exact_key_trgm_idx" ON "claim_appearances" USING gin ("exact_key" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "sources_name_key_trgm_idx" ON "sources" USING gin ("name_key" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "outlets_name_key_trgm_idx" ON "outlets" USING gin ("name_key" gin_trgm_ops)`);
        // Keyset pagination orders.
        await queryRunner.query(`CREATE INDEX "claims_created_idx" ON "claims" ("created_at", "id")`);
        await queryRunner.query(`CREATE INDEX "sources_created_idx" ON "sources" ("created_at", "id")`);
        await queryRunner.query(`CREATE INDEX "outlets_created_idx" ON "outlets" ("created_at", "id")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "outlets_created_idx"`);
        await queryRunner.query(`DROP INDEX "sources_created_idx"`);
        await queryRunner.query(`DROP INDEX "claims_created_idx"`);
        await queryRunner.query(`DROP INDEX "outlets_name_key_trgm_idx"`);
        await queryRunner.query(`DROP INDEX "sources_name_key_trgm_idx"`);
        await queryRunner.query(`DROP INDEX "claim_appearances_exact_key_trgm_idx"`);
        await queryRunner.query(`DROP INDEX "claims_statement_key_trgm_idx"`);
        await queryRunner.query(`ALTER TABLE "claim_tags" DROP CONSTRAINT "FK_0db75c3484abf8bc49007c73c07"`);
        await queryRunner.query(`ALTER TABLE "claim_tags" DROP CONSTRAINT "FK_75dca432e0f9546a4ef165392e6"`);
        await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "FK_147c6b5973e164a192f917a9403"`);
        await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "FK_af8b8b6296f21f5551a69f7473b"`);
        await queryRunner.query(`ALTER TABLE "outlet_domains" DROP CONSTRAINT "FK_8b2472209209a71326c32201430"`);
        await queryRunner.query(`ALTER TABLE "attribution_hops" DROP CONSTRAINT "FK_0596d10016e9a6eca20cf96c275"`);
        await queryRunner.query(`ALTER TABLE "attribution_hops" DROP CONSTRAINT "FK_f9e034864ceff6f5927b01eb958"`);
        await queryRunner.query(`ALTER TABLE "claim_appearances" DROP CONSTRAINT "FK_a701cbf10e32fd4facc4df6c9df"`);
        await queryRunner.query(`ALTER TABLE "claim_appearances" DROP CONSTRAINT "FK_8177aa5b582f5775fed596828ab"`);
        await queryRunner.query(`ALTER TABLE "claim_appearances" DROP CONSTRAINT "FK_323c56db5e47bc988e71483939d"`);
        await queryRunner.query(`ALTER TABLE "article_revisions" DROP CONSTRAINT "FK_d710c0a22d74814285c06f8994d"`);
        await queryRunner.query(`ALTER TABLE "articles" DROP CONSTRAINT "FK_a6630736720edfb1fd62e6c6d1c"`);
        await queryRunner.query(`DROP INDEX "IDX_0db75c3484abf8bc49007c73c0"`);
        await queryRunner.query(`DROP INDEX "IDX_75dca432e0f9546a4ef165392e"`);
        await queryRunner.query(`DROP TABLE "claim_tags"`);
        await queryRunner.query(`DROP INDEX "sources_outlet_key"`);
        await queryRunner.query(`DROP INDEX "sources_confided_to_idx"`);
        await queryRunner.query(`DROP TABLE "sources"`);
        await queryRunner.query(`DROP TYPE "source_kind"`);
        await queryRunner.query(`DROP INDEX "outlets_name_key_idx"`);
        await queryRunner.query(`DROP TABLE "outlets"`);
        await queryRunner.query(`DROP TYPE "outlet_ownership"`);
        await queryRunner.query(`DROP TYPE "outlet_kind"`);
        await queryRunner.query(`DROP INDEX "outlet_domains_outlet_id_idx"`);
        await queryRunner.query(`DROP TABLE "outlet_domains"`);
        await queryRunner.query(`DROP INDEX "attribution_hops_source_idx"`);
        await queryRunner.query(`DROP TABLE "attribution_hops"`);
        await queryRunner.query(`DROP TYPE "attribution_relation"`);
        await queryRunner.query(`DROP INDEX "claim_appearances_claim_idx"`);
        await queryRunner.query(`DROP INDEX "claim_appearances_article_idx"`);
        await queryRunner.query(`DROP TABLE "claim_appearances"`);
        await queryRunner.query(`DROP TABLE "claims"`);
        await queryRunner.query(`DROP INDEX "tags_key_key"`);
        await queryRunner.query(`DROP TABLE "tags"`);
        await queryRunner.query(`DROP TABLE "article_revisions"`);
        await queryRunner.query(`DROP INDEX "articles_outlet_published_idx"`);
        await queryRunner.query(`DROP INDEX "articles_sort_idx"`);
        await queryRunner.query(`DROP INDEX "articles_language_idx"`);
        await queryRunner.query(`DROP INDEX "articles_canonical_url_key"`);
        await queryRunner.query(`DROP TABLE "articles"`);
    }

}
