import { describe, expect, it } from 'vitest';
import { addNote, deleteContact, deleteNote, getNotes, getTimeline, mergeContacts, updateNote } from '../../lib/db/contacts';
import type { Note } from '../../lib/db/models';
import { homesOf } from '../../lib/db/buckets';
import { allNotes, countNotes, NOTE_BUCKET_SIZE, NOTES, notebooksChangedSince, noteCount, noteOf, notesOf, writeNotes } from '../../lib/db/notebook';
import { contactRow } from '../helpers/factories';
import { freshDb } from '../helpers/db';

const T0 = Date.UTC(2026, 2, 1);

function note(id: string, contactId: string, createdAt: number, over: Partial<Note> = {}): Note {
  return { id, contactId, text: `text of ${id}`, pinned: false, createdAt, updatedAt: createdAt, ...over };
}

describe('notes in buckets', () => {
  it('adds, edits, pins and deletes notes through the app’s functions, across several buckets', async () => {
    const db = freshDb();
    await db.contacts.bulkAdd([contactRow('c-1'), contactRow('c-2')]);
    const added: Note[] = [];
    for (let i = 0; i < NOTE_BUCKET_SIZE * 2 + 5; i += 1) added.push(await addNote(db, 'c-1', `Note ${i}`, T0 + i * 1000));
    expect(await countNotes(db, 'c-1')).toBe(NOTE_BUCKET_SIZE * 2 + 5);
    expect((await db.notebooks.toArray()).map((b) => b.notes.length)).toEqual([NOTE_BUCKET_SIZE, NOTE_BUCKET_SIZE, 5]);
    // An old note edited and pinned: found by id in its bucket, changed in place, first in the list.
    // Search re-reads the buckets written since it last looked: by the time of the write, not the notes' own.
    const beforeEdit = Date.now() - 1;
    expect(await notebooksChangedSince(db, beforeEdit)).toEqual([]);
    await updateNote(db, 'c-1', added[3]!.id, { text: '  Edited  ', pinned: true }, T0 + 10_000_000);
    const list = await getNotes(db, 'c-1');
    expect(list[0]).toMatchObject({ id: added[3]!.id, text: 'Edited', pinned: true, createdAt: added[3]!.createdAt, updatedAt: T0 + 10_000_000 });
    expect(list.slice(1).map((n) => n.id)).toEqual(added.filter((_, i) => i !== 3).reverse().map((n) => n.id));
    const changed = await notebooksChangedSince(db, beforeEdit);
    expect(changed.map((b) => b.notes.some((n) => n.id === added[3]!.id))).toEqual([true]);
    // Asked under another contact, the note is not there; edits and deletes through the wrong contact do nothing.
    expect(await noteOf(db, 'c-2', added[3]!.id)).toBeUndefined();
    await updateNote(db, 'c-2', added[4]!.id, { text: 'no' }, T0 + 10_000_001);
    await deleteNote(db, 'c-2', added[50]!.id);
    expect(await noteOf(db, 'c-1', added[4]!.id)).toEqual(added[4]);
    expect(await noteOf(db, 'c-1', added[50]!.id)).toEqual(added[50]);
    const beforeDelete = Date.now() - 1;
    await deleteNote(db, 'c-1', added[50]!.id);
    expect(await noteOf(db, 'c-1', added[50]!.id)).toBeUndefined();
    expect(await noteCount(db)).toBe(NOTE_BUCKET_SIZE * 2 + 4);
    expect((await allNotes(db)).map((n) => n.id).sort()).toEqual(added.filter((_, i) => i !== 50).map((n) => n.id).sort());
    // The bucket that lost a note counts as written.
    expect((await notebooksChangedSince(db, beforeDelete)).map((b) => b.notes.length)).toEqual([NOTE_BUCKET_SIZE - 1]);
    // The timeline's newest notes come from the newest bucket.
    const timeline = await getTimeline(db, 'c-1', 3);
    expect(timeline.map((t) => (t.type === 'note' ? t.note.id : null))).toEqual(added.slice(-3).reverse().map((n) => n.id));
    db.close();
  });

  it('moves notes on a merge and drops them with their contact', async () => {
    const db = freshDb();
    await db.contacts.bulkAdd([contactRow('c-1'), contactRow('c-2', { emails: ['two@x.com'] })]);
    await addNote(db, 'c-1', 'Mine', T0);
    await addNote(db, 'c-2', 'Theirs', T0 + 1);
    await mergeContacts(db, 'c-1', 'c-2', T0 + 2);
    expect((await notesOf(db, 'c-1')).map((n) => n.text)).toEqual(['Mine', 'Theirs']);
    expect(await notesOf(db, 'c-2')).toEqual([]);
    await deleteContact(db, 'c-1');
    expect(await allNotes(db)).toEqual([]);
    expect(await db.notebooks.count()).toBe(0);
    db.close();
  });

  it('keeps one note per id in the whole database, whichever contact a row names', async () => {
    const db = freshDb();
    const rw = (f: () => Promise<unknown>) => db.transaction('rw', db.notebooks, f);
    await rw(() => writeNotes(db, [note('n-1', 'c-1', T0), note('n-2', 'c-3', T0)]));
    const homes = await homesOf(NOTES, db);
    expect([...homes].sort()).toEqual([['n-1', 'c-1'], ['n-2', 'c-3']]);
    // The same id under another contact, given where every note is: skipped as a new note, moved as a replacement.
    await rw(() => writeNotes(db, [note('n-1', 'c-2', T0 + 5, { text: 'elsewhere' })], { homes }));
    expect(await notesOf(db, 'c-1')).toEqual([note('n-1', 'c-1', T0)]);
    expect(await notesOf(db, 'c-2')).toEqual([]);
    await rw(() => writeNotes(db, [note('n-1', 'c-2', T0 + 5, { text: 'elsewhere' })], { replace: true, homes }));
    expect(await allNotes(db)).toEqual([note('n-1', 'c-2', T0 + 5, { text: 'elsewhere' }), note('n-2', 'c-3', T0)]);
    expect(await notesOf(db, 'c-1')).toEqual([]);
    expect(await noteCount(db)).toBe(2);
    db.close();
  });
});
