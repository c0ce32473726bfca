// The row-level half of the audit trail (the mutation half is libs/audit). A trigger on each
// audited table copies every INSERT, UPDATE and DELETE into audit_changes, so writes are recorded
// whatever made them: TypeORM save, a query builder, raw SQL or a psql session. The audit context
// (which mutation, which member) is read from the transaction-local setting `isnad.audit`, which
// libs/audit sets at the start of each transaction run for a mutation.

/** Columns never copied into audit_changes from any table, whatever the trigger's arguments say. */
export const ALWAYS_HIDDEN_COLUMNS = ['secret', 'token_hash', 'password_hash'];

/**
 * The trigger function, created by the AuditTrail migration. Arguments: the column that identifies
 * the row, then the columns to leave out of `before` and `after` (secrets, or bulky text kept
 * elsewhere). Left-out columns are blanked before the row becomes JSON, so a 5 MB article text is
 * never converted (tables with no such argument skip that step: it costs a little on every row). An UPDATE that changes nothing is not recorded; one that changes only left-out
 * columns is, with those columns shown as "[redacted]" before and "[redacted, changed]" after.
 */
export const AUDIT_FUNCTION_SQL = `
CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $audit$
DECLARE
  context jsonb := nullif(current_setting('isnad.audit', true), '')::jsonb;
  hidden text[] := TG_ARGV[1:TG_NARGS - 1] || ARRAY['${ALWAYS_HIDDEN_COLUMNS.join("', '")}'];
  blanks jsonb;
  old_row jsonb;
  new_row jsonb;
  column_name text;
BEGIN
  IF TG_NARGS > 1 THEN
    SELECT jsonb_object_agg(name, NULL) INTO blanks FROM unnest(hidden) AS name;
    IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(jsonb_populate_record(OLD, blanks)) - hidden; END IF;
    IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(jsonb_populate_record(NEW, blanks)) - hidden; END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - hidden; END IF;
    IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - hidden; END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND old_row = new_row THEN
    FOREACH column_name IN ARRAY hidden LOOP
      IF to_jsonb(OLD) -> column_name IS DISTINCT FROM to_jsonb(NEW) -> column_name THEN
        old_row := old_row || jsonb_build_object(column_name, '[redacted]');
        new_row := new_row || jsonb_build_object(column_name, '[redacted, changed]');
      END IF;
    END LOOP;
    IF old_row = new_row THEN RETURN NULL; END IF;
  END IF;
  INSERT INTO audit_changes (audit_entry_id, actor_member_id, table_name, operation, row_id, before, after)
  VALUES ((context ->> 'entryId')::uuid, (context ->> 'memberId')::uuid, TG_TABLE_NAME, TG_OP,
          coalesce(new_row, old_row) ->> TG_ARGV[0], old_row, new_row);
  RETURN NULL;
END
$audit$`;

export const DROP_AUDIT_FUNCTION_SQL = 'DROP FUNCTION audit_row_change()';

/** How the trigger names a row and what it leaves out of a table's snapshots. */
export interface AuditedTable {
  table: string;
  /** The column whose value is `row_id` (default `id`). */
  rowId?: string;
  /** Columns left out of `before`/`after`: secrets, or bulky text kept in the row itself. */
  hidden?: string[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain lower-case SQL identifier: "${name}"`);
  return name;
}

/**
 * The CREATE TRIGGER statement that puts a table under the audit trail; run it in the migration
 * that creates the table, e.g. `await queryRunner.query(auditTriggerSql({ table: 'api_tokens', hidden: ['token_hash'] }))`.
 */
export function auditTriggerSql({ table, rowId = 'id', hidden = [] }: AuditedTable): string {
  const args = [rowId, ...hidden].map((column) => `'${identifier(column)}'`).join(', ');
  return `CREATE TRIGGER "${identifier(table)}_audit" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_row_change(${args})`;
}

/** Undoes auditTriggerSql, for the migration's down(). */
export function dropAuditTriggerSql({ table }: Pick<AuditedTable, 'table'>): string {
  return `DROP TRIGGER "${identifier(table)}_audit" ON "${table}"`;
}
