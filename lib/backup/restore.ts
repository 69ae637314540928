/**
 * Restoring a checked backup, all or nothing: one read-write transaction over every table, so a failure anywhere
 * (a full disk, a bad write) undoes everything and the database is exactly as it was.
 *
 * Merge (by primary key; nothing that is here now is lost):
 * - a backup row whose key is not here is added;
 * - the same key with the same data is left alone;
 * - the same key with different data keeps the newer version by `updatedAt` (history and resource sends: `at`).
 *   On a tie this browser's version stays. The older version is written into the contact's history, so what it
 *   said is still there to read; resources and triage corrections belong to no contact and are only counted;
 * - settings have no time: lists (your addresses, muted senders) are joined, every other setting stays as it is
 *   here; an offer-profile field left empty here is filled from the backup.
 *
 * Replace: every table is emptied, then filled from the backup.
 */
import { STAGE_LABEL } from '../playbook/types';
import { DEFAULT_SETTINGS, OfferProfileSchema, SettingsSchema, type Interaction, type InteractionKind } from '../db/models';
import type { ResourcefulDB } from '../db/schema';
import { BackupError, STORES, TABLES, TABLE_WORDS, VERSION_FIELD, parseRow, zeroCounts, type Counts, type TableName } from './format';
import { sameRow } from './hash';
import { pageSize, type HistoryPage } from './pages';
import { rowStore, type RowStore } from './stores';
import { QUOTA_MESSAGE, isQuotaError } from './quota';
import { streamCheckedRows, type CheckedBackup, type ParsedBackup } from './read';
import type { Progress } from './write';

/** How the backup meets what is here: joined by id, or instead of it. */
export type RestoreMode = 'merge' | 'replace';

/** What a restore did, per table. */
export interface RestoreSummary {
  mode: RestoreMode;
  /** Backup rows written where there was no row with their key. */
  added: Counts;
  /** Rows here replaced by the backup's newer version (merge), or merged field by field (settings). */
  updated: Counts;
  /** Rows that were the same on both sides (merge). */
  unchanged: Counts;
  /** Rows where this browser's version was as new or newer, and stayed (merge). */
  keptHere: Counts;
  /** Rows deleted before the backup was written (replace). */
  removed: Counts;
  /** History entries written to keep the older side of a conflict readable. */
  conflictsRecorded: number;
  /** Conflicts on rows that belong to no saved contact (resources, triage corrections, threads without a contact). */
  conflictsUnrecorded: number;
}

/** The history kind of a "restore kept the newer version" entry: no report, balance or follow-up rule counts it. */
export const CONFLICT_KIND: InteractionKind = 'restore_conflict';

/** Rows written per request inside the transaction; progress is reported after each. */
export const WRITE_CHUNK = 2000;

type Row = Record<string, unknown>;

/**
 * Writes a checked backup into the database. Rejects with a `BackupError` (and changes nothing) when it fails.
 *
 * A `CheckedBackup` (checkBackupFile) is read from its file again, a slice at a time, inside the one transaction:
 * while a slice is read, the transaction's `waitFor` keeps it open (IndexedDB commits a transaction that has no
 * request pending when the page waits for anything else, such as a file), and the next slice is read while the
 * current chunk is written, so the wait is short or none. Memory holds two slices and two chunks of rows, whatever
 * the file's size. A `ParsedBackup` (rows already in memory) is written the same way.
 */
export async function restoreBackup(
  db: ResourcefulDB,
  backup: ParsedBackup | CheckedBackup,
  opts: { mode: RestoreMode; now: number; onProgress?: (p: Progress) => void; chunkSize?: number; sliceBytes?: number },
): Promise<RestoreSummary> {
  const summary: RestoreSummary = {
    mode: opts.mode,
    added: zeroCounts(),
    updated: zeroCounts(),
    unchanged: zeroCounts(),
    keptHere: zeroCounts(),
    removed: zeroCounts(),
    conflictsRecorded: 0,
    conflictsUnrecorded: 0,
  };
  const chunk = Math.max(1, opts.chunkSize ?? WRITE_CHUNK);
  const inMemory = 'tables' in backup;
  const expected = inMemory ? (Object.fromEntries(TABLES.map((t) => [t, backup.tables[t].length])) as Counts) : backup.counts;
  const total = TABLES.reduce((n, t) => n + expected[t], 0);
  const written = zeroCounts();
  let done = 0;
  let current: TableName = TABLES[0];
  try {
    await db.transaction('rw', STORES.map((t) => db.table(t)), async (tx) => {
      const stores = Object.fromEntries(TABLES.map((t) => [t, rowStore(tx, t)])) as Record<TableName, RowStore>;
      if (opts.mode === 'replace') {
        for (const t of TABLES) {
          current = t;
          summary.removed[t] = await stores[t].count();
          await stores[t].clear();
        }
      }
      const conflicts: Interaction[] = [];
      /** Writes the conflict entries gathered so far; only once the contacts are final (an entry needs its contact). */
      const record = async (): Promise<void> => {
        if (conflicts.length === 0) return;
        current = 'interactions';
        const list = conflicts.splice(0);
        const owners = (await tx.table('contacts').bulkGet([...new Set(list.map((c) => c.contactId))])) as (Row | undefined)[];
        const present = new Set(owners.filter((c) => c !== undefined).map((c) => c.id as string));
        const kept = list.filter((c) => present.has(c.contactId));
        summary.conflictsUnrecorded += list.length - kept.length;
        summary.conflictsRecorded += kept.length;
        for (let at = 0; at < kept.length; at += chunk) await stores.interactions.add(kept.slice(at, at + chunk));
      };
      const wrote = (t: TableName, n: number): void => {
        written[t] += n;
        done += n;
        opts.onProgress?.({ done, total, table: t });
      };
      const write = async (t: TableName, part: Row[]): Promise<void> => {
        current = t;
        if (opts.mode === 'replace') {
          await stores[t].add(part, { fresh: true });
          summary.added[t] += part.length;
        } else {
          await mergeChunk(stores[t], t, part, summary, conflicts, opts.now);
          // Contacts are only written by their own table: once it is all in, the conflicts found so far can go.
          if (written.contacts + (t === 'contacts' ? part.length : 0) === expected.contacts && conflicts.length >= chunk) await record();
        }
        wrote(t, part.length);
      };
      /** History pages (replace only): stored as the buckets they were, where they can be. */
      const writePages = async (part: HistoryPage[], n: number): Promise<void> => {
        current = 'interactions';
        await stores.interactions.addPages!(part);
        summary.added.interactions += n;
        wrote('interactions', n);
      };

      // Rows are gathered per table into chunks; a chunk is written while the next one is read and parsed (the
      // browser's IndexedDB works in another process), and never more than one write is under way.
      // History pages are gathered apart (a table's list is all rows or all pages), counted by their entries.
      let table: TableName | null = null;
      let rows: Row[] = [];
      let pages: HistoryPage[] = [];
      let paged = 0;
      let inflight: Promise<void> | null = null;
      const flush = async (): Promise<void> => {
        const part = rows;
        const pagePart = pages;
        const entries = paged;
        rows = [];
        pages = [];
        paged = 0;
        if (inflight) {
          const before = inflight;
          inflight = null;
          await before;
        }
        if (table === null) return;
        if (pagePart.length) inflight = writePages(pagePart, entries);
        else if (part.length) inflight = write(table, part);
        else return;
        // Awaited by the next flush; until then a failure must not count as unhandled.
        inflight.catch(() => undefined);
      };
      const push = (t: TableName, row: Row): void | Promise<void> => {
        if (t !== table && (rows.length || pages.length)) {
          return flush().then(() => {
            table = t;
            rows.push(row);
          });
        }
        table = t;
        rows.push(row);
        if (rows.length >= chunk) return flush();
      };
      const pushPage = (page: HistoryPage): void | Promise<void> => {
        const add = (): void => {
          table = 'interactions';
          pages.push(page);
          paged += pageSize(page);
        };
        if (table !== 'interactions' && rows.length) return flush().then(add);
        add();
        if (paged >= chunk) return flush();
      };

      if (inMemory) {
        for (const t of TABLES) {
          for (const row of backup.tables[t]) {
            const wait = push(t, row);
            if (wait) await wait;
          }
        }
      } else {
        // Replace fills emptied stores: a file's history pages can go in as the buckets they were.
        const onPage = opts.mode === 'replace' ? pushPage : undefined;
        await streamCheckedRows(backup, { onRow: push, onPage, wait: (read) => keepOpen(tx.idbtrans, read), sliceBytes: opts.sliceBytes });
      }
      await flush();
      await flush();
      await record();
    });
  } catch (e) {
    // A problem with the file itself (it changed since it was checked): its own message; the transaction undid all.
    if (e instanceof BackupError) throw e;
    if (isQuotaError(e)) throw new BackupError('quota', QUOTA_MESSAGE);
    const why = e instanceof Error ? e.message : String(e);
    throw new BackupError('write_failed', `Restoring stopped while writing ${TABLE_WORDS[current][1]} (${why}). Everything written was undone: nothing was changed.`);
  }
  return summary;
}

/**
 * Waits for `read` while keeping `idbtrans` open: IndexedDB commits a transaction as soon as it has no request
 * pending and the page returns to its event loop, so a cheap request is kept pending until the read settles. The
 * promise settles inside a request's success callback, where the transaction is active: the caller's next writes
 * (in the same microtask checkpoint) land in the same transaction. Dexie's own `waitFor` does the same, but is not
 * part of its typed API on a transaction.
 */
function keepOpen<T>(idbtrans: IDBTransaction, read: Promise<T>): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
  read.then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  );
  const store = idbtrans.objectStoreNames[0]!;
  return new Promise<T>((resolve, reject) => {
    const spin = (): void => {
      if (outcome) {
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
        return;
      }
      try {
        // -Infinity is a valid key that no row has: the cheapest request there is.
        const request = idbtrans.objectStore(store).get(-Infinity);
        request.onsuccess = spin;
        request.onerror = () => reject(request.error ?? new Error('the restore transaction failed'));
      } catch (e) {
        reject(e);
      }
    };
    spin();
  });
}

async function mergeChunk(store: RowStore, t: TableName, part: Row[], summary: RestoreSummary, conflicts: Interaction[], now: number): Promise<void> {
  const here = await store.get(part);
  const puts: Row[] = [];
  part.forEach((theirs, k) => {
    const mine = here[k];
    if (mine === undefined) {
      puts.push(theirs);
      summary.added[t] += 1;
    } else if (sameRow(mine, theirs)) {
      summary.unchanged[t] += 1;
    } else if (t === 'settings') {
      const merged = mergeSettings(mine, theirs);
      if (sameRow(merged, mine)) summary.unchanged[t] += 1;
      else {
        puts.push(merged);
        summary.updated[t] += 1;
      }
    } else {
      const field = VERSION_FIELD[t];
      const theirsNewer = Number(theirs[field]) > Number(mine[field]);
      if (theirsNewer) {
        puts.push(theirs);
        summary.updated[t] += 1;
      } else summary.keptHere[t] += 1;
      const older = theirsNewer ? mine : theirs;
      const entry = conflictEntry(t, older, theirsNewer ? 'here' : 'backup', now);
      if (entry) conflicts.push(entry);
      else summary.conflictsUnrecorded += 1;
    }
  });
  if (puts.length) await store.put(puts);
}

function union(a: unknown, b: unknown, max: number): string[] {
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : []);
  return [...new Set([...list(a), ...list(b)])].slice(0, max);
}

/** Settings merge: this browser's choices stay; lists are joined; empty offer-profile fields are filled. */
function mergeSettings(mine: Row, theirs: Row): Row {
  // A row here that fails its schema cannot be merged into: the backup's (checked) row takes its place.
  if (!parseRow('settings', mine, 1).ok) return theirs;
  // The stored value as it is: a field an older version never wrote was never chosen, so the backup's fills it.
  const a = mine.value as Record<string, unknown>;
  const b = theirs.value as Record<string, unknown>;
  if (theirs.key === 'settings') {
    const merged = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...b, ...a, ownEmails: union(a.ownEmails, b.ownEmails, 50), muted: union(a.muted, b.muted, 500) });
    return merged.success ? { key: 'settings', value: merged.data } : theirs;
  }
  const filled: Record<string, unknown> = {};
  for (const k of Object.keys(OfferProfileSchema.shape)) {
    const v = a[k];
    filled[k] = v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? b[k] : v;
  }
  const offer = OfferProfileSchema.safeParse(filled);
  return offer.success ? { key: 'offer', value: offer.data } : theirs;
}

function when(t: unknown): string {
  const n = Number(t);
  return Number.isFinite(n) && Math.abs(n) < 8.64e15 ? `${new Date(n).toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'unknown time';
}

/** The contact a row is about, if any. */
function ownerOf(t: TableName, row: Row): string | null {
  if (t === 'contacts') return row.id as string;
  const id = row.contactId;
  return typeof id === 'string' && id ? id : null;
}

/** The older row in a few words, for the history entry that keeps it. */
function describe(t: TableName, r: Row): string {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (t) {
    case 'contacts': {
      const stage = STAGE_LABEL[r.stage as keyof typeof STAGE_LABEL];
      return [s(r.name), s(r.title), s(r.company), ...(Array.isArray(r.emails) ? r.emails.map(s) : []), stage ? `stage: ${stage}` : '', Array.isArray(r.tags) && r.tags.length ? `tags: ${r.tags.join(', ')}` : '']
        .filter(Boolean)
        .join(' · ');
    }
    case 'notes':
      return `${r.pinned ? '(pinned) ' : ''}${s(r.text)}`;
    case 'commitments':
      return `${r.direction === 'theirs' ? 'They' : 'You'} promised: ${s(r.text)} (${s(r.status)})`;
    case 'interactions':
      return [s(r.kind), s(r.subject), s(r.snippet)].filter(Boolean).join(' — ');
    case 'resourceSends':
      return `Resource ${s(r.resourceId)} sent ${when(r.at)}`;
    case 'threads':
      return [s(r.subject), s(r.fromEmail)].filter(Boolean).join(' — ');
    default:
      return '';
  }
}

function conflictEntry(t: TableName, older: Row, olderSide: 'here' | 'backup', now: number): Interaction | null {
  const contactId = ownerOf(t, older);
  if (!contactId || t === 'settings') return null;
  const word = TABLE_WORDS[t][0];
  const changed = when(older[VERSION_FIELD[t as Exclude<TableName, 'settings'>]]);
  const subject =
    olderSide === 'backup'
      ? `Restore kept the newer ${word} in this browser; the backup's older version (${changed}):`
      : `Restore replaced this ${word} with the backup's newer version; the version here before (${changed}):`;
  const sourceKey = `restore:${t}:${crypto.randomUUID()}`;
  return {
    id: `${contactId}|${sourceKey}`,
    contactId,
    sourceKey,
    kind: CONFLICT_KIND,
    at: now,
    subject,
    snippet: describe(t, older).slice(0, 400) || null,
    threadId: null,
    url: null,
  };
}
