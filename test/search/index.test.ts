import { beforeEach, describe, expect, it } from 'vitest';
import { otherPartyOfThread } from '../../lib/contacts/identity';
import { addNote, deleteContact, saveCandidate, updateContact, updateNote } from '../../lib/db/contacts';
import type { ResourcefulDB } from '../../lib/db/schema';
import { searchFor } from '../../lib/db/search';
import { freshDb } from '../helpers/db';
import { msg, thread } from '../helpers/factories';

let db: ResourcefulDB;
const T = Date.UTC(2026, 10, 1);
const person = (name: string, email: string) => otherPartyOfThread(thread([msg({ fromEmail: email, fromName: name, date: T })]))!;

beforeEach(() => {
  db = freshDb();
});

describe('ContactSearch', () => {
  it('finds contacts by name prefix, company, email, tag and note text; ranks name matches first', async () => {
    const jose = await saveCandidate(db, person('José Álvarez', 'jose@harborandpine.com'), { now: T });
    const dana = await saveCandidate(db, person('Dana Whitfield', 'dana@northwind.com'), { now: T });
    await updateContact(db, dana.id, { tags: ['logistics'] }, T + 1);
    await addNote(db, jose.id, 'Wants a forecasting template for the Harbor team', T + 2);
    await addNote(db, dana.id, 'Mentioned José from Harbor & Pine', T + 3);
    const s = searchFor(db);
    await s.sync();
    expect(s.search('jos').map((h) => h.contactId)).toEqual([jose.id, dana.id]);
    expect(s.search('northwind').map((h) => h.contactId)).toEqual([dana.id]);
    expect(s.search('logistics').map((h) => h.contactId)).toEqual([dana.id]);
    expect(s.search('forecasting')).toEqual([{ contactId: jose.id, score: expect.any(Number), matchedNote: 'Wants a forecasting template for the Harbor team' }]);
    expect(s.search('   ')).toEqual([]);
    expect(s.search('zzzzqqq')).toEqual([]);
  });

  it('updates incrementally: edits, new notes and deletions show up on the next sync', async () => {
    const a = await saveCandidate(db, person('Priya Natarajan', 'priya@larkspur.com'), { now: T });
    const s = searchFor(db);
    await s.sync();
    expect(s.size).toBe(1);
    const n = await addNote(db, a.id, 'Dental clinics in Oregon', Date.now());
    await s.sync();
    expect(s.search('oregon').map((h) => h.contactId)).toEqual([a.id]);
    await updateNote(db, n.id, { text: 'Dental clinics in Washington' }, Date.now() + 1);
    await s.sync();
    expect(s.search('oregon')).toEqual([]);
    expect(s.search('washington').map((h) => h.contactId)).toEqual([a.id]);
    await deleteContact(db, a.id);
    await s.sync();
    expect(s.search('priya')).toEqual([]);
    expect(s.search('washington')).toEqual([]);
    expect(s.size).toBe(0);
  });
});
