import { MigrationInterface, QueryRunner } from "typeorm";
import { AUDIT_FUNCTION_SQL, AuditedTable, DROP_AUDIT_FUNCTION_SQL, auditTriggerSql, dropAuditTriggerSql } from "../audit-trigger";

/**
 * The tables a fact-checker's work changes, put under the audit trail here. Left out on purpose:
 * what the API derives or queues on its own (claim_match_terms, claim_match_texts,
 * article_fingerprints, article_republications, verdict_events, webhook_deliveries), verdict_versions
 * (an append-only copy of the verdict written in the same transaction, whose row change is already
 * recorded), api_tokens (see below), the migrations table and the audit tables themselves. A table created later gets its
 * trigger in its own migration with auditTriggerSql.
 */
const AUDITED_TABLES: AuditedTable[] = [
    { table: "organisations" },
    { table: "outlets" },
    { table: "outlet_domains", rowId: "domain" },
    { table: "articles" },
    // Revisions are never edited and keep their text, its SHA-256 (content_hash, which the
    // snapshot keeps) and the raw page in the row itself; copying up to 10 MB per capture would
    // double the storage of every capture and slow it down.
    { table: "article_revisions", hidden: ["text", "raw_input", "removed_lines"] },
    { table: "sources" },
    { table: "claims" },
    { table: "claim_appearances" },
    { table: "attribution_hops" },
    { table: "tags" },
    { table: "claim_tags", rowId: "claim_id" },
    { table: "claim_translations" },
    { table: "claim_link_reviews" },
    { table: "rating_scales" },
    { table: "ratings" },
    { table: "verdicts" },
    { table: "webhook_endpoints", hidden: ["secret"] },
    // Who joined, with which role, and who was removed. API tokens are left to their mutations'
    // entries (createApiToken, revokeApiToken): their rows change on use (last_used_at), not by anyone's edit.
    { table: "members" },
];

/**
 * The audit trail: audit_entries (one per mutation, written by libs/audit) and audit_changes (one
 * per row written, by the trigger function audit_row_change on each audited table). Tables and
 * indexes generated against PostgreSQL; the function and triggers written by hand.
 */
export class AuditTrail1795596158432 implements MigrationInterface {
    name = 'AuditTrail1795596158432'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_changes" ("id" BIGSERIAL NOT NULL, "audit_entry_id" uuid, "actor_member_id" uuid, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "table_name" text NOT NULL, "operation" text NOT NULL, "row_id" text NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_5bad82090461c50d5ed24398677" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "audit_changes_row_idx" ON "audit_changes"  ("table_name", "row_id") `);
        await queryRunner.query(`CREATE INDEX "audit_changes_entry_idx" ON "audit_changes"  ("audit_entry_id") `);
        await queryRunner.query(`CREATE TABLE "audit_entries" ("id" uuid NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "actor_member_id" uuid, "actor_organisation_id" uuid, "actor_name" text, "token_id" uuid, "request_id" text, "operation" text NOT NULL, "arguments" jsonb NOT NULL, "outcome" text NOT NULL, "error_message" text, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "audit_entries_at_idx" ON "audit_entries"  ("at", "id") `);
        await queryRunner.query(`CREATE INDEX "audit_entries_organisation_at_idx" ON "audit_entries"  ("actor_organisation_id", "at", "id") `);
        await queryRunner.query(AUDIT_FUNCTION_SQL);
        for (const audited of AUDITED_TABLES) await queryRunner.query(auditTriggerSql(audited));
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const audited of AUDITED_TABLES) await queryRunner.query(dropAuditTriggerSql(audited));
        await queryRunner.query(DROP_AUDIT_FUNCTION_SQL);
        await queryRunner.query(`DROP INDEX "audit_entries_organisation_at_idx"`);
        await queryRunner.query(`DROP INDEX "audit_entries_at_idx"`);
        await queryRunner.query(`DROP TABLE "audit_entries"`);
        await queryRunner.query(`DROP INDEX "audit_changes_entry_idx"`);
        await queryRunner.query(`DROP INDEX "audit_changes_row_idx"`);
        await queryRunner.query(`DROP TABLE "audit_changes"`);
    }

}
