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
 * - a contact keeps the later `lastInteractionAt` of both versions whichever wins (history is written without
 *   touching `updatedAt`, so the older row may know of newer mail), and a contact that was here moves it up to the
 *   newest history entry or note the backup brings it;
 * - a backup contact whose id is not here but who shares an email address or LinkedIn profile with a contact here
 *   is the same person saved in both browsers: it is folded into that contact (lib/backup/identity.ts), and every
 *   row of the backup that names its id (notes, history, promises, resources sent, threads, referrals) is re-keyed
 *   to it; a history entry both have (the same message) is kept once, this browser's. The file lists contacts
 *   first, so every fold is known before the rows that name it stream in (a file edited by hand to list a table
 *   before the contacts keeps that table's rows under the backup's ids);
 * - settings have no time: lists (your addresses, muted senders) are joined, every other setting stays as it is
 *   here; an offer-profile field left empty here is filled from the backup.
 *
 * Replace: every table is emptied, then filled from the backup.
 */
import type { Table } from 'dexie';
import { STAGE_LABEL } from '../playbook/types';
import { DEFAULT_SETTINGS, OfferProfileSchema, SettingsSchema, type Interaction, type InteractionKind } from '../db/models';
import type { ResourcefulDB } from '../db/schema';
import { BackupError, STORES, TABLES, TABLE_WORDS, VERSION_FIELD, parseRow, zeroCounts, type Counts, type TableName } from './format';
import { sameRow } from './hash';
import { NAMES_CONTACT, foldContact, identityKeys, identityOf, laterTime, rekeyRow } from './identity';
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
  /**
   * Rows here replaced by the backup's newer version (merge), merged field by field (settings), or given the
   * backup's later time of last interaction when that is all that differs (contacts).
   */
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
  /**
   * Backup contacts merged into a contact here that has another id but shares an email address or LinkedIn profile
   * (merge); counted here only, not as added, updated, unchanged or kept.
   */
  contactsMerged: number;
  /**
   * Entries a merge took into this browser's lists from the backup's settings: addresses that count as the rep's
   * own (messages from them are "from me") and muted senders (kept out of the queue). Shown after the restore, so
   * a backup cannot change whose mail counts as the rep's, or hide a sender, without the rep seeing it.
   */
  joined: { ownEmails: string[]; muted: string[] };
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
    contactsMerged: 0,
    joined: { ownEmails: [], muted: [] },
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
        const owned = list.filter((c) => present.has(c.contactId));
        summary.conflictsUnrecorded += list.length - owned.length;
        // An entry an earlier merge of the same backup wrote (same row, same versions, same id) is kept once.
        const already = await stores.interactions.get(owned as unknown as Row[]);
        const kept = owned.filter((_, i) => already[i] === undefined);
        summary.conflictsRecorded += kept.length;
        for (let at = 0; at < kept.length; at += chunk) await stores.interactions.add(kept.slice(at, at + chunk));
      };
      const folds: Folds = { into: new Map(), targets: new Set(), added: new Set(), held: [] };
      const contacts = tx.table('contacts') as Table<Row, string>;
      /** Once every contact is read: the held-back ones, then referrals of folded contacts re-keyed. */
      const finishContacts = async (): Promise<void> => {
        const held = folds.held.splice(0);
        for (let at = 0; at < held.length; at += chunk) await mergeContactChunk(contacts, held.slice(at, at + chunk), summary, conflicts, opts.now, folds, true);
        if (folds.into.size === 0) return;
        // Rows here, and backup rows written before the fold was known, that name a folded contact as their referrer.
        await contacts
          .where('referredBy')
          .anyOf([...folds.into.keys()])
          .modify((c) => {
            const to = folds.into.get(c.referredBy as string)!;
            c.referredBy = c.id === to ? null : to;
          });
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
          const contactsDone = written.contacts + (t === 'contacts' ? part.length : 0) === expected.contacts;
          if (t === 'contacts') {
            await mergeContactChunk(contacts, part, summary, conflicts, opts.now, folds, false);
            if (contactsDone) await finishContacts();
          } else {
            let rows = part;
            let rekeyed: Set<Row> | undefined;
            if (folds.into.size && NAMES_CONTACT.has(t)) {
              rekeyed = new Set();
              rows = part.map((r) => {
                const moved = rekeyRow(t, r, folds.into);
                if (!moved) return r;
                rekeyed!.add(moved);
                return moved;
              });
              if (t === 'interactions' && rekeyed.size) rows = onceEach(rows, rekeyed, summary);
            }
            // Only a history entry's id names its contact: a re-keyed note, promise or thread that meets its id here is
            // the same row, and merges by its version like any other.
            const { added, replaced } = await mergeChunk(stores[t], t, rows, summary, conflicts, opts.now, t === 'interactions' ? rekeyed : undefined);
            if (t === 'interactions') {
              const events = [...added, ...replaced].filter((e) => e.kind !== CONFLICT_KIND);
              await touchContacts(contacts, events.map((e) => [e.contactId as string, e.at as number]), folds);
            } else if (t === 'notes') {
              await touchContacts(contacts, added.map((n) => [n.contactId as string, n.createdAt as number]), folds);
            }
          }
          // Contacts are only written by their own table: once it is all in, the conflicts found so far can go.
          if (contactsDone && conflicts.length >= chunk) await record();
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

/**
 * Merges a chunk of rows by primary key; returns the backup rows written where there was none (`added`) and over an
 * older version (`replaced`). `rekeyed`: history entries moved here from a folded contact; one whose id is here is
 * the same event seen in both browsers, and this browser's stays (as `mergeContacts` keeps its target's), unrecorded.
 */
async function mergeChunk(
  store: RowStore,
  t: TableName,
  part: Row[],
  summary: RestoreSummary,
  conflicts: Interaction[],
  now: number,
  rekeyed?: ReadonlySet<Row>,
): Promise<{ added: Row[]; replaced: Row[] }> {
  const here = await store.get(part);
  const puts: Row[] = [];
  const added: Row[] = [];
  const replaced: Row[] = [];
  part.forEach((theirs, k) => {
    const mine = here[k];
    if (mine === undefined) {
      puts.push(theirs);
      added.push(theirs);
      summary.added[t] += 1;
      // No settings saved here yet (the row is written on the first change): the backup's lists all take effect.
      if (theirs.key === 'settings' && t === 'settings') summary.joined = joinedLists(undefined, theirs);
    } else if (sameRow(mine, theirs)) {
      summary.unchanged[t] += 1;
    } else if (t === 'settings') {
      const merged = mergeSettings(mine, theirs);
      if (sameRow(merged, mine)) summary.unchanged[t] += 1;
      else {
        puts.push(merged);
        summary.updated[t] += 1;
        if (merged.key === 'settings') summary.joined = joinedLists(mine, merged);
      }
    } else if (rekeyed?.has(theirs)) {
      summary.keptHere[t] += 1;
    } else {
      const field = VERSION_FIELD[t];
      const theirsNewer = Number(theirs[field]) > Number(mine[field]);
      if (theirsNewer) {
        puts.push(theirs);
        replaced.push(theirs);
        summary.updated[t] += 1;
      } else summary.keptHere[t] += 1;
      const older = theirsNewer ? mine : theirs;
      const entry = conflictEntry(t, older, theirsNewer ? 'here' : 'backup', now);
      if (entry) conflicts.push(entry);
      else summary.conflictsUnrecorded += 1;
    }
  });
  if (puts.length) await store.put(puts);
  return { added, replaced };
}

/** What a merge restore knows of contacts while the rest of the backup streams in. */
interface Folds {
  /** Backup contact id → the id of the contact here it was folded into. */
  into: Map<string, string>;
  /** Contacts here that took in a backup contact: their own backup row, met later, must keep what they took in. */
  targets: Set<string>;
  /**
   * Contacts this restore added: never folded into (a backup's own two rows for one person stay two, as a replace
   * would restore them), and their `lastInteractionAt` is the backup's own account of their history.
   */
  added: Set<string>;
  /** Backup contacts whose referrer is not here (yet): merged once every contact is in, as the referrer may be folded. */
  held: Row[];
}

/**
 * Merges a chunk of the backup's contacts: by id first (`mergeContact`), then each one whose id is not here, by
 * shared email address or LinkedIn slug, into the contact here that has it (`foldContact`), else added. A batch of
 * requests per chunk whatever its size: the rows by id, the referrers, and the two identity indexes.
 * `final`: the held-back rows, once every contact is in (none is held again).
 */
async function mergeContactChunk(contacts: Table<Row, string>, part: Row[], summary: RestoreSummary, conflicts: Interaction[], now: number, folds: Folds, final: boolean): Promise<void> {
  let rows = part.map((r) => withReferrer(r, folds.into));
  if (!final) {
    // A referrer that is not here may still come, and be folded into another contact: compared now, the row would
    // differ from this browser's re-keyed one, and its referral point at an id that is gone.
    const refs = [...new Set(rows.map((r) => r.referredBy).filter((id): id is string => typeof id === 'string' && id !== ''))];
    if (refs.length) {
      const found = await contacts.bulkGet(refs);
      const missing = new Set(refs.filter((_, i) => found[i] === undefined));
      if (missing.size) {
        rows = rows.filter((r) => {
          if (!missing.has(r.referredBy as string)) return true;
          folds.held.push(r);
          return false;
        });
      }
    }
  }
  if (rows.length === 0) return;
  const here = await contacts.bulkGet(rows.map((r) => r.id as string));
  /** Each contact as stored before this chunk (to write only what changed), and as it will be written. */
  const stored = new Map<string, Row>();
  const next = new Map<string, Row>();
  const unmatched: Row[] = [];
  rows.forEach((theirs, k) => {
    const mine = here[k];
    if (mine === undefined) {
      unmatched.push(theirs);
      return;
    }
    stored.set(mine.id as string, mine);
    next.set(mine.id as string, mergeContact(mine, theirs, summary, conflicts, now, folds));
  });
  if (unmatched.length) {
    const emails = new Set<string>();
    const slugs = new Set<string>();
    for (const r of unmatched) {
      const who = identityOf(r);
      for (const e of who.emails) emails.add(e);
      for (const s of who.slugs) slugs.add(s);
    }
    const [byEmail, bySlug] = await Promise.all([
      emails.size ? contacts.where('emails').anyOf([...emails]).toArray() : [],
      slugs.size ? contacts.where('linkedinSlugs').anyOf([...slugs]).toArray() : [],
    ]);
    for (const c of [...byEmail, ...bySlug]) if (!stored.has(c.id as string)) stored.set(c.id as string, c);
    /** Every contact holding each identifier, as the rows stand after this chunk so far. */
    const holders = new Map<string, string[]>();
    const hold = (c: Row): void => {
      for (const key of identityKeys(c)) {
        const list = holders.get(key);
        if (!list) holders.set(key, [c.id as string]);
        else if (!list.includes(c.id as string)) list.push(c.id as string);
      }
    };
    for (const [id, c] of stored) hold(next.get(id) ?? c);
    for (const x of unmatched) {
      const xId = x.id as string;
      const keys = identityKeys(x);
      // The first of its identifiers (addresses, then profiles, in its own order) that a contact here holds.
      let targetId: string | undefined;
      for (const key of keys) {
        targetId = holders.get(key)?.find((id) => !folds.added.has(id));
        if (targetId !== undefined) break;
      }
      if (targetId === undefined) {
        next.set(xId, x);
        folds.added.add(xId);
        summary.added.contacts += 1;
        hold(x);
        continue;
      }
      const target = next.get(targetId) ?? stored.get(targetId)!;
      const merged = foldContact(target, x, (key) => (holders.get(key) ?? []).every((id) => id === targetId));
      next.set(targetId, merged);
      hold(merged);
      folds.into.set(xId, targetId);
      folds.targets.add(targetId);
      summary.contactsMerged += 1;
    }
  }
  const puts = [...next].filter(([id, row]) => !stored.has(id) || !sameRow(stored.get(id), row)).map(([, row]) => row);
  if (puts.length) await contacts.bulkPut(puts);
}

/** A contact row whose referrer was folded, pointing at the contact it was folded into (never at itself). */
function withReferrer(row: Row, into: ReadonlyMap<string, string>): Row {
  const to = typeof row.referredBy === 'string' ? into.get(row.referredBy) : undefined;
  return to === undefined ? row : { ...row, referredBy: to === row.id ? null : to };
}

/**
 * One contact found under its id on both sides: the row to store. The newer version wins as for every table, with
 * the later `lastInteractionAt` of the two; a contact here that took in a folded one keeps what it took in (its
 * addresses, profiles, tags) under the backup's newer version. Rows that differ only in that time are not a conflict.
 */
function mergeContact(mine: Row, theirs: Row, summary: RestoreSummary, conflicts: Interaction[], now: number, folds: Folds): Row {
  if (sameRow(mine, theirs)) {
    summary.unchanged.contacts += 1;
    return mine;
  }
  const last = laterTime(mine.lastInteractionAt, theirs.lastInteractionAt);
  if (sameRow({ ...mine, lastInteractionAt: null }, { ...theirs, lastInteractionAt: null })) {
    if (last === mine.lastInteractionAt) summary.unchanged.contacts += 1;
    else summary.updated.contacts += 1;
    return { ...mine, lastInteractionAt: last };
  }
  const theirsNewer = Number(theirs.updatedAt) > Number(mine.updatedAt);
  if (theirsNewer) summary.updated.contacts += 1;
  else summary.keptHere.contacts += 1;
  const entry = conflictEntry('contacts', theirsNewer ? mine : theirs, theirsNewer ? 'here' : 'backup', now);
  if (entry) conflicts.push(entry);
  const newer = !theirsNewer ? mine : folds.targets.has(mine.id as string) ? foldContact(theirs, mine) : theirs;
  return { ...newer, lastInteractionAt: last };
}

/**
 * History entries re-keyed onto a contact can meet one it has in the same chunk (the same message, listed under both
 * contacts in the backup): kept once, the contact's own, and the other counted as the same or kept.
 */
function onceEach(rows: Row[], rekeyed: ReadonlySet<Row>, summary: RestoreSummary): Row[] {
  const byId = new Map<string, Row>();
  for (const r of rows) {
    const id = r.id as string;
    const first = byId.get(id);
    if (first === undefined) {
      byId.set(id, r);
      continue;
    }
    const [kept, dropped] = rekeyed.has(first) && !rekeyed.has(r) ? [r, first] : [first, r];
    byId.set(id, kept);
    if (sameRow(kept, dropped)) summary.unchanged.interactions += 1;
    else summary.keptHere.interactions += 1;
  }
  return byId.size === rows.length ? rows : [...byId.values()];
}

/**
 * Moves `lastInteractionAt` of contacts that were here up to the newest of `events` ([contactId, time]) that the
 * merge wrote to them, as adding history or a note does in the app. Contacts this restore added keep the backup's
 * own value. One read and at most one write for the chunk.
 */
async function touchContacts(contacts: Table<Row, string>, events: [string, number][], folds: Folds): Promise<void> {
  const newest = new Map<string, number>();
  for (const [id, at] of events) {
    if (folds.added.has(id)) continue;
    const was = newest.get(id);
    if (was === undefined || at > was) newest.set(id, at);
  }
  if (newest.size === 0) return;
  const ids = [...newest.keys()];
  const rows = await contacts.bulkGet(ids);
  const puts: Row[] = [];
  rows.forEach((c, i) => {
    if (!c) return;
    const last = laterTime(c.lastInteractionAt, newest.get(ids[i]!));
    if (last !== c.lastInteractionAt) puts.push({ ...c, lastInteractionAt: last });
  });
  if (puts.length) await contacts.bulkPut(puts);
}

function union(a: unknown, b: unknown, max: number): string[] {
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : []);
  return [...new Set([...list(a), ...list(b)])].slice(0, max);
}

/**
 * What the merged settings' lists hold that this browser's did not: compared with the settings in effect here (a row
 * that fails its schema is read as the defaults, as the app reads it; none at all is the defaults too), entries
 * trimmed and without regard to case (the app compares them so).
 */
function joinedLists(mine: Row | undefined, merged: Row): RestoreSummary['joined'] {
  const here = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...((mine?.value as Record<string, unknown> | undefined) ?? {}) });
  const had = here.success ? here.data : DEFAULT_SETTINGS;
  const value = merged.value as Record<string, unknown>;
  const key = (v: string) => v.trim().toLowerCase();
  const added = (now: unknown, before: readonly string[]) => {
    const seen = new Set(before.map(key));
    return union(now, [], Infinity).filter((v) => {
      const k = key(v);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return { ownEmails: added(value.ownEmails, had.ownEmails), muted: added(value.muted, had.muted) };
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

/**
 * A 64-bit FNV-1a hash of the parts (two 32-bit lanes), as 16 hex digits: synchronous, so it can run inside the
 * restore's IndexedDB transaction (awaiting `crypto.subtle` there would let the transaction commit).
 */
function fingerprint(parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const part of parts) {
    for (let i = 0; i <= part.length; i++) {
      const c = i < part.length ? part.charCodeAt(i) : 0; // 0 ends each part: ["ab", "c"] and ["a", "bc"] differ
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c ^ (a >>> 7), 0x01000193) >>> 0;
    }
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
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
  const snippet = describe(t, older).slice(0, 400);
  // Named by what it records, so merging the same backup again finds its entry there instead of adding a copy.
  const sourceKey = `restore:${t}:${fingerprint([t, String(older.id), olderSide, String(older[VERSION_FIELD[t as Exclude<TableName, 'settings'>]]), snippet])}`;
  return {
    id: `${contactId}|${sourceKey}`,
    contactId,
    sourceKey,
    kind: CONFLICT_KIND,
    at: now,
    subject,
    snippet: snippet || null,
    threadId: null,
    url: null,
  };
}
