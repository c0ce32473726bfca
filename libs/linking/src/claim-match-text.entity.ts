import { registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** What a matchable text of a claim is. */
export enum ClaimTextKind {
  /** The claim's canonical statement. */
  STATEMENT = 'STATEMENT',
  /** The quoted span of one of its appearances. */
  APPEARANCE = 'APPEARANCE',
  /** A translation a fact-checker recorded. */
  TRANSLATION = 'TRANSLATION',
}
registerEnumType(ClaimTextKind, { name: 'ClaimTextKind' });

/**
 * The matching index: one row per text a claim can be recognised by (statement, each appearance's
 * quote, each recorded translation), with its search key and a language-aware tsvector. Rows for
 * statements and appearances are written by database triggers on `claims` and `claim_appearances`
 * (see the Linking migration), so every writer, including bulk SQL, keeps the index current.
 */
@Entity('claim_match_texts')
// Created by hand in the migration: GIN over the tsvector and pg_trgm GIN over the key.
@Index('claim_match_texts_tsv_idx', { synchronize: false })
@Index('claim_match_texts_key_trgm_idx', { synchronize: false })
@Index('claim_match_texts_claim_idx', ['claimId'])
export class ClaimMatchText {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The canonical claim this text currently counts for (moved on merge and re-attachment). */
  @Column('uuid', { name: 'claim_id' })
  claimId: string;

  @ManyToOne('Claim', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: unknown;

  @Column({ type: 'enum', enum: ClaimTextKind, enumName: 'claim_text_kind' })
  kind: ClaimTextKind;

  /** For STATEMENT rows: the claim whose statement this is (it stays put when claim_id moves). */
  @Index('claim_match_texts_origin_claim_key', { unique: true })
  @Column('uuid', { name: 'origin_claim_id', nullable: true })
  originClaimId: string | null;

  @ManyToOne('Claim', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'origin_claim_id' })
  originClaim?: unknown;

  @Index('claim_match_texts_appearance_key', { unique: true })
  @Column('uuid', { name: 'appearance_id', nullable: true })
  appearanceId: string | null;

  @ManyToOne('ClaimAppearance', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appearance_id' })
  appearance?: unknown;

  @Index('claim_match_texts_translation_key', { unique: true })
  @Column('uuid', { name: 'translation_id', nullable: true })
  translationId: string | null;

  @ManyToOne('ClaimTranslation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'translation_id' })
  translation?: unknown;

  @Column('text', { nullable: true })
  language: string | null;

  /** normalizeForSearch(text). */
  @Column('text')
  key: string;

  /** linking_tsvector(language, key): stemmed with the arabic/english configuration, else simple. */
  @Column('tsvector')
  tsv: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
