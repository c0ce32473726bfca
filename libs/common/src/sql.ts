import { Keyset } from './pagination';

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Most words a text search looks for; the rest of a pasted paragraph adds cost, not precision. */
export const MAX_SEARCH_WORDS = 12;

/**
 * A SQL condition that `column` (a normalised search key) contains every word of `searchKey`, in
 * any order, with its parameters. Each word is a LIKE '%word%' that a pg_trgm index can serve;
 * Arabic prefixes (و، ال، لـ) stay matched because a word matches inside a longer one.
 */
export function containsAllWords(
  column: string,
  searchKey: string,
  parameterPrefix: string,
): { sql: string; parameters: Record<string, string> } {
  const parameters: Record<string, string> = {};
  const sql = allWordsCondition(column, searchKey, (pattern) => {
    const name = `${parameterPrefix}${Object.keys(parameters).length}`;
    parameters[name] = pattern;
    return `:${name}`;
  });
  return { sql, parameters };
}

/**
 * The condition of containsAllWords for a statement written by hand: `parameter` takes each LIKE
 * pattern and returns its placeholder (`$3`).
 */
export function allWordsCondition(column: string, searchKey: string, parameter: (pattern: string) => string): string {
  const words = [...new Set(searchKey.split(' ').filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
  return words.map((word) => `${column} LIKE ${parameter(`%${escapeLike(word)}%`)}`).join(' AND ') || 'FALSE';
}

/** True for PostgreSQL's unique_violation, optionally on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? error;
  const { code, constraint: name } = (driverError ?? {}) as { code?: string; constraint?: string };
  return code === '23505' && (!constraint || name === constraint);
}

/** Where a parent's children live and the keyset order their pages follow (names from code, never from input). */
export interface ChildPageSpec {
  table: string;
  parentColumn: string;
  sortColumn: string;
  order: 'ASC' | 'DESC';
}

/**
 * The ids on one page of children for each of several parents (the first `first + 1` after the
 * cursor, by `sortColumn` then id), in one statement: the batch behind each "a page of X for every
 * Y" DataLoader. Callers load the rows and cut the pages with toConnection.
 */
export async function childPageIds(
  db: { query(sql: string, parameters: unknown[]): Promise<{ id: string }[]> },
  { table, parentColumn, sortColumn, order }: ChildPageSpec,
  parentIds: readonly string[],
  first: number,
  after: Keyset | null,
): Promise<string[]> {
  if (!parentIds.length) return [];
  const past = order === 'DESC' ? '<' : '>';
  const rows = await db.query(
    `SELECT id FROM (
       SELECT c.id, row_number() OVER (PARTITION BY c.${parentColumn} ORDER BY c.${sortColumn} ${order}, c.id ${order}) AS rank
         FROM ${table} c
        WHERE c.${parentColumn} = ANY($1::uuid[]) ${after ? `AND (c.${sortColumn}, c.id) ${past} ($3::timestamptz, $4::uuid)` : ''}
     ) ranked WHERE rank <= $2`,
    after ? [[...parentIds], first + 1, after.value, after.id] : [[...parentIds], first + 1],
  );
  return rows.map((row) => row.id);
}

/**
 * Holds a transaction-scoped advisory lock on `key` until the transaction ends: two transactions
 * doing check-then-insert on the same key run one after the other, so neither inserts a duplicate.
 */
export async function lockForTransaction(manager: { query(sql: string, parameters?: unknown[]): Promise<unknown> }, key: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}
