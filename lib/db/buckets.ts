/**
 * Per-contact buckets: one IndexedDB record holds up to `size` entries of one contact (history entries, notes),
 * oldest first, and a contact's buckets cover separate stretches of time.
 *
 * Why: Chromium's IndexedDB costs about 100 µs per record written on a small machine, whatever the record's size
 * (the benchmark's write floor; raw puts of 20k tiny records take 1–1.6 s, of 200 records of 100 entries ~0.1 s).
 * With one record per entry, restoring a backup of a million history entries and 100k notes took six minutes; in
 * buckets it is a few ten thousand records. Reads stay cheap: a contact's newest entries are its newest bucket.
 *
 * This module is the engine; lib/db/history.ts and lib/db/notebook.ts say what a bucket of each holds. Every function
 * must run inside a transaction that includes the bucket table.
 */
import Dexie, { type Table } from 'dexie';

/** What every bucketed entry has: its own id, unique in the database, and its contact. */
export interface Entry {
  id: string;
  contactId: string;
}

/** What every bucket has: its id, its contact, and the time of its oldest and newest entry. */
export interface Bucket {
  id: string;
  contactId: string;
  first: number;
  last: number;
}

/** The database, or a transaction over it: either gives a table by its store's name (a transaction, its own). */
export interface TableSource {
  table(name: string): Table;
}

/** One kind of bucketed entry: where its buckets are, how entries are timed and checked, how a bucket is made. */
export interface BucketKind<E extends Entry, B extends Bucket> {
  /** The bucket table's store (indexes: `[contactId+last]` at least). */
  store: string;
  /** Entries per bucket. */
  size: number;
  /** The time an entry is ordered by (it may change when an entry is replaced). */
  time: (e: E) => number;
  /** The entries of a bucket, oldest first. */
  entries: (b: B) => E[];
  /** A bucket of `sorted` (non-empty, oldest first), with its derived fields. */
  make: (contactId: string, sorted: E[], id: string) => B;
  /** Whether a row may be stored (its schema). */
  valid: (e: E) => boolean;
}

/** A kind's bucket table in `db` (the database, or a transaction's own). */
export function tableOf<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource): Table<B, string> {
  return db.table(k.store) as Table<B, string>;
}

/**
 * A new bucket id: the contact's id, then the time of its oldest entry (zero-padded where it is an ordinary
 * timestamp), so a contact's buckets sit together in primary key order, oldest first, and a backup lists the same
 * database's rows in the same order every time. Buckets never overlap in time and keep their id, so the order holds.
 */
export function newBucketId(contactId: string, first: number): string {
  const time = Number.isSafeInteger(first) && first >= 0 ? String(first).padStart(16, '0') : '~';
  return `${contactId}|${time}|${crypto.randomUUID()}`;
}

/** By id, in IndexedDB's key order (code units, as `<` compares strings). */
export function byId(a: Entry, b: Entry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Oldest first; entries at the same time in id order. */
export function byTime<E extends Entry>(k: { time: (e: E) => number }, a: E, b: E): number {
  return k.time(a) - k.time(b) || byId(a, b);
}

/** Cuts one contact's entries (sorted oldest first) into full buckets, the newest one holding the rest. */
export function toBuckets<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, contactId: string, sorted: E[], size = k.size): B[] {
  const out: B[] = [];
  for (let i = 0; i < sorted.length; i += size) {
    const part = sorted.slice(i, i + size);
    out.push(k.make(contactId, part, newBucketId(contactId, k.time(part[0]!))));
  }
  return out;
}

/** A contact's buckets whose newest entry is at `from` or later, in index order. */
export function range<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource, contactId: string, from = -Infinity) {
  return tableOf(k, db).where('[contactId+last]').between([contactId, from], [contactId, Dexie.maxKey], true, true);
}

/** A contact's buckets, oldest first. */
export async function bucketsOf<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource, contactId: string): Promise<B[]> {
  // The index orders buckets that end at the same time by their random ids: sorted here by where they start.
  return (await range(k, db, contactId).toArray()).sort((a, b) => a.last - b.last || a.first - b.first);
}

/** Every entry of a contact, oldest first. */
export async function entriesOf<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource, contactId: string): Promise<E[]> {
  // Buckets never overlap in time, so they concatenate in order; the sort is a no-op kept as a guarantee.
  return (await bucketsOf(k, db, contactId)).flatMap(k.entries).sort((a, b) => byTime(k, a, b));
}

// Buckets the first read of `newestOf` takes at once. The newest bucket holds what is left over after the full ones,
// so a page of entries often spans two, and knowing that no older bucket has anything newer takes one more: read
// together they are one request to the database (getAll, backwards, where the browser has it), where a cursor pays a
// round trip for each (~10 ms apiece on a busy machine, on the panel's first screen).
const FIRST_READ = 3;

/** A contact's newest `limit` entries, newest first: the newest bucket, and older ones only when it holds fewer. */
export async function newestOf<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource, contactId: string, limit: number): Promise<E[]> {
  const newestFirst = (a: E, b: E) => byTime(k, b, a);
  let out: E[] = [];
  // The oldest time among the newest `limit` entries read so far: a bucket that ends before it has nothing newer.
  let cutoff = -Infinity;
  const done = (b: B) => out.length >= limit && b.last < cutoff;
  const add = (b: B) => {
    out.push(...k.entries(b));
    if (out.length >= limit) cutoff = k.time(out.sort(newestFirst)[limit - 1]!);
  };
  const first = await range(k, db, contactId).reverse().limit(FIRST_READ).toArray();
  for (const b of first) {
    if (done(b)) return out.sort(newestFirst).slice(0, limit);
    add(b);
  }
  if (first.length === FIRST_READ) {
    // Older buckets may still matter (a long page, thin buckets): all of them, newest first, one at a time.
    out = [];
    cutoff = -Infinity;
    await range(k, db, contactId).reverse().until(done).each(add);
  }
  return out.sort(newestFirst).slice(0, limit);
}

/** How many entries a contact has. */
export async function countOf<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource, contactId: string): Promise<number> {
  let n = 0;
  await range(k, db, contactId).each((b: B) => (n += k.entries(b).length));
  return n;
}

/** How many entries there are in all (a full read). */
export async function countAll<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource): Promise<number> {
  let n = 0;
  await tableOf(k, db).each((b) => (n += k.entries(b).length));
  return n;
}

/** Every entry, by id (the order a one-entry-per-record table keeps): for backups' hashes and tests. */
export async function allEntries<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource): Promise<E[]> {
  const all = (await tableOf(k, db).toArray()).flatMap(k.entries);
  return all.sort(byId);
}

/**
 * Every stored entry's contact, by entry id: a full read, for a writer whose rows may name another contact than the
 * stored entry's (`WriteOptions.homes`).
 */
export async function homesOf<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource): Promise<Map<string, string>> {
  const homes = new Map<string, string>();
  await tableOf(k, db).each((b) => {
    for (const e of k.entries(b)) homes.set(e.id, b.contactId);
  });
  return homes;
}

/** Deletes a contact's buckets. */
export async function dropContact<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource, contactId: string): Promise<void> {
  await range(k, db, contactId).delete();
}

/**
 * Puts `fresh` (sorted oldest first, ids not in `buckets`) into a contact's buckets (sorted oldest first), and
 * returns the buckets that changed or were made. An entry goes into the bucket whose stretch of time holds it, else
 * onto the end of the one before the gap it falls in. An overfull newest bucket is cut into full ones and a rest
 * (entries arriving in order fill buckets up); an overfull older one into even parts, so the next entries that land
 * there have room.
 */
function insert<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, contactId: string, buckets: readonly B[], fresh: readonly E[]): B[] {
  if (fresh.length === 0) return [];
  if (buckets.length === 0) return toBuckets(k, contactId, [...fresh]);
  const adds = new Map<number, E[]>();
  let i = 0;
  for (const e of fresh) {
    const at = k.time(e);
    while (i < buckets.length && buckets[i]!.last < at) i++;
    const t = i === buckets.length ? i - 1 : buckets[i]!.first > at && i > 0 ? i - 1 : i;
    const list = adds.get(t);
    if (list) list.push(e);
    else adds.set(t, [e]);
  }
  const out: B[] = [];
  for (const [t, extra] of adds) {
    const b = buckets[t]!;
    const entries = [...k.entries(b), ...extra].sort((x, y) => byTime(k, x, y));
    if (entries.length <= k.size) {
      out.push(k.make(contactId, entries, b.id));
      continue;
    }
    const size = t === buckets.length - 1 ? k.size : Math.ceil(entries.length / Math.max(2, Math.ceil(entries.length / k.size)));
    const parts = toBuckets(k, contactId, entries, size);
    out.push(k.make(contactId, k.entries(parts[0]!), b.id), ...parts.slice(1));
  }
  return out;
}

/** Rows by their contact, in the order given. */
export function groupByContact<E extends Entry>(rows: readonly E[]): Map<string, E[]> {
  const by = new Map<string, E[]>();
  for (const r of rows) {
    const list = by.get(r.contactId);
    if (list) list.push(r);
    else by.set(r.contactId, [r]);
  }
  return by;
}

/** How `write` may cut corners when the caller knows more (a restore, which checked every row already). */
export interface WriteOptions {
  /** An entry whose id is there takes the old one's place (else it is skipped). */
  replace?: boolean;
  /** The rows passed their schema already: not checked again. */
  checked?: boolean;
  /**
   * Contacts known to have nothing stored yet: their buckets are not read. Given only by a restore into tables it
   * emptied, whose rows were checked for repeated keys: so no id is stored under another contact either.
   */
  empty?: (contactId: string) => boolean;
  /**
   * Every stored entry's contact, by entry id, for entries whose id does not name their contact (a note's): an id
   * stored under another contact is then skipped, or with `replace` taken out there and written here, so an id stays
   * one entry in the whole database. Given by a merge restore, the one writer whose rows may name another contact
   * than the stored entry's; it keeps the map current with what it writes. Without it, no other contact is looked at.
   */
  homes?: ReadonlyMap<string, string>;
}

/**
 * Writes entries, each into its contact's buckets. An entry whose id is already there is skipped, or with `replace`
 * takes the old one's place (and may move in time). Invalid rows are dropped. Returns the entries written.
 */
export async function write<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource, rows: readonly E[], opts: WriteOptions = {}): Promise<E[]> {
  const written: E[] = [];
  const table = tableOf(k, db);
  let valid = opts.checked ? rows : rows.filter(k.valid);
  const homes = opts.homes;
  if (homes && valid.length && !opts.empty) {
    // An id stored under another contact: skipped, or (replace) taken out there and written here.
    const moved = new Set(valid.filter((r) => homes.has(r.id) && homes.get(r.id) !== r.contactId));
    if (moved.size && opts.replace) await remove(k, db, [...moved].map((r) => ({ id: r.id, contactId: homes.get(r.id)! })));
    else if (moved.size) valid = valid.filter((r) => !moved.has(r));
  }
  const groups = [...groupByContact(valid)];
  // Every contact's buckets read at once, and every change written in two requests at the end: a request and its
  // answer cross to the browser's IndexedDB process, so one round trip per contact made a restore mostly waiting.
  const stored = await Promise.all(groups.map(([contactId]) => (opts.empty?.(contactId) ? [] : bucketsOf(k, db, contactId))));
  const touched = new Map<string, B>();
  const emptied: string[] = [];
  for (const [g, [contactId, list]] of groups.entries()) {
    const buckets = stored[g]!;
    const home = new Map<string, B>();
    for (const b of buckets) for (const e of k.entries(b)) home.set(e.id, b);
    const fresh = new Map<string, E>();
    const leaving = new Map<B, Set<string>>();
    for (const r of list) {
      const b = home.get(r.id);
      if (b && !opts.replace) continue;
      // A replaced entry may have moved in time: it leaves its bucket and goes in again like a new one.
      if (b) leaving.set(b, (leaving.get(b) ?? new Set()).add(r.id));
      // The same id twice in `rows`: the first stays, as a table's add did; `replace` keeps the last.
      if (!fresh.has(r.id) || opts.replace) fresh.set(r.id, r);
    }
    const kept: B[] = [];
    for (const b of buckets) {
      const ids = leaving.get(b);
      if (!ids) {
        kept.push(b);
        continue;
      }
      const rest = k.entries(b).filter((e) => !ids.has(e.id));
      if (rest.length === 0) {
        emptied.push(b.id);
        continue;
      }
      const smaller = k.make(contactId, rest, b.id);
      kept.push(smaller);
      touched.set(b.id, smaller);
    }
    written.push(...fresh.values());
    for (const b of insert(k, contactId, kept, [...fresh.values()].sort((x, y) => byTime(k, x, y)))) touched.set(b.id, b);
  }
  if (emptied.length) await table.bulkDelete(emptied);
  if (touched.size) await table.bulkPut([...touched.values()]);
  return written;
}

/** Deletes entries by id, each from its contact's buckets. */
export async function remove<E extends Entry, B extends Bucket>(k: BucketKind<E, B>, db: TableSource, rows: readonly Entry[]): Promise<void> {
  const table = tableOf(k, db);
  for (const [contactId, list] of groupByContact(rows)) {
    const ids = new Set(list.map((r) => r.id));
    for (const b of await bucketsOf(k, db, contactId)) {
      const rest = k.entries(b).filter((e) => !ids.has(e.id));
      if (rest.length === k.entries(b).length) continue;
      if (rest.length) await table.put(k.make(contactId, rest, b.id));
      else await table.delete(b.id);
    }
  }
}

/**
 * Moves a contact's entries that `pick` chooses to another contact (merge, unlink), changed by `rekey` (a new
 * contactId, and a new id where the id names the contact); an entry whose new id the target has is dropped, the
 * target's stays. Returns the entries moved.
 */
export async function move<E extends Entry, B extends Bucket>(
  k: BucketKind<E, B>,
  db: TableSource,
  fromId: string,
  rekey: (e: E) => E,
  pick: (e: E) => boolean = () => true,
): Promise<E[]> {
  const moving: E[] = [];
  const staying: E[] = [];
  for (const b of await bucketsOf(k, db, fromId)) for (const e of k.entries(b)) (pick(e) ? moving : staying).push(e);
  if (moving.length === 0) return [];
  await dropContact(k, db, fromId);
  if (staying.length) await tableOf(k, db).bulkAdd(toBuckets(k, fromId, staying.sort((a, b) => byTime(k, a, b))));
  const rekeyed = moving.map(rekey);
  await write(k, db, rekeyed, { checked: true });
  return rekeyed;
}
