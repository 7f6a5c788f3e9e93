import { sql } from "drizzle-orm";

/**
 * A LIMIT written into a prepared statement's text instead of sent as a
 * parameter. PostgreSQL plans a prepared statement once for all values only
 * when that plan costs no more than one made for the values at hand; with the
 * limit unknown it assumes a tenth of the rows, so a statement asking for a
 * few rows was planned anew on every execution (docs/performance.md).
 * drizzle's limit() types a number or a placeholder; it renders any SQL there.
 */
export function literalLimit(rows: number): number {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`a limit is a whole number of rows, not ${rows}`);
  return sql.raw(String(rows)) as unknown as number;
}
