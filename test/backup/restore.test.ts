import { describe, expect, it } from 'vitest';
import { describeCounts, zeroCounts, type Counts } from '../../lib/backup/format';
import { readBackup } from '../../lib/backup/read';
import { CONFLICT_KIND, restoreBackup } from '../../lib/backup/restore';
import { backupFileName, writeBackup, type Progress } from '../../lib/backup/write';
import { DEFAULT_SETTINGS, type HistoryBucket } from '../../lib/db/models';
import { addHistoryRows, addNoteRows, freshDb } from '../helpers/db';
import { allNotes } from '../../lib/db/notebook';
import { allHistory } from '../../lib/db/history';
import { emptyState, load } from './arbitraries';
import { contact, fixtureState, HOUR, interaction, note, T0, textOf } from './fixture';

const NOW = Date.UTC(2026, 2, 3, 12);

const counts = (over: Partial<Counts>): Counts => ({ ...zeroCounts(), ...over });

async function backupOf(state: ReturnType<typeof fixtureState>) {
  const db = freshDb();
  await load(db, state);
  const text = await textOf((await writeBackup(db, { now: T0 })).parts);
  db.close();
  return readBackup(text);
}

describe('merge', () => {
  it('keeps the newer version of each row and writes the older one into the contact’s history', async () => {
    const backupState = emptyState();
    backupState.contacts = [contact('c-dana', { name: 'Dana Whitfield', company: 'Northwind', updatedAt: T0 + 5 * HOUR })];
    backupState.notes = [
      note('n-newer-here', 'c-dana', 'Backup text (older)', T0, { updatedAt: T0 + HOUR }),
      note('n-newer-in-backup', 'c-dana', 'Backup text (newer)', T0, { updatedAt: T0 + 3 * HOUR }),
      note('n-tie', 'c-dana', 'Backup text (same time)', T0),
      note('n-same', 'c-dana', 'Same on both sides', T0),
      note('n-new', 'c-dana', 'Only in the backup', T0),
    ];
    backupState.resources = [{ id: 'r-1', title: 'Backup title', url: null, summary: '', tags: [], kind: 'article', createdAt: T0, updatedAt: T0 }];
    const backup = await backupOf(backupState);

    const db = freshDb();
    const here = emptyState();
    here.contacts = [contact('c-dana', { name: 'Dana Whitfield', company: 'Northwind Ltd', title: 'COO', updatedAt: T0 + 2 * HOUR })];
    here.notes = [
      note('n-newer-here', 'c-dana', 'Here text (newer)', T0, { updatedAt: T0 + 2 * HOUR }),
      note('n-newer-in-backup', 'c-dana', 'Here text (older)', T0, { updatedAt: T0 + 2 * HOUR, pinned: true }),
      note('n-tie', 'c-dana', 'Here text (same time)', T0),
      note('n-same', 'c-dana', 'Same on both sides', T0),
      note('n-only-here', 'c-dana', 'Only here', T0),
    ];
    here.resources = [{ id: 'r-1', title: 'Here title', url: null, summary: '', tags: [], kind: 'article', createdAt: T0, updatedAt: T0 + HOUR }];
    await load(db, here);

    const summary = await restoreBackup(db, backup, { mode: 'merge', now: NOW });
    expect(summary).toEqual({
      mode: 'merge',
      added: counts({ notes: 1 }),
      updated: counts({ contacts: 1, notes: 1 }),
      unchanged: counts({ notes: 1 }),
      keptHere: counts({ notes: 2, resources: 1 }),
      removed: counts({}),
      conflictsRecorded: 4,
      conflictsUnrecorded: 1,
    });
    const notes = Object.fromEntries((await allNotes(db)).map((n) => [n.id, n.text]));
    expect(notes).toEqual({
      'n-newer-here': 'Here text (newer)',
      'n-newer-in-backup': 'Backup text (newer)',
      'n-tie': 'Here text (same time)',
      'n-same': 'Same on both sides',
      'n-new': 'Only in the backup',
      'n-only-here': 'Only here',
    });
    expect((await db.contacts.get('c-dana'))?.company).toBe('Northwind');
    expect((await db.resources.get('r-1'))?.title).toBe('Here title');

    const history = (await allHistory(db)).sort((a, b) => (a.subject ?? '').localeCompare(b.subject ?? '') || (a.snippet ?? '').localeCompare(b.snippet ?? ''));
    expect(history.map((h) => ({ contactId: h.contactId, kind: h.kind, at: h.at, subject: h.subject, snippet: h.snippet }))).toEqual([
      {
        contactId: 'c-dana',
        kind: CONFLICT_KIND,
        at: NOW,
        subject: "Restore kept the newer note in this browser; the backup's older version (2026-01-05 09:00 UTC):",
        snippet: 'Backup text (same time)',
      },
      {
        contactId: 'c-dana',
        kind: CONFLICT_KIND,
        at: NOW,
        subject: "Restore kept the newer note in this browser; the backup's older version (2026-01-05 10:00 UTC):",
        snippet: 'Backup text (older)',
      },
      {
        contactId: 'c-dana',
        kind: CONFLICT_KIND,
        at: NOW,
        subject: "Restore replaced this contact with the backup's newer version; the version here before (2026-01-05 11:00 UTC):",
        snippet: 'Dana Whitfield · COO · Northwind Ltd · c-dana@example.com · stage: In conversation',
      },
      {
        contactId: 'c-dana',
        kind: CONFLICT_KIND,
        at: NOW,
        subject: "Restore replaced this note with the backup's newer version; the version here before (2026-01-05 11:00 UTC):",
        snippet: '(pinned) Here text (older)',
      },
    ]);
    for (const h of history) expect(h.id).toBe(`c-dana|${h.sourceKey}`);
    for (const h of history) expect(h.sourceKey).toMatch(/^restore:(notes|contacts):[0-9a-f-]{36}$/);
  });

  it('joins address lists, keeps this browser’s other settings, and fills empty offer-profile fields', async () => {
    const backupState = emptyState();
    backupState.settings = [
      { key: 'settings', value: { ...DEFAULT_SETTINGS, ownEmails: ['alex@brightpath.io', 'rep@brightpath.io'], muted: ['@news.example.com'], theme: 'light', dormantDays: 10 } },
      { key: 'offer', value: { name: 'Alex R.', signOff: 'Cheers', company: 'Brightpath', offers: ['CRM implementation'], doesNotOffer: ['Web design'], serves: 'B2B teams' } },
    ];
    const backup = await backupOf(backupState);
    const db = freshDb();
    // Saved by an older version: no dormantDays, aiPolish… (the app fills defaults when it reads).
    await db.settings.bulkPut([
      { key: 'settings', value: { ownEmails: ['rep@brightpath.io'], theme: 'dark', muted: [] } as never },
      { key: 'offer', value: { name: 'Alex Rivera', signOff: '', company: '', offers: [], doesNotOffer: ['Paid ads'], serves: '' } },
    ]);
    const summary = await restoreBackup(db, backup, { mode: 'merge', now: NOW });
    expect(summary.updated.settings).toBe(2);
    expect(summary.conflictsRecorded + summary.conflictsUnrecorded).toBe(0);
    expect(await db.settings.get('settings')).toEqual({
      key: 'settings',
      value: { ...DEFAULT_SETTINGS, ownEmails: ['rep@brightpath.io', 'alex@brightpath.io'], muted: ['@news.example.com'], theme: 'dark', dormantDays: 10 },
    });
    expect(await db.settings.get('offer')).toEqual({
      key: 'offer',
      value: { name: 'Alex Rivera', signOff: 'Cheers', company: 'Brightpath', offers: ['CRM implementation'], doesNotOffer: ['Paid ads'], serves: 'B2B teams' },
    });
  });

  it('brings back rows deleted since the backup, and does not record conflicts on contacts that are gone', async () => {
    const backupState = emptyState();
    backupState.notes = [note('n-1', 'c-gone', 'Orphan note, backup version', T0, { updatedAt: T0 + HOUR })];
    backupState.interactions = [interaction('c-dana', 'gmail:1', T0)];
    const backup = await backupOf(backupState);
    const db = freshDb();
    await addNoteRows(db, [note('n-1', 'c-gone', 'Orphan note, here', T0)]);
    const summary = await restoreBackup(db, backup, { mode: 'merge', now: NOW });
    expect(summary.added.interactions).toBe(1);
    expect(summary.updated.notes).toBe(1);
    expect(summary.conflictsRecorded).toBe(0);
    expect(summary.conflictsUnrecorded).toBe(1);
    expect((await allNotes(db)).find((n) => n.id === 'n-1')?.text).toBe('Orphan note, backup version');
    expect((await allHistory(db)).map((i) => i.id)).toEqual(['c-dana|gmail:1']);
  });
});

describe('merge of notes that changed contact since the backup', () => {
  it('finds a note under the contact it is under now: one note per id, the newer version, where that version says', async () => {
    const backupState = emptyState();
    backupState.contacts = [contact('c-dana'), contact('c-meera')];
    backupState.notes = [
      note('n-kept', 'c-dana', 'Backup text (older)', T0),
      note('n-taken', 'c-dana', 'Backup text (newer)', T0, { updatedAt: T0 + 3 * HOUR }),
      note('n-same', 'c-dana', 'Same on both sides', T0),
    ];
    const backup = await backupOf(backupState);
    const db = freshDb();
    // Since the backup, Dana's notes went to Meera (a merge), two of them edited there.
    const here = emptyState();
    here.contacts = [contact('c-dana'), contact('c-meera')];
    here.notes = [
      note('n-kept', 'c-meera', 'Here text (newer)', T0, { updatedAt: T0 + HOUR }),
      note('n-taken', 'c-meera', 'Here text (older)', T0, { updatedAt: T0 + HOUR }),
      note('n-same', 'c-meera', 'Same on both sides', T0),
    ];
    await load(db, here);
    // n-same differs only by its contact: a different row at the same version, so this browser's is kept.
    const summary = await restoreBackup(db, backup, { mode: 'merge', now: NOW });
    expect(summary.added.notes).toBe(0);
    expect(summary.updated.notes).toBe(1);
    expect(summary.keptHere.notes).toBe(2);
    const notes = (await allNotes(db)).map((n) => [n.id, n.contactId, n.text]);
    expect(notes).toEqual([
      ['n-kept', 'c-meera', 'Here text (newer)'],
      ['n-same', 'c-meera', 'Same on both sides'],
      ['n-taken', 'c-dana', 'Backup text (newer)'],
    ]);
  });
});

describe('replace', () => {
  it('deletes what is here and writes the backup, reporting both', async () => {
    const backup = await backupOf(fixtureState());
    const db = freshDb();
    await load(db, { ...emptyState(), contacts: [contact('c-x'), contact('c-y')], notes: [note('n-x', 'c-x', 'x', T0)] });
    const summary = await restoreBackup(db, backup, { mode: 'replace', now: NOW });
    expect(summary.removed).toEqual(counts({ contacts: 2, notes: 1 }));
    expect(summary.added).toEqual(counts({ contacts: 3, notes: 40, interactions: 3, commitments: 1, resources: 1, resourceSends: 1, threads: 1, triageOverrides: 1, settings: 2 }));
    expect((await db.contacts.toCollection().primaryKeys()).sort()).toEqual(['c-dana', 'c-meera', 'c-tomasz']);
  });

  it('reports progress after every chunk, ending at the total', async () => {
    const backup = await backupOf(fixtureState());
    const seen: Progress[] = [];
    await restoreBackup(freshDb(), backup, { mode: 'replace', now: NOW, chunkSize: 16, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => `${p.table}:${p.done}/${p.total}`)).toEqual([
      'contacts:3/53',
      'notes:19/53',
      'notes:35/53',
      'notes:43/53',
      'interactions:46/53',
      'commitments:47/53',
      'resources:48/53',
      'resourceSends:49/53',
      'threads:50/53',
      'triageOverrides:51/53',
      'settings:53/53',
    ]);
  });
});

describe('writing a backup', () => {
  it('reports progress per page, and sets aside stored rows that fail their schema (verbatim, not restored)', async () => {
    const db = freshDb();
    await load(db, fixtureState());
    // A row written around the app (an old bug, a raw write): no stage, no linkedin list.
    await db.contacts.put({ id: 'c-broken', name: 'Broken', emails: [], tags: [] } as never);
    const seen: Progress[] = [];
    const result = await writeBackup(db, { now: T0, pageSize: 25, onProgress: (p) => seen.push(p) });
    // Progress counts stored records: the 40 notes are three buckets and the three history entries two (one per
    // contact); a page of 25 rows is one bucket.
    expect(seen.map((p) => `${p.table}:${p.done}/${p.total}`)).toEqual([
      'contacts:4/16',
      'notes:5/16',
      'notes:6/16',
      'notes:7/16',
      'interactions:8/16',
      'interactions:9/16',
      'commitments:10/16',
      'resources:11/16',
      'resourceSends:12/16',
      'threads:13/16',
      'triageOverrides:14/16',
      'settings:16/16',
    ]);
    expect(result.invalid).toEqual([{ table: 'contacts', index: 1, key: 'c-broken', message: 'nameTokens: Invalid input: expected array, received undefined' }]);
    expect(result.counts.contacts).toBe(3);
    const text = await textOf(result.parts);
    const json = JSON.parse(text) as { invalidRows: unknown[]; counts: Counts; exportedAt: string };
    expect(json.invalidRows).toEqual([
      { table: 'contacts', index: 1, key: 'c-broken', problem: 'nameTokens: Invalid input: expected array, received undefined', row: { id: 'c-broken', name: 'Broken', emails: [], tags: [] } },
    ]);
    expect(json.exportedAt).toBe('2026-01-05T09:00:00.000Z');
    const parsed = await readBackup(text);
    expect(parsed.invalidRows).toBe(1);
    expect(parsed.tables.contacts.map((c) => c.id)).toEqual(['c-dana', 'c-meera', 'c-tomasz']);
  });

  it('sets aside a stored history entry that fails its schema, named by its place among all entries; its bucket’s others are kept', async () => {
    const db = freshDb();
    await load(db, { ...emptyState(), contacts: [contact('c-a'), contact('c-b')] });
    await addHistoryRows(db, [
      interaction('c-a', 'gmail:1', T0),
      interaction('c-a', 'gmail:2', T0 + HOUR),
      interaction('c-b', 'gmail:3', T0),
      interaction('c-b', 'gmail:4', T0 + HOUR),
      interaction('c-b', 'gmail:5', T0 + 2 * HOUR),
    ]);
    // A bucket written around the app: its second entry's kind is one no version of Resourceful has had.
    const [first, second] = (await db.history.orderBy('id').toArray()) as HistoryBucket[];
    expect([first!.contactId, second!.contactId]).toEqual(['c-a', 'c-b']);
    const cols = { ...second!.cols, strings: [...second!.cols.strings, 'bogus'], kind: [...second!.cols.kind] };
    cols.kind[1] = cols.strings.length - 1;
    await db.history.put({ ...second!, cols });
    const result = await writeBackup(db, { now: T0 });
    expect(result.invalid).toEqual([{ table: 'interactions', index: 4, key: 'c-b|gmail:4', message: expect.stringContaining('kind: Invalid option') }]);
    expect(result.counts.interactions).toBe(4);
    const parsed = await readBackup(await textOf(result.parts));
    expect(parsed.invalidRows).toBe(1);
    expect(parsed.tables.interactions.map((e) => e.id)).toEqual(['c-a|gmail:1', 'c-a|gmail:2', 'c-b|gmail:3', 'c-b|gmail:5']);
  });

  it('names the file by local date and time', () => {
    expect(backupFileName(new Date(2026, 2, 2, 9, 5).getTime())).toBe('resourceful-backup-2026-03-02-0905.json');
  });

  it('describes counts in words', () => {
    expect(describeCounts(counts({ contacts: 1, notes: 12_345, interactions: 2 }))).toBe('1 contact, 12,345 notes and 2 history entries');
    expect(describeCounts(counts({ settings: 2 }))).toBe('2 settings entries');
    expect(describeCounts(counts({}))).toBe('nothing');
  });
});
