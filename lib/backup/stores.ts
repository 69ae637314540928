/**
 * The backup's tables over the database's object stores. A backup holds history entries and notes as one row each
 * (the `interactions` and `notes` tables, as they were stored up to schema v2); the database keeps them in
 * per-contact buckets (lib/db/buckets.ts). Everything the backup code does to a table goes through `rowStore`, so it reads and writes
 * rows whichever way they are stored.
 */
import type { Table } from 'dexie';
import { allEntries, bucketsOf, byId, groupByContact, remove, tableOf, write, type Bucket, type BucketKind, type Entry, type TableSource } from '../db/buckets';
import { HISTORY } from '../db/history';
import { NOTES } from '../db/notebook';
import { PRIMARY_KEY, storeOf, type TableName } from './format';

type Row = Record<string, unknown>;

/** One table's rows, however they are stored. */
export interface RowStore {
  /** How many rows. */
  count(): Promise<number>;
  /** How many records a full read walks (buckets for history): the unit `page` counts in. */
  records(): Promise<number>;
  /** Deletes every row. */
  clear(): Promise<void>;
  /** The rows stored under the keys of `rows` (matched by primary key), in the same order. */
  get(rows: readonly Row[]): Promise<(Row | undefined)[]>;
  /**
   * Adds rows whose keys are not there yet (a key that is there fails the write). `fresh`: the store was emptied
   * by this transaction and gets rows only through `add`, so a contact's history not added yet is none.
   */
  add(rows: readonly Row[], opts?: { fresh?: boolean }): Promise<void>;
  /** Writes rows, replacing those with the same key. */
  put(rows: readonly Row[]): Promise<void>;
  /** Deletes the rows with the keys of `rows`. */
  remove(rows: readonly Row[]): Promise<void>;
  /**
   * Up to `size` records' rows after the record `after` (in primary key order), and the key to continue from;
   * `next` is null after the last page.
   */
  page(after: string | null, size: number): Promise<{ rows: Row[]; records: number; next: string | null }>;
  /** Every row, in primary key order (history: by entry id, as the one-row-per-entry table was). */
  all(): Promise<Row[]>;
}

function tableStore(table: Table, t: TableName): RowStore {
  const key = PRIMARY_KEY[t];
  return {
    count: () => table.count(),
    records: () => table.count(),
    clear: () => table.clear(),
    get: (rows) => table.bulkGet(rows.map((r) => r[key] as string)) as Promise<(Row | undefined)[]>,
    add: async (rows) => void (await table.bulkAdd(rows as Row[])),
    put: async (rows) => void (await table.bulkPut(rows as Row[])),
    remove: (rows) => table.bulkDelete(rows.map((r) => r[key] as string)),
    async page(after, size) {
      // Keyset paging on the primary key: each page starts after the last key, never re-reading or skipping rows.
      const rows = (await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(size).toArray()) as Row[];
      return { rows, records: rows.length, next: rows.length === size ? (rows[rows.length - 1]![key] as string) : null };
    },
    all: () => table.toArray() as Promise<Row[]>,
  };
}

/** Rows kept in per-contact buckets (history entries, notes), as one row per entry. */
function bucketStore<E extends Entry, B extends Bucket>(kind: BucketKind<E, B>, db: TableSource, sortById: boolean): RowStore {
  const table = tableOf(kind, db);
  const added = new Set<string>();
  return {
    async count() {
      let n = 0;
      await table.each((b) => (n += kind.entries(b).length));
      return n;
    },
    records: () => table.count(),
    clear: () => table.clear(),
    async get(rows) {
      if (kind.locate) {
        // Found by id wherever it is (a note's id does not name its contact).
        const byId = new Map<string, Row>();
        for (const b of await kind.locate(table, rows.map((r) => r.id as string))) for (const e of kind.entries(b)) byId.set(e.id, e as unknown as Row);
        return rows.map((r) => byId.get(r.id as string));
      }
      const byContact = new Map<string, Map<string, Row>>();
      for (const contactId of new Set(rows.map((r) => r.contactId as string))) {
        const entries = new Map<string, Row>();
        for (const b of await bucketsOf(kind, db, contactId)) for (const e of kind.entries(b)) entries.set(e.id, e as unknown as Row);
        byContact.set(contactId, entries);
      }
      return rows.map((r) => byContact.get(r.contactId as string)?.get(r.id as string));
    },
    async add(rows, opts) {
      // Rows come checked (a backup's, the restore's own conflict entries); into emptied buckets, only contacts
      // added earlier in this restore have any.
      const written = await write(kind, db, rows as unknown as E[], { checked: true, empty: opts?.fresh ? (c) => !added.has(c) : undefined });
      for (const r of rows) added.add(r.contactId as string);
      if (written.length !== rows.length) throw new Error(`${rows.length - written.length} rows have an id that is already there`);
    },
    put: async (rows) => void (await write(kind, db, rows as unknown as E[], { replace: true })),
    remove: (rows) => remove(kind, db, rows as unknown as Entry[]),
    async page(after, size) {
      // A page of rows is a few buckets, and the rest of the last one's contact (bucket ids begin with the contact's),
      // so every contact's rows come out together.
      const limit = Math.max(1, Math.ceil(size / kind.size));
      const buckets = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(limit).toArray();
      if (buckets.length === 0) return { rows: [], records: 0, next: null };
      const last = buckets[buckets.length - 1]!;
      const full = buckets.length === limit;
      if (full) buckets.push(...(await table.where(':id').between(last.id, `${last.contactId}|\uffff`, false, true).toArray()));
      const rows: Row[] = [];
      for (const [, list] of groupByContact(buckets.flatMap(kind.entries))) {
        // History ids begin with their contact's: in id order within each contact, the table is in id order, as a
        // backup of schema v2 was (the check then needs no set of every key). Notes stay in their buckets' order.
        if (sortById) list.sort(byId);
        rows.push(...(list as unknown as Row[]));
      }
      return { rows, records: buckets.length, next: full ? buckets[buckets.length - 1]!.id : null };
    },
    all: async () => (await allEntries(kind, db)) as unknown as Row[],
  };
}

/** The rows of table `t` in `db`, or in transaction `tx` when given (then `t`'s store must be in its scope). */
export function rowStore(source: TableSource, t: TableName): RowStore {
  if (t === 'interactions') return bucketStore(HISTORY, source, true);
  if (t === 'notes') return bucketStore(NOTES, source, false);
  return tableStore(source.table(storeOf(t)), t);
}
