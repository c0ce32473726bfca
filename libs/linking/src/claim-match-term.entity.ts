import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Document frequency of each lexeme over claim_match_texts, for BM25's IDF weights, folded in from
 * claim_match_term_changes by MatchStatisticsService. The row with the empty lexeme counts the
 * texts themselves and the row '#length' sums their lengths (lexeme occurrences). Lexemes are also
 * indexed by their name skeleton (linking_name_skeleton), for names written in another script.
 */
@Index('claim_match_terms_name_skeleton_idx', { synchronize: false })
@Entity('claim_match_terms')
export class ClaimMatchTerm {
  @PrimaryColumn('text')
  lexeme: string;

  @Column('int')
  df: number;
}
