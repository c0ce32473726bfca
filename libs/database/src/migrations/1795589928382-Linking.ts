import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Cross-outlet claim linking: recorded translations, reviewed links, and the matching index.
 *
 * claim_match_texts holds every text a claim is recognised by (its statement, each appearance's
 * quote, each translation) with a stemmed tsvector (arabic / english / simple configuration by
 * language) and its search key under a pg_trgm GIN index. Triggers on claims and
 * claim_appearances keep it current whoever writes them (services, merges, bulk SQL), and a
 * trigger on it keeps claim_match_terms, the document frequencies the re-ranker weighs terms by.
 * A server without the arabic or english text search configuration falls back to simple.
 * Generated against PostgreSQL, then the functions, triggers, search indexes and backfill added.
 */
export class Linking1795589928382 implements MigrationInterface {
    name = 'Linking1795589928382'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "claim_link_decision" AS ENUM('SAME', 'REJECTED', 'SUPPORTS', 'CONTRADICTS')`);
        await queryRunner.query(`CREATE TABLE "claim_link_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "other_claim_id" uuid NOT NULL, "decision" "claim_link_decision" NOT NULL, "note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "claim_link_reviews_pair_key" UNIQUE ("claim_id", "other_claim_id"), CONSTRAINT "PK_d2c5e68476c3af58470f1d0ab6d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "claim_link_reviews_other_idx" ON "claim_link_reviews"  ("other_claim_id") `);
        await queryRunner.query(`CREATE TABLE "claim_match_terms" ("lexeme" text NOT NULL, "df" integer NOT NULL, CONSTRAINT "PK_3b1e159d66be20f20bb8c2f6a6a" PRIMARY KEY ("lexeme"))`);
        await queryRunner.query(`CREATE TYPE "claim_text_kind" AS ENUM('STATEMENT', 'APPEARANCE', 'TRANSLATION')`);
        await queryRunner.query(`CREATE TABLE "claim_match_texts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "kind" "claim_text_kind" NOT NULL, "origin_claim_id" uuid, "appearance_id" uuid, "translation_id" uuid, "language" text, "key" text NOT NULL, "tsv" tsvector NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e536523b4e9a1646f5727e1c89c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "claim_match_texts_origin_claim_key" ON "claim_match_texts"  ("origin_claim_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "claim_match_texts_appearance_key" ON "claim_match_texts"  ("appearance_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "claim_match_texts_translation_key" ON "claim_match_texts"  ("translation_id") `);
        await queryRunner.query(`CREATE INDEX "claim_match_texts_claim_idx" ON "claim_match_texts"  ("claim_id") `);
        await queryRunner.query(`CREATE TABLE "claim_translations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "language" text NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_871ce140a40e49076436140f6d0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "claim_translations_claim_idx" ON "claim_translations"  ("claim_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "claim_link_reviews" ADD CONSTRAINT "FK_4264f59cbcfa2acc1535c5bbb6f" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_link_reviews" ADD CONSTRAINT "FK_cee35788615bf41cdc61622e4ea" FOREIGN KEY ("other_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_match_texts" ADD CONSTRAINT "FK_0949dbf517f88c593302a8b11da" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_match_texts" ADD CONSTRAINT "FK_d2240a73f429621215a8def282f" FOREIGN KEY ("origin_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_match_texts" ADD CONSTRAINT "FK_5e04e07aa88a36240bb8b0e573a" FOREIGN KEY ("appearance_id") REFERENCES "claim_appearances"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_match_texts" ADD CONSTRAINT "FK_65be4f5911b53fca574cf336745" FOREIGN KEY ("translation_id") REFERENCES "claim_translations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "claim_translations" ADD CONSTRAINT "FK_77e933ad25299a8a421e4a928b4" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        // linking_config(language) picks the text search configuration; only configurations the
        // server has are named, so the function can be created everywhere.
        const configs: { cfgname: string }[] = await queryRunner.query(
            `SELECT cfgname FROM pg_ts_config WHERE cfgname IN ('arabic', 'english')`,
        );
        const has = new Set(configs.map((c) => c.cfgname));
        const when = [
            has.has('arabic') ? `WHEN 'ar' THEN 'arabic'::regconfig` : '',
            has.has('english') ? `WHEN 'en' THEN 'english'::regconfig` : '',
        ].join(' ');
        await queryRunner.query(`CREATE FUNCTION linking_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE split_part(lower(coalesce(lang, '')), '-', 1) ${when} ELSE 'simple'::regconfig END $$`);
        // The Arabic stemmer leaves a conjunction or preposition glued to the article (وال، بال، فال،
        // كال) and لل; they are cut off first so that "والمسؤولين" and "المسؤولين" share a stem.
        await queryRunner.query(`CREATE FUNCTION linking_tsvector(lang text, key text) RETURNS tsvector LANGUAGE sql STABLE AS $$
            SELECT CASE WHEN linking_config(lang)::text = 'arabic'
                        THEN to_tsvector(linking_config(lang), regexp_replace(key, '\\m(وال|بال|فال|كال|لل)(?=\\S\\S)', '', 'g'))
                        ELSE to_tsvector(linking_config(lang), key) END $$`);

        await queryRunner.query(`CREATE FUNCTION linking_count_terms() RETURNS trigger LANGUAGE plpgsql AS $$
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
        await queryRunner.query(`CREATE TRIGGER claim_match_texts_count_terms AFTER INSERT OR DELETE OR UPDATE OF tsv ON claim_match_texts
            FOR EACH ROW EXECUTE FUNCTION linking_count_terms()`);

        await queryRunner.query(`CREATE FUNCTION linking_index_claim() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                INSERT INTO claim_match_texts (claim_id, origin_claim_id, kind, language, key, tsv)
                VALUES (coalesce(NEW.merged_into_id, NEW.id), NEW.id, 'STATEMENT', NEW.language, NEW.statement_key,
                        linking_tsvector(NEW.language, NEW.statement_key));
                RETURN NULL;
              END IF;
              IF NEW.statement_key IS DISTINCT FROM OLD.statement_key OR NEW.language IS DISTINCT FROM OLD.language THEN
                UPDATE claim_match_texts SET key = NEW.statement_key, language = NEW.language,
                       tsv = linking_tsvector(NEW.language, NEW.statement_key)
                 WHERE origin_claim_id = NEW.id;
              END IF;
              -- A merged claim's texts (its statement, translations) now recognise the claim kept.
              IF NEW.merged_into_id IS NOT NULL AND OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id THEN
                UPDATE claim_match_texts SET claim_id = NEW.merged_into_id WHERE claim_id = NEW.id;
                UPDATE claim_translations SET claim_id = NEW.merged_into_id WHERE claim_id = NEW.id;
              END IF;
              RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER claims_linking_index AFTER INSERT OR UPDATE ON claims
            FOR EACH ROW EXECUTE FUNCTION linking_index_claim()`);

        await queryRunner.query(`CREATE FUNCTION linking_index_appearance() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                INSERT INTO claim_match_texts (claim_id, appearance_id, kind, language, key, tsv)
                SELECT NEW.claim_id, NEW.id, 'APPEARANCE', a.language, NEW.exact_key, linking_tsvector(a.language, NEW.exact_key)
                  FROM articles a WHERE a.id = NEW.article_id;
              ELSIF NEW.claim_id IS DISTINCT FROM OLD.claim_id OR NEW.exact_key IS DISTINCT FROM OLD.exact_key THEN
                UPDATE claim_match_texts t SET claim_id = NEW.claim_id, key = NEW.exact_key,
                       tsv = CASE WHEN NEW.exact_key IS DISTINCT FROM OLD.exact_key THEN linking_tsvector(t.language, NEW.exact_key) ELSE t.tsv END
                 WHERE t.appearance_id = NEW.id;
              END IF;
              RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER claim_appearances_linking_index AFTER INSERT OR UPDATE ON claim_appearances
            FOR EACH ROW EXECUTE FUNCTION linking_index_appearance()`);

        await queryRunner.query(`CREATE INDEX "claim_match_texts_tsv_idx" ON "claim_match_texts" USING gin ("tsv")`);
        await queryRunner.query(`CREATE INDEX "claim_match_texts_key_trgm_idx" ON "claim_match_texts" USING gin ("key" gin_trgm_ops)`);

        // Claims and appearances written before this migration.
        await queryRunner.query(`INSERT INTO claim_match_texts (claim_id, origin_claim_id, kind, language, key, tsv)
            SELECT coalesce(c.merged_into_id, c.id), c.id, 'STATEMENT', c.language, c.statement_key, linking_tsvector(c.language, c.statement_key)
              FROM claims c`);
        await queryRunner.query(`INSERT INTO claim_match_texts (claim_id, appearance_id, kind, language, key, tsv)
            SELECT ap.claim_id, ap.id, 'APPEARANCE', a.language, ap.exact_key, linking_tsvector(a.language, ap.exact_key)
              FROM claim_appearances ap JOIN articles a ON a.id = ap.article_id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER claim_appearances_linking_index ON claim_appearances`);
        await queryRunner.query(`DROP TRIGGER claims_linking_index ON claims`);
        await queryRunner.query(`DROP FUNCTION linking_index_appearance()`);
        await queryRunner.query(`DROP FUNCTION linking_index_claim()`);
        await queryRunner.query(`DROP INDEX "claim_match_texts_key_trgm_idx"`);
        await queryRunner.query(`DROP INDEX "claim_match_texts_tsv_idx"`);
        await queryRunner.query(`ALTER TABLE "claim_translations" DROP CONSTRAINT "FK_77e933ad25299a8a421e4a928b4"`);
        await queryRunner.query(`ALTER TABLE "claim_match_texts" DROP CONSTRAINT "FK_65be4f5911b53fca574cf336745"`);
        await queryRunner.query(`ALTER TABLE "claim_match_texts" DROP CONSTRAINT "FK_5e04e07aa88a36240bb8b0e573a"`);
        await queryRunner.query(`ALTER TABLE "claim_match_texts" DROP CONSTRAINT "FK_d2240a73f429621215a8def282f"`);
        await queryRunner.query(`ALTER TABLE "claim_match_texts" DROP CONSTRAINT "FK_0949dbf517f88c593302a8b11da"`);
        await queryRunner.query(`ALTER TABLE "claim_link_reviews" DROP CONSTRAINT "FK_cee35788615bf41cdc61622e4ea"`);
        await queryRunner.query(`ALTER TABLE "claim_link_reviews" DROP CONSTRAINT "FK_4264f59cbcfa2acc1535c5bbb6f"`);
        await queryRunner.query(`DROP INDEX "claim_translations_claim_idx"`);
        await queryRunner.query(`DROP TABLE "claim_translations"`);
        await queryRunner.query(`DROP INDEX "claim_match_texts_claim_idx"`);
        await queryRunner.query(`DROP INDEX "claim_match_texts_translation_key"`);
        await queryRunner.query(`DROP INDEX "claim_match_texts_appearance_key"`);
        await queryRunner.query(`DROP INDEX "claim_match_texts_origin_claim_key"`);
        await queryRunner.query(`DROP TABLE "claim_match_texts"`);
        await queryRunner.query(`DROP FUNCTION linking_count_terms()`);
        await queryRunner.query(`DROP FUNCTION linking_tsvector(text, text)`);
        await queryRunner.query(`DROP FUNCTION linking_config(text)`);
        await queryRunner.query(`DROP TYPE "claim_text_kind"`);
        await queryRunner.query(`DROP TABLE "claim_match_terms"`);
        await queryRunner.query(`DROP INDEX "claim_link_reviews_other_idx"`);
        await queryRunner.query(`DROP TABLE "claim_link_reviews"`);
        await queryRunner.query(`DROP TYPE "claim_link_decision"`);
    }

}
