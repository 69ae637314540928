/**
 * A contact's history: `Interaction` rows (with their `${contactId}|${sourceKey}` ids) kept in buckets of up to
 * `BUCKET_SIZE` entries per contact, ordered by `at` (lib/db/buckets.ts says why). The timeline reads the newest
 * bucket, the whole history a contact's few buckets, and the report finds buckets by kind or by date. Since schema v4
 * a bucket keeps its entries as columns (`toColumns`), not as objects.
 *
 * Every function here must run inside a transaction that includes `db.history` (and `db.contacts` where noted).
 */
import * as buckets from './buckets';
import type { WriteOptions } from './buckets';
import { InteractionSchema, type HistoryBucket, type HistoryColumns, type Interaction, type InteractionKind } from './models';
import type { ResourcefulDB } from './schema';

/** Entries per bucket: big enough that a restore writes few records, small enough that the timeline reads little. */
export const BUCKET_SIZE = 250;

/**
 * The kinds a bucket is found by (its `marks`, indexed): the report reads every stage change. Every kind used to be
 * indexed, about eight index rows per bucket at ~30 µs each to write, for a lookup only this kind needs.
 */
export const MARKED_KINDS: readonly InteractionKind[] = ['stage_changed'];

/**
 * A bucket's entries as columns (models.ts `HistoryColumns`). Measured in Chromium 156 on the benchmark's buckets
 * (2,000 buckets, 195k entries, raw IndexedDB, the real indexes): writing them took 1.7–2.6 s as objects and 0.7–0.9 s
 * as columns, reading them back 0.9–1.3 s and 0.3–0.4 s, and turning columns back into objects 30–80 ms. Columns of
 * plain numbers cost the same as typed arrays there, and stay readable as JSON (tests, a look in DevTools).
 */
export function toColumns(contactId: string, events: readonly Interaction[]): HistoryColumns {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (v: string | null): number => {
    if (v === null) return -1;
    let i = index.get(v);
    if (i === undefined) {
      i = strings.push(v) - 1;
      index.set(v, i);
    }
    return i;
  };
  const cols: HistoryColumns = { strings, sourceKey: [], kind: [], at: [], subject: [], snippet: [], threadId: [], url: [], ids: [], resources: [] };
  const prefix = `${contactId}|`;
  events.forEach((e, i) => {
    cols.sourceKey.push(e.sourceKey);
    cols.kind.push(ref(e.kind));
    cols.at.push(e.at);
    cols.subject.push(ref(e.subject));
    cols.snippet.push(ref(e.snippet));
    cols.threadId.push(ref(e.threadId));
    cols.url.push(ref(e.url));
    if (e.id.length !== prefix.length + e.sourceKey.length || !e.id.startsWith(prefix) || !e.id.endsWith(e.sourceKey)) cols.ids.push([i, e.id]);
    if (e.resourceIds !== undefined) cols.resources.push([i, e.resourceIds]);
  });
  return cols;
}

/** The entries of `cols`, oldest first, as `Interaction`s of `contactId`. */
export function fromColumns(contactId: string, cols: HistoryColumns): Interaction[] {
  const { strings } = cols;
  const str = (i: number): string | null => (i < 0 ? null : strings[i]!);
  const prefix = `${contactId}|`;
  const out: Interaction[] = [];
  for (let i = 0; i < cols.at.length; i++) {
    const sourceKey = cols.sourceKey[i]!;
    out.push({
      id: prefix + sourceKey,
      contactId,
      sourceKey,
      kind: strings[cols.kind[i]!] as InteractionKind,
      at: cols.at[i]!,
      subject: str(cols.subject[i]!),
      snippet: str(cols.snippet[i]!),
      threadId: str(cols.threadId[i]!),
      url: str(cols.url[i]!),
    });
  }
  for (const [i, id] of cols.ids) out[i]!.id = id;
  for (const [i, ids] of cols.resources) out[i]!.resourceIds = ids;
  return out;
}

/**
 * The bucket of `cols` (a non-empty list, oldest first), with its derived fields: a restore stores a backup's
 * history pages this way without turning them into objects and back.
 */
export function bucketOfColumns(contactId: string, cols: HistoryColumns, id: string): HistoryBucket {
  const used = new Set(cols.kind);
  const kinds = [...used].map((k) => cols.strings[k] as InteractionKind);
  return { id, contactId, first: cols.at[0]!, last: cols.at[cols.at.length - 1]!, kinds, marks: kinds.filter((k) => MARKED_KINDS.includes(k)), cols };
}

// A bucket read once is often asked for its entries several times (a write looks for ids, then splits, then cuts):
// decoded once per bucket object. Buckets are never changed in place, so a cached list stays true.
const decoded = new WeakMap<HistoryBucket, Interaction[]>();

/** History entries, in buckets by `at`. */
export const HISTORY: buckets.BucketKind<Interaction, HistoryBucket> = {
  store: 'history',
  size: BUCKET_SIZE,
  time: (e) => e.at,
  entries: (b) => {
    let list = decoded.get(b);
    if (!list) {
      list = fromColumns(b.contactId, b.cols);
      decoded.set(b, list);
    }
    return list;
  },
  make: (contactId, events, id) => bucketOfColumns(contactId, toColumns(contactId, events), id),
  valid: (e) => InteractionSchema.safeParse(e).success,
};

/** Cuts one contact's entries (sorted oldest first) into full buckets, the newest one holding the rest. */
export function toBuckets(contactId: string, sorted: Interaction[]): HistoryBucket[] {
  return buckets.toBuckets(HISTORY, contactId, sorted);
}

/** A contact's buckets, oldest first. */
export function bucketsOf(db: ResourcefulDB, contactId: string): Promise<HistoryBucket[]> {
  return buckets.bucketsOf(HISTORY, db, contactId);
}

/** Every history entry of a contact, oldest first. */
export function historyOf(db: ResourcefulDB, contactId: string): Promise<Interaction[]> {
  return buckets.entriesOf(HISTORY, db, contactId);
}

/** A contact's newest `limit` entries, newest first. */
export function newestHistory(db: ResourcefulDB, contactId: string, limit: number): Promise<Interaction[]> {
  return buckets.newestOf(HISTORY, db, contactId, limit);
}

/** How many history entries a contact has. */
export function countHistory(db: ResourcefulDB, contactId: string): Promise<number> {
  return buckets.countOf(HISTORY, db, contactId);
}

/** Deletes a contact's whole history. */
export function deleteHistoryOf(db: ResourcefulDB, contactId: string): Promise<void> {
  return buckets.dropContact(HISTORY, db, contactId);
}

/**
 * Entries of `kinds` from buckets that `query` finds, with `at` in `[from, to)`. The report's two reads: every stage
 * change (buckets by kind), and gives/asks/follow-ups in a date range (buckets by their newest entry).
 */
export async function historyByKind(db: ResourcefulDB, kinds: readonly InteractionKind[], from = -Infinity, to = Infinity): Promise<Interaction[]> {
  const wanted = new Set<string>(kinds);
  const buckets =
    from === -Infinity && kinds.every((k) => MARKED_KINDS.includes(k))
      ? await db.history.where('marks').anyOf([...kinds]).distinct().toArray()
      : await db.history.where('last').aboveOrEqual(from).filter((b) => b.first < to && b.kinds.some((k) => wanted.has(k))).toArray();
  const out: Interaction[] = [];
  for (const b of buckets) for (const e of HISTORY.entries(b)) if (wanted.has(e.kind) && e.at >= from && e.at < to) out.push(e);
  return out;
}

/** Every history entry, by id (the order the old one-entry-per-record table had): for backups' hashes and tests. */
export function allHistory(db: ResourcefulDB): Promise<Interaction[]> {
  return buckets.allEntries(HISTORY, db);
}

/**
 * Writes history entries, each into its contact's buckets. An entry whose id is already there is skipped, or with
 * `replace` takes the old one's place. Invalid rows are dropped. Returns the entries written.
 */
export function writeHistory(db: ResourcefulDB, rows: readonly Interaction[], opts: WriteOptions = {}): Promise<Interaction[]> {
  return buckets.write(HISTORY, db, rows, opts);
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
  for (const [contactId, list] of buckets.groupByContact(rows)) {
    const from = Math.min(...list.map((r) => r.at));
    const ids = new Set<string>();
    for (const b of await buckets.range(HISTORY, db, contactId, from).toArray()) for (const e of HISTORY.entries(b)) ids.add(e.id);
    if (list.every((r) => ids.has(r.id))) continue;
    for (const b of await buckets.range(HISTORY, db, contactId).until((b) => b.last >= from).toArray()) for (const e of HISTORY.entries(b)) ids.add(e.id);
    if (!list.every((r) => ids.has(r.id))) return false;
  }
  return true;
}

/** Deletes history entries by id, each from its contact's buckets. */
export function deleteHistory(db: ResourcefulDB, rows: readonly Pick<Interaction, 'id' | 'contactId'>[]): Promise<void> {
  return buckets.remove(HISTORY, db, rows);
}

/**
 * Moves a contact's entries that `pick` chooses to another contact (merge, unlink): they take the new contact's id
 * prefix; an entry the target already has (same source) is dropped. Returns the entries moved.
 */
export function moveHistory(db: ResourcefulDB, fromId: string, toId: string, pick: (e: Interaction) => boolean = () => true): Promise<Interaction[]> {
  return buckets.move(HISTORY, db, fromId, (e) => ({ ...e, contactId: toId, id: `${toId}|${e.sourceKey}` }), pick);
}
