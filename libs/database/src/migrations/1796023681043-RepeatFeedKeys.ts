import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The repeats Atom feed is for members only: repeat_feed_keys holds each organisation's feed key
 * (its SHA-256) for feed readers that cannot send an Authorization header. Generated against PostgreSQL.
 */
export class RepeatFeedKeys1796023681043 implements MigrationInterface {
    name = 'RepeatFeedKeys1796023681043'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "repeat_feed_keys" ("organisation_id" uuid NOT NULL, "key_sha256" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dad32e12b118aa698633c56b5e1" PRIMARY KEY ("organisation_id"))`);
        await queryRunner.query(`ALTER TABLE "repeat_feed_keys" ADD CONSTRAINT "FK_dad32e12b118aa698633c56b5e1" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "repeat_feed_keys" DROP CONSTRAINT "FK_dad32e12b118aa698633c56b5e1"`);
        await queryRunner.query(`DROP TABLE "repeat_feed_keys"`);
    }

}
