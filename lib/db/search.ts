import { ContactSearch, type SearchSource } from '../search';
import type { ResourcefulDB } from './schema';

/** The search index's view of the database: changed rows by their `updatedAt` index. */
export function dbSearchSource(db: ResourcefulDB): SearchSource {
  return {
    contactsChangedSince: (since) => db.contacts.where('updatedAt').above(since).toArray(),
    notesChangedSince: (since) => db.notes.where('updatedAt').above(since).toArray(),
    counts: async () => ({ contacts: await db.contacts.count(), notes: await db.notes.count() }),
    allIds: async () => ({ contacts: (await db.contacts.toCollection().primaryKeys()) as string[], notes: (await db.notes.toCollection().primaryKeys()) as string[] }),
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
