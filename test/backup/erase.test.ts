import { describe, expect, it } from 'vitest';
import { zeroCounts } from '../../lib/backup/format';
import { canonicalJson } from '../../lib/backup/hash';
import { contactFootprint, countRows, describeFootprint, describeKept, eraseContact, wipeAll } from '../../lib/backup/erase';
import { freshDb } from '../helpers/db';
import { dump, load } from './arbitraries';
import { fixtureState } from './fixture';

describe('eraseContact', () => {
  it('removes the contact and everything about them, and nothing else', async () => {
    const db = freshDb();
    const state = fixtureState();
    await load(db, state);
    expect(await contactFootprint(db, 'c-dana')).toEqual({ notes: 14, interactions: 2, commitments: 1, resourceSends: 0, threads: 1, referred: 0 });
    expect(await contactFootprint(db, 'c-meera')).toEqual({ notes: 13, interactions: 1, commitments: 0, resourceSends: 1, threads: 0, referred: 1 });

    await eraseContact(db, 'c-meera');
    const after = await dump(db);
    expect(after.contacts.map((c) => c.id)).toEqual(['c-dana', 'c-tomasz']);
    // Tomasz keeps everything except the link to the person who referred him.
    expect(after.contacts.find((c) => c.id === 'c-tomasz')).toEqual({ ...state.contacts.find((c) => c.id === 'c-tomasz'), referredBy: null });
    expect(after.notes.length).toBe(27);
    expect(after.notes.every((n) => n.contactId !== 'c-meera')).toBe(true);
    expect(after.interactions.map((i) => i.id)).toEqual(['c-dana|gmail:m1', 'c-dana|gmail:m2']);
    expect(after.resourceSends).toEqual([]);
    // The library, the rep's mail threads and the settings are not about Meera: untouched.
    for (const t of ['resources', 'threads', 'triageOverrides', 'settings', 'commitments'] as const) {
      expect(after[t].map(canonicalJson).sort()).toEqual(state[t].map(canonicalJson).sort());
    }
  });

  it('keeps an email thread in the queue but unlinks it from the deleted contact', async () => {
    const db = freshDb();
    const state = fixtureState();
    await load(db, state);
    await eraseContact(db, 'c-dana');
    expect(await db.threads.get('t-1')).toEqual({ ...state.threads[0], contactId: null });
    expect(await contactFootprint(db, 'c-dana')).toEqual({ notes: 0, interactions: 0, commitments: 0, resourceSends: 0, threads: 0, referred: 0 });
  });
});

describe('wipeAll', () => {
  it('empties every table and says what it deleted', async () => {
    const db = freshDb();
    await load(db, fixtureState());
    const before = await countRows(db);
    expect(before).toEqual({ contacts: 3, notes: 40, interactions: 3, commitments: 1, resources: 1, resourceSends: 1, threads: 1, triageOverrides: 1, settings: 2 });
    expect(await wipeAll(db)).toEqual(before);
    expect(await countRows(db)).toEqual(zeroCounts());
    // The database is still there and usable.
    await db.contacts.put(fixtureState().contacts[0] as never);
    expect(await db.contacts.count()).toBe(1);
  });
});

describe('describeFootprint', () => {
  it('names what goes with the contact', () => {
    const none = { notes: 0, interactions: 0, commitments: 0, resourceSends: 0, threads: 0, referred: 0 };
    expect(describeFootprint(none)).toBe('');
    expect(describeFootprint({ ...none, notes: 1 })).toBe('with 1 note');
    expect(describeFootprint({ ...none, notes: 14, interactions: 2, commitments: 1, threads: 3 })).toBe('with 14 notes, 2 history entries and 1 promise');
    expect(describeFootprint({ ...none, interactions: 1_204, resourceSends: 1 })).toBe('with 1,204 history entries and the record of 1 resource you sent them');
    expect(describeFootprint({ ...none, resourceSends: 2 })).toBe('with the record of 2 resources you sent them');
  });

  it('says which of their mail stays (the queue keeps the rep’s threads)', () => {
    const none = { notes: 3, interactions: 0, commitments: 0, resourceSends: 0, threads: 0, referred: 0 };
    expect(describeKept(none)).toBe('');
    expect(describeKept({ ...none, threads: 1 })).toBe('Your email thread with them stays in the reply queue.');
    expect(describeKept({ ...none, threads: 1_200 })).toBe('Your 1,200 email threads with them stay in the reply queue.');
  });
});
