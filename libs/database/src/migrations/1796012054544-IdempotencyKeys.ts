import { MigrationInterface, QueryRunner } from "typeorm";

export class IdempotencyKeys1796012054544 implements MigrationInterface {
    name = 'IdempotencyKeys1796012054544'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "idempotency_keys" ("token_id" uuid NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "response" jsonb, "http_status" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5b5f32d06891c7ca1cbd5a90f6" PRIMARY KEY ("token_id", "key"))`);
        await queryRunner.query(`CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys"  ("created_at") `);
        await queryRunner.query(`ALTER TABLE "idempotency_keys" ADD CONSTRAINT "FK_8f69ae76fc53f53bbfdbf56bdd7" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "idempotency_keys" DROP CONSTRAINT "FK_8f69ae76fc53f53bbfdbf56bdd7"`);
        await queryRunner.query(`DROP INDEX "idempotency_keys_created_idx"`);
        await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    }

}
