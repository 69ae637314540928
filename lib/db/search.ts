import Dexie from 'dexie';
import { ContactSearch, type SearchSource } from '../search';
import { noteCount, noteIds, notesChangedSince } from './notebook';
import type { ResourcefulDB } from './schema';

/** The search index's view of the database: changed rows by their `updatedAt` index. */
export function dbSearchSource(db: ResourcefulDB): SearchSource {
  return {
    contactsChangedSince: (since) => db.contacts.where('updatedAt').above(since).toArray(),
    notesChangedSince: (since) => db.transaction('r', db.notebooks, () => notesChangedSince(db, since)),
    counts: async () => ({ contacts: await db.contacts.count(), notes: await noteCount(db) }),
    allIds: async () => ({ contacts: (await db.contacts.toCollection().primaryKeys()) as string[], notes: await noteIds(db) }),
    // Dexie reports every write to this database, from this page and from the extension's other pages and worker
    // (it relays them over a BroadcastChannel): a keystroke only asks IndexedDB when contacts or notes changed.
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
