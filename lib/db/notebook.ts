/**
 * A contact's notes, kept in buckets of up to `NOTE_BUCKET_SIZE` notes per contact, ordered by `createdAt`
 * (lib/db/buckets.ts says why: a backup of 100k notes restored as 100k records took as long as the rest together).
 * A bucket carries when it was last written (`updated`: search re-reads what was written since it last looked).
 *
 * Notes are not indexed by id (schema v5 dropped the `*ids` index: its 100k index rows were a third of a restore's
 * time). The app always knows a note's contact, so a note is found in its contact's buckets; only a merge restore
 * can bring a note back under another contact, and it reads every note's contact once (`buckets.homesOf`).
 *
 * Every function here must run inside a transaction that includes `db.notebooks` (and `db.contacts` where noted).
 */
import * as buckets from './buckets';
import type { WriteOptions } from './buckets';
import { NoteSchema, type Note, type NoteBucket } from './models';
import type { ResourcefulDB } from './schema';

/** Notes per bucket: fewer than history entries, as a note may be long (20,000 characters) and is edited in place. */
export const NOTE_BUCKET_SIZE = 50;

/** Notes, in buckets by `createdAt`. */
export const NOTES: buckets.BucketKind<Note, NoteBucket> = {
  store: 'notebooks',
  size: NOTE_BUCKET_SIZE,
  time: (n) => n.createdAt,
  entries: (b) => b.notes,
  make: (contactId, notes, id) => ({
    id,
    contactId,
    first: notes[0]!.createdAt,
    last: notes[notes.length - 1]!.createdAt,
    // The write's time, not the notes' `updatedAt`: a restored or moved note keeps its old `updatedAt` but is new
    // to search, and a bucket that lost a note has to be re-read too.
    updated: Date.now(),
    notes,
  }),
  valid: (n) => NoteSchema.safeParse(n).success,
};

/** Cuts one contact's notes (sorted by `createdAt`, oldest first) into buckets. */
export function toNoteBuckets(contactId: string, sorted: Note[]): NoteBucket[] {
  return buckets.toBuckets(NOTES, contactId, sorted);
}

/** Every note of a contact, oldest first. */
export function notesOf(db: ResourcefulDB, contactId: string): Promise<Note[]> {
  return buckets.entriesOf(NOTES, db, contactId);
}

/** A contact's newest `limit` notes by `createdAt`, newest first. */
export function newestNotes(db: ResourcefulDB, contactId: string, limit: number): Promise<Note[]> {
  return buckets.newestOf(NOTES, db, contactId, limit);
}

/** How many notes a contact has. */
export function countNotes(db: ResourcefulDB, contactId: string): Promise<number> {
  return buckets.countOf(NOTES, db, contactId);
}

/** Every note, by id: for backups' hashes, exports and tests. */
export function allNotes(db: ResourcefulDB): Promise<Note[]> {
  return buckets.allEntries(NOTES, db);
}

/** Writes notes into their contacts' buckets (see `buckets.write`). Returns the notes written. */
export function writeNotes(db: ResourcefulDB, notes: readonly Note[], opts: WriteOptions = {}): Promise<Note[]> {
  return buckets.write(NOTES, db, notes, opts);
}

/** Deletes notes, each from its contact's buckets. */
export function removeNotes(db: ResourcefulDB, notes: readonly Pick<Note, 'id' | 'contactId'>[]): Promise<void> {
  return buckets.remove(NOTES, db, notes);
}

/** Deletes a contact's notes. */
export function deleteNotesOf(db: ResourcefulDB, contactId: string): Promise<void> {
  return buckets.dropContact(NOTES, db, contactId);
}

/** Moves every note of one contact to another (a merge). */
export function moveNotes(db: ResourcefulDB, fromId: string, toId: string): Promise<Note[]> {
  return buckets.move(NOTES, db, fromId, (n) => ({ ...n, contactId: toId }));
}

/** A contact's note with this id (undefined when the contact has no such note). */
export async function noteOf(db: ResourcefulDB, contactId: string, id: string): Promise<Note | undefined> {
  for (const b of await buckets.bucketsOf(NOTES, db, contactId)) {
    const found = b.notes.find((n) => n.id === id);
    if (found) return found;
  }
  return undefined;
}

/** The buckets written after `since` (by `updated`): what search re-reads. */
export function notebooksChangedSince(db: ResourcefulDB, since: number): Promise<NoteBucket[]> {
  return db.notebooks.where('updated').above(since).toArray();
}

/** How many notes there are in all: a full read (tests and the benchmark; the app counts per contact). */
export function noteCount(db: ResourcefulDB): Promise<number> {
  return buckets.countAll(NOTES, db);
}
