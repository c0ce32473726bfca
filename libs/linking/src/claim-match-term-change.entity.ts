import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A change to claim_match_terms not folded in yet: the trigger on claim_match_texts appends one row
 * per lexeme of a text written (+1) or removed (-1), so concurrent writers never update a shared
 * row; MatchStatisticsService folds them in the background and readers add what is pending.
 * Indexed by the name skeleton of the lexeme too, as claim_match_terms is.
 */
@Index('claim_match_term_changes_name_skeleton_idx', { synchronize: false })
@Entity('claim_match_term_changes')
export class ClaimMatchTermChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('claim_match_term_changes_lexeme_idx')
  @Column('text')
  lexeme: string;

  @Column('int')
  delta: number;
}
