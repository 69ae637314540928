import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldContact, identityKeys, rekeyRow } from '../../lib/backup/identity';
import { checkBackupFile } from '../../lib/backup/read';
import { CONFLICT_KIND, restoreBackup } from '../../lib/backup/restore';
import { writeBackup } from '../../lib/backup/write';
import { allHistory } from '../../lib/db/history';
import { interactionIdOk, type Contact, type Interaction } from '../../lib/db/models';
import { allNotes } from '../../lib/db/notebook';
import { freshDb } from '../helpers/db';
import { emptyState, load, type State } from './arbitraries';
import { contact, interaction, note, T0, textOf } from './fixture';

const PROPERTY_TIMEOUT = 60_000;

describe('foldContact', () => {
  it('joins identifiers and tags, keeps the target’s known fields, and leaves out identifiers held elsewhere', () => {
    const target = contact('c-t', { emails: ['dana@acme.com'], title: 'COO', tags: ['a'], createdAt: 5, updatedAt: 5, lastInteractionAt: null });
    const source = contact('c-s', {
      emails: ['DANA@acme.com', 'dana@home.org', 'jo@acme.com', 'not an address'],
      linkedinSlugs: ['dana', 'jo'],
      linkedin: [
        { slug: 'dana', url: 'u', name: 'Dana', headline: null, company: null, title: null, location: null },
        { slug: 'jo', url: 'u', name: 'Jo', headline: null, company: null, title: null, location: null },
      ],
      title: 'CEO',
      company: 'Acme',
      companySource: 'manual',
      tags: ['a', 'b'],
      createdAt: 3,
      updatedAt: 4,
      lastInteractionAt: 9,
      referredBy: 'c-t',
    });
    const merged = foldContact(target, source, (key) => key !== 'e:jo@acme.com' && key !== 's:jo');
    expect(merged).toEqual({
      ...target,
      emails: ['dana@acme.com', 'dana@home.org', 'not an address'],
      linkedinSlugs: ['dana'],
      linkedin: [source.linkedin[0]],
      title: 'COO',
      company: 'Acme',
      companySource: 'manual',
      tags: ['a', 'b'],
      createdAt: 3,
      updatedAt: 5,
      lastInteractionAt: 9,
      // The target itself: no one refers a person to themself.
      referredBy: null,
    });
  });

  it('gives identity keys by kind, as the indexes hold them', () => {
    expect(identityKeys(contact('c', { emails: ['Dana@Acme.com', 'x'], linkedinSlugs: ['Dana-W'] }))).toEqual(['e:dana@acme.com', 's:dana-w']);
  });
});

describe('rekeyRow', () => {
  it('moves a row to the contact its contact was folded into; a history entry’s id is rebuilt', () => {
    const into = new Map([['c-s', 'c-target']]);
    expect(rekeyRow('notes', note('n', 'c-s', 'x', 1), into)).toMatchObject({ id: 'n', contactId: 'c-target' });
    expect(rekeyRow('interactions', interaction('c-s', 'gmail:1', 1), into)).toMatchObject({ id: 'c-target|gmail:1', contactId: 'c-target' });
    // An id that holds the uncut source key keeps it.
    const long = { ...interaction('c-s', 'k'.repeat(300), 1), id: `c-s|${'k'.repeat(320)}` };
    expect(rekeyRow('interactions', long, into)?.id).toBe(`c-target|${'k'.repeat(320)}`);
    // Too long for an id once the contact's id is longer: the source key, as moveHistory builds it.
    const longer = { ...interaction('c-s', 'k'.repeat(300), 1), id: `c-s|${'k'.repeat(395)}` };
    expect(rekeyRow('interactions', longer, new Map([['c-s', 'c-much-longer-id']]))?.id).toBe(`c-much-longer-id|${'k'.repeat(300)}`);
    expect(rekeyRow('threads', { threadId: 't', contactId: null }, into)).toBeNull();
    expect(rekeyRow('notes', note('n', 'c-other', 'x', 1), into)).toBeNull();
  });
});

// ---------------------------------------------------------------- merge of people saved in two browsers

const EMAILS = ['dana@acme.com', 'DANA@acme.com', 'dana@home.org', 'jo@acme.com', 'li@acme.com', 'sam@acme.com'];
const SLUGS = ['dana-w', 'jo-b', 'li-c', 'sam-d'];
const SOURCES = ['gmail:1', 'gmail:2', 'gmail:3', 'li:dana-w:2026-01-05'];
const time = fc.integer({ min: 0, max: 20 });

/** What one generated contact holds, before ids are given. */
const person = fc.record({
  emails: fc.subarray(EMAILS, { maxLength: 3 }),
  slugs: fc.subarray(SLUGS, { maxLength: 2 }),
  updatedAt: time,
  last: fc.option(time, { nil: null }),
  history: fc.subarray(SOURCES),
  at: fc.array(time, { minLength: 4, maxLength: 4 }),
  refers: fc.option(fc.nat(5), { nil: null }),
  name: fc.constantFrom('Dana', 'Dana W.', 'Jo'),
});
type Person = typeof person extends fc.Arbitrary<infer P> ? P : never;

/** A side's rows: each person a contact with a note, a promise, history, a referral among the side's own ids. */
function side(ids: readonly string[], people: readonly Person[], tag: string, apart: boolean): State {
  const s = emptyState();
  const taken = new Set<string>();
  people.forEach((p, i) => {
    const id = ids[i]!;
    // This browser never holds one address or profile under two contacts (saving finds the one that has it).
    const own = (keys: string[], norm: (k: string) => string) =>
      keys.filter((k) => {
        if (!apart) return true;
        if (taken.has(norm(k))) return false;
        taken.add(norm(k));
        return true;
      });
    const emails = own(p.emails, (e) => `e:${e.toLowerCase()}`).map((e) => (apart ? e.toLowerCase() : e));
    const referrer = p.refers === null ? null : (ids[p.refers % people.length] ?? null);
    // This browser's rows are as the app keeps them: the time of the newest interaction is its newest entry's.
    const newest = p.history.length ? T0 + Math.max(...p.history.map((_, k) => p.at[k]!)) : null;
    const last = apart ? newest : p.last === null ? null : T0 + p.last;
    s.contacts.push(
      contact(id, { name: p.name, emails: [...new Set(emails)], linkedinSlugs: own(p.slugs, (x) => `s:${x}`), updatedAt: T0 + p.updatedAt, lastInteractionAt: last, referredBy: referrer === id ? null : referrer }),
    );
    s.notes.push(note(`${tag}-n-${id}`, id, `Note on ${id}`, T0 + i));
    s.commitments.push({ id: `${tag}-p-${id}`, contactId: id, direction: 'mine', kind: 'send', text: 'Send it', dueAt: null, status: 'open', createdAt: T0, updatedAt: T0, resolvedAt: null, source: 'manual' });
    p.history.forEach((key, k) => s.interactions.push(interaction(id, key, T0 + p.at[k]!, { subject: key })));
  });
  return s;
}

const keysOf = (c: Record<string, unknown>) => new Set(identityKeys(c));

describe('merge of people saved in both browsers (random)', () => {
  it('folds each backup contact whose id is not here but who shares an identifier into a contact that was here, losing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 3 }),
        fc.array(person, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        async (herePeople, backupPeople, shareId, chunkSize) => {
          const hereIds = ['h-1', 'h-2', 'h-3'];
          // The backup may hold one of this browser's contacts under its own id too.
          const backupIds = shareId ? ['h-1', 'b-1', 'b-2', 'b-3'] : ['b-1', 'b-2', 'b-3', 'b-4'];
          const here = side(hereIds, herePeople, 'here', true);
          const backup = side(backupIds, backupPeople, 'backup', false);
          const h1 = here.contacts.find((c) => c.id === 'h-1')!;
          // Its backup row names the same person (its identifiers as here): another edit of the same contact.
          backup.contacts = backup.contacts.map((c) => (c.id === 'h-1' ? { ...c, emails: h1.emails, linkedinSlugs: h1.linkedinSlugs } : c));

          const source = freshDb();
          await load(source, backup);
          const text = await textOf((await writeBackup(source, { now: T0 })).parts);
          source.close();
          const db = freshDb();
          await load(db, here);
          const summary = await restoreBackup(db, await checkBackupFile(new Blob([text])), { mode: 'merge', now: T0 + 100, chunkSize, sliceBytes: 211 });

          const after = new Map(((await db.contacts.toArray()) as Contact[]).map((c) => [c.id, c]));
          const wasHere = new Map(here.contacts.map((c) => [c.id as string, c]));
          const notes = new Map((await allNotes(db)).map((n) => [n.id, n.contactId]));
          const history = await allHistory(db);
          // Nothing here is lost.
          for (const id of wasHere.keys()) expect(after.has(id)).toBe(true);
          let gone = 0;
          let added = 0;
          for (const b of backup.contacts) {
            const id = b.id as string;
            if (wasHere.has(id)) continue;
            const heldHere = [...wasHere.values()].some((h) => [...keysOf(b)].some((k) => keysOf(h).has(k)));
            if (after.has(id)) {
              // Added: no contact here had any of its identifiers.
              added += 1;
              expect(heldHere).toBe(false);
              continue;
            }
            gone += 1;
            // Folded into a contact that was here and now holds one of its identifiers; what named it, names that.
            const target = notes.get(`backup-n-${id}`)!;
            expect(wasHere.has(target)).toBe(true);
            expect([...keysOf(b)].some((k) => keysOf(after.get(target)!).has(k))).toBe(true);
            expect((await db.commitments.get(`backup-p-${id}`))?.contactId).toBe(target);
            for (const e of backup.interactions.filter((i) => i.contactId === id)) {
              expect(history.some((h) => h.id === `${target}|${e.sourceKey as string}` && h.contactId === target)).toBe(true);
            }
          }
          // The summary counts every backup row once, and what it calls added is what is new.
          expect(summary.contactsMerged).toBe(gone);
          expect(summary.added.contacts).toBe(added);
          expect(after.size).toBe(wasHere.size + added);
          for (const t of ['contacts', 'notes', 'interactions', 'commitments'] as const) {
            const merged = t === 'contacts' ? summary.contactsMerged : 0;
            expect(summary.added[t] + summary.updated[t] + summary.unchanged[t] + summary.keptHere[t] + merged).toBe(backup[t].length);
          }
          expect(summary.added.interactions).toBe(history.filter((h) => h.kind !== CONFLICT_KIND).length - here.interactions.length);
          expect(summary.added.notes).toBe(notes.size - here.notes.length);
          // Contacts that were here never come to share an identifier.
          const hereAfter = [...wasHere.keys()].map((id) => keysOf(after.get(id)!));
          for (let i = 0; i < hereAfter.length; i++) for (let j = i + 1; j < hereAfter.length; j++) for (const k of hereAfter[i]!) expect(hereAfter[j]!.has(k)).toBe(false);
          // Referrals follow the fold; nobody refers to themself.
          for (const c of after.values()) {
            if (c.referredBy !== null) expect(after.has(c.referredBy)).toBe(true);
            expect(c.referredBy).not.toBe(c.id);
          }
          // History: valid ids, every event once per contact.
          const perContact = new Set<string>();
          for (const h of history as Interaction[]) {
            expect(interactionIdOk(h)).toBe(true);
            expect(after.has(h.contactId)).toBe(true);
            const key = `${h.contactId} ${h.sourceKey}`;
            expect(perContact.has(key)).toBe(false);
            perContact.add(key);
          }
          // A contact that was here knows of its newest interaction, its own or the backup's.
          for (const [id, before] of wasHere) {
            const newest = Math.max(...history.filter((h) => h.contactId === id && h.kind !== CONFLICT_KIND).map((h) => h.at), (before.lastInteractionAt as number | null) ?? -Infinity);
            if (Number.isFinite(newest)) expect(after.get(id)!.lastInteractionAt).toBeGreaterThanOrEqual(newest);
          }
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT);
});
