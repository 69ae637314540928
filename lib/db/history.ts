/**
 * A contact's history, stored in buckets: one IndexedDB record holds up to `BUCKET_SIZE` entries of one contact,
 * oldest first, and a contact's buckets cover separate stretches of time.
 *
 * Why: Chromium's IndexedDB costs about 100 µs per record written here, whatever its size (measured in the
 * benchmark's write floor), so a million history entries stored one per record took six minutes to restore from a
 * backup. A bucket of 250 entries costs about as much as a few single ones. Everything else reads the same entries
 * (`Interaction` rows, with their `${contactId}|${sourceKey}` ids) through this module: the timeline reads the newest
 * bucket, the whole history reads a contact's few buckets, and the report finds buckets by kind or by date.
 *
 * Every function here must run inside a transaction that includes `db.history` (and `db.contacts` where noted).
 */
import Dexie from 'dexie';
import { InteractionSchema, type HistoryBucket, type Interaction, type InteractionKind } from './models';
import type { ResourcefulDB } from './schema';

/** Entries per bucket: big enough that a restore writes few records, small enough that the timeline reads little. */
export const BUCKET_SIZE = 250;

/** Oldest first; entries at the same time in id order (the order the old `[contactId+at]` index gave). */
function byTime(a: Interaction, b: Interaction): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function bucket(contactId: string, events: Interaction[], id = `${contactId}|${crypto.randomUUID()}`): HistoryBucket {
  return { id, contactId, first: events[0]!.at, last: events[events.length - 1]!.at, kinds: [...new Set(events.map((e) => e.kind))], events };
}

/** Cuts one contact's entries (sorted oldest first) into full buckets, the newest one holding the rest. */
export function toBuckets(contactId: string, sorted: Interaction[], size = BUCKET_SIZE): HistoryBucket[] {
  const out: HistoryBucket[] = [];
  for (let i = 0; i < sorted.length; i += size) out.push(bucket(contactId, sorted.slice(i, i + size)));
  return out;
}

function range(db: ResourcefulDB, contactId: string, fromAt: number = -Infinity) {
  return db.history.where('[contactId+last]').between([contactId, fromAt], [contactId, Dexie.maxKey], true, true);
}

/** Oldest stretch first: by newest entry, then (buckets that end at the same time) by oldest. */
function byStretch(a: HistoryBucket, b: HistoryBucket): number {
  return a.last - b.last || a.first - b.first;
}

/** A contact's buckets, oldest first. */
export async function bucketsOf(db: ResourcefulDB, contactId: string): Promise<HistoryBucket[]> {
  // The index orders buckets that end at the same time by their random ids: sorted here by where they start.
  return (await range(db, contactId).toArray()).sort(byStretch);
}

/** Every history entry of a contact, oldest first. */
export async function historyOf(db: ResourcefulDB, contactId: string): Promise<Interaction[]> {
  const buckets = await bucketsOf(db, contactId);
  // Buckets never overlap in time, so they concatenate in order; the sort is a no-op kept as a guarantee.
  return buckets.flatMap((b) => b.events).sort(byTime);
}

/** A contact's newest `limit` entries, newest first: the newest bucket, and older ones only when it holds fewer. */
export async function newestHistory(db: ResourcefulDB, contactId: string, limit: number): Promise<Interaction[]> {
  const out: Interaction[] = [];
  // The oldest time among the newest `limit` entries read so far: a bucket that ends before it has nothing newer.
  let cutoff = -Infinity;
  await range(db, contactId)
    .reverse()
    .until((b: HistoryBucket) => out.length >= limit && b.last < cutoff)
    .each((b: HistoryBucket) => {
      out.push(...b.events);
      if (out.length >= limit) cutoff = out.sort((x, y) => byTime(y, x))[limit - 1]!.at;
    });
  return out.sort((a, b) => byTime(b, a)).slice(0, limit);
}

/** How many history entries a contact has. */
export async function countHistory(db: ResourcefulDB, contactId: string): Promise<number> {
  let n = 0;
  await range(db, contactId).each((b: HistoryBucket) => (n += b.events.length));
  return n;
}

/** Deletes a contact's whole history. */
export async function deleteHistoryOf(db: ResourcefulDB, contactId: string): Promise<void> {
  await range(db, contactId).delete();
}

/**
 * Entries of `kinds` from buckets that `query` finds, with `at` in `[from, to)`. The report's two reads: every stage
 * change (buckets by kind), and gives/asks/follow-ups in a date range (buckets by their newest entry).
 */
export async function historyByKind(db: ResourcefulDB, kinds: readonly InteractionKind[], from = -Infinity, to = Infinity): Promise<Interaction[]> {
  const wanted = new Set<string>(kinds);
  const buckets =
    from === -Infinity
      ? await db.history.where('kinds').anyOf([...kinds]).distinct().toArray()
      : await db.history.where('last').aboveOrEqual(from).filter((b) => b.first < to && b.kinds.some((k) => wanted.has(k))).toArray();
  const out: Interaction[] = [];
  for (const b of buckets) for (const e of b.events) if (wanted.has(e.kind) && e.at >= from && e.at < to) out.push(e);
  return out;
}

/** Every history entry, by id (the order the old one-entry-per-record table had): for backups' hashes and tests. */
export async function allHistory(db: ResourcefulDB): Promise<Interaction[]> {
  const all = (await db.history.toArray()).flatMap((b) => b.events);
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Puts `fresh` (sorted oldest first, ids not in `buckets`) into a contact's buckets (sorted oldest first), and
 * returns the buckets that changed or were made. An entry goes into the bucket whose stretch of time holds it, else
 * onto the end of the one before the gap it falls in. An overfull newest bucket is cut into full ones and a rest
 * (mail arriving in order fills buckets up); an overfull older one into even parts, so the next entries that land
 * there have room.
 */
function insert(contactId: string, buckets: readonly HistoryBucket[], fresh: readonly Interaction[]): HistoryBucket[] {
  if (fresh.length === 0) return [];
  if (buckets.length === 0) return toBuckets(contactId, [...fresh]);
  const adds = new Map<number, Interaction[]>();
  let k = 0;
  for (const e of fresh) {
    while (k < buckets.length && buckets[k]!.last < e.at) k++;
    const t = k === buckets.length ? k - 1 : buckets[k]!.first > e.at && k > 0 ? k - 1 : k;
    const list = adds.get(t);
    if (list) list.push(e);
    else adds.set(t, [e]);
  }
  const out: HistoryBucket[] = [];
  for (const [t, extra] of adds) {
    const b = buckets[t]!;
    const events = [...b.events, ...extra].sort(byTime);
    if (events.length <= BUCKET_SIZE) {
      out.push(bucket(contactId, events, b.id));
      continue;
    }
    const size = t === buckets.length - 1 ? BUCKET_SIZE : Math.ceil(events.length / Math.max(2, Math.ceil(events.length / BUCKET_SIZE)));
    const parts = toBuckets(contactId, events, size);
    out.push(bucket(contactId, parts[0]!.events, b.id), ...parts.slice(1));
  }
  return out;
}

function groupByContact(rows: readonly Interaction[]): Map<string, Interaction[]> {
  const by = new Map<string, Interaction[]>();
  for (const r of rows) {
    const list = by.get(r.contactId);
    if (list) list.push(r);
    else by.set(r.contactId, [r]);
  }
  return by;
}

/** How `writeHistory` may cut corners when the caller knows more (a restore, which checked every row already). */
export interface WriteOptions {
  /** An entry whose id is there takes the old one's place (else it is skipped). */
  replace?: boolean;
  /** The rows passed their schema already: not checked again. */
  checked?: boolean;
  /** Contacts known to have no history yet (a restore into emptied tables): their buckets are not read. */
  empty?: (contactId: string) => boolean;
}

/**
 * Writes history entries, each into its contact's buckets. An entry whose id is already there is skipped, or with
 * `replace` takes the old one's place. Invalid rows are dropped. Returns the entries written.
 */
export async function writeHistory(db: ResourcefulDB, rows: readonly Interaction[], opts: WriteOptions = {}): Promise<Interaction[]> {
  const written: Interaction[] = [];
  const valid = opts.checked ? rows : rows.filter((r) => InteractionSchema.safeParse(r).success);
  for (const [contactId, list] of groupByContact(valid)) {
    const buckets = opts.empty?.(contactId) ? [] : await bucketsOf(db, contactId);
    const home = new Map<string, HistoryBucket>();
    for (const b of buckets) for (const e of b.events) home.set(e.id, b);
    const fresh = new Map<string, Interaction>();
    const leaving = new Map<HistoryBucket, Set<string>>();
    for (const r of list) {
      const b = home.get(r.id);
      if (b && !opts.replace) continue;
      // A replaced entry may have moved in time: it leaves its bucket and goes in again like a new one.
      if (b) leaving.set(b, (leaving.get(b) ?? new Set()).add(r.id));
      // The same id twice in `rows`: the first stays, as the table's add did; `replace` keeps the last.
      if (!fresh.has(r.id) || opts.replace) fresh.set(r.id, r);
    }
    const touched = new Map<string, HistoryBucket>();
    const emptied: string[] = [];
    const kept: HistoryBucket[] = [];
    for (const b of buckets) {
      const ids = leaving.get(b);
      if (!ids) {
        kept.push(b);
        continue;
      }
      const rest = b.events.filter((e) => !ids.has(e.id));
      if (rest.length === 0) {
        emptied.push(b.id);
        continue;
      }
      const smaller = bucket(contactId, rest, b.id);
      kept.push(smaller);
      touched.set(b.id, smaller);
    }
    written.push(...fresh.values());
    for (const b of insert(contactId, kept, [...fresh.values()].sort(byTime))) touched.set(b.id, b);
    if (emptied.length) await db.history.bulkDelete(emptied);
    if (touched.size) await db.history.bulkPut([...touched.values()]);
  }
  return written;
}

/**
 * Writes history entries and moves each contact's `lastInteractionAt` forward to its newest new entry. Needs
 * `db.contacts` in the transaction too. Returns how many entries were new.
 */
export async function addHistory(db: ResourcefulDB, rows: readonly Interaction[]): Promise<number> {
  if (rows.length === 0) return 0;
  const fresh = await writeHistory(db, rows);
  const newestByContact = new Map<string, number>();
  for (const r of fresh) newestByContact.set(r.contactId, Math.max(newestByContact.get(r.contactId) ?? -Infinity, r.at));
  for (const [contactId, at] of newestByContact) {
    await db.contacts
      .where('id')
      .equals(contactId)
      .modify((c) => {
        if (c.lastInteractionAt === null || at > c.lastInteractionAt) c.lastInteractionAt = at;
      });
  }
  return fresh.length;
}

/**
 * True when every row's id is already in its contact's history (read-only). The buckets from the rows' oldest time
 * on are read first (a re-read thread's messages are there); only a miss reads the contact's whole history, so an
 * entry whose time changed between reads (a date the page did not show) is still found.
 */
export async function hasAllHistory(db: ResourcefulDB, rows: readonly Interaction[]): Promise<boolean> {
  for (const [contactId, list] of groupByContact(rows)) {
    const from = Math.min(...list.map((r) => r.at));
    const ids = new Set<string>();
    for (const b of await range(db, contactId, from).toArray()) for (const e of b.events) ids.add(e.id);
    if (list.every((r) => ids.has(r.id))) continue;
    for (const b of await range(db, contactId, -Infinity).until((b) => b.last >= from).toArray()) for (const e of b.events) ids.add(e.id);
    if (!list.every((r) => ids.has(r.id))) return false;
  }
  return true;
}

/** Deletes history entries by id, each from its contact's buckets. */
export async function deleteHistory(db: ResourcefulDB, rows: readonly Pick<Interaction, 'id' | 'contactId'>[]): Promise<void> {
  for (const [contactId, list] of groupByContact(rows as Interaction[])) {
    const ids = new Set(list.map((r) => r.id));
    for (const b of await bucketsOf(db, contactId)) {
      const rest = b.events.filter((e) => !ids.has(e.id));
      if (rest.length === b.events.length) continue;
      if (rest.length) await db.history.put(bucket(contactId, rest, b.id));
      else await db.history.delete(b.id);
    }
  }
}

/**
 * Moves a contact's entries that `pick` chooses to another contact (merge, unlink): they take the new contact's id
 * prefix; an entry the target already has (same source) is dropped. Returns the entries moved.
 */
export async function moveHistory(db: ResourcefulDB, fromId: string, toId: string, pick: (e: Interaction) => boolean = () => true): Promise<Interaction[]> {
  const buckets = await bucketsOf(db, fromId);
  const moving: Interaction[] = [];
  const staying: Interaction[] = [];
  for (const b of buckets) for (const e of b.events) (pick(e) ? moving : staying).push(e);
  if (moving.length === 0) return [];
  await deleteHistoryOf(db, fromId);
  if (staying.length) await db.history.bulkAdd(toBuckets(fromId, staying.sort(byTime)));
  const rekeyed = moving.map((e) => ({ ...e, contactId: toId, id: `${toId}|${e.sourceKey}` }));
  await writeHistory(db, rekeyed);
  return rekeyed;
}
