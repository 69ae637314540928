/**
 * Reading a backup file, row by row as it streams in: only one row's text is held at a time, never the whole file
 * as one string, and every row is checked against its table's schema before anything is written.
 *
 * A file the rep picks is read twice and never held: `checkBackupFile` streams it once to check everything and keeps
 * only its header (memory does not grow with the file), then `restoreBackup` reads it again, a slice at a time,
 * inside its transaction (`streamCheckedRows`). `readBackup` keeps every checked row in memory instead: for text
 * already in memory (tests, small files). Any formatting of the JSON is accepted (a file pretty-printed by an editor still reads); the rows are
 * found by a small scanner and parsed by the engine's own JSON.parse.
 *
 * Every failure is a `BackupError` whose message names what is wrong (not JSON, JSON but not a backup, cut short,
 * from a newer version, a bad row, counts that do not add up) and says that nothing was changed.
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  CURRENT_SCHEMA_VERSION,
  OLDEST_RESTORABLE_SCHEMA_VERSION,
  TABLES,
  TABLE_WORDS,
  countOf,
  parseRow,
  zeroCounts,
  type BackupErrorCode,
  type Counts,
  type TableName,
} from './format';
import { pageEntries, pageEntriesValid, pageProblem, pageSize, type HistoryPage } from './pages';

/** A backup that passed every check: its rows, ready to restore. */
export interface ParsedBackup {
  exportedAt: string | null;
  schemaVersion: number;
  counts: Counts;
  tables: Record<TableName, Record<string, unknown>[]>;
  /** Rows the backup set aside when it was made (they failed their schema then); never restored. */
  invalidRows: number;
}

/**
 * A backup file that passed every check, holding no rows: `restoreBackup` reads them from `file` again. The file is
 * a snapshot (a `File` the page was given cannot change under it: the browser fails the read instead).
 */
export interface CheckedBackup {
  exportedAt: string | null;
  schemaVersion: number;
  counts: Counts;
  /** Rows the backup set aside when it was made; never restored. */
  invalidRows: number;
  file: Blob;
  /**
   * Tables whose every row passed its schema unchanged (no unknown field dropped, nothing filled in): the restore
   * stores those rows as JSON.parse gives them, without checking them a second time.
   */
  asRead: Record<TableName, boolean>;
}

const NOTHING_CHANGED = 'Nothing was changed.';

function fail(code: BackupErrorCode, message: string): never {
  throw new BackupError(code, `${message} ${NOTHING_CHANGED}`);
}

/** Characters one JSON value of a backup may have (a history page of the most entries a bucket holds is ~2 MB). */
export const MAX_VALUE_CHARS = 32 * 1024 * 1024;

/** Thrown by the scanner when the text ends inside a value; turned into a `truncated` error with context. */
class EndOfInput extends Error {}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE_OR_BACKSLASH = /["\\]/g;

/** A JSON value's raw text and the line it starts on; `parsed` when it was parsed already (`Input.lineObject`). */
type Value = { raw: string; line: number; parsed?: unknown };

/** Text arriving in chunks, consumed from the front; counts lines so errors can say where. */
class Input {
  buf = '';
  i = 0;
  /** Line (0-based) of buf[lineFrom]. */
  private line = 0;
  private lineFrom = 0;
  private ended = false;
  constructor(private readonly chunks: AsyncIterator<string>) {}

  /** Appends the next chunk, dropping what was consumed. False at the end of the input. */
  async more(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.lineHere();
    this.buf = this.buf.slice(this.i) + next.value;
    this.lineFrom -= this.i;
    this.i = 0;
    return true;
  }

  /** The 1-based line of the read position (counted incrementally: each character is looked at once). */
  lineHere(at = this.i): number {
    let k = this.buf.indexOf('\n', this.lineFrom);
    while (k !== -1 && k < at) {
      this.line += 1;
      k = this.buf.indexOf('\n', k + 1);
    }
    this.lineFrom = Math.max(this.lineFrom, at);
    return this.line + 1;
  }

  /** Skips whitespace; the next character, or null at the end of the input. */
  async peek(): Promise<string | null> {
    for (;;) {
      while (this.i < this.buf.length && WS.has(this.buf.charCodeAt(this.i))) this.i += 1;
      if (this.i < this.buf.length) return this.buf[this.i]!;
      if (!(await this.more())) return null;
    }
  }

  /**
   * The raw text of the JSON value that starts here (object, array, string or literal), consumed. Only its extent
   * is found here (strings, escapes and nesting); JSON.parse judges the rest.
   */
  async value(): Promise<Value> {
    const c = await this.peek();
    if (c === null) throw new EndOfInput();
    const line = this.lineHere();
    if (c === '{') {
      const row = this.lineObject(line);
      if (row) return row;
    }
    const kind = c === '{' || c === '[' ? 'container' : c === '"' ? 'string' : 'literal';
    const pieces: string[] = [];
    let held = 0;
    let start = this.i;
    let j = this.i;
    let depth = 0;
    let inString = false;
    let escaped = false;
    for (;;) {
      const buf = this.buf;
      const len = buf.length;
      while (j < len) {
        if (inString) {
          if (escaped) {
            j += 1;
            escaped = false;
            continue;
          }
          QUOTE_OR_BACKSLASH.lastIndex = j;
          const m = QUOTE_OR_BACKSLASH.exec(buf);
          if (!m) {
            j = len;
            break;
          }
          j = m.index + 1;
          if (m[0] === '\\') escaped = true;
          else {
            inString = false;
            if (kind === 'string') return this.take(pieces, start, j, line);
          }
          continue;
        }
        const ch = buf.charCodeAt(j);
        if (kind === 'literal') {
          // A number, true, false or null ends at the next delimiter.
          if (ch === 0x2c || ch === 0x5d || ch === 0x7d || WS.has(ch)) return this.take(pieces, start, j, line);
          j += 1;
          continue;
        }
        j += 1;
        if (ch === 0x22) inString = true;
        else if (ch === 0x7b || ch === 0x5b) depth += 1;
        else if (ch === 0x7d || ch === 0x5d) {
          depth -= 1;
          if (depth === 0) return this.take(pieces, start, j, line);
        }
      }
      // The value goes on in the next chunk: keep what was seen, read on (up to a bound: one value of a crafted file
      // must not fill memory; the largest a backup writes, a history page, is about 2 MB).
      pieces.push(buf.slice(start));
      held += len - start;
      if (held > MAX_VALUE_CHARS) throw new SyntaxProblem(`a value longer than ${MAX_VALUE_CHARS.toLocaleString('en-US')} characters, more than any backup row holds`, line);
      this.i = len;
      if (!(await this.more())) {
        // The input ended: a literal (a bare number) is complete; anything else was cut off.
        if (kind === 'literal') return this.take(pieces, this.buf.length, this.buf.length, line);
        throw new EndOfInput();
      }
      start = 0;
      j = 0;
    }
  }

  /**
   * The writer's layout, one row per line: the object that ends at the line's last `}`, parsed once. If that text is
   * one complete JSON value, it is exactly the value the scan in `value` would find (an object ends at its matching
   * brace; anything after it but before the last `}` would make the text invalid). Else (a pretty-printed file, a
   * damaged line, the line not all here yet) null, and the scan decides.
   */
  private lineObject(line: number): Value | null {
    const nl = this.buf.indexOf('\n', this.i);
    if (nl === -1) return null;
    const close = this.buf.lastIndexOf('}', nl);
    if (close <= this.i) return null;
    const raw = this.buf.slice(this.i, close + 1);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return null;
    }
    this.i = close + 1;
    return { raw, line, parsed };
  }

  private take(pieces: string[], start: number, end: number, line: number): Value {
    pieces.push(this.buf.slice(start, end));
    this.i = end;
    return { raw: pieces.length === 1 ? pieces[0]! : pieces.join(''), line };
  }

  /** Consumes the expected structural character, or says what was found instead. */
  async expect(ch: string, what: string): Promise<void> {
    const c = await this.peek();
    if (c === null) throw new EndOfInput();
    if (c !== ch) throw new SyntaxProblem(`expected ${what}`, this.lineHere());
    this.i += 1;
  }

  /** True once nothing but whitespace is left. */
  async atEnd(): Promise<boolean> {
    return (await this.peek()) === null;
  }
}

/** Malformed JSON at a line. */
class SyntaxProblem extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
  ) {
    super(detail);
  }
}

function parseJson(v: Value): unknown {
  if ('parsed' in v) return v.parsed;
  try {
    return JSON.parse(v.raw);
  } catch (e) {
    // Engines say "… at position N" (relative to this value): turn it into a line of the file.
    const pos = Number(/position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1] ?? NaN);
    const extra = Number.isFinite(pos) ? (v.raw.slice(0, pos).match(/\n/g)?.length ?? 0) : 0;
    throw new SyntaxProblem('not valid JSON', v.line + extra);
  }
}

async function* iterate(source: string | Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  if (typeof source === 'string') yield source;
  else yield* source;
}

function isIntIn(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min;
}

/** What a pass over the file does with the rows besides checking the header and the counts. */
interface ScanOptions {
  /** Keep every checked row (readBackup); otherwise rows are passed on and dropped. */
  keep: boolean;
  /**
   * Tables whose keys are all remembered to find a repeated key anywhere. For the others only the previous key is
   * kept: a backup lists each table in primary-key order (IndexedDB's order, the writer's paging), so a repeat shows
   * up as a key not above the one before, and a table found out of order gets a second pass with a key set.
   */
  keySets: 'all' | ReadonlySet<TableName>;
  /** The restore pass: tables whose rows were checked by the first pass and are stored as read. */
  trusted?: Record<TableName, boolean>;
  /** Each checked row, as it is read. A returned promise is awaited before the next row is read. */
  onRow?: (table: TableName, row: Record<string, unknown>) => void | Promise<void>;
  /**
   * The restore pass of a trusted format 2 file: each history page as it is, its entries not made into rows (they
   * were checked by the first pass). Without it, a page's entries go to `onRow` one by one.
   */
  onPage?: (page: HistoryPage) => void | Promise<void>;
}

/** Checks what the reader finds, and keeps or passes on its rows; knows enough to say where a file stopped. */
class Collector {
  format: unknown = undefined;
  version: unknown = undefined;
  schemaVersion: unknown = undefined;
  exportedAt: string | null = null;
  counts: Counts | null = null;
  invalidRows = 0;
  readonly tables = Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Record<TableName, Record<string, unknown>[]>;
  /** See CheckedBackup.asRead. */
  readonly asRead = Object.fromEntries(TABLES.map((t) => [t, true])) as Record<TableName, boolean>;
  /** Tables whose keys were not in ascending order (checked for repeats by a second pass). */
  readonly unsorted = new Set<TableName>();
  private readonly pending: { table: TableName; value: unknown }[] = [];
  /** History pages read so far (format 2), for messages. */
  private pages = 0;
  /**
   * Format 2: the contact whose history pages are being read, its entry ids so far (without the `${contactId}|` every
   * one of them starts with), and the contacts done before.
   */
  private historyContact: string | null = null;
  private readonly historyKeys = new Set<string>();
  private readonly historyDone = new Set<string>();
  private readonly keys = Object.fromEntries(TABLES.map((t) => [t, new Set<string>()])) as Record<TableName, Set<string>>;
  private readonly lastKey = {} as Record<TableName, string | undefined>;
  readonly seen = zeroCounts();
  current: TableName | null = null;
  /** The last table read to its end. */
  lastTable: TableName | null = null;
  /** The whole `tables` object has been read. */
  tablesRead = false;

  /** Format and versions known and good: rows can be checked as they arrive. */
  private ready = false;

  constructor(private readonly opts: ScanOptions) {}

  header(key: string, value: unknown): void | Promise<void> {
    if (key === 'format') {
      this.format = value;
      if (value !== BACKUP_FORMAT) notBackup(`its "format" is ${JSON.stringify(value)?.slice(0, 60)}, not "${BACKUP_FORMAT}"`);
    } else if (key === 'version') this.version = value;
    else if (key === 'schemaVersion') this.schemaVersion = value;
    else if (key === 'exportedAt') {
      if (typeof value !== 'string') notBackup('its "exportedAt" is not a date');
      this.exportedAt = value;
    } else if (key === 'counts') this.counts = checkCounts(value);
    else if (key === 'invalidRows') {
      if (!Array.isArray(value)) notBackup('its "invalidRows" is not a list');
      this.invalidRows = value.length;
    }
    return this.checkVersions(false);
  }

  /**
   * Version checks, once the format says this is ours (a stranger's "version": 5 means nothing). A promise when rows
   * that waited for the versions went to a consumer that wants the reading to wait.
   */
  checkVersions(final: boolean): void | Promise<void> {
    if (this.ready) return;
    if (this.format === undefined) {
      if (final) notBackup('it has no "format": "resourceful-backup" field');
      return;
    }
    if (this.version === undefined) {
      if (final) notBackup('it has no "version"');
      return;
    }
    if (!isIntIn(this.version, 1)) notBackup('its "version" is not a whole number');
    if (this.version > BACKUP_VERSION) {
      fail('future_version', `This backup was made by a newer version of Resourceful (backup format ${this.version}; this version reads format ${BACKUP_VERSION}). Update the extension, then restore it again.`);
    }
    if (this.schemaVersion === undefined) {
      if (final) notBackup('it has no "schemaVersion"');
      return;
    }
    if (!isIntIn(this.schemaVersion, 1)) notBackup('its "schemaVersion" is not a whole number');
    if (this.schemaVersion > CURRENT_SCHEMA_VERSION) {
      fail('future_version', `This backup was made by a newer version of Resourceful (database version ${this.schemaVersion}; this version knows version ${CURRENT_SCHEMA_VERSION}). Update the extension, then restore it again.`);
    }
    if (this.schemaVersion < OLDEST_RESTORABLE_SCHEMA_VERSION) {
      fail('unsupported_schema', `This backup holds database version ${this.schemaVersion}, which this version of Resourceful cannot restore (it restores versions ${OLDEST_RESTORABLE_SCHEMA_VERSION} to ${CURRENT_SCHEMA_VERSION}).`);
    }
    this.ready = true;
    // Only a hand-edited file puts its rows before its versions: those rows waited here for the versions.
    const values = this.pending.splice(0);
    if (!this.opts.onRow && !this.opts.onPage) {
      for (const p of values) void this.take(p.table, p.value);
      return;
    }
    return (async () => {
      for (const p of values) {
        const wait = this.take(p.table, p.value);
        if (wait) await wait;
      }
    })();
  }

  /**
   * Takes one item of a table's list: a row, or in a format 2 file a page of history entries. A promise when the
   * rows' consumer wants the reading to wait.
   */
  value(table: TableName, value: unknown): void | Promise<void> {
    if (this.ready) return this.take(table, value);
    // Only a hand-edited file puts its rows before its versions, and only the version says what a history item is.
    this.pending.push({ table, value });
  }

  /** Whether the file lists history as pages (format 2). Known once the versions are. */
  private get paged(): boolean {
    return (this.version as number) >= 2;
  }

  private take(table: TableName, value: unknown): void | Promise<void> {
    return table === 'interactions' && this.paged ? this.page(value) : this.row(table, value);
  }

  private count(table: TableName, n: number): number {
    this.seen[table] += n;
    if (this.counts && this.seen[table] > this.counts[table]) mismatch(table, this.counts[table], `more than ${this.counts[table].toLocaleString('en-US')}`);
    return this.seen[table];
  }

  private row(table: TableName, row: unknown): void | Promise<void> {
    return this.check(table, row, this.count(table, 1));
  }

  private page(value: unknown): void | Promise<void> {
    this.pages += 1;
    const problem = pageProblem(value);
    if (problem) {
      const contact = value && typeof value === 'object' ? (value as { contactId?: unknown }).contactId : undefined;
      fail('invalid_row', `History page ${this.pages.toLocaleString('en-US')}${typeof contact === 'string' ? ` (contact “${contact.slice(0, 80)}”)` : ''} is not valid: ${problem}.`);
    }
    const page = value as HistoryPage;
    if (this.opts.trusted?.interactions && this.opts.onPage) {
      this.count('interactions', pageSize(page));
      return this.opts.onPage(page);
    }
    if (this.wholePage(page)) return;
    const entries = pageEntries(page);
    for (let k = 0; k < entries.length; k++) {
      const wait = this.row('interactions', entries[k]);
      if (wait) {
        return (async () => {
          await wait;
          for (k += 1; k < entries.length; k++) {
            const next = this.row('interactions', entries[k]);
            if (next) await next;
          }
        })();
      }
    }
  }

  /**
   * The check pass's way with a history page: its entries checked as columns (`pageEntriesValid`), counted and their
   * ids checked for repeats without making them into rows, reaching the verdict `row` reaches entry by entry. False,
   * having changed nothing, when the page takes the entry-by-entry way: its rows are wanted (kept or handed on), its
   * keys are all remembered (the second pass), the count runs over in it, or an entry fails (for the message).
   */
  private wholePage(page: HistoryPage): boolean {
    const { keep, onRow, trusted, keySets } = this.opts;
    if (keep || onRow || trusted?.interactions || keySets === 'all' || keySets.has('interactions')) return false;
    const n = pageSize(page);
    if (this.counts && this.seen.interactions + n > this.counts.interactions) return false;
    if (!pageEntriesValid(page)) return false;
    this.seen.interactions += n;
    const { contactId, cols } = page;
    this.enterHistoryContact(contactId);
    // An entry's id is `${contactId}|${sourceKey}` unless spelled out in cols.ids (which starts with the same).
    const spelled = cols.ids.length ? new Map(cols.ids) : null;
    const cut = contactId.length + 1;
    for (let i = 0; i < n; i++) this.rememberHistoryId(contactId, spelled?.get(i)?.slice(cut) ?? cols.sourceKey[i]!);
    return true;
  }

  /** One of the current contact's entry ids, without the `${contactId}|` it starts with: a repeat fails the file. */
  private rememberHistoryId(contactId: string, local: string): void {
    if (this.historyKeys.has(local)) duplicate('interactions', `${contactId}|${local}`);
    this.historyKeys.add(local);
  }

  /** Format 2: history pages list a contact's entries together; a contact met again is out of place (see checkKey). */
  private enterHistoryContact(contactId: string): void {
    if (contactId === this.historyContact) return;
    if (this.historyContact !== null) this.historyDone.add(this.historyContact);
    if (this.historyDone.has(contactId) || contactId.includes('|')) this.unsorted.add('interactions');
    this.historyContact = contactId;
    this.historyKeys.clear();
  }

  private check(table: TableName, row: unknown, index: number): void | Promise<void> {
    let clean: Record<string, unknown>;
    if (this.opts.trusted?.[table]) clean = row as Record<string, unknown>;
    else {
      const parsed = parseRow(table, row, index);
      if (!parsed.ok) {
        const p = parsed.problem;
        fail('invalid_row', `Row ${index.toLocaleString('en-US')} of ${TABLE_WORDS[table][1]}${p.key ? ` (${keyLabel(table)} “${p.key.slice(0, 80)}”)` : ''} is not valid: ${p.message}.`);
      }
      clean = parsed.row;
      if (!this.opts.keep && this.asRead[table] && !sameData(row, clean)) this.asRead[table] = false;
    }
    if (!this.opts.trusted) this.checkKey(table, String(clean[keyField(table)]), clean);
    if (this.opts.keep) this.tables[table].push(clean);
    return this.opts.onRow?.(table, clean);
  }

  private checkKey(table: TableName, key: string, row: Record<string, unknown>): void {
    const sets = this.opts.keySets;
    if (sets === 'all' || sets.has(table)) {
      if (this.keys[table].has(key)) duplicate(table, key);
      this.keys[table].add(key);
      return;
    }
    if (table === 'interactions' && this.paged) {
      // Pages list a contact's entries together, in time order: their ids are remembered per contact. An id starts
      // with its contact's id and "|", so two contacts' ids differ unless one contact's id holds a "|", and a
      // contact met again after another is out of place: either way the table gets the second pass, with every key.
      // The row passed its schema, so its id starts with `${contactId}|`: the rest tells the contact's entries apart.
      const contactId = row.contactId as string;
      this.enterHistoryContact(contactId);
      this.rememberHistoryId(contactId, key.slice(contactId.length + 1));
      return;
    }
    const last = this.lastKey[table];
    // Equal neighbours are a repeat for sure; a smaller key means the table is out of order (see keySets).
    if (last === key) duplicate(table, key);
    if (last !== undefined && key < last) this.unsorted.add(table);
    this.lastKey[table] = key;
  }

  async finish(): Promise<ParsedBackup> {
    const wait = this.checkVersions(true);
    if (wait) await wait;
    if (!this.counts) notBackup('it has no "counts"');
    for (const t of TABLES) if (this.seen[t] !== this.counts[t]) mismatch(t, this.counts[t], this.seen[t].toLocaleString('en-US'));
    return { exportedAt: this.exportedAt, schemaVersion: this.schemaVersion as number, counts: this.counts, tables: this.tables, invalidRows: this.invalidRows };
  }

  /** Where the text stopped, in the rep's words. */
  whereCut(): string {
    if (this.current) {
      const expected = this.counts?.[this.current];
      const got = this.seen[this.current];
      return expected !== undefined
        ? `it stops in the ${TABLE_WORDS[this.current][1]}, after ${got.toLocaleString('en-US')} of ${countOf(this.current, expected)}`
        : `it stops in the ${TABLE_WORDS[this.current][1]}, after ${got.toLocaleString('en-US')}`;
    }
    if (this.format === undefined) return 'it stops before its first field';
    if (this.tablesRead) return 'it stops after the data, before the end of the file';
    return this.lastTable ? `it stops after the ${TABLE_WORDS[this.lastTable][1]}` : 'it stops before the data begins';
  }
}

function duplicate(table: TableName, key: string): never {
  fail('invalid_row', `Two ${TABLE_WORDS[table][1]} in the backup have the same ${keyLabel(table)} “${key.slice(0, 80)}”.`);
}

/**
 * True when `b` (a schema's output) holds exactly the data of `a` (what JSON.parse gave): the schema dropped no
 * field and filled none in. Field order does not count; JSON has no undefined, cycles or non-plain objects.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    n += 1;
    if (!Object.hasOwn(rb, k) || !sameData(ra[k], rb[k])) return false;
  }
  return n === Object.keys(rb).length;
}

function keyField(table: TableName): string {
  return table === 'threads' || table === 'triageOverrides' ? 'threadId' : table === 'settings' ? 'key' : 'id';
}

function keyLabel(table: TableName): string {
  return table === 'threads' || table === 'triageOverrides' ? 'thread id' : table === 'settings' ? 'key' : 'id';
}

function notBackup(why: string): never {
  fail('not_backup', `This file is JSON, but not a Resourceful backup: ${why}.`);
}

function mismatch(table: TableName, expected: number, found: string): never {
  fail('count_mismatch', `The backup says it holds ${countOf(table, expected)} but contains ${found}: the file was edited or damaged.`);
}

function checkCounts(value: unknown): Counts {
  if (!value || typeof value !== 'object' || Array.isArray(value)) notBackup('its "counts" is not an object');
  const counts = zeroCounts();
  for (const [k, v] of Object.entries(value)) {
    if (!(TABLES as readonly string[]).includes(k)) notBackup(`its "counts" names an unknown table "${k.slice(0, 40)}"`);
    if (!isIntIn(v, 0)) notBackup(`its count of ${k} is not a whole number`);
    counts[k as TableName] = v;
  }
  return counts;
}

const HEADER_FIELDS = new Set(['format', 'version', 'schemaVersion', 'exportedAt', 'counts', 'invalidRows']);

/** A glimpse of how a file starts, safe to show: control characters become spaces. */
function glimpse(text: string): string {
  const s = text.slice(0, 24).replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, ' ').trim();
  return text.length > 24 ? `${s}…` : s;
}

async function readRoot(input: Input, c: Collector): Promise<void> {
  await input.expect('{', '{');
  let first = true;
  for (;;) {
    let ch = await input.peek();
    if (ch === null) throw new EndOfInput();
    if (ch === '}' && first) {
      input.i += 1;
      break;
    }
    if (ch !== '"') throw new SyntaxProblem('expected a field name', input.lineHere());
    const key = parseJson(await input.value()) as string;
    await input.expect(':', '“:”');
    if (key === 'tables') {
      await readTables(input, c);
      c.tablesRead = true;
    }
    else if (HEADER_FIELDS.has(key)) {
      const wait = c.header(key, parseJson(await input.value()));
      if (wait) await wait;
    }
    else if (key === 'resources' && c.format === undefined) {
      fail('not_backup', 'This is a resource-library export, not a full backup: import it under Resources instead.');
    } else if (c.format === undefined) notBackup('it has no "format": "resourceful-backup" field');
    else notBackup(`it has a field "${key.slice(0, 40)}" backups do not have`);
    first = false;
    ch = await input.peek();
    if (ch === null) throw new EndOfInput();
    input.i += 1;
    if (ch === '}') break;
    if (ch !== ',') throw new SyntaxProblem('expected “,” or “}”', input.lineHere());
  }
  if (!(await input.atEnd())) throw new SyntaxProblem('there is more text after the end of the backup', input.lineHere());
}

async function readTables(input: Input, c: Collector): Promise<void> {
  await input.expect('{', 'the tables');
  let first = true;
  for (;;) {
    let ch = await input.peek();
    if (ch === null) throw new EndOfInput();
    if (ch === '}' && first) {
      input.i += 1;
      return;
    }
    const name = parseJson(await input.value());
    if (!(TABLES as readonly unknown[]).includes(name)) notBackup(`it has a table "${String(name).slice(0, 40)}" Resourceful does not know`);
    const table = name as TableName;
    await input.expect(':', '“:”');
    await input.expect('[', `a list of ${TABLE_WORDS[table][1]}`);
    c.current = table;
    let firstRow = true;
    for (;;) {
      ch = await input.peek();
      if (ch === null) throw new EndOfInput();
      if (ch === ']' && firstRow) {
        input.i += 1;
        break;
      }
      const wait = c.value(table, parseJson(await input.value()));
      if (wait) await wait;
      firstRow = false;
      ch = await input.peek();
      if (ch === null) throw new EndOfInput();
      input.i += 1;
      if (ch === ']') break;
      if (ch !== ',') throw new SyntaxProblem('expected “,” or “]”', input.lineHere());
    }
    c.current = null;
    c.lastTable = table;
    first = false;
    ch = await input.peek();
    if (ch === null) throw new EndOfInput();
    input.i += 1;
    if (ch === '}') return;
    if (ch !== ',') throw new SyntaxProblem('expected “,” or “}”', input.lineHere());
  }
}

/** One pass over a backup's text: everything is checked; the collector keeps or passes on the rows. */
async function scan(chunks: AsyncIterator<string>, c: Collector): Promise<ParsedBackup> {
  const input = new Input(chunks);
  try {
    let ch = await input.peek();
    if (ch === '\uFEFF') {
      // A byte-order mark an editor may have added.
      input.i += 1;
      ch = await input.peek();
    }
    if (ch === null) fail('empty', 'The file is empty.');
    if (ch !== '{') {
      const start = input.buf.slice(input.i, input.i + 25);
      if (/^[["0-9-]|^(true|false|null)\b/.test(start)) {
        let isJson = true;
        try {
          parseJson(await input.value());
          isJson = await input.atEnd();
        } catch {
          isJson = false;
        }
        if (isJson) notBackup(`it holds ${ch === '[' ? 'a list' : 'a single value'}, where a backup holds one object`);
      }
      fail('not_json', `This file is not a Resourceful backup: it is not JSON (it begins “${glimpse(start)}”).`);
    }
    await readRoot(input, c);
  } catch (e) {
    if (e instanceof EndOfInput) {
      fail('truncated', `The backup file is incomplete: ${c.whereCut()}. It was probably cut off while downloading or copying.`);
    }
    if (e instanceof SyntaxProblem) {
      if (c.format === BACKUP_FORMAT) fail('not_json', `The backup is damaged: line ${e.line.toLocaleString('en-US')} is not valid JSON (${e.detail}).`);
      fail('not_json', `This file is not a Resourceful backup: it is not valid JSON (line ${e.line.toLocaleString('en-US')}: ${e.detail}).`);
    }
    throw e;
  }
  return c.finish();
}

/**
 * Reads and checks a backup from its text (whole, or in chunks as a file streams in), keeping every row in memory.
 * Resolves only when every row passed; otherwise rejects with a `BackupError`.
 */
export async function readBackup(source: string | Iterable<string> | AsyncIterable<string>): Promise<ParsedBackup> {
  return scan(iterate(source), new Collector({ keep: true, keySets: 'all' }));
}

type OnBytes = (p: { done: number; total: number }) => void;

/** A file's text, streamed through a UTF-8 decoder (characters split between chunks are joined). */
async function* streamText(file: Blob, onProgress?: OnBytes): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  let done = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      done += next.value.byteLength;
      onProgress?.({ done, total: file.size });
      yield decoder.decode(next.value, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    // Stops reading when the parser gave up early (a wrong file is not read to its end).
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * Reads a backup from a file, keeping every row in memory (`checkBackupFile` keeps none); `onProgress` gets the
 * bytes read so far and the file's size.
 */
export async function readBackupFile(file: Blob, onProgress?: OnBytes): Promise<ParsedBackup> {
  return scan(streamText(file, onProgress), new Collector({ keep: true, keySets: 'all' }));
}

/**
 * Checks a backup file the rep picked without keeping its rows: memory stays flat whatever the file's size.
 * `onProgress` gets the bytes read so far and the file's size; `onRow`, if given, each checked row as it is read
 * (not kept; its promise is awaited before the next row). Resolves only when every row passed; otherwise rejects
 * with a `BackupError`.
 */
export async function checkBackupFile(
  file: Blob,
  onProgress?: OnBytes,
  onRow?: (table: TableName, row: Record<string, unknown>) => void | Promise<void>,
): Promise<CheckedBackup> {
  // Notes are listed contact by contact (their buckets' order, schema v3), not by id: their keys are remembered from
  // the start (100k note ids are a few MB). Every other table comes in key order, where a repeat is a neighbour.
  const first = new Collector({ keep: false, keySets: new Set<TableName>(['notes']), onRow });
  const head = await scan(streamText(file, onProgress), first);
  // A table out of key order (only a file edited by hand): read again, remembering that table's keys to find repeats.
  if (first.unsorted.size) await scan(streamText(file), new Collector({ keep: false, keySets: first.unsorted }));
  return { exportedAt: head.exportedAt, schemaVersion: head.schemaVersion, counts: head.counts, invalidRows: head.invalidRows, file, asRead: { ...first.asRead } };
}

/** Bytes of the file read per request by the restore: what is held at a time, twice (one slice is read ahead). */
export const SLICE_BYTES = 1 << 20;

/**
 * Reads a checked backup's rows again, in file order, and hands each to `onRow` (whose promise is awaited before the
 * next row). The file is read a slice at a time, the next slice while the current one is handed out; `wait` is how
 * the caller waits for a read (restoreBackup: its transaction's `waitFor`, so the transaction stays open while the
 * file is read). Rows of `asRead` tables are not checked again; the rest are (they may have been cleaned up).
 */
export async function streamCheckedRows(
  backup: CheckedBackup,
  opts: {
    onRow: (table: TableName, row: Record<string, unknown>) => void | Promise<void>;
    /** History pages of a format 2 file, as they are (see ScanOptions.onPage); without it, their entries go to onRow. */
    onPage?: (page: HistoryPage) => void | Promise<void>;
    wait: <T>(read: Promise<T>) => PromiseLike<T>;
    sliceBytes?: number;
  },
): Promise<void> {
  const { file } = backup;
  const size = Math.max(1, opts.sliceBytes ?? SLICE_BYTES);
  const readAt = (at: number): Promise<ArrayBuffer> => {
    const read = file.slice(at, at + size).arrayBuffer();
    // A read ahead that nobody waits for (the restore stopped) must not surface as an unhandled rejection.
    read.catch(() => undefined);
    return read;
  };
  async function* slices(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    let next = file.size > 0 ? readAt(0) : null;
    for (let at = 0; next; ) {
      const bytes = await opts.wait(next);
      at += size;
      next = at < file.size ? readAt(at) : null;
      yield decoder.decode(bytes, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  await scan(slices(), new Collector({ keep: false, keySets: new Set(), trusted: backup.asRead, onRow: opts.onRow, onPage: opts.onPage }));
}
