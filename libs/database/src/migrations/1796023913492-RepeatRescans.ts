import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A verdict published on a claim rescans recent captures for that claim only: repeat_scans.claim_ids
 * (null: every rated claim, as for a new capture). Generated against PostgreSQL.
 */
export class RepeatRescans1796023913492 implements MigrationInterface {
    name = 'RepeatRescans1796023913492'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "repeat_scans" ADD "claim_ids" uuid array`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "repeat_scans" DROP COLUMN "claim_ids"`);
    }

}
