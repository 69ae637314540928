import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { otherPartyOfThread } from '../../lib/contacts/identity';
import { addNote, deleteContact, deleteNote, mergeContacts, saveCandidate, updateContact, updateNote } from '../../lib/db/contacts';
import { allNotes, NOTE_BUCKET_SIZE } from '../../lib/db/notebook';
import type { ResourcefulDB } from '../../lib/db/schema';
import { dbSearchSource, searchFor } from '../../lib/db/search';
import { ContactSearch, type SearchHit } from '../../lib/search';
import { addNoteRows, freshDb } from '../helpers/db';
import { contactRow, msg, thread } from '../helpers/factories';

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
    await updateNote(db, a.id, n.id, { text: 'Dental clinics in Washington' }, Date.now() + 1);
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

describe('ContactSearch kept up to date by syncs', () => {
  // Each note carries one word of its own, so what the index finds for it says whether the index holds that note.
  type Op =
    | { op: 'add'; contact: number; at: number }
    | { op: 'edit'; pick: number }
    | { op: 'delete'; pick: number }
    | { op: 'merge'; into: number; from: number }
    | { op: 'drop'; contact: number }
    | { op: 'sync' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('add' as const), contact: fc.nat(3), at: fc.nat(500) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('edit' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), into: fc.nat(3), from: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('drop' as const), contact: fc.nat(3) }) },
    { weight: 2, arbitrary: fc.constant({ op: 'sync' as const }) },
  );

  it('finds exactly what an index built afresh finds, whatever was added, edited, moved or deleted between syncs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), async (ops) => {
        const d = freshDb();
        const ids = [0, 1, 2, 3].map((i) => `c-${i}`);
        await d.contacts.bulkAdd(ids.map((id, i) => contactRow(id, { name: `Person ${'abcd'[i]}`, nameTokens: ['person', 'abcd'[i]!], emails: [`p${i}@x.com`] })));
        const alive = new Set(ids);
        // Two contacts start with full buckets (one, and two and a half), so later notes split them and move notes.
        const seeded = [...Array.from({ length: NOTE_BUCKET_SIZE }, (_, i) => ['c-0', i] as const), ...Array.from({ length: NOTE_BUCKET_SIZE * 2.5 }, (_, i) => ['c-1', i] as const)];
        const words = seeded.map(([c, i]) => `seed${c.slice(2)}x${i}`);
        await addNoteRows(
          d,
          seeded.map(([contactId, i], k) => ({ id: `seed-${k}`, contactId, text: `was ${words[k]}`, pinned: false, createdAt: T + i * 4000, updatedAt: T + i * 4000 })),
        );
        const s = searchFor(d);
        await s.sync();
        let word = 0;
        for (const o of ops) {
          const notes = (await allNotes(d)).sort((a, b) => (a.id < b.id ? -1 : 1));
          const picked = notes.length ? notes[(o as { pick: number }).pick % notes.length] : undefined;
          const w = `zq${(word++).toString(36)}x`;
          if (o.op === 'add' && alive.has(ids[o.contact]!)) {
            // Notes land in and between existing buckets (times out of order), so buckets split and notes move.
            await addNote(d, ids[o.contact]!, `about ${w}`, T + o.at * 1000);
            words.push(w);
          } else if (o.op === 'edit' && picked) {
            await updateNote(d, picked.contactId, picked.id, { text: `now ${w}` }, T + 10_000_000 + word);
            words.push(w);
          } else if (o.op === 'delete' && picked) await deleteNote(d, picked.contactId, picked.id);
          else if (o.op === 'merge' && o.into !== o.from && alive.has(ids[o.into]!) && alive.has(ids[o.from]!)) {
            await mergeContacts(d, ids[o.into]!, ids[o.from]!, T + 20_000_000);
            alive.delete(ids[o.from]!);
          } else if (o.op === 'drop' && alive.has(ids[o.contact]!)) {
            await deleteContact(d, ids[o.contact]!);
            alive.delete(ids[o.contact]!);
          } else if (o.op === 'sync') await s.sync();
        }
        await s.sync();
        const fresh = new ContactSearch(dbSearchSource(d));
        await fresh.sync();
        expect(s.size).toBe(fresh.size);
        // Scores may differ in the last bits (the index's running statistics were summed in another order).
        const view = (hits: SearchHit[]) => hits.map((h) => ({ ...h, score: h.score.toPrecision(9) }));
        for (const w of words) expect(view(s.search(w))).toEqual(view(fresh.search(w)));
        fresh.dispose();
        d.close();
      }),
      { numRuns: 40 },
    );
  });
});
