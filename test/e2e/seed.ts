import type { Page } from 'playwright-core';
import { BUCKET_SIZE } from '../../lib/db/history';
import type { Commitment, Contact, Interaction, Note, Resource, SettingsRow, ThreadRow } from '../../lib/db/models';

/** Rows to write, per table of the extension's database (history as rows; seedDb puts them into buckets). */
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
 * live queries do not see raw writes, so reload the page afterwards. History rows go into their contact's buckets the
 * way lib/db/history.ts keeps them (merged with the buckets there, oldest first, `BUCKET_SIZE` a bucket), as the app
 * would have written them; a row with an id that is there replaces it.
 */
export async function seedDb(page: Page, rows: SeedRows): Promise<void> {
  await page.evaluate(
    async ({ rows, size }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('resourceful');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const { interactions = [], ...plain } = rows as Record<string, { id: string; contactId: string; at: number; kind: string }[]>;
      const stores = Object.keys(plain).filter((s) => plain[s]!.length > 0);
      if (interactions.length) stores.push('history');
      const missing = stores.filter((s) => !db.objectStoreNames.contains(s));
      if (missing.length) throw new Error(`no store ${missing.join(', ')}: open an extension page first`);
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(stores, 'readwrite');
        for (const s of Object.keys(plain)) for (const row of plain[s]!) tx.objectStore(s).put(row);
        const byContact = new Map<string, typeof interactions>();
        for (const r of interactions) byContact.set(r.contactId, [...(byContact.get(r.contactId) ?? []), r]);
        for (const [contactId, list] of byContact) {
          const history = tx.objectStore('history');
          const req = history.index('[contactId+last]').getAll(IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]));
          req.onsuccess = () => {
            const old = req.result as { id: string; events: typeof interactions }[];
            const events = new Map<string, (typeof interactions)[number]>();
            for (const b of old) for (const e of b.events) events.set(e.id, e);
            for (const r of list) events.set(r.id, r);
            const sorted = [...events.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
            for (const b of old) history.delete(b.id);
            for (let i = 0; i < sorted.length; i += size) {
              const ev = sorted.slice(i, i + size);
              history.put({ id: `${contactId}|${crypto.randomUUID()}`, contactId, first: ev[0]!.at, last: ev[ev.length - 1]!.at, kinds: [...new Set(ev.map((e) => e.kind))], events: ev });
            }
          };
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { rows: rows as Record<string, unknown[]>, size: BUCKET_SIZE },
  );
}

/** Every history entry in the extension's IndexedDB, by id (raw, from one of its pages). */
export async function historyIn(page: Page): Promise<Interaction[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('resourceful');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const buckets = await new Promise<{ events: Interaction[] }[]>((resolve, reject) => {
      const req = db.transaction('history').objectStore('history').getAll();
      req.onsuccess = () => resolve(req.result as { events: Interaction[] }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return buckets.flatMap((b) => b.events).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
