import Dexie from 'dexie';
import { ContactSearch, type SearchSource } from '../search';
import { notebooksChangedSince } from './notebook';
import type { ResourcefulDB } from './schema';

/**
 * The search index's view of the database: contacts changed by their `updatedAt`, note buckets by `updated`, and
 * by id the rows those miss (a merge restore's, which keep an old `updatedAt`).
 */
export function dbSearchSource(db: ResourcefulDB): SearchSource {
  return {
    contactsChangedSince: (since) => db.contacts.where('updatedAt').above(since).toArray(),
    // Note groups are the notebooks (buckets of a contact's notes): counted and listed by primary key, no note read.
    notesChangedSince: (since) => db.transaction('r', db.notebooks, () => notebooksChangedSince(db, since)),
    counts: async () => ({ contacts: await db.contacts.count(), groups: await db.notebooks.count() }),
    allIds: async () => ({
      contacts: (await db.contacts.toCollection().primaryKeys()) as string[],
      groups: (await db.notebooks.toCollection().primaryKeys()) as string[],
    }),
    contactsByIds: async (ids) => (await db.contacts.bulkGet([...ids])).filter((c) => c !== undefined),
    groupsByIds: async (ids) => (await db.notebooks.bulkGet([...ids])).filter((b) => b !== undefined),
    // Dexie reports every write to this database, from this page and from the extension's other pages and worker
    // (it relays them over a BroadcastChannel): a keystroke only asks IndexedDB when contacts or notes changed.
    onRestored: (listener) => onRestored(db, listener),
    onChange: (listener) => {
      const prefixes = [`idb://${db.name}/contacts/`, `idb://${db.name}/notebooks/`];
      const handler = (parts: Record<string, unknown>) => {
        if (Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) listener();
      };
      Dexie.on('storagemutated', handler);
      return () => Dexie.on('storagemutated').unsubscribe(handler);
    },
  };
}

/** The channel a restore announces itself on, to every extension page of this profile (same origin). */
const RESTORED_CHANNEL = 'resourceful:restored';

/**
 * Tells open search indexes (the side panel's) that a restore wrote rows with their old times: they read everything
 * again on their next query. Call after a restore commits. A no-op where BroadcastChannel does not exist.
 */
export function announceRestored(db: ResourcefulDB): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(RESTORED_CHANNEL);
  channel.postMessage(db.name);
  channel.close();
}

/** Calls `listener` after a restore of this database, in any extension page (`announceRestored`); returns a stop. */
export function onRestored(db: ResourcefulDB, listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(RESTORED_CHANNEL);
  // Only this database's restores (tests open several).
  channel.onmessage = (e: MessageEvent) => {
    if (e.data === db.name) listener();
  };
  return () => channel.close();
}

const indexes = new WeakMap<ResourcefulDB, ContactSearch>();

/** The page's one search index for a database (built on first use). */
export function searchFor(db: ResourcefulDB): ContactSearch {
  let s = indexes.get(db);
  if (!s) {
    s = new ContactSearch(dbSearchSource(db));
    indexes.set(db, s);
  }
  return s;
}
