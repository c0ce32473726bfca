import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata.js';

const readers = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, EntityRows<ObjectLiteral>>>();

/**
 * Batched reads of one entity by a key column ("the appearances with these ids", "the hops of these
 * appearances"), hydrated into the same entity instances a repository's `findBy` returns.
 *
 * DataLoaders call these for every field of every page; a repository builds and rewrites its SQL
 * from metadata on each call, which cost more CPU than the statement itself on PostgreSQL. Here the
 * select list is worked out once per entity, and rows go through the driver's own conversions
 * (`prepareHydratedValue`: dates, enums, arrays, transformers) as in TypeORM's own transformer.
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly columns: readonly ColumnMetadata[];
  /** Per column: the driver would return a selected value unchanged (see hydratesAsIs). */
  private readonly asIs: readonly boolean[];
  /** Per column: the property it is written to, or null where setEntityValue does more than assign. */
  private readonly properties: readonly (string | null)[];
  /** Per alias: the row keys of the columns, `<alias>_<column>`, built once rather than per row. */
  private readonly keys = new Map<string, readonly string[]>();
  private readonly selectFrom: string;
  /** The entity's table, schema-qualified and quoted, for statements written by hand. */
  readonly table: string;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly metadata: EntityMetadata,
  ) {
    this.columns = metadata.columns.filter((column) => !column.isVirtual && !column.isVirtualProperty && !column.relationMetadata?.isOneToMany);
    this.asIs = this.columns.map((column) => hydratesAsIs(dataSource, column));
    this.properties = this.columns.map((column) => (column.embeddedMetadata ? null : column.propertyName));
    this.table = metadata.tablePath.split('.').map((name) => this.escape(name)).join('.');
    this.selectFrom = `SELECT ${this.select('t')} FROM ${this.table} t`;
  }

  /** The select list of every column under `alias`, each named `<alias>_<column>` so joined entities can share a row. */
  select(alias: string): string {
    return this.columns.map((column) => `${alias}.${this.escape(column.databaseName)} AS ${this.escape(`${alias}_${column.databaseName}`)}`).join(', ');
  }

  /** The entity in a row selected with `select(alias)`. */
  fromRow(row: Record<string, unknown>, alias: string): T {
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as T;
    const keys = this.keysOf(alias);
    const { driver } = this.dataSource;
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i];
      const value = this.asIs[i] ? row[keys[i]] : driver.prepareHydratedValue(row[keys[i]], column);
      const property = this.properties[i];
      if (property === null) column.setEntityValue(entity, value);
      else (entity as Record<string, unknown>)[property] = value;
    }
    return entity;
  }

  private keysOf(alias: string): readonly string[] {
    let keys = this.keys.get(alias);
    if (!keys) this.keys.set(alias, (keys = this.columns.map((column) => `${alias}_${column.databaseName}`)));
    return keys;
  }

  /** The reader of `target` on `dataSource`, made once. */
  static of<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>): EntityRows<T> {
    let byTarget = readers.get(dataSource);
    if (!byTarget) readers.set(dataSource, (byTarget = new Map()));
    let reader = byTarget.get(target);
    if (!reader) byTarget.set(target, (reader = new EntityRows(dataSource, dataSource.getMetadata(target))));
    return reader as unknown as EntityRows<T>;
  }

  /** The rows whose `key` is one of `values`, ordered by `orderBy` (properties, ascending) or unordered. */
  async whereIn(key: keyof T & string, values: readonly unknown[], orderBy: readonly (keyof T & string)[] = []): Promise<T[]> {
    if (!values.length) return [];
    const column = this.column(key);
    const cast = typeof column.type === 'string' && column.type === 'uuid' ? '::uuid[]' : '';
    const order = orderBy.length ? ` ORDER BY ${orderBy.map((property) => `t.${this.escape(this.column(property).databaseName)}`).join(', ')}` : '';
    return this.selectWhere(`WHERE t.${this.escape(column.databaseName)} = ANY($1${cast})${order}`, [[...values]]);
  }

  /**
   * The rows of a statement written by hand after `SELECT <every column> FROM <table> t`: its
   * `WHERE … ORDER BY … LIMIT …`, with positional parameters.
   */
  async selectWhere(tail: string, parameters: readonly unknown[]): Promise<T[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`${this.selectFrom} ${tail}`, [...parameters]);
    return rows.map((row) => this.fromRow(row, 't'));
  }

  private escape(name: string): string {
    return this.dataSource.driver.escape(name);
  }

  private column(property: string): ColumnMetadata {
    const column = this.columns.find((candidate) => candidate.propertyPath === property);
    if (!column) throw new Error(`${this.metadata.name} has no column for ${property}`);
    return column;
  }
}

/**
 * Column types PostgresDriver.prepareHydratedValue converts (TypeORM 1.x): a column of any other
 * type and without a transformer comes back from it exactly as selected.
 */
const CONVERTED_TYPES = new Set<unknown>([
  Boolean,
  Date,
  Number,
  'datetime',
  'timestamp',
  'timestamptz',
  'timestamp with time zone',
  'timestamp without time zone',
  'date',
  'time',
  'vector',
  'halfvec',
  'hstore',
  'simple-array',
  'simple-json',
  'cube',
  'enum',
  'simple-enum',
]);

/** True when the driver's hydration would return this column's values unchanged, so fromRow may skip the call. */
function hydratesAsIs(dataSource: DataSource, column: ColumnMetadata): boolean {
  // Another driver (or a TypeORM whose PostgresDriver converts differently) keeps the call.
  if (dataSource.driver.prepareHydratedValue !== PostgresDriver.prototype.prepareHydratedValue) return false;
  return !column.transformer && !CONVERTED_TYPES.has(column.type);
}
