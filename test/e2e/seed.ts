import type { Page } from 'playwright-core';
import type { Commitment, Contact, Interaction, Note, Resource, SettingsRow, ThreadRow } from '../../lib/db/models';

/** Rows to write, per object store of the extension's database (schema v2). */
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
 * is inside its bundle, out of reach). The page must have opened the database first, so the v2 stores exist; Dexie's
 * live queries do not see raw writes, so reload the page afterwards.
 */
export async function seedDb(page: Page, rows: SeedRows): Promise<void> {
  await page.evaluate(async (rows: Record<string, unknown[]>) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('resourceful');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stores = Object.keys(rows).filter((s) => rows[s]!.length > 0);
    const missing = stores.filter((s) => !db.objectStoreNames.contains(s));
    if (missing.length) throw new Error(`no store ${missing.join(', ')}: open an extension page first`);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite');
      for (const s of stores) for (const row of rows[s]!) tx.objectStore(s).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows as Record<string, unknown[]>);
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
