/**
 * History pages: how a backup file (format 2) lists history entries. A page is one contact's entries as columns,
 * exactly as a history bucket stores them (`HistoryColumns`, lib/db/history.ts), written as it is read:
 *
 *   {"contactId":"c-1","cols":{"strings":["email_in","Pricing",…],"sourceKey":["gmail:m1",…],"kind":[0,…],…}}
 *
 * As one object per entry, a million entries made a 430 MB file that every backup built and every check and restore
 * decoded and parsed again; as pages it is about a quarter of that. A page is checked here for its shape only; its
 * entries are then checked one by one against the history entry schema, like the rows of a format 1 file.
 */
import { fromColumns } from '../db/history';
import { INTERACTION_LIMITS as LIMIT, InteractionKindSchema, interactionIdOk, type HistoryColumns, type Interaction } from '../db/models';

/** One contact's history entries, as columns. */
export interface HistoryPage {
  contactId: string;
  cols: HistoryColumns;
}

/** Entries one page may hold: a bucket holds 250; the bound keeps one line of a damaged file from filling memory. */
export const MAX_PAGE_ENTRIES = 10_000;

/** The columns that hold an index into `strings` (-1: null), and whether null is allowed there. */
const REF_COLUMNS = [
  ['kind', false],
  ['subject', true],
  ['snippet', true],
  ['threadId', true],
  ['url', true],
] as const;

const COLUMN_KEYS = new Set(['strings', 'sourceKey', 'kind', 'at', 'subject', 'snippet', 'threadId', 'url', 'ids', 'resources']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function allStrings(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (const s of v) if (typeof s !== 'string') return false;
  return true;
}

function isIndex(v: unknown, min: number, below: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v < below;
}

/** An `[index, value]` list whose indexes are entries of the page, each once, and whose values pass `ok`. */
function pairsProblem(v: unknown, n: number, ok: (x: unknown) => boolean, what: string): string | null {
  if (!Array.isArray(v)) return `${what} is not a list`;
  const seen = new Set<number>();
  for (const pair of v) {
    if (!Array.isArray(pair) || pair.length !== 2 || !isIndex(pair[0], 0, n) || seen.has(pair[0]) || !ok(pair[1])) return `${what} has an item that is not [entry, value]`;
    seen.add(pair[0]);
  }
  return null;
}

/**
 * What is wrong with a page's shape, in words, or null when it is a page: a contact id, and columns of one length
 * whose references point into the strings. Hand-written loops, not a schema: a file holds a million entries' worth
 * of column items, and the checks run on every one of them, twice (check, then restore).
 */
export function pageProblem(page: unknown): string | null {
  if (!isObject(page)) return 'not an object';
  for (const k of Object.keys(page)) if (k !== 'contactId' && k !== 'cols') return `unknown field "${k.slice(0, 40)}"`;
  if (typeof page.contactId !== 'string') return 'contactId: not text';
  const cols = page.cols;
  if (!isObject(cols)) return 'cols: not an object';
  for (const k of Object.keys(cols)) if (!COLUMN_KEYS.has(k)) return `cols: unknown column "${k.slice(0, 40)}"`;
  if (!allStrings(cols.strings)) return 'cols.strings: not a list of text';
  if (!allStrings(cols.sourceKey)) return 'cols.sourceKey: not a list of text';
  const n = cols.sourceKey.length;
  if (n === 0) return 'it holds no entries';
  if (n > MAX_PAGE_ENTRIES) return `it holds more than ${MAX_PAGE_ENTRIES.toLocaleString('en-US')} entries`;
  const strings = cols.strings.length;
  if (!Array.isArray(cols.at) || cols.at.length !== n) return `cols.at: not ${n} items`;
  for (const at of cols.at) if (typeof at !== 'number') return 'cols.at: not a list of numbers';
  // Every string must be used by an entry (the writer keeps no others): text nothing points to would be stored
  // and carried into every later backup without any check of its length.
  const used = new Uint8Array(strings);
  for (const [name, nullable] of REF_COLUMNS) {
    const col = cols[name];
    if (!Array.isArray(col) || col.length !== n) return `cols.${name}: not ${n} items`;
    const min = nullable ? -1 : 0;
    for (const i of col) {
      if (!isIndex(i, min, strings)) return `cols.${name}: an item that is not an index of cols.strings`;
      if (i >= 0) used[i] = 1;
    }
  }
  if (used.includes(0)) return 'cols.strings: an item that no entry uses';
  return (
    pairsProblem(cols.ids, n, (x) => typeof x === 'string', 'cols.ids') ??
    pairsProblem(cols.resources, n, allStrings, 'cols.resources')
  );
}

const KINDS: ReadonlySet<string> = new Set(InteractionKindSchema.options);

/** Every item of a reference column is -1 (null) or points at a string no longer than `max`. */
function refsWithin(col: number[], strings: string[], max: number): boolean {
  for (const i of col) if (i >= 0 && strings[i]!.length > max) return false;
  return true;
}

/**
 * True when every entry of a page that passed `pageProblem` passes the history entry schema (`InteractionSchema`)
 * unchanged, exactly as `parseRow` would find them one by one; false when any fails (the caller then checks them one
 * by one, for the message). Checked as columns: a page's entries are never made into objects (a million of them made
 * a quarter of a backup check's time, and as much again in garbage collection). An entry whose id is not spelled out
 * (`cols.ids`) has the id `${contactId}|${sourceKey}`: no longer than 1 + 64 + 300 characters and starting with its
 * contact's id, so it needs no check of its own. test/backup/pages.test.ts holds it to the row-by-row verdict.
 */
export function pageEntriesValid(page: HistoryPage): boolean {
  const { contactId, cols } = page;
  if (contactId.length < 1 || contactId.length > LIMIT.contactId) return false;
  const { strings } = cols;
  for (const k of cols.sourceKey) if (k.length < 1 || k.length > LIMIT.sourceKey) return false;
  for (const at of cols.at) if (!Number.isFinite(at)) return false;
  for (const i of cols.kind) if (!KINDS.has(strings[i]!)) return false;
  if (!refsWithin(cols.subject, strings, LIMIT.subject)) return false;
  if (!refsWithin(cols.snippet, strings, LIMIT.snippet)) return false;
  if (!refsWithin(cols.threadId, strings, LIMIT.threadId)) return false;
  if (!refsWithin(cols.url, strings, LIMIT.url)) return false;
  for (const [, id] of cols.ids) if (id.length > LIMIT.id || !interactionIdOk({ id, contactId })) return false;
  for (const [, ids] of cols.resources) {
    if (ids.length > LIMIT.resourceIds) return false;
    for (const id of ids) if (id.length > LIMIT.resourceId) return false;
  }
  return true;
}

/** The entries of a page that passed `pageProblem`, oldest first. */
export function pageEntries(page: HistoryPage): Interaction[] {
  return fromColumns(page.contactId, page.cols);
}

/** The number of entries in a page that passed `pageProblem`. */
export function pageSize(page: HistoryPage): number {
  return page.cols.sourceKey.length;
}
