import { MigrationInterface, QueryRunner } from "typeorm";
import { auditTriggerSql, dropAuditTriggerSql } from "../audit-trigger";

/**
 * Organisations' internal notes on shared claims, under the audit trail. Generated against
 * PostgreSQL; the audit trigger added by hand.
 */
export class ClaimNotes1795599615090 implements MigrationInterface {
    name = 'ClaimNotes1795599615090'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "claim_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "author_member_id" uuid NOT NULL, "author_name" text NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb02221b94e8a925904b02835e3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "claim_notes_claim_idx" ON "claim_notes"  ("claim_id", "organisation_id") `);
        await queryRunner.query(`ALTER TABLE "claim_notes" ADD CONSTRAINT "FK_370a8864b92ae4e49d9dac27d4f" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_notes" ADD CONSTRAINT "FK_ee40600b0804e7b3dc842f35cb7" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_notes" ADD CONSTRAINT "FK_9775ae3ce72a2866785c0c74ab1" FOREIGN KEY ("author_member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(auditTriggerSql({ table: "claim_notes" }));
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(dropAuditTriggerSql({ table: "claim_notes" }));
        await queryRunner.query(`ALTER TABLE "claim_notes" DROP CONSTRAINT "FK_9775ae3ce72a2866785c0c74ab1"`);
        await queryRunner.query(`ALTER TABLE "claim_notes" DROP CONSTRAINT "FK_ee40600b0804e7b3dc842f35cb7"`);
        await queryRunner.query(`ALTER TABLE "claim_notes" DROP CONSTRAINT "FK_370a8864b92ae4e49d9dac27d4f"`);
        await queryRunner.query(`DROP INDEX "claim_notes_claim_idx"`);
        await queryRunner.query(`DROP TABLE "claim_notes"`);
    }

}
