import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Takes the term statistics off the annotate path. linking_count_terms used to upsert a global
 * row ('' = number of texts) and a row per shared word in claim_match_terms inside every
 * transaction that wrote a claim text, so concurrent annotates waited on each other
 * (Lock:transactionid). Now the trigger only appends +1/-1 rows to claim_match_term_changes,
 * which no two transactions share; MatchStatisticsService folds them into claim_match_terms in
 * the background and readers add the changes not folded yet. The '#length' row sums the texts'
 * lengths (lexeme occurrences) for BM25's length normalisation; it is backfilled here.
 * Russian texts are stemmed with the russian configuration from now on (Sputnik's stories start in
 * Russian; cross-language matching translates place names into inflected Russian text).
 * Generated against PostgreSQL (table and index), then the trigger function and backfill added.
 */
export class LinkingDeferredTermCounts1796010966384 implements MigrationInterface {
    name = 'LinkingDeferredTermCounts1796010966384'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "claim_match_term_changes" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "lexeme" text NOT NULL, "delta" integer NOT NULL, CONSTRAINT "PK_bf4076f8c60b4f782577287739b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "claim_match_term_changes_lexeme_idx" ON "claim_match_term_changes"  ("lexeme") `);

        await queryRunner.query(`CREATE FUNCTION linking_tsvector_length(tsv tsvector) RETURNS int LANGUAGE sql IMMUTABLE AS $$
            SELECT coalesce(sum(coalesce(array_length(u.positions, 1), 1)), 0)::int FROM unnest(tsv) AS u $$`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION linking_count_terms() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP IN ('UPDATE', 'DELETE') THEN
                INSERT INTO claim_match_term_changes (lexeme, delta)
                  SELECT l, -1 FROM unnest(tsvector_to_array(OLD.tsv)) AS l
                  UNION ALL SELECT '', -1
                  UNION ALL SELECT '#length', -linking_tsvector_length(OLD.tsv);
              END IF;
              IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO claim_match_term_changes (lexeme, delta)
                  SELECT l, 1 FROM unnest(tsvector_to_array(NEW.tsv)) AS l
                  UNION ALL SELECT '', 1
                  UNION ALL SELECT '#length', linking_tsvector_length(NEW.tsv);
              END IF;
              RETURN NULL;
            END $$`);
        await this.configs(queryRunner, ['arabic', 'english', 'russian']);
        await queryRunner.query(`UPDATE claim_match_texts SET tsv = linking_tsvector(language, key)
            WHERE split_part(lower(coalesce(language, '')), '-', 1) = 'ru'`);
        await queryRunner.query(`INSERT INTO claim_match_terms (lexeme, df)
            SELECT '#length', coalesce(sum(linking_tsvector_length(tsv)), 0)::int FROM claim_match_texts
            ON CONFLICT (lexeme) DO UPDATE SET df = excluded.df`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`INSERT INTO claim_match_terms (lexeme, df) SELECT lexeme, sum(delta)::int FROM claim_match_term_changes GROUP BY lexeme
            ON CONFLICT (lexeme) DO UPDATE SET df = claim_match_terms.df + excluded.df`);
        await queryRunner.query(`DELETE FROM claim_match_terms WHERE lexeme = '#length'`);
        await queryRunner.query(`CREATE OR REPLACE FUNCTION linking_count_terms() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE claim_match_terms t SET df = t.df - 1 FROM unnest(tsvector_to_array(OLD.tsv)) AS l(lexeme) WHERE t.lexeme = l.lexeme;
                UPDATE claim_match_terms SET df = df - 1 WHERE lexeme = '';
              END IF;
              IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO claim_match_terms (lexeme, df)
                  SELECT l, 1 FROM unnest(tsvector_to_array(NEW.tsv)) AS l ORDER BY l
                  ON CONFLICT (lexeme) DO UPDATE SET df = claim_match_terms.df + 1;
                INSERT INTO claim_match_terms (lexeme, df) VALUES ('', 1)
                  ON CONFLICT (lexeme) DO UPDATE SET df = claim_match_terms.df + 1;
              END IF;
              RETURN NULL;
            END $$`);
        await this.configs(queryRunner, ['arabic', 'english']);
        await queryRunner.query(`UPDATE claim_match_texts SET tsv = linking_tsvector(language, key)
            WHERE split_part(lower(coalesce(language, '')), '-', 1) = 'ru'`);
        await queryRunner.query(`DROP FUNCTION linking_tsvector_length(tsvector)`);
        await queryRunner.query(`DROP INDEX "claim_match_term_changes_lexeme_idx"`);
        await queryRunner.query(`DROP TABLE "claim_match_term_changes"`);
    }

    /** linking_config(language) with the given text search configurations, those the server has. */
    private async configs(queryRunner: QueryRunner, names: string[]): Promise<void> {
        const rows: { cfgname: string }[] = await queryRunner.query(`SELECT cfgname FROM pg_ts_config WHERE cfgname = ANY($1)`, [names]);
        const has = new Set(rows.map((c) => c.cfgname));
        const when = names.filter((n) => has.has(n)).map((n) => `WHEN '${n.slice(0, 2)}' THEN '${n}'::regconfig`).join(' ');
        await queryRunner.query(`CREATE OR REPLACE FUNCTION linking_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE split_part(lower(coalesce(lang, '')), '-', 1) ${when} ELSE 'simple'::regconfig END $$`);
    }
}
