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
