import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Organisations' members with their roles, and personal API tokens (SHA-256 of the secret only,
 * unique so each request finds its token with one index lookup). Generated against PostgreSQL.
 */
export class Access1795596130559 implements MigrationInterface {
    name = 'Access1795596130559'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "member_role" AS ENUM('VIEWER', 'ANNOTATOR', 'EDITOR', 'ADMIN')`);
        await queryRunner.query(`CREATE TABLE "members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" text NOT NULL, "email" text, "role" "member_role" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_28b53062261b996d9c99fa12404" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "members_organisation_idx" ON "members"  ("organisation_id") `);
        await queryRunner.query(`CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "name" text NOT NULL, "prefix" text NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE, "last_used_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "UQ_bbd687a104e1921e6702c6e3aad" UNIQUE ("token_hash"), CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "api_tokens_member_idx" ON "api_tokens"  ("member_id") `);
        await queryRunner.query(`ALTER TABLE "members" ADD CONSTRAINT "FK_ea8e953157d3927bf956cf40a60" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_bb2ac5a8027831a22eee069adfe" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_bb2ac5a8027831a22eee069adfe"`);
        await queryRunner.query(`ALTER TABLE "members" DROP CONSTRAINT "FK_ea8e953157d3927bf956cf40a60"`);
        await queryRunner.query(`DROP INDEX "api_tokens_member_idx"`);
        await queryRunner.query(`DROP TABLE "api_tokens"`);
        await queryRunner.query(`DROP INDEX "members_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "members"`);
        await queryRunner.query(`DROP TYPE "member_role"`);
    }

}
