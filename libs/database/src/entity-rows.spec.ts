import 'reflect-metadata';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EntityRows } from './entity-rows';

enum Rating {
  FALSE = 'FALSE',
  TRUE = 'TRUE',
}

class Window {
  @Column({ type: 'int', name: 'window_start' })
  start!: number;
}

/** A column of each kind the API's entities use, plus a transformer and an embedded one. */
@Entity('hydration_sample')
class HydrationSample {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  statement!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz' })
  capturedAt!: Date;

  @Column({ type: 'boolean' })
  checked!: boolean;

  @Column({ type: 'enum', enum: Rating })
  rating!: Rating;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'jsonb' })
  selector!: Record<string, unknown>;

  @Column({ type: 'text', array: true })
  tags!: string[];

  @Column({ type: 'text', transformer: { from: (value: string | null) => value?.toUpperCase() ?? 'NONE', to: (value: string) => value } })
  shout!: string;

  @Column(() => Window)
  window!: Window;
}

describe('EntityRows', () => {
  const dataSource = new DataSource({ type: 'postgres', entities: [HydrationSample] });
  // The metadata alone: nothing here talks to a database.
  beforeAll(() => (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas());

  /** What TypeORM's own transformer makes of the same row (every column through the driver). */
  function hydratedByTypeORM(row: Record<string, unknown>, alias: string): HydrationSample {
    const metadata = dataSource.getMetadata(HydrationSample);
    const entity = metadata.create(undefined, { fromDeserializer: true }) as HydrationSample;
    for (const column of metadata.columns) {
      column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[`${alias}_${column.databaseName}`], column));
    }
    return entity;
  }

  it('hydrates a row into the entity TypeORM would make of it, under any alias', () => {
    const rows = EntityRows.of(dataSource, HydrationSample);
    for (const alias of ['t', 'm']) {
      const row = {
        [`${alias}_id`]: '7d3c1a52-1f0e-4b8e-9a47-2f7f3c1d9b10',
        [`${alias}_statement`]: 'أصيب ثلاثة جنود قرب دير الزور',
        [`${alias}_note`]: null,
        [`${alias}_capturedAt`]: '2026-11-30 23:59:40.123+00',
        [`${alias}_checked`]: true,
        [`${alias}_rating`]: 'FALSE',
        [`${alias}_position`]: 2,
        [`${alias}_selector`]: { exact: 'مصدر مطلع' },
        [`${alias}_tags`]: ['دير الزور'],
        [`${alias}_shout`]: null,
        [`${alias}_windowWindow_start`]: 4,
      };
      const entity = rows.fromRow(row, alias);
      expect(entity).toBeInstanceOf(HydrationSample);
      expect(entity).toEqual(hydratedByTypeORM(row, alias));
      expect(entity.capturedAt).toEqual(new Date('2026-11-30T23:59:40.123Z'));
      expect(entity.shout).toBe('NONE');
      expect(entity.window).toEqual({ start: 4 });
    }
  });
});
