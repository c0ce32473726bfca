import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * In how many articles a sampled shingle occurs: shingles that occur in many (an outlet's footer,
 * "تابعونا على تلغرام", stock phrases) are left out of republication candidates and comparisons.
 */
@Entity('shingle_document_frequencies')
export class ShingleDocumentFrequency {
  @PrimaryColumn('int')
  hash: number;

  @Column('int')
  documents: number;
}
