/**
 * Injected into an extension page (same origin as the extension, so the same IndexedDB) by the benchmark: seeds the
 * real database from the generator, and times the database-side work the panel does (lookups, timeline, search).
 * Uses the app's own modules (lib/db, lib/search) with their own Dexie, bundled into one IIFE.
 */
import './jitless';
import { findContactByEmail, getTimeline } from '../../lib/db/contacts';
import { dbSearchSource, searchFor } from '../../lib/db/search';
import * as buckets from '../../lib/db/buckets';
import { groupByContact } from '../../lib/db/buckets';
import { HISTORY } from '../../lib/db/history';
import { ContactSchema, InteractionSchema, NoteSchema } from '../../lib/db/models';
import { NOTES, noteCount } from '../../lib/db/notebook';
import { DB_NAME, ResourcefulDB } from '../../lib/db/schema';
import { ResourceSchema } from '../../lib/replies/types';
import resourcesJson from '../../test/fixtures/inquiries/resources.json';
import { batchRows, generateResources, planDataset, typingSessions, type DatasetPlan, type DatasetSpec } from '../generate';

/** The rep's library as the benchmark seeds it: the fixture resources, then generated ones (the reply studio searches it). */
const libraryOf = (spec: DatasetSpec) => generateResources(spec.resources ?? 0, resourcesJson as { id: string }[]);

let shared: ResourcefulDB | null = null;
function db(): ResourcefulDB {
  shared ??= new ResourcefulDB();
  return shared;
}

const now = () => performance.now();

function put(idb: IDBDatabase, rows: ReturnType<typeof batchRows>): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(['contacts', 'notebooks', 'history'], 'readwrite');
    const c = tx.objectStore('contacts');
    const n = tx.objectStore('notebooks');
    const h = tx.objectStore('history');
    for (const row of rows.contacts) c.put(row);
    // Notes and history as the app stores them: each contact's, oldest first, in buckets.
    for (const [contactId, list] of groupByContact(rows.notes)) for (const b of buckets.toBuckets(NOTES, contactId, list.sort((x, y) => buckets.byTime(NOTES, x, y)))) n.put(b);
    for (const [contactId, list] of groupByContact(rows.interactions)) for (const b of buckets.toBuckets(HISTORY, contactId, list.sort((x, y) => buckets.byTime(HISTORY, x, y)))) h.put(b);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

const plans = new Map<string, DatasetPlan>();
function planFor(spec: DatasetSpec): DatasetPlan {
  const key = JSON.stringify(spec);
  let plan = plans.get(key);
  if (!plan) {
    plan = planDataset(spec);
    plans.set(key, plan);
  }
  return plan;
}

/** Sorted copy → the q-quantile (nearest rank). */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
}

const api = {
  /**
   * Writes the generated dataset with raw IndexedDB puts (one transaction per batch of contacts), generating the next
   * batch while the previous one commits. The database is created by the app's own schema first.
   */
  async seed(spec: DatasetSpec, batchContacts = 150, inFlight = 2): Promise<{ ms: number; genMs: number; contacts: number; notes: number; interactions: number; resources: number }> {
    const t0 = now();
    const plan = planFor(spec);
    await db().open();
    const idb = db().backendDB();
    // Up to `inFlight` transactions queued: the browser commits one while this page generates and sends the next.
    const pending: Promise<void>[] = [];
    const totals = { contacts: 0, notes: 0, interactions: 0 };
    let genMs = 0;
    for (let i = 0; i < plan.contacts.length; i += batchContacts) {
      const g0 = now();
      const rows = batchRows(plan, i, i + batchContacts);
      genMs += now() - g0;
      totals.contacts += rows.contacts.length;
      totals.notes += rows.notes.length;
      totals.interactions += rows.interactions.length;
      while (pending.length >= inFlight) await pending.shift();
      pending.push(put(idb, rows));
      if ((i / batchContacts) % 10 === 0) console.log(`[bench-seed] ${i}/${plan.contacts.length} contacts, ${totals.interactions} history rows, ${Math.round((now() - t0) / 1000)} s`);
    }
    await Promise.all(pending);
    const library = libraryOf(spec);
    if (library.length > 0) await db().resources.bulkPut(library as never[]);
    return { ms: now() - t0, genMs, ...totals, resources: library.length };
  },

  /** Checks every `every`-th contact's rows against the app's zod row schemas; returns the problems found. */
  validate(spec: DatasetSpec, every = 25): { checked: number; problems: string[] } {
    const plan = planFor(spec);
    const problems: string[] = [];
    let checked = 0;
    for (let i = 0; i < plan.contacts.length; i += every) {
      const rows = batchRows(plan, i, i + 1);
      const all: [string, { safeParse(x: unknown): { success: boolean; error?: unknown } }, unknown[]][] = [
        ['contact', ContactSchema, rows.contacts],
        ['note', NoteSchema, rows.notes],
        ['interaction', InteractionSchema, rows.interactions],
      ];
      for (const [what, schema, list] of all) {
        for (const row of list) {
          checked++;
          const r = schema.safeParse(row);
          if (!r.success && problems.length < 10) problems.push(`${what} of contact ${i}: ${String(r.error).slice(0, 300)}`);
        }
      }
    }
    for (const r of libraryOf(spec)) {
      checked++;
      const res = ResourceSchema.safeParse(r);
      if (!res.success && problems.length < 10) problems.push(`resource ${r.id}: ${String(res.error).slice(0, 300)}`);
    }
    return { checked, problems };
  },

  /** Row counts of the seeded tables. */
  async counts(): Promise<Record<string, number>> {
    const d = db();
    let interactions = 0;
    await d.history.each((b) => (interactions += b.cols.at.length));
    return { contacts: await d.contacts.count(), notes: await noteCount(d), interactions, resources: await d.resources.count() };
  },

  /** Raw `indexedDB.open` of the extension's database plus one read: what the browser costs before any of our code. */
  async rawOpen(): Promise<{ openMs: number; firstReadMs: number }> {
    const t0 = now();
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const t1 = now();
    await new Promise<void>((resolve, reject) => {
      const req = idb.transaction('contacts').objectStore('contacts').index('lastInteractionAt').openCursor(null, 'prev');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    const t2 = now();
    idb.close();
    return { openMs: t1 - t0, firstReadMs: t2 - t1 };
  },

  /**
   * "Who is this?" then their timeline, as the panel asks on a thread: `findContactByEmail` + `getTimeline(…, 50)`,
   * for `count` contacts drawn across the dataset plus the busiest ones. Per-lookup times in ms.
   */
  async lookups(spec: DatasetSpec, count: number): Promise<{ samples: number[]; busiest: number[]; misses: number; warmup: number }> {
    const plan = planFor(spec);
    const d = db();
    await d.open();
    const stride = Math.max(1, Math.floor(plan.contacts.length / count));
    const emails: string[] = [];
    for (let i = 0; i < plan.contacts.length && emails.length < count; i += stride) emails.push(plan.contacts[(i * 7919) % plan.contacts.length]!.email);
    const busiest = plan.contacts.slice(0, 10).map((c) => c.email);
    const one = async (email: string) => {
      const t0 = now();
      const c = await findContactByEmail(d, email);
      if (!c) return -1;
      const tl = await getTimeline(d, c.id, 50);
      if (tl.length === 0) return -1;
      return now() - t0;
    };
    const w0 = now();
    for (const e of emails.slice(0, 20)) await one(e);
    const warmup = now() - w0;
    const samples: number[] = [];
    let misses = 0;
    for (const e of emails) {
      const t = await one(e);
      if (t < 0) misses++;
      else samples.push(t);
    }
    const heavy: number[] = [];
    for (let k = 0; k < 3; k++) for (const e of busiest) heavy.push(await one(e));
    return { samples, busiest: heavy, misses, warmup };
  },

  /**
   * Search as you type, the way the panel's search box runs it on every keystroke: bring the index up to date
   * (`sync`), search, load the hit contacts. The first query builds the index from the whole database: timed apart.
   */
  async search(spec: DatasetSpec, sessions: number): Promise<{ readMs: number; buildMs: number; docs: number; keystrokes: number[]; searchOnly: number[]; syncOnly: number[]; hits: number }> {
    const plan = planFor(spec);
    const d = db();
    await d.open();
    // How much of the first query is reading every contact and note out of IndexedDB (timed on its own first).
    const r0 = now();
    const source = dbSearchSource(d);
    await Promise.all([source.contactsChangedSince(-Infinity), source.notesChangedSince(-Infinity)]);
    const readMs = now() - r0;
    const index = searchFor(d);
    const t0 = now();
    await index.sync();
    const buildMs = now() - t0;
    const keystrokes: number[] = [];
    const searchOnly: number[] = [];
    const syncOnly: number[] = [];
    let hits = 0;
    for (const typed of typingSessions(plan, sessions)) {
      for (const q of typed) {
        const a = now();
        await index.sync();
        const b = now();
        const found = index.search(q, 30);
        const c = now();
        const contacts = await d.contacts.bulkGet(found.map((h) => h.contactId));
        const e = now();
        hits += contacts.filter(Boolean).length;
        keystrokes.push(e - a);
        searchOnly.push(c - b);
        syncOnly.push(b - a);
      }
    }
    return { readMs, buildMs, docs: index.size, keystrokes, searchOnly, syncOnly, hits };
  },

  quantile,
};

(globalThis as unknown as { __benchDb: typeof api }).__benchDb = api;
