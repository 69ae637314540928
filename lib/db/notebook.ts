/**
 * A contact's notes, kept in buckets of up to `NOTE_BUCKET_SIZE` notes per contact, ordered by `createdAt`
 * (lib/db/buckets.ts says why: a backup of 100k notes restored as 100k records took as long as the rest together).
 * A bucket lists its notes' ids (`*ids`: a note is found by id, the notes are counted and listed without reading
 * them) and its newest `updatedAt` (`updated`: search finds what changed since it last looked).
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
    ids: notes.map((n) => n.id),
    updated: Math.max(...notes.map((n) => n.updatedAt)),
    notes,
  }),
  valid: (n) => NoteSchema.safeParse(n).success,
  locate: (table, ids) => table.where('ids').anyOf(ids).distinct().toArray(),
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

/** The note with this id, wherever it is. */
export async function noteById(db: ResourcefulDB, id: string): Promise<Note | undefined> {
  const b = await db.notebooks.where('ids').equals(id).first();
  return b?.notes.find((n) => n.id === id);
}

/** Notes changed after `since` (by `updatedAt`): what search re-indexes. */
export async function notesChangedSince(db: ResourcefulDB, since: number): Promise<Note[]> {
  const changed = await db.notebooks.where('updated').above(since).toArray();
  return changed.flatMap((b) => b.notes.filter((n) => n.updatedAt > since));
}

/** How many notes there are, from the `ids` index alone (no note is read). */
export function noteCount(db: ResourcefulDB): Promise<number> {
  return db.notebooks.orderBy('ids').count();
}

/** Every note's id, from the `ids` index alone. */
export async function noteIds(db: ResourcefulDB): Promise<string[]> {
  return (await db.notebooks.orderBy('ids').keys()) as string[];
}
