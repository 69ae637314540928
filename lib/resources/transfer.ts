/**
 * Import and export of the resource library as JSON (`{ version: 1, resources: [...] }`) and CSV
 * (`title,url,summary,tags,kind`, RFC 4180). Pure: the options page reads the file and writes the result.
 *
 * Files come from anywhere (a colleague's spreadsheet, a hand-edited export), so importing never throws: every
 * row that cannot become a resource is reported with its row number and the rest still import; a file that is no
 * resource list at all (no title column, another kind of JSON, a full backup) gets one problem that says so.
 * Exported CSV is opened in spreadsheets, so cells that a spreadsheet would run as a formula are neutralised.
 */
import type { Resource } from '../replies/types';
import { csvCell, uncsvCell as uncell } from '../csv';
import { normalizeDraft, type ResourceDraft } from './model';

// The cell writer moved to lib/csv.ts (the CRM export shares it); re-exported for existing importers.
export { csvCell };

/** The JSON format's version; bumped only if the shape of a resource in the file changes. */
export const EXPORT_VERSION = 1;

/** CSV columns, in the order export writes them (import accepts any order). */
export const CSV_COLUMNS = ['title', 'url', 'summary', 'tags', 'kind'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Files larger than this many rows are cut: a library is dozens of resources, not a database dump. */
export const MAX_IMPORT_ROWS = 5000;

// Said in the rep's words, with what does import: the shape the parser expected means nothing to them.
/** The problem (row 0) for a file that is no resource list at all. */
export const NOT_A_RESOURCE_FILE =
  "this isn't a Resourceful resource file. Use a file made with Export JSON or Export CSV, or a CSV whose first row names a title column";

/** The problem reported for a full backup picked here: it holds resources, but belongs to "Backup and restore". */
export const A_BACKUP_FILE = 'this is a full Resourceful backup, not a resource file. Restore it under “Backup and restore”, or use a file made with Export JSON';

/**
 * One problem with an imported file. `row` is the spreadsheet row for CSV (the header is row 1), the 1-based
 * position in `resources` for JSON, and 0 for the file as a whole. Warnings (the row still imported) are here too.
 */
export interface ImportError {
  row: number;
  message: string;
}

/** What an import produced: the resources it could read, and what went wrong with the rest. */
export interface ImportResult {
  resources: ResourceDraft[];
  errors: ImportError[];
}

const BOM = '\uFEFF';

function contentOf(r: ResourceDraft | Resource): ResourceDraft {
  return { title: r.title, url: r.url, summary: r.summary, tags: [...r.tags], kind: r.kind };
}

// ---------------------------------------------------------------- JSON

/** The library as pretty-printed JSON. Ids and dates are left out: they mean nothing in another browser. */
export function exportJson(resources: readonly (ResourceDraft | Resource)[]): string {
  return `${JSON.stringify({ version: EXPORT_VERSION, resources: resources.map(contentOf) }, null, 2)}\n`;
}

/** Reads a JSON export (or a bare array of resources). */
export function importJson(text: string): ImportResult {
  try {
    return importJsonUnsafe(text);
  } catch (e) {
    return { resources: [], errors: [{ row: 0, message: `could not read the file (${e instanceof Error ? e.message : String(e)})` }] };
  }
}

function importJsonUnsafe(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch {
    return { resources: [], errors: [{ row: 0, message: 'the file is not valid JSON' }] };
  }
  if (isBackup(data)) return { resources: [], errors: [{ row: 0, message: A_BACKUP_FILE }] };
  let items: unknown[];
  if (Array.isArray(data)) items = data;
  else if (data && typeof data === 'object' && Array.isArray((data as { resources?: unknown }).resources)) {
    const version = (data as { version?: unknown }).version;
    if (version !== undefined && version !== EXPORT_VERSION) {
      return { resources: [], errors: [{ row: 0, message: `unsupported file version ${JSON.stringify(version)} (expected ${EXPORT_VERSION})` }] };
    }
    items = (data as { resources: unknown[] }).resources;
  } else {
    return { resources: [], errors: [{ row: 0, message: NOT_A_RESOURCE_FILE }] };
  }
  // A list in which nothing even has a title (numbers, another tool's records) is some other file, not a library
  // with bad rows: one sentence says so instead of a problem per entry.
  if (items.length > 0 && !items.some(hasTitleKey)) return { resources: [], errors: [{ row: 0, message: NOT_A_RESOURCE_FILE }] };
  const errors: ImportError[] = [];
  if (items.length > MAX_IMPORT_ROWS) {
    errors.push({ row: 0, message: `only the first ${MAX_IMPORT_ROWS} of ${items.length} resources were read` });
    items = items.slice(0, MAX_IMPORT_ROWS);
  }
  const resources: ResourceDraft[] = [];
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ row: i + 1, message: 'not a resource (expected an object with a title)' });
      return;
    }
    const result = normalizeDraft(item);
    if (!result.ok) errors.push({ row: i + 1, message: result.message });
    else {
      resources.push(result.draft);
      for (const w of result.warnings) errors.push({ row: i + 1, message: w });
    }
  });
  return { resources, errors };
}

function hasTitleKey(item: unknown): boolean {
  return !!item && typeof item === 'object' && !Array.isArray(item) && 'title' in item;
}

// Matched by its `format` value (BACKUP_FORMAT in lib/backup/format.ts), not imported: that module brings the backup
// row parsers along, which a resource file never needs. The unit test checks the two agree.
function isBackup(data: unknown): boolean {
  return !!data && typeof data === 'object' && (data as { format?: unknown }).format === 'resourceful-backup';
}

// ---------------------------------------------------------------- CSV

/** The library as CSV: header row, CRLF line ends, tags joined with `;`. No BOM (the download adds one for Excel). */
export function exportCsv(resources: readonly (ResourceDraft | Resource)[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of resources) {
    const cells: Record<Column, string> = { title: r.title, url: r.url ?? '', summary: r.summary, tags: r.tags.join(';'), kind: r.kind };
    lines.push(CSV_COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One CSV record and the row it starts on (1-based; a quoted cell with line breaks is still one row). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/**
 * Splits CSV text into records (RFC 4180, leniently): quoted fields may hold commas, doubled quotes and line
 * breaks; CRLF, LF and lone CR all end a row; a BOM is ignored; a quote inside an unquoted field is kept as text.
 * An unterminated quote is reported (`error`) and the records before it are still returned.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error: ImportError | null } {
  const src = stripBom(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let atFieldStart = true;
  let inQuotes = false;
  let row = 1;
  let quoteRow = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push({ row, fields });
    fields = [];
    row = records.length + 1;
  };
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i];
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 1;
        } else inQuotes = false;
      } else field += c;
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      quoteRow = row;
    } else if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (inQuotes) return { records, error: { row: quoteRow, message: 'a quoted cell is never closed (a " is missing); this row and everything after it were not read' } };
  // The last row may lack a line break; a file ending in one has no extra empty row.
  if (fields.length > 0 || field !== '' || !atFieldStart) endRecord();
  return { records, error: null };
}

// Other names spreadsheets commonly give these columns.
const HEADER_ALIASES: Record<string, Column> = {
  title: 'title',
  name: 'title',
  url: 'url',
  link: 'url',
  summary: 'summary',
  description: 'summary',
  tags: 'tags',
  tag: 'tags',
  kind: 'kind',
  type: 'kind',
};

/**
 * Reads CSV with a header row naming the columns in any order (`title` is required; `url`, `summary`, `tags`
 * separated by `;`, and `kind` are optional). Unknown kinds import as `article` with a warning.
 */
export function importCsv(text: string): ImportResult {
  try {
    return importCsvUnsafe(text);
  } catch (e) {
    return { resources: [], errors: [{ row: 0, message: `could not read the file (${e instanceof Error ? e.message : String(e)})` }] };
  }
}

function isBlank(r: CsvRecord): boolean {
  return r.fields.every((f) => f.trim() === '');
}

function importCsvUnsafe(text: string): ImportResult {
  const { records, error } = parseCsv(text);
  const errors: ImportError[] = [];
  const header = records.find((r) => !isBlank(r));
  if (!header) {
    if (error) errors.push(error);
    else errors.push({ row: 0, message: 'the file is empty' });
    return { resources: [], errors };
  }
  const columns = new Map<Column, number>();
  header.fields.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    const col = HEADER_ALIASES[key];
    if (col && !columns.has(col)) columns.set(col, i);
    else if (key && !col) errors.push({ row: header.row, message: `ignored unknown column "${name.trim().slice(0, 40)}"` });
  });
  const titleAt = columns.get('title');
  if (titleAt === undefined) {
    // The whole file, not its first row, is the problem: a spreadsheet of something else, or a list with no header.
    return { resources: [], errors: [{ row: 0, message: NOT_A_RESOURCE_FILE }] };
  }
  const resources: ResourceDraft[] = [];
  let data = records.filter((r) => r.row > header.row && !isBlank(r));
  if (data.length > MAX_IMPORT_ROWS) {
    errors.push({ row: 0, message: `only the first ${MAX_IMPORT_ROWS} of ${data.length} rows were read` });
    data = data.slice(0, MAX_IMPORT_ROWS);
  }
  for (const rec of data) {
    const cell = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? '' : uncell(rec.fields[i] ?? '');
    };
    const result = normalizeDraft({ title: cell('title'), url: cell('url'), summary: cell('summary'), tags: cell('tags').split(';'), kind: cell('kind') });
    if (!result.ok) errors.push({ row: rec.row, message: result.message });
    else {
      resources.push(result.draft);
      for (const w of result.warnings) errors.push({ row: rec.row, message: w });
    }
  }
  if (error) errors.push(error);
  return { resources, errors };
}

// ---------------------------------------------------------------- files

/** The format of a file, by its extension, else by its first character (`{` or `[` is JSON). */
export function detectFormat(fileName: string, text: string): 'json' | 'csv' {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  return /^\s*[[{]/.test(stripBom(text)) ? 'json' : 'csv';
}

/** Imports a file the rep picked, JSON or CSV. Never throws. */
export function importFile(fileName: string, text: string): ImportResult {
  return detectFormat(fileName, text) === 'json' ? importJson(text) : importCsv(text);
}

/** A file name for an export made at `now`, e.g. `resourceful-resources-2026-11-23.csv` (local date). */
export function exportFileName(format: 'json' | 'csv', now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `resourceful-resources-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${format}`;
}

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}
