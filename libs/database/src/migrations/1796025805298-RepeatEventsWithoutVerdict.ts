import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The outbox carries events about no verdict of ours: claim.repeated for a repeat of another
 * organisation's review has no verdict_id and no version. Generated against PostgreSQL; the down
 * migration drops those events (and their deliveries) first.
 */
export class RepeatEventsWithoutVerdict1796025805298 implements MigrationInterface {
    name = 'RepeatEventsWithoutVerdict1796025805298'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "verdict_events" DROP CONSTRAINT "FK_8e6a103f7551ecf048bde26388c"`);
        await queryRunner.query(`ALTER TABLE "verdict_events" ALTER COLUMN "verdict_id" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "verdict_events" ALTER COLUMN "version" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "verdict_events" ADD CONSTRAINT "FK_8e6a103f7551ecf048bde26388c" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "verdict_events" WHERE "verdict_id" IS NULL OR "version" IS NULL`);
        await queryRunner.query(`ALTER TABLE "verdict_events" DROP CONSTRAINT "FK_8e6a103f7551ecf048bde26388c"`);
        await queryRunner.query(`ALTER TABLE "verdict_events" ALTER COLUMN "version" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "verdict_events" ALTER COLUMN "verdict_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "verdict_events" ADD CONSTRAINT "FK_8e6a103f7551ecf048bde26388c" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

}
