import type { Page } from 'playwright-core';
import { BUCKET_SIZE } from '../../lib/db/history';
import { NOTE_BUCKET_SIZE } from '../../lib/db/notebook';
import type { Commitment, Contact, Interaction, Note, Resource, SettingsRow, ThreadRow } from '../../lib/db/models';

/** Rows to write, per table of the extension's database (history and notes as rows; seedDb puts them into buckets). */
export interface SeedRows {
  contacts?: Contact[];
  notes?: Note[];
  interactions?: Interaction[];
  commitments?: Commitment[];
  threads?: ThreadRow[];
  resources?: Resource[];
  settings?: SettingsRow[];
}

/**
 * Writes rows straight into the extension's IndexedDB from one of its pages, with raw IndexedDB (the page's own Dexie
 * is inside its bundle, out of reach). The page must have opened the database first, so the stores exist; Dexie's
 * live queries do not see raw writes, so reload the page afterwards. History rows and notes go into their contact's
 * buckets the way lib/db/buckets.ts keeps them (merged with the buckets there, oldest first, so many a bucket), as
 * the app would have written them; a row with an id that is there replaces it.
 */
export async function seedDb(page: Page, rows: SeedRows): Promise<void> {
  await page.evaluate(
    async ({ rows, sizes }) => {
      type Row = { id: string; contactId: string; at: number; createdAt: number; updatedAt: number; kind: string };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('resourceful');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      // How each bucketed table is kept (lib/db/history.ts, lib/db/notebook.ts).
      const bucketed: Record<string, { store: string; size: number; time: (r: Row) => number; field: string; derived: (list: Row[]) => Record<string, unknown> }> = {
        interactions: { store: 'history', size: sizes.history, time: (r) => r.at, field: 'events', derived: (list) => ({ kinds: [...new Set(list.map((e) => e.kind))] }) },
        notes: { store: 'notebooks', size: sizes.notes, time: (r) => r.createdAt, field: 'notes', derived: (list) => ({ ids: list.map((n) => n.id), updated: Math.max(...list.map((n) => n.updatedAt)) }) },
      };
      const all = rows as Record<string, Row[]>;
      const stores = Object.keys(all)
        .filter((t) => all[t]!.length > 0)
        .map((t) => bucketed[t]?.store ?? t);
      const missing = stores.filter((s) => !db.objectStoreNames.contains(s));
      if (missing.length) throw new Error(`no store ${missing.join(', ')}: open an extension page first`);
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(stores, 'readwrite');
        for (const [table, list] of Object.entries(all)) {
          const how = bucketed[table];
          if (!how) {
            for (const row of list) tx.objectStore(table).put(row);
            continue;
          }
          const store = tx.objectStore(how.store);
          const byContact = new Map<string, Row[]>();
          for (const r of list) byContact.set(r.contactId, [...(byContact.get(r.contactId) ?? []), r]);
          for (const [contactId, mine] of byContact) {
            const req = store.index('[contactId+last]').getAll(IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]));
            req.onsuccess = () => {
              const old = req.result as Record<string, unknown>[];
              const entries = new Map<string, Row>();
              for (const b of old) for (const e of b[how.field] as Row[]) entries.set(e.id, e);
              for (const r of mine) entries.set(r.id, r);
              const sorted = [...entries.values()].sort((a, b) => how.time(a) - how.time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
              for (const b of old) store.delete(b.id as string);
              for (let i = 0; i < sorted.length; i += how.size) {
                const part = sorted.slice(i, i + how.size);
                const first = how.time(part[0]!);
                const last = how.time(part[part.length - 1]!);
                store.put({ id: `${contactId}|${String(first).padStart(16, '0')}|${crypto.randomUUID()}`, contactId, first, last, ...how.derived(part), [how.field]: part });
              }
            };
          }
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { rows: rows as Record<string, unknown[]>, sizes: { history: BUCKET_SIZE, notes: NOTE_BUCKET_SIZE } },
  );
}

/** Every history entry and note in the extension's IndexedDB, by id (raw, from one of its pages). */
export async function bucketedRows(page: Page): Promise<{ interactions: Interaction[]; notes: Note[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('resourceful');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const read = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error);
      });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const interactions = (await read('history')).flatMap((b) => b.events as Interaction[]).sort(byId);
    const notes = (await read('notebooks')).flatMap((b) => b.notes as Note[]).sort(byId);
    db.close();
    return { interactions, notes };
  });
}

/** A saved contact with empty defaults (shared with the unit tests). */
export { contactRow } from '../helpers/factories';

/** A history entry; the id follows the app's `${contactId}|${sourceKey}` rule. */
export function interactionRow(contactId: string, sourceKey: string, kind: Interaction['kind'], at: number, over: Partial<Interaction> = {}): Interaction {
  return { id: `${contactId}|${sourceKey}`, contactId, sourceKey, kind, at, subject: null, snippet: null, threadId: null, url: null, ...over };
}

/** A Gmail thread row of the unanswered queue. */
export function threadRow(threadId: string, contactId: string | null, firstInboundAt: number, firstReplyAt: number | null): ThreadRow {
  return {
    threadId,
    url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
    subject: `Inquiry ${threadId}`,
    fromName: threadId,
    fromEmail: `${threadId}@example.com`,
    lastInboundAt: firstInboundAt,
    lastOutboundAt: firstReplyAt,
    firstInboundAt,
    firstReplyAt,
    contactId,
    needsReply: firstReplyAt === null ? 1 : 0,
    updatedAt: firstReplyAt ?? firstInboundAt,
  };
}

/** A promise in the commitments ledger (the rep's own unless `direction` says otherwise). */
export function commitmentRow(id: string, contactId: string, over: Partial<Commitment>): Commitment {
  return { id, contactId, direction: 'mine', kind: 'send', text: `Promise ${id}`, dueAt: null, status: 'open', createdAt: 0, updatedAt: 0, resolvedAt: null, source: 'manual', ...over };
}
