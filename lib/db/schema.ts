import Dexie, { type EntityTable } from 'dexie';
import type { Contact, Interaction, Note, SettingsRow } from './models';

/** The database name; one per browser profile, local to the extension's origin. */
export const DB_NAME = 'resourceful';

/**
 * Every schema version, oldest first. Never edit a released entry: add a new one with an `upgrade` that moves the
 * data, and a migration test that writes rows the old way and reads them the new way.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      // *emails / *linkedinSlugs / *nameTokens: multi-entry indexes, so "who is x@y.com" is one index hit.
      contacts: 'id, *emails, *linkedinSlugs, *nameTokens, *tags, updatedAt, lastInteractionAt',
      notes: 'id, contactId, [contactId+createdAt]',
      // [contactId+at] serves "timeline, newest first, top 50" without sorting in memory.
      interactions: 'id, contactId, [contactId+at], threadId',
      settings: 'key',
    },
  },
] as const;

/** The Dexie database with typed tables. */
export class ResourcefulDB extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const v of SCHEMA_VERSIONS) this.version(v.version).stores(v.stores);
  }
}

let shared: ResourcefulDB | undefined;

/** The one database instance of this JS context (service worker or extension page). */
export function getDb(): ResourcefulDB {
  shared ??= new ResourcefulDB();
  return shared;
}
