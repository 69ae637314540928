/**
 * CSV cells and rows (RFC 4180), shared by the resource library's export and the CRM export. Every file written here
 * is opened in spreadsheets, so cells a spreadsheet would run as a formula are neutralised on the way out.
 */

// Spreadsheets run a cell starting with these as a formula (CSV injection); tab and CR too, per OWASP.
const FORMULA_START = /^[=+\-@\t\r]/;
// A cell that export prefixed with `'` (possibly a value that itself began with quotes before a formula char).
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * One CSV cell: prefixed with `'` when a spreadsheet would run it as a formula (or when it already starts with
 * `'`+formula character, so an import can undo exactly one `'`), then quoted per RFC 4180 when needed.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) || ESCAPED_FORMULA.test(value) ? `'${value}` : value;
  // Semicolons and tabs are quoted too: a spreadsheet set to a semicolon list separator (much of Europe) splits an
  // unquoted `Eve;=1+1` into cells, and runs the second; inside quotes it stays one cell that is no formula.
  return /[",;\t\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undoes `csvCell`'s formula neutralising: `'=SUM(A1)` reads back as `=SUM(A1)`. */
export function uncsvCell(value: string): string {
  return ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
}

/** One CSV record: cells neutralised, quoted and joined with commas (no line end). */
export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole CSV text: header then records, each ended by CRLF as RFC 4180 says. No BOM (the download adds one). */
export function csvText(header: readonly string[], records: Iterable<readonly string[]>): string {
  const lines = [csvRow(header)];
  for (const r of records) lines.push(csvRow(r));
  return `${lines.join('\r\n')}\r\n`;
}
