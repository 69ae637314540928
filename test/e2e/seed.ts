import type { Page } from 'playwright-core';
import { byId, byTime, groupByContact, toBuckets, type Bucket, type BucketKind, type Entry } from '../../lib/db/buckets';
import { HISTORY } from '../../lib/db/history';
import { NOTES } from '../../lib/db/notebook';
import type { Commitment, Contact, HistoryBucket, Interaction, Note, NoteBucket, Resource, SettingsRow, ThreadRow } from '../../lib/db/models';

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
 * live queries do not see raw writes, so reload the page afterwards. History rows and notes go into their contacts'
 * buckets as the app keeps them: the buckets there are read, merged with the rows (a row with an id that is there
 * replaces it) and cut again by the app's own code (lib/db/buckets.ts). Seed while no page of those contacts is open,
 * or the extension may write between the read and the write.
 */
export async function seedDb(page: Page, rows: SeedRows): Promise<void> {
  const { interactions = [], notes = [], ...plain } = rows;
  const bucketed = [bucketedWrite(HISTORY, interactions), bucketedWrite(NOTES, notes)].filter((b) => b.rows.length > 0);
  const stored = await page.evaluate(async (wanted) => {
    const request = <T>(r: IDBRequest): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result as T);
        r.onerror = () => reject(r.error);
      });
    const db = await request<IDBDatabase>(indexedDB.open('resourceful'));
    const out: Record<string, unknown>[][] = [];
    for (const { store, contactIds } of wanted) {
      const list: Record<string, unknown>[] = [];
      for (const contactId of contactIds) {
        list.push(...(await request<Record<string, unknown>[]>(db.transaction(store).objectStore(store).index('[contactId+last]').getAll(IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity])))));
      }
      out.push(list);
    }
    db.close();
    return out;
  }, bucketed.map((b) => ({ store: b.store, contactIds: [...new Set(b.rows.map((r) => r.contactId))] })));
  const puts: Record<string, unknown[]> = { ...(plain as Record<string, unknown[]>) };
  const deletes: Record<string, string[]> = {};
  bucketed.forEach((b, k) => {
    const { put, remove } = b.merge(stored[k]!);
    puts[b.store] = put;
    deletes[b.store] = remove;
  });
  await page.evaluate(
    async ({ puts, deletes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('resourceful');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const stores = [...new Set([...Object.keys(puts), ...Object.keys(deletes)])].filter((s) => (puts[s]?.length ?? 0) + (deletes[s]?.length ?? 0) > 0);
      const missing = stores.filter((s) => !db.objectStoreNames.contains(s));
      if (missing.length) throw new Error(`no store ${missing.join(', ')}: open an extension page first`);
      if (stores.length) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(stores, 'readwrite');
          for (const s of stores) {
            for (const key of deletes[s] ?? []) tx.objectStore(s).delete(key);
            for (const row of puts[s] ?? []) tx.objectStore(s).put(row);
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { puts, deletes },
  );
}

/** Rows of one bucketed kind to seed, and how to merge them into the buckets stored for their contacts. */
function bucketedWrite<E extends Entry, B extends Bucket>(kind: BucketKind<E, B>, rows: readonly E[]) {
  return {
    store: kind.store,
    rows,
    merge(stored: readonly unknown[]): { put: B[]; remove: string[] } {
      const old = stored as B[];
      const entries = new Map<string, E>();
      for (const b of old) for (const e of kind.entries(b)) entries.set(e.id, e);
      for (const r of rows) entries.set(r.id, r);
      const put: B[] = [];
      for (const [contactId, list] of groupByContact([...entries.values()])) put.push(...toBuckets(kind, contactId, list.sort((a, b) => byTime(kind, a, b))));
      return { put, remove: old.map((b) => b.id) };
    },
  };
}

/** Every history entry and note in the extension's IndexedDB, by id (raw, from one of its pages). */
export async function bucketedRows(page: Page): Promise<{ interactions: Interaction[]; notes: Note[] }> {
  const raw = await page.evaluate(async () => {
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
    const out = { history: await read('history'), notebooks: await read('notebooks') };
    db.close();
    return out;
  });
  // Out of their buckets by the app's own code (history buckets hold columns, lib/db/history.ts).
  return {
    interactions: (raw.history as unknown as HistoryBucket[]).flatMap(HISTORY.entries).sort(byId),
    notes: (raw.notebooks as unknown as NoteBucket[]).flatMap(NOTES.entries).sort(byId),
  };
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
