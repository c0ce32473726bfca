import { DataSource } from 'typeorm';
import { prepareDataSource } from '../data-source-options';

// Two fact-checkers saving at once on the embedded database must not see, or undo, each other's
// unfinished work: PGlite is one backend, so the pool hands it to one transaction at a time.
describe('the PGlite pool', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const prepared = await prepareDataSource({ kind: 'pglite', dataDir: null, logging: false });
    close = prepared.close;
    dataSource = await new DataSource({ ...prepared.options, migrations: [] }).initialize();
    await dataSource.query('CREATE TABLE notes (body text NOT NULL)');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await close?.();
  });

  it('keeps a transaction that rolls back from leaking into one running beside it', async () => {
    let releaseFirst!: () => void;
    const firstMayFinish = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstInserted!: () => void;
    const insertedByFirst = new Promise<void>((resolve) => (firstInserted = resolve));

    const first = dataSource
      .transaction(async (manager) => {
        await manager.query(`INSERT INTO notes (body) VALUES ('مسودة لم تحفظ')`);
        firstInserted();
        await firstMayFinish;
        throw new Error('the annotator cancelled');
      })
      .catch((error: Error) => error.message);

    await insertedByFirst;
    const second = dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO notes (body) VALUES ('ملاحظة محفوظة')`);
      return manager.query('SELECT body FROM notes ORDER BY body');
    });
    releaseFirst();

    expect(await first).toBe('the annotator cancelled');
    expect(await second).toEqual([{ body: 'ملاحظة محفوظة' }]);
    expect(await dataSource.query('SELECT body FROM notes')).toEqual([{ body: 'ملاحظة محفوظة' }]);
  });

  it('reports affected rows the way node-postgres does', async () => {
    const result = await dataSource.createQueryBuilder().update('notes').set({ body: 'ملاحظة معدلة' }).execute();
    expect(result.affected).toBe(1);
  });
});
