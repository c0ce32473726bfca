import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Names across scripts (issue 12): linking_name_skeleton(word) is the consonant skeleton of
 * nameSkeleton() in @isnad/text (Lavrov, Лавров and لافروف all give 'lfrf'), written out in SQL, and
 * claim_match_terms is indexed by the skeleton of its lexemes, so that a name in a query finds how
 * the other scripts' claim texts spell it. A test holds the SQL and the TypeScript to the same answers.
 */
export class NameSkeletons1796060000000 implements MigrationInterface {
    name = 'NameSkeletons1796060000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE FUNCTION linking_name_skeleton(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN w3 ~ '[^bdfghklmnrstxza]' THEN ''
                 ELSE regexp_replace(replace(regexp_replace(w3, '(.)\\1+', '\\1', 'g'), 'a', ''), 'h$', '') END
  FROM (SELECT translate(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(w1, 'x', 'ks', 'g'), 'shch|sch', 'x', 'g'), 'kh', 'h', 'g'), 'sh|ch', 'x', 'g'), 'zh|dj|dzh|gh', 'g', 'g'), 'th', 't', 'g'), 'dh', 'd', 'g'), 'ph', 'f', 'g'), 'ck', 'k', 'g'), 'дж', 'ж', 'g'), 'ц', 'тс', 'g'), 'bpбпبپtтتطثdдدضذsсسصzзزظшщчشچgjгжجغگkqcкكقhхحخهةfvфвفڤlлلmмمnнنrрرaeiouywаеёиоуыэюяйьъاويىءأإآؤئع', 'bbbbbbtttttdddddsssszzzzxxxxxgggggggkkkkkkhhhhhhfffffflllmmmnnnrrraaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') AS w3
          FROM (SELECT CASE WHEN length(w0) >= 6 THEN regexp_replace(w0, '(ыми|ами|ому|ого|ему|его|ым|ом|ем|ах|ях)$', '') ELSE w0 END AS w1
                  FROM (SELECT regexp_replace(lower(word), '^(وال|بال|فال|كال|لل|ال)(?=\\S\\S\\S)', '') AS w0) a) b) c $$`);
        await queryRunner.query(`CREATE INDEX "claim_match_terms_name_skeleton_idx" ON "claim_match_terms" (linking_name_skeleton("lexeme"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "claim_match_terms_name_skeleton_idx"`);
        await queryRunner.query(`DROP FUNCTION linking_name_skeleton(text)`);
    }
}
