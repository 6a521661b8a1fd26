/**
 * A PostgreSQL array literal for one bound parameter (`?::text[]`, `?::bigint[]`), so a list of thousands of
 * values reaches a set-based statement as a few parameters — parsed by PostgreSQL far faster than the same rows as
 * JSON (json_to_recordset). Knex would spread a JavaScript array into one placeholder per element; a literal is
 * one string. Every text element is quoted, backslashes and double quotes escaped; null and undefined are NULL.
 */
export function sqlArray(values: ReadonlyArray<string | number | null | undefined>): string {
  return `{${values.map(sqlArrayElement).join(',')}}`;
}

function sqlArrayElement(value: string | number | null | undefined): string {
  if (value === null || value === undefined) {
    return 'NULL';
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error(`not a finite number for an SQL array: ${value}`);
    }
    return String(value);
  }
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}
