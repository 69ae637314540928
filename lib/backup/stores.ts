/**
 * The backup's tables over the database's object stores. A backup holds history entries and notes as one row each
 * (the `interactions` and `notes` tables, as they were stored up to schema v2); the database keeps them in
 * per-contact buckets (lib/db/buckets.ts). Everything the backup code does to a table goes through `rowStore`, so it reads and writes
 * rows whichever way they are stored.
 */
import type { Table } from 'dexie';
import { allEntries, bucketsOf, byId, countAll, groupByContact, homesOf, newBucketId, remove, tableOf, write, type Bucket, type BucketKind, type Entry, type TableSource } from '../db/buckets';
import { BUCKET_SIZE, HISTORY, bucketOfColumns } from '../db/history';
import type { HistoryBucket, Interaction } from '../db/models';
import { NOTES } from '../db/notebook';
import { PRIMARY_KEY, storeOf, type TableName } from './format';
import { pageEntries, pageSize, type HistoryPage } from './pages';

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
  /**
   * History only: adds a backup's pages (file format 2) to a store this restore emptied, each stored as a bucket as
   * it is where it can be (see `historyStore`).
   */
  addPages?(pages: readonly HistoryPage[]): Promise<void>;
  /** History only: up to `size` buckets after the bucket `after`, in primary key order (a contact's together, oldest first). */
  buckets?(after: string | null, size: number): Promise<{ buckets: HistoryBucket[]; next: string | null }>;
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

/** How a bucket store's rows are found and listed. */
interface BucketStoreOptions {
  /** List each contact's rows in id order (history: the order of schema v2's table); else in their buckets' order. */
  sortById: boolean;
  /**
   * The entry's id does not name its contact (a note's): a row is looked for under any contact, so an id stays one
   * entry in the whole database when a merge brings it back under another contact.
   */
  anyContact?: boolean;
  /** Contacts given rows by this restore so far (shared with `historyStore`'s pages). */
  added?: Set<string>;
}

/** Rows kept in per-contact buckets (history entries, notes), as one row per entry. */
function bucketStore<E extends Entry, B extends Bucket>(kind: BucketKind<E, B>, db: TableSource, { sortById, anyContact = false, added = new Set<string>() }: BucketStoreOptions): RowStore {
  const table = tableOf(kind, db);
  // Every stored row's contact by id, read once on the first look (a full read: only merges and erases need it),
  // then kept current with what this store writes and deletes.
  let homes: Map<string, string> | undefined;
  const homesNow = async (): Promise<Map<string, string> | undefined> => (anyContact ? (homes ??= await homesOf(kind, db)) : undefined);
  const wrote = (rows: readonly E[]) => {
    for (const r of rows) homes?.set(r.id, r.contactId);
  };
  return {
    count: () => countAll(kind, db),
    records: () => table.count(),
    async clear() {
      await table.clear();
      // Read again if asked (a replace restore never asks: its adds are into emptied buckets).
      homes = undefined;
    },
    async get(rows) {
      const where = await homesNow();
      // A row is looked for under the contact that has its id here (any contact, `anyContact`), else under its own.
      const contactOf = (r: Row) => where?.get(r.id as string) ?? (r.contactId as string);
      const byContact = new Map<string, Map<string, Row>>();
      for (const contactId of new Set(rows.map(contactOf))) {
        const entries = new Map<string, Row>();
        for (const b of await bucketsOf(kind, db, contactId)) for (const e of kind.entries(b)) entries.set(e.id, e as unknown as Row);
        byContact.set(contactId, entries);
      }
      return rows.map((r) => byContact.get(contactOf(r))?.get(r.id as string));
    },
    async add(rows, opts) {
      // Rows come checked (a backup's, the restore's own conflict entries); into emptied buckets, only contacts
      // added earlier in this restore have any.
      const fresh = opts?.fresh;
      const written = await write(kind, db, rows as unknown as E[], { checked: true, empty: fresh ? (c) => !added.has(c) : undefined, homes: fresh ? undefined : await homesNow() });
      wrote(written);
      for (const r of rows) added.add(r.contactId as string);
      if (written.length !== rows.length) throw new Error(`${rows.length - written.length} rows have an id that is already there`);
    },
    async put(rows) {
      wrote(await write(kind, db, rows as unknown as E[], { replace: true, homes: await homesNow() }));
    },
    async remove(rows) {
      await remove(kind, db, rows as unknown as Entry[]);
      for (const r of rows) homes?.delete(r.id as string);
    },
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

/** True when `at` never goes down: a page's entries are in time order. */
function inOrder(at: readonly number[]): boolean {
  for (let i = 1; i < at.length; i++) if (at[i]! < at[i - 1]!) return false;
  return true;
}

/**
 * History rows, and a backup's pages. A page that can be a bucket as it is (in time order, no fuller than a bucket,
 * after the contact's pages so far) is stored as one without turning its columns into entries and back: a restore's
 * pages are the buckets a backup read, so that is all of them but in a file edited by hand. Any other page's entries
 * go in one by one, as rows do, and so does every later page of that contact.
 */
function historyStore(db: TableSource): RowStore {
  const added = new Set<string>();
  const rows = bucketStore(HISTORY, db, { sortById: true, added });
  const table = tableOf(HISTORY, db);
  /** The newest time of each contact whose pages were all stored as they are. */
  const newest = new Map<string, number>();
  return {
    ...rows,
    async buckets(after, size) {
      const buckets = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(size).toArray();
      return { buckets, next: buckets.length === size ? buckets[size - 1]!.id : null };
    },
    async addPages(pages) {
      const buckets: HistoryBucket[] = [];
      const entries: Interaction[] = [];
      for (const page of pages) {
        const { contactId, cols } = page;
        const n = pageSize(page);
        const after = newest.get(contactId);
        const first = cols.at[0]!;
        const asIs = (after === undefined ? !added.has(contactId) : first >= after) && n <= BUCKET_SIZE && inOrder(cols.at);
        added.add(contactId);
        if (asIs) {
          buckets.push(bucketOfColumns(contactId, cols, newBucketId(contactId, first)));
          newest.set(contactId, cols.at[n - 1]!);
        } else {
          newest.delete(contactId);
          entries.push(...pageEntries(page));
        }
      }
      if (buckets.length) await table.bulkAdd(buckets);
      // After the buckets above: a contact's earlier pages are then in its buckets, where these entries find them.
      if (entries.length) await rows.add(entries as unknown as Row[], { fresh: true });
    },
  };
}

/** The rows of table `t` in `db`, or in transaction `tx` when given (then `t`'s store must be in its scope). */
export function rowStore(source: TableSource, t: TableName): RowStore {
  if (t === 'interactions') return historyStore(source);
  if (t === 'notes') return bucketStore(NOTES, source, { sortById: false, anyContact: true });
  return tableStore(source.table(storeOf(t)), t);
}
