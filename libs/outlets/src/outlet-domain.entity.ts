import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Outlet } from './outlet.entity';

/** A host name that belongs to one outlet; articles captured from it are filed under that outlet. */
@Entity('outlet_domains')
export class OutletDomain {
  /** Lower-case host without a leading "www.", e.g. "arabic.sputniknews.com". */
  @PrimaryColumn('text')
  domain: string;

  @Index('outlet_domains_outlet_id_idx')
  @Column('uuid', { name: 'outlet_id' })
  outletId: string;

  @ManyToOne('Outlet', 'domainRows', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outlet_id' })
  outlet: Outlet;
}
