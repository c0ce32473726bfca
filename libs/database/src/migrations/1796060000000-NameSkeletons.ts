import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Names across scripts (issue 12): linking_name_skeleton(word) is the consonant skeleton of
 * nameSkeleton() in @isnad/text (Lavrov, Лавров and لافروف all give 'lfrf'), written out in
 * PL/pgSQL (a SQL function inlined into the index expression repeats its steps and runs slower), and
 * the lexemes of claim_match_terms, and those of claim_match_term_changes not folded in yet, are
 * indexed by it, so that a name in a query finds how the other scripts' claim texts spell it. A test
 * holds the SQL and the TypeScript to the same answers.
 */
export class NameSkeletons1796060000000 implements MigrationInterface {
    name = 'NameSkeletons1796060000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE FUNCTION linking_name_skeleton(word text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
            DECLARE
              w text := regexp_replace(lower(word), '^(وال|بال|فال|كال|لل|ال)(?=\\S\\S\\S)', '');
            BEGIN
              IF length(w) >= 6 AND w ~ '[а-яё]' THEN w := regexp_replace(w, '(ыми|ами|ому|ого|ему|его|ым|ом|ем|ах|ях)$', ''); END IF;
              IF w ~ '[a-z]' THEN w := regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(w, 'x', 'ks', 'g'), 'shch|sch', 'x', 'g'), 'kh', 'h', 'g'), 'sh|ch', 'x', 'g'), 'zh|dj|dzh|gh', 'g', 'g'), 'th', 't', 'g'), 'dh', 'd', 'g'), 'ph', 'f', 'g'), 'ck', 'k', 'g'); END IF;
              IF w ~ '[а-яё]' THEN w := regexp_replace(regexp_replace(w, 'дж', 'ж', 'g'), 'ц', 'тс', 'g'); END IF;
              w := translate(w, 'bpбпبپtтتطثdдدضذsсسصzзزظшщчشچgjгжجغگkqcкكقhхحخهةfvфвفڤlлلmмمnнنrрرaeiouywаеёиоуыэюяйьъاويىءأإآؤئع', 'bbbbbbtttttdddddsssszzzzxxxxxgggggggkkkkkkhhhhhhfffffflllmmmnnnrrraaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
              IF w ~ '[^bdfghklmnrstxza]' THEN RETURN ''; END IF;
              RETURN regexp_replace(replace(regexp_replace(w, '(.)\\1+', '\\1', 'g'), 'a', ''), 'h$', '');
            END $$`);
        await queryRunner.query(`CREATE INDEX "claim_match_terms_name_skeleton_idx" ON "claim_match_terms" (linking_name_skeleton("lexeme"))`);
        await queryRunner.query(`CREATE INDEX "claim_match_term_changes_name_skeleton_idx" ON "claim_match_term_changes" (linking_name_skeleton("lexeme"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "claim_match_term_changes_name_skeleton_idx"`);
        await queryRunner.query(`DROP INDEX "claim_match_terms_name_skeleton_idx"`);
        await queryRunner.query(`DROP FUNCTION linking_name_skeleton(text)`);
    }
}
