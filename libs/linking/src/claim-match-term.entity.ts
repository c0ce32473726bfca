import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Document frequency of each lexeme over claim_match_texts, kept by a trigger, for the re-ranker's
 * IDF weights. The row with the empty lexeme counts the texts themselves.
 */
@Entity('claim_match_terms')
export class ClaimMatchTerm {
  @PrimaryColumn('text')
  lexeme: string;

  @Column('int')
  df: number;
}
