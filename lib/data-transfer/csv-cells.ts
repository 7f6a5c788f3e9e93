// docs/data-formats.md "CSV": a spreadsheet opening an exported file must not
// run what a company name or a note says. OWASP "CSV Injection": a cell that
// starts with one of these is read as a formula (=HYPERLINK(...) sends a click,
// with the sheet's data in its URL, wherever the text says), so it is prefixed
// with a single quote, which spreadsheets show as text and do not evaluate.
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function escapeFormulaCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value;
}

export type CsvCell = string | number | boolean | Date | null | undefined;

/** A row's cells as CSV text cells: dates as ISO 8601, empty for none, text escaped. */
export function toCsvCells(cells: CsvCell[]): string[] {
  return cells.map((cell) => {
    if (cell === null || cell === undefined) return "";
    if (cell instanceof Date) return cell.toISOString();
    if (typeof cell === "string") return escapeFormulaCell(cell);
    return String(cell);
  });
}
