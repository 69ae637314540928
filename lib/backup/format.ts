/**
 * The backup file format: one JSON object, written one row per line so it can be read back row by row.
 *
 *   {"format":"resourceful-backup","version":2,"schemaVersion":5,"exportedAt":"2026-03-02T10:00:00.000Z",
 *    "counts":{"contacts":2,…},"tables":{
 *   "contacts":[
 *   {…one row…},
 *   {…}
 *   ],
 *   …
 *   },"invalidRows":[]}
 *
 * `tables.interactions` (format 2) is the exception: each line is a page of one contact's history entries as columns
 * (lib/backup/pages.ts), and `counts.interactions` counts the entries.
 *
 * `version` is the file format (bumped only when this layout changes); `schemaVersion` is the database schema the
 * rows follow (lib/db/schema.ts). `counts` lets a reader tell a cut-off file from a complete one. `invalidRows`
 * keeps, verbatim, any stored row that fails its schema: the rows under `tables` always restore, and nothing the
 * database held is missing from the file.
 */
import { z } from '../zod';
import {
  CommitmentSchema,
  ContactSchema,
  DEFAULT_SETTINGS,
  InteractionSchema,
  NoteSchema,
  OfferProfileSchema,
  ResourceSchema,
  ResourceSendSchema,
  SettingsSchema,
  ThreadRowSchema,
  TriageOverrideSchema,
  interactionIdOk,
} from '../db/models';
import { SCHEMA_VERSIONS } from '../db/schema';
import { INVALID as COMMITMENTS_INVALID, parseCommitmentsRowCompiled } from './rows/commitments-parser.gen';
import { INVALID as CONTACTS_INVALID, parseContactsRowCompiled } from './rows/contacts-parser.gen';
import { INVALID as INTERACTIONS_INVALID, parseInteractionsRowCompiled } from './rows/interactions-parser.gen';
import { INVALID as NOTES_INVALID, parseNotesRowCompiled } from './rows/notes-parser.gen';
import { INVALID as RESOURCES_INVALID, parseResourcesRowCompiled } from './rows/resources-parser.gen';
import { INVALID as RESOURCE_SENDS_INVALID, parseResourceSendsRowCompiled } from './rows/resourceSends-parser.gen';
import { INVALID as THREADS_INVALID, parseThreadsRowCompiled } from './rows/threads-parser.gen';
import { INVALID as TRIAGE_OVERRIDES_INVALID, parseTriageOverridesRowCompiled } from './rows/triageOverrides-parser.gen';

/** The value of the file's `format` field: what makes a JSON file a Resourceful backup. */
export const BACKUP_FORMAT = 'resourceful-backup';

/**
 * The file-format version this code writes, and the newest it reads. Format 2 lists history entries as pages, a
 * contact's entries as columns (lib/backup/pages.ts); format 1, one row per entry, is still read.
 */
export const BACKUP_VERSION = 2;

/** The database schema version of the rows this code writes. */
export const CURRENT_SCHEMA_VERSION: number = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/**
 * The oldest schema version whose backups this code restores. v3 changed how history is stored (in buckets), not
 * what an entry holds: a v2 backup's rows are v3 rows.
 */
export const OLDEST_RESTORABLE_SCHEMA_VERSION = 2;

/** Every table, in the order they are written and restored (contacts first, so history can point at them). */
export const TABLES = ['contacts', 'notes', 'interactions', 'commitments', 'resources', 'resourceSends', 'threads', 'triageOverrides', 'settings'] as const;

/** The name of one table. */
export type TableName = (typeof TABLES)[number];

/** Rows per table. */
export type Counts = Record<TableName, number>;

/** A zero count for every table. */
export function zeroCounts(): Counts {
  return Object.fromEntries(TABLES.map((t) => [t, 0])) as Counts;
}

/**
 * The object store that holds a table's rows: history entries (the backup's `interactions`, one row each) and notes
 * live in per-contact buckets since schema v3 (lib/db/buckets.ts); every other table is its own store.
 */
export function storeOf(t: TableName): string {
  return t === 'interactions' ? 'history' : t === 'notes' ? 'notebooks' : t;
}

/** The object stores behind every table, for a transaction over all of them. */
export const STORES: readonly string[] = TABLES.map(storeOf);

/** The primary key field of each table (lib/db/schema.ts). */
export const PRIMARY_KEY: Record<TableName, string> = {
  contacts: 'id',
  notes: 'id',
  interactions: 'id',
  commitments: 'id',
  resources: 'id',
  resourceSends: 'id',
  threads: 'threadId',
  triageOverrides: 'threadId',
  settings: 'key',
};

/**
 * The field that says which of two versions of a row is newer, for merge. History and resource sends are events:
 * their time is when it happened. Settings have none: they merge field by field (lib/backup/restore.ts).
 */
export const VERSION_FIELD: Record<Exclude<TableName, 'settings'>, 'updatedAt' | 'at'> = {
  contacts: 'updatedAt',
  notes: 'updatedAt',
  interactions: 'at',
  commitments: 'updatedAt',
  resources: 'updatedAt',
  resourceSends: 'at',
  threads: 'updatedAt',
  triageOverrides: 'updatedAt',
};

/** Singular and plural words for a table's rows, for messages. */
export const TABLE_WORDS: Record<TableName, [string, string]> = {
  contacts: ['contact', 'contacts'],
  notes: ['note', 'notes'],
  interactions: ['history entry', 'history entries'],
  commitments: ['promise', 'promises'],
  resources: ['resource', 'resources'],
  resourceSends: ['resource sent', 'resources sent'],
  threads: ['email thread', 'email threads'],
  triageOverrides: ['triage correction', 'triage corrections'],
  settings: ['settings entry', 'settings entries'],
};

/** "3 notes", "1 history entry". */
export function countOf(table: TableName, n: number): string {
  const [one, many] = TABLE_WORDS[table];
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * "12 contacts, 40 notes and settings": the non-empty tables, or "nothing" when all are empty. The settings
 * table holds the settings and the offer profile; a count of its rows ("2 settings entries") told the rep nothing.
 */
export function describeCounts(counts: Counts): string {
  const parts = TABLES.filter((t) => counts[t] > 0).map((t) => (t === 'settings' ? 'settings' : countOf(t, counts[t])));
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const SettingsValueRow = z.pipe(
  z.object({ key: z.literal('settings'), value: z.record(z.string(), z.unknown()) }),
  z.transform((r, ctx) => {
    // Settings saved by an older version lack newer fields; the app fills defaults when it reads them (getSettings).
    const value = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...r.value });
    if (value.success) return { key: 'settings' as const, value: value.data };
    for (const issue of value.error.issues) ctx.issues.push({ code: 'custom', path: ['value', ...issue.path.map(String)], message: issue.message, input: r });
    return z.NEVER;
  }),
);
const OfferRow = z.object({ key: z.literal('offer'), value: OfferProfileSchema });

/** The schema each table's rows must pass to be restored (settings: by key, see `parseRow`). */
export const ROW_SCHEMAS: Record<Exclude<TableName, 'settings'>, z.ZodMiniType> = {
  contacts: ContactSchema,
  notes: NoteSchema,
  interactions: InteractionSchema,
  commitments: CommitmentSchema,
  resources: ResourceSchema,
  resourceSends: ResourceSendSchema,
  threads: ThreadRowSchema,
  triageOverrides: TriageOverrideSchema,
};

/**
 * Each table's generated parser (`npm run gen:parsers`, lib/backup/rows/): zod's own compiled checks for its row
 * schema, what `safeParse` returns when that succeeds, else the module's INVALID. Extension pages' CSP forbids the
 * `new Function` zod compiles with, and its interpreter made checking a million history rows take tens of seconds.
 * The parsers are definite (no user callbacks), so INVALID means the schema rejects the row too; `parseRow` then
 * asks the schema itself, for its message. History entries' parser checks the fields only: the id rule
 * (`interactionIdOk`) is `InteractionSchema`'s one user callback, applied here by hand.
 */
const COMPILED: { [T in Exclude<TableName, 'settings'>]: { parse: (row: unknown) => unknown; invalid: symbol } } = {
  contacts: { parse: parseContactsRowCompiled, invalid: CONTACTS_INVALID },
  notes: { parse: parseNotesRowCompiled, invalid: NOTES_INVALID },
  interactions: {
    parse: (row) => {
      const r = parseInteractionsRowCompiled(row);
      return r !== INTERACTIONS_INVALID && interactionIdOk(r) ? r : INTERACTIONS_INVALID;
    },
    invalid: INTERACTIONS_INVALID,
  },
  commitments: { parse: parseCommitmentsRowCompiled, invalid: COMMITMENTS_INVALID },
  resources: { parse: parseResourcesRowCompiled, invalid: RESOURCES_INVALID },
  resourceSends: { parse: parseResourceSendsRowCompiled, invalid: RESOURCE_SENDS_INVALID },
  threads: { parse: parseThreadsRowCompiled, invalid: THREADS_INVALID },
  triageOverrides: { parse: parseTriageOverridesRowCompiled, invalid: TRIAGE_OVERRIDES_INVALID },
};

function schemaFor(table: TableName, row: unknown): z.ZodMiniType | string {
  if (table !== 'settings') return ROW_SCHEMAS[table];
  const key = keyOf('settings', row);
  // One schema per key: a union would report "invalid input" instead of the field that is wrong.
  if (key === 'settings') return SettingsValueRow;
  if (key === 'offer') return OfferRow;
  return key === null ? 'key: expected "settings" or "offer"' : `key: unknown settings entry "${key.slice(0, 40)}"`;
}

/** A row that failed its schema: the first problem, in words ("text: Too small…"). */
export interface RowProblem {
  table: TableName;
  /** 1-based position in its table. */
  index: number;
  /** Its primary key, when it has a readable one. */
  key: string | null;
  message: string;
}

/** The primary key of a row as text (null when missing or not a string). */
export function keyOf(table: TableName, row: unknown): string | null {
  const k = row && typeof row === 'object' ? (row as Record<string, unknown>)[PRIMARY_KEY[table]] : undefined;
  return typeof k === 'string' ? k : null;
}

/** Validates one row: the clean row (unknown fields dropped, defaults filled) or what is wrong with it. */
export function parseRow(table: TableName, row: unknown, index: number): { ok: true; row: Record<string, unknown> } | { ok: false; problem: RowProblem } {
  if (table !== 'settings') {
    const compiled = COMPILED[table];
    const clean = compiled.parse(row);
    if (clean !== compiled.invalid) return { ok: true, row: clean as Record<string, unknown> };
  }
  // A bad row (rare), or a settings entry (two at most): the schema's own verdict and message.
  const schema = schemaFor(table, row);
  if (typeof schema === 'string') return { ok: false, problem: { table, index, key: keyOf(table, row), message: schema } };
  const result = schema.safeParse(row);
  if (result.success) return { ok: true, row: result.data as Record<string, unknown> };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, problem: { table, index, key: keyOf(table, row), message: `${where}${issue?.message ?? 'not a valid row'}` } };
}

/** Why a backup could not be read or restored; `code` lets the UI and tests tell the cases apart. */
export type BackupErrorCode =
  | 'empty'
  | 'not_json'
  | 'not_backup'
  | 'truncated'
  | 'future_version'
  | 'unsupported_schema'
  | 'invalid_row'
  | 'count_mismatch'
  | 'quota'
  | 'write_failed';

/** A backup problem with a message written for the rep: what is wrong, and that nothing was changed. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}
