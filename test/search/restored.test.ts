import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../lib/backup/read';
import { restoreBackup } from '../../lib/backup/restore';
import { writeBackup } from '../../lib/backup/write';
import { addNote } from '../../lib/db/contacts';
import { toNoteBuckets } from '../../lib/db/notebook';
import type { ResourcefulDB } from '../../lib/db/schema';
import { announceRestored, dbSearchSource, searchFor } from '../../lib/db/search';
import { ContactSearch, type SearchHit, type SearchSource } from '../../lib/search';
import { emptyState, load } from '../backup/arbitraries';
import { contact, note, textOf } from '../backup/fixture';
import { addNoteRows, freshDb } from '../helpers/db';
import { contactRow } from '../helpers/factories';

/**
 * A merge restore adds contacts and notes that keep the `updatedAt` they had when the backup was written, long
 * before the open panel's index last synced: the index's "changed since" reads never return them, yet a search must
 * find them as an index built afresh does.
 */

const DAY = 86_400_000;
/** When the restored rows were last edited, in the backup's browser: well before any sync below. */
const LONG_AGO = Date.UTC(2025, 5, 1);

let db: ResourcefulDB;
beforeEach(() => {
  db = freshDb();
});

const ids = (hits: SearchHit[]) => hits.map((h) => h.contactId);

async function freshIndexFinds(query: string): Promise<string[]> {
  const fresh = new ContactSearch(dbSearchSource(db));
  await fresh.sync();
  fresh.dispose();
  return ids(fresh.search(query));
}

/** The database's own source, counting the calls a sync makes. */
function countingSource(d: ResourcefulDB): { source: SearchSource; calls: Record<string, number> } {
  const inner = dbSearchSource(d);
  const calls: Record<string, number> = {};
  const source = Object.fromEntries(
    Object.entries(inner).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as SearchSource;
  return { source, calls };
}

describe('ContactSearch after rows arrive with an old updatedAt', () => {
  it('finds a contact and its notes written the way a merge restore writes them (sync, insert, sync)', async () => {
    await db.contacts.add(contactRow('c-here', { name: 'Dana Whitfield', createdAt: Date.now(), updatedAt: Date.now() }));
    const s = searchFor(db);
    await s.sync();
    expect(ids(s.search('whitfield'))).toEqual(['c-here']);

    // What the restore does: the contact row as the backup had it, its notes into buckets.
    await db.contacts.add(contactRow('c-restored', { name: 'Meera Venkatesan', company: 'Copper Kettle', createdAt: LONG_AGO, updatedAt: LONG_AGO }));
    await addNoteRows(db, [note('n-1', 'c-restored', 'Asked about a pallet-tracking checklist', LONG_AGO), note('n-2', 'c-restored', 'Prefers email over calls', LONG_AGO + DAY)]);
    await s.sync();

    expect(ids(s.search('meera'))).toEqual(['c-restored']);
    expect(ids(s.search('copper'))).toEqual(['c-restored']);
    expect(s.search('pallet')).toEqual([{ contactId: 'c-restored', score: expect.any(Number), matchedNote: 'Asked about a pallet-tracking checklist' }]);
    for (const q of ['meera', 'copper', 'pallet', 'whitfield']) expect(ids(s.search(q))).toEqual(await freshIndexFinds(q));
    expect(s.size).toBe(1 + 1 + 2);
  });

  it('finds a note bucket that arrives with an old `updated` time, and an old contact with no notes', async () => {
    await db.contacts.add(contactRow('c-here', { name: 'Dana Whitfield', createdAt: Date.now(), updatedAt: Date.now() }));
    const s = searchFor(db);
    await s.sync();
    await db.contacts.bulkAdd([
      contactRow('c-notes', { name: 'Tomasz Nowak', createdAt: LONG_AGO, updatedAt: LONG_AGO }),
      contactRow('c-bare', { name: 'Priya Natarajan', createdAt: LONG_AGO, updatedAt: LONG_AGO }),
    ]);
    await db.notebooks.bulkAdd(toNoteBuckets('c-notes', [note('n-1', 'c-notes', 'Dental clinics in Oregon', LONG_AGO)]).map((b) => ({ ...b, updated: LONG_AGO })));
    await s.sync();
    expect(ids(s.search('tomasz'))).toEqual(['c-notes']);
    expect(ids(s.search('oregon'))).toEqual(['c-notes']);
    expect(ids(s.search('priya'))).toEqual(['c-bare']);
    expect(s.size).toBe(3 + 1);
  });

  it('finds what a real merge restore added between two syncs', async () => {
    const backupState = emptyState();
    backupState.contacts = [contact('c-meera', { name: 'Meera Lakshmi Venkatesan', company: 'Copper Kettle', createdAt: LONG_AGO, updatedAt: LONG_AGO })];
    backupState.notes = [note('n-old', 'c-meera', 'Wants a forecasting template for the kitchen team', LONG_AGO)];
    const source = freshDb();
    await load(source, backupState);
    const backup = await readBackup(await textOf((await writeBackup(source, { now: LONG_AGO + DAY })).parts));
    source.close();

    await load(db, { ...emptyState(), contacts: [contact('c-dana', { name: 'Dana Whitfield', createdAt: Date.now(), updatedAt: Date.now() })] });
    const s = searchFor(db);
    await s.sync();
    expect(s.search('venkatesan')).toEqual([]);

    const summary = await restoreBackup(db, backup, { mode: 'merge', now: Date.now() });
    expect(summary.added).toMatchObject({ contacts: 1, notes: 1 });
    await s.sync();
    expect(ids(s.search('venkatesan'))).toEqual(['c-meera']);
    expect(ids(s.search('forecasting'))).toEqual(['c-meera']);
    for (const q of ['venkatesan', 'forecasting', 'kitchen', 'dana']) expect(ids(s.search(q))).toEqual(await freshIndexFinds(q));
  });

  it('after a restore says so, finds what it changed in place: a folded contact\'s new tag and a newer version under the same id', async () => {
    // The backup: Dana under another id with a tag, and Meera's newer version (renamed), both edited long ago.
    const backupState = emptyState();
    backupState.contacts = [
      contact('c-dana-laptop', { name: 'Dana Whitfield', emails: ['dana@northwind.com'], tags: ['zqtag'], createdAt: LONG_AGO, updatedAt: LONG_AGO }),
      contact('c-meera', { name: 'Meera Lakshmi Venkatesan-Rao', createdAt: LONG_AGO, updatedAt: LONG_AGO + DAY }),
    ];
    const source = freshDb();
    await load(source, backupState);
    const backup = await readBackup(await textOf((await writeBackup(source, { now: LONG_AGO + 2 * DAY })).parts));
    source.close();

    await load(db, {
      ...emptyState(),
      contacts: [
        contact('c-dana', { name: 'Dana Whitfield', emails: ['dana@northwind.com'], createdAt: LONG_AGO, updatedAt: LONG_AGO }),
        contact('c-meera', { name: 'Meera Lakshmi Venkatesan', createdAt: LONG_AGO, updatedAt: LONG_AGO }),
      ],
    });
    const s = new ContactSearch(dbSearchSource(db));
    await s.sync();
    expect(s.search('zqtag')).toEqual([]);
    const summary = await restoreBackup(db, backup, { mode: 'merge', now: Date.now() });
    expect(summary.contactsMerged).toBe(1);
    // Counts are unchanged and the rows keep old times: without the announcement the index cannot tell.
    await s.sync();
    expect(s.search('zqtag')).toEqual([]);
    announceRestored(db);
    await expect.poll(async () => (await s.sync(), ids(s.search('zqtag')))).toEqual(['c-dana']);
    expect(ids(s.search('venkatesan-rao'))).toEqual(await freshIndexFinds('venkatesan-rao'));
    expect(ids(s.search('venkatesan-rao'))).toEqual(['c-meera']);
    s.dispose();
  });

  it('reads ids only when the counts say the index is missing or holding rows, and then only the missing rows', async () => {
    await db.contacts.bulkAdd(Array.from({ length: 5 }, (_, i) => contactRow(`c-${i}`, { name: `Person ${i}`, createdAt: Date.now(), updatedAt: Date.now() })));
    const { source, calls } = countingSource(db);
    const s = new ContactSearch(source);
    await s.sync();
    // A sync with nothing new, told a change happened: counts match, no id is read.
    await db.contacts.update('c-0', { title: 'COO', updatedAt: Date.now() + 1 });
    await s.sync();
    expect(calls.allIds ?? 0).toBe(0);
    expect(calls.contactsByIds ?? 0).toBe(0);

    await db.contacts.add(contactRow('c-old', { name: 'Olga Restored', createdAt: LONG_AGO, updatedAt: LONG_AGO }));
    await s.sync();
    expect(calls.allIds).toBe(1);
    expect(calls.contactsByIds).toBe(1);
    expect(ids(s.search('olga'))).toEqual(['c-old']);
    // Caught up: the next sync is back to counts only.
    await db.contacts.update('c-1', { title: 'CFO', updatedAt: Date.now() + 2 });
    await s.sync();
    expect(calls.allIds).toBe(1);
    s.dispose();
  });
});

describe('ContactSearch kept up to date through restores', () => {
  // Contacts are only ever added here (a merge restore never deletes): with deletions in the same gap between two
  // syncs, equal counts could hide a restored row (see ContactSearch.sync).
  type Op = { op: 'restore'; k: number; notes: number } | { op: 'note'; pick: number } | { op: 'save'; k: number } | { op: 'sync' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('restore' as const), k: fc.nat(5), notes: fc.nat(3) }),
    fc.record({ op: fc.constant('note' as const), pick: fc.nat() }),
    fc.record({ op: fc.constant('save' as const), k: fc.nat(5) }),
    fc.constant({ op: 'sync' as const }),
  );

  it('finds exactly what an index built afresh finds, whatever was restored, saved or noted between syncs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const d = freshDb();
        await d.contacts.add(contactRow('c-here', { name: 'Person here', createdAt: Date.now(), updatedAt: Date.now() }));
        const s = searchFor(d);
        await s.sync();
        const words = ['here'];
        let n = 0;
        for (const o of ops) {
          const alive = (await d.contacts.toCollection().primaryKeys()) as string[];
          if (o.op === 'restore' && !alive.includes(`c-old-${o.k}`)) {
            const id = `c-old-${o.k}`;
            const name = `zqname${o.k}x`;
            await d.contacts.add(contactRow(id, { name, createdAt: LONG_AGO, updatedAt: LONG_AGO }));
            const texts = Array.from({ length: o.notes }, () => `zqold${(n++).toString(36)}x`);
            await addNoteRows(d, texts.map((t, i) => note(`${id}-n${i}`, id, t, LONG_AGO + i)));
            words.push(name, ...texts);
          } else if (o.op === 'save' && !alive.includes(`c-new-${o.k}`)) {
            const name = `zqsaved${o.k}x`;
            await d.contacts.add(contactRow(`c-new-${o.k}`, { name, createdAt: Date.now(), updatedAt: Date.now() }));
            words.push(name);
          } else if (o.op === 'note') {
            const w = `zqnote${(n++).toString(36)}x`;
            await addNote(d, alive[o.pick % alive.length]!, w, Date.now());
            words.push(w);
          } else if (o.op === 'sync') await s.sync();
        }
        await s.sync();
        const fresh = new ContactSearch(dbSearchSource(d));
        await fresh.sync();
        expect(s.size).toBe(fresh.size);
        // Names differ by one letter, so fuzzy matching finds several at equal scores, in no set order: compared as
        // sets, scores to the last few bits (the index's running statistics were summed in another order).
        const view = (hits: SearchHit[]) => hits.map((h) => ({ ...h, score: h.score.toPrecision(9) })).sort((a, b) => (a.contactId < b.contactId ? -1 : 1));
        for (const w of words) expect(view(s.search(w))).toEqual(view(fresh.search(w)));
        fresh.dispose();
        d.close();
      }),
      { numRuns: 30 },
    );
  });
});

describe('a restore announced while a sync is running', () => {
  it('still gets its full read on the next sync', async () => {
    let announce = (): void => undefined;
    let hold: Promise<void> | null = null;
    const since: number[] = [];
    const source: SearchSource = {
      contactsChangedSince: async (t) => {
        since.push(t);
        if (hold) await hold;
        return [];
      },
      notesChangedSince: async () => [],
      counts: async () => ({ contacts: 0, groups: 0 }),
      allIds: async () => ({ contacts: [], groups: [] }),
      contactsByIds: async () => [],
      groupsByIds: async () => [],
      onRestored: (listener) => {
        announce = listener;
        return () => undefined;
      },
    };
    const s = new ContactSearch(source);
    await s.sync();
    let release = (): void => undefined;
    hold = new Promise<void>((r) => (release = r));
    const running = s.sync();
    announce();
    release();
    await running;
    hold = null;
    await s.sync();
    // First build, the sync the restore interrupted, then the full read it asked for.
    expect(since[0]).toBe(-Infinity);
    expect(since[1]).toBeGreaterThan(0);
    expect(since[2]).toBe(-Infinity);
  });
});
