import { MigrationInterface, QueryRunner } from "typeorm";

/** Keeps what was captured (pasted text or page HTML) and the boilerplate lines removed from it. */
export class CaptureEvidence1795589385835 implements MigrationInterface {
    name = 'CaptureEvidence1795589385835'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "article_revisions" ADD "raw_input" text`);
        await queryRunner.query(`CREATE TYPE "capture_format" AS ENUM('TEXT', 'HTML')`);
        await queryRunner.query(`ALTER TABLE "article_revisions" ADD "raw_format" "capture_format" NOT NULL DEFAULT 'TEXT'`);
        await queryRunner.query(`ALTER TABLE "article_revisions" ADD "removed_lines" jsonb NOT NULL DEFAULT '[]'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "article_revisions" DROP COLUMN "removed_lines"`);
        await queryRunner.query(`ALTER TABLE "article_revisions" DROP COLUMN "raw_format"`);
        await queryRunner.query(`DROP TYPE "capture_format"`);
        await queryRunner.query(`ALTER TABLE "article_revisions" DROP COLUMN "raw_input"`);
    }

}
