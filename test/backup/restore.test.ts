import { describe, expect, it } from 'vitest';
import { describeCounts, zeroCounts, type Counts } from '../../lib/backup/format';
import { checkBackupFile, readBackup } from '../../lib/backup/read';
import { CONFLICT_KIND, restoreBackup, type RestoreSummary } from '../../lib/backup/restore';
import { backupFileName, writeBackup, type Progress } from '../../lib/backup/write';
import { DEFAULT_SETTINGS, type HistoryBucket } from '../../lib/db/models';
import { addHistoryRows, addNoteRows, freshDb } from '../helpers/db';
import { allNotes } from '../../lib/db/notebook';
import { allHistory } from '../../lib/db/history';
import { findContactByEmail, findContactBySlug, updateContact } from '../../lib/db/contacts';
import { hashDatabase } from '../../lib/backup/hash';
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
      contactsMerged: 0,
      joined: { ownEmails: [], muted: [] },
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
    for (const h of history) expect(h.sourceKey).toMatch(/^restore:(notes|contacts):[0-9a-f]{16}$/);

    // The same backup merged again: nothing left to replace, and the older versions it keeps losing are on record.
    const again = await restoreBackup(db, backup, { mode: 'merge', now: NOW + HOUR });
    expect(again.conflictsRecorded).toBe(0);
    expect(again.conflictsUnrecorded).toBe(1);
    expect((await allHistory(db)).map((h) => h.id).sort()).toEqual(history.map((h) => h.id).sort());

    // A backup that loses with another text of the same note is a new conflict, kept beside the first.
    const other = emptyState();
    other.contacts = backupState.contacts;
    other.notes = [note('n-newer-here', 'c-dana', 'Another backup text (older)', T0, { updatedAt: T0 + HOUR })];
    const third = await restoreBackup(db, await backupOf(other), { mode: 'merge', now: NOW + 2 * HOUR });
    expect(third.conflictsRecorded).toBe(1);
    expect((await allHistory(db)).filter((h) => h.snippet === 'Another backup text (older)')).toHaveLength(1);
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
    // What the backup added to the lists is reported: it changes whose mail is "from me" and what the queue hides.
    expect(summary.joined).toEqual({ ownEmails: ['alex@brightpath.io'], muted: ['@news.example.com'] });
    expect(await db.settings.get('settings')).toEqual({
      key: 'settings',
      value: { ...DEFAULT_SETTINGS, ownEmails: ['rep@brightpath.io', 'alex@brightpath.io'], muted: ['@news.example.com'], theme: 'dark', dormantDays: 10 },
    });
    expect(await db.settings.get('offer')).toEqual({
      key: 'offer',
      value: { name: 'Alex Rivera', signOff: 'Cheers', company: 'Brightpath', offers: ['CRM implementation'], doesNotOffer: ['Paid ads'], serves: 'B2B teams' },
    });
  });

  it('reports the backup’s addresses and muted senders as joined into a browser with no settings saved, or unreadable ones', async () => {
    const backupState = emptyState();
    backupState.settings = [{ key: 'settings', value: { ...DEFAULT_SETTINGS, ownEmails: ['rep@brightpath.io', 'Alex@Brightpath.io'], muted: ['@news.example.com'] } }];
    const backup = await backupOf(backupState);
    // Nothing saved here yet (the row is written on the first change of a setting): all of it takes effect.
    const fresh = freshDb();
    const first = await restoreBackup(fresh, backup, { mode: 'merge', now: NOW });
    expect(first.added.settings).toBe(1);
    expect(first.joined).toEqual({ ownEmails: ['rep@brightpath.io', 'Alex@Brightpath.io'], muted: ['@news.example.com'] });
    // A row here the app cannot read counts as the defaults: what the backup brings is new, but an address differing
    // only in case from one here is not.
    const broken = freshDb();
    await broken.settings.put({ key: 'settings', value: { ownEmails: ['alex@brightpath.io'], muted: ['@news.example.com'], theme: 42 } as never });
    const second = await restoreBackup(broken, backup, { mode: 'merge', now: NOW });
    expect(second.updated.settings).toBe(1);
    expect(second.joined).toEqual({ ownEmails: ['rep@brightpath.io', 'Alex@Brightpath.io'], muted: ['@news.example.com'] });
    // A readable row: only what is new to it, compared without regard to case.
    const mine = freshDb();
    await mine.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, ownEmails: ['alex@brightpath.io'], muted: ['@NEWS.example.com '] } });
    const third = await restoreBackup(mine, backup, { mode: 'merge', now: NOW });
    expect(third.joined).toEqual({ ownEmails: ['rep@brightpath.io'], muted: [] });
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
    expect(describeCounts(counts({ settings: 2 }))).toBe('settings');
    expect(describeCounts(counts({}))).toBe('nothing');
  });
});

const DAY = 24 * HOUR;

/**
 * Merges `backupState` into a database holding `hereState`, both ways the app can: from memory, and from the file
 * read in small slices with one row per chunk (so every row meets the ones before it in other chunks). Runs `check`
 * on each result; returns the summaries (equal both ways).
 */
async function mergeBothWays(
  hereState: ReturnType<typeof emptyState>,
  backupState: ReturnType<typeof emptyState>,
  check: (db: ReturnType<typeof freshDb>, summary: RestoreSummary) => Promise<void>,
): Promise<RestoreSummary> {
  const source = freshDb();
  await load(source, backupState);
  const text = await textOf((await writeBackup(source, { now: T0 })).parts);
  source.close();
  const summaries: RestoreSummary[] = [];
  for (const way of ['memory', 'file'] as const) {
    const db = freshDb();
    await load(db, hereState);
    const summary =
      way === 'memory'
        ? await restoreBackup(db, await readBackup(text), { mode: 'merge', now: NOW })
        : await restoreBackup(db, await checkBackupFile(new Blob([text])), { mode: 'merge', now: NOW, chunkSize: 1, sliceBytes: 97 });
    await check(db, summary);
    summaries.push(summary);
    db.close();
  }
  expect(summaries[1]).toEqual(summaries[0]);
  return summaries[0]!;
}

describe('merge keeps the time of the last interaction', () => {
  it('takes the newer contact row but keeps the later lastInteractionAt of the row here', async () => {
    // The laptop's backup: Dana edited on day 2, last interaction day 0.
    const laptop = emptyState();
    laptop.contacts = [contact('c-dana', { company: 'Northwind', updatedAt: T0 + 2 * DAY, lastInteractionAt: T0 })];
    laptop.interactions = [interaction('c-dana', 'gmail:m0', T0)];
    // This desktop: not edited since day 0, but Dana emailed on day 5.
    const desktop = emptyState();
    desktop.contacts = [contact('c-dana', { updatedAt: T0, lastInteractionAt: T0 + 5 * DAY })];
    desktop.interactions = [interaction('c-dana', 'gmail:m0', T0), interaction('c-dana', 'gmail:m5', T0 + 5 * DAY)];
    const summary = await mergeBothWays(desktop, laptop, async (db) => {
      const dana = await db.contacts.get('c-dana');
      expect(dana?.company).toBe('Northwind');
      expect(dana?.updatedAt).toBe(T0 + 2 * DAY);
      expect(dana?.lastInteractionAt).toBe(T0 + 5 * DAY);
    });
    expect(summary.updated.contacts).toBe(1);
  });

  it('keeps the row here but takes the backup’s later lastInteractionAt, with no conflict when that is all that differs', async () => {
    const laptop = emptyState();
    laptop.contacts = [contact('c-dana', { lastInteractionAt: T0 + 6 * DAY })];
    laptop.interactions = [interaction('c-dana', 'gmail:m6', T0 + 6 * DAY)];
    const desktop = emptyState();
    desktop.contacts = [contact('c-dana', { lastInteractionAt: T0 + DAY })];
    const summary = await mergeBothWays(desktop, laptop, async (db) => {
      expect((await db.contacts.get('c-dana'))?.lastInteractionAt).toBe(T0 + 6 * DAY);
      expect((await allHistory(db)).map((h) => h.sourceKey)).toEqual(['gmail:m6']);
    });
    expect(summary.conflictsRecorded + summary.conflictsUnrecorded).toBe(0);
  });

  it('moves lastInteractionAt up to the newest history entry the backup brings to a contact here, whatever its row says', async () => {
    const laptop = emptyState();
    // An older row (the desktop's is kept) that does not know about the day-7 email either.
    laptop.contacts = [contact('c-dana', { name: 'Dana (old)', updatedAt: T0, lastInteractionAt: T0 + DAY })];
    laptop.interactions = [
      interaction('c-dana', 'gmail:m7', T0 + 7 * DAY),
      // A conflict entry an earlier restore wrote there: not an interaction with Dana.
      interaction('c-dana', 'restore:contacts:1', T0 + 9 * DAY, { kind: CONFLICT_KIND }),
    ];
    const desktop = emptyState();
    desktop.contacts = [contact('c-dana', { name: 'Dana', updatedAt: T0 + 3 * DAY, lastInteractionAt: T0 + 2 * DAY })];
    const summary = await mergeBothWays(desktop, laptop, async (db) => {
      const dana = await db.contacts.get('c-dana');
      expect(dana?.name).toBe('Dana');
      expect(dana?.updatedAt).toBe(T0 + 3 * DAY);
      expect(dana?.lastInteractionAt).toBe(T0 + 7 * DAY);
    });
    expect(summary.keptHere.contacts).toBe(1);
    expect(summary.added.interactions).toBe(2);
  });
});

describe('merge of a person saved in both browsers under different ids', () => {
  /** This desktop: Dana, saved here with her work address, her notes, history and a promise. */
  function desktopState() {
    const s = emptyState();
    s.contacts = [
      contact('c-desk', {
        name: 'Dana Whitfield',
        emails: ['dana@acme.com'],
        title: 'Head of Operations',
        tags: ['crm'],
        stage: 'new_inquiry',
        createdAt: T0 + DAY,
        updatedAt: T0 + DAY,
        lastInteractionAt: T0 + 2 * DAY,
      }),
      contact('c-other', { name: 'Jonas Berg', emails: ['jonas@acme.com'] }),
    ];
    s.notes = [note('n-desk', 'c-desk', 'Met at the fair', T0 + DAY)];
    s.interactions = [
      interaction('c-desk', 'gmail:m1', T0 + DAY, { subject: 'Pricing?' }),
      interaction('c-desk', 'gmail:m2', T0 + 2 * DAY, { subject: 'Re: Pricing?', kind: 'email_out' }),
    ];
    s.commitments = [
      { id: 'p-desk', contactId: 'c-desk', direction: 'mine', kind: 'send', text: 'Send the price list', dueAt: null, status: 'open', createdAt: T0, updatedAt: T0, resolvedAt: null, source: 'manual' },
    ];
    return s;
  }

  /**
   * The laptop: the same Dana under another id (and her address in capitals, as typed), with a private address and
   * a LinkedIn profile too, and everything that names her: a note, history (one message the desktop has as well),
   * a promise, a resource sent, a thread, and a contact she referred (listed before her, by id).
   */
  function laptopState() {
    const s = emptyState();
    s.contacts = [
      contact('c-abe', { name: 'Abe Lincoln', emails: ['abe@acme.com'], referredBy: 'c-lap' }),
      contact('c-lap', {
        name: 'Dana W.',
        emails: ['Dana@ACME.com', 'dana.w@gmail.com', 'jonas@acme.com'],
        linkedinSlugs: ['dana-whitfield'],
        linkedin: [{ slug: 'dana-whitfield', url: 'https://www.linkedin.com/in/dana-whitfield/', name: 'Dana Whitfield', headline: null, company: 'Acme', title: 'COO', location: null }],
        company: 'Acme',
        companySource: 'linkedin',
        title: 'COO',
        tags: ['crm', 'events'],
        stage: 'qualified',
        createdAt: T0,
        updatedAt: T0 + 3 * DAY,
        lastInteractionAt: T0 + 4 * DAY,
        declineStated: { reason: 'timing', text: 'Next quarter' },
      }),
    ];
    s.notes = [note('n-lap', 'c-lap', 'Prefers calls', T0 + 3 * DAY)];
    s.interactions = [
      interaction('c-lap', 'gmail:m2', T0 + 2 * DAY, { subject: 'Re: Pricing?', kind: 'email_out' }),
      interaction('c-lap', 'gmail:m3', T0 + 4 * DAY, { subject: 'Re: Re: Pricing?' }),
    ];
    s.commitments = [
      { id: 'p-lap', contactId: 'c-lap', direction: 'theirs', kind: 'decision', text: 'Decide by Friday', dueAt: null, status: 'open', createdAt: T0, updatedAt: T0, resolvedAt: null, source: 'manual' },
    ];
    s.resources = [{ id: 'r-1', title: 'Checklist', url: null, summary: '', tags: [], kind: 'checklist', createdAt: T0, updatedAt: T0 }];
    s.resourceSends = [{ id: 'c-lap|r-1|1', contactId: 'c-lap', resourceId: 'r-1', at: T0 + 3 * DAY, threadId: null }];
    s.threads = [
      {
        threadId: 't-lap',
        url: 'https://mail.google.com/mail/u/0/#inbox/t-lap',
        subject: 'Re: Re: Pricing?',
        fromName: 'Dana Whitfield',
        fromEmail: 'dana@acme.com',
        lastInboundAt: T0 + 4 * DAY,
        lastOutboundAt: null,
        firstInboundAt: T0 + 4 * DAY,
        firstReplyAt: null,
        contactId: 'c-lap',
        needsReply: 1,
        updatedAt: T0 + 4 * DAY,
      },
    ];
    return s;
  }

  it('folds the backup’s contact into the one here that shares an address: one Dana, everything that named the other id re-keyed', async () => {
    const summary = await mergeBothWays(desktopState(), laptopState(), async (db) => {
      expect((await db.contacts.toCollection().primaryKeys()).sort()).toEqual(['c-abe', 'c-desk', 'c-other']);
      const dana = await db.contacts.get('c-desk');
      expect(dana).toMatchObject({
        // This browser's known fields stay; what it did not know comes from the backup.
        name: 'Dana Whitfield',
        title: 'Head of Operations',
        company: 'Acme',
        companySource: 'linkedin',
        // jonas@acme.com is Jonas's here: it stays his alone.
        emails: ['dana@acme.com', 'dana.w@gmail.com'],
        linkedinSlugs: ['dana-whitfield'],
        tags: ['crm', 'events'],
        // A new inquiry here: the backup's stage says more.
        stage: 'qualified',
        createdAt: T0,
        updatedAt: T0 + 3 * DAY,
        lastInteractionAt: T0 + 4 * DAY,
        declineStated: { reason: 'timing', text: 'Next quarter' },
        referredBy: null,
      });
      expect(dana?.linkedin.map((r) => r.slug)).toEqual(['dana-whitfield']);
      expect((await db.contacts.get('c-abe'))?.referredBy).toBe('c-desk');
      expect((await findContactByEmail(db, 'dana.w@gmail.com'))?.id).toBe('c-desk');
      expect((await findContactBySlug(db, 'dana-whitfield'))?.id).toBe('c-desk');

      // History: the message both browsers saw is there once; every id starts with the contact's.
      const history = await allHistory(db);
      expect(history.map((h) => h.id)).toEqual(['c-desk|gmail:m1', 'c-desk|gmail:m2', 'c-desk|gmail:m3']);
      expect(history.every((h) => h.contactId === 'c-desk')).toBe(true);
      expect((await allNotes(db)).map((n) => [n.id, n.contactId])).toEqual([
        ['n-desk', 'c-desk'],
        ['n-lap', 'c-desk'],
      ]);
      expect((await db.commitments.toArray()).map((p) => [p.id, p.contactId])).toEqual([
        ['p-desk', 'c-desk'],
        ['p-lap', 'c-desk'],
      ]);
      expect((await db.resourceSends.toArray()).map((r) => r.contactId)).toEqual(['c-desk']);
      expect((await db.threads.get('t-lap'))?.contactId).toBe('c-desk');
      // The merged contact can be edited: no other contact holds one of its addresses.
      await expect(updateContact(db, 'c-desk', { emails: dana!.emails }, NOW)).resolves.toMatchObject({ id: 'c-desk' });
    });
    expect(summary.contactsMerged).toBe(1);
    expect(summary.added.contacts).toBe(1);
    expect(summary.added.interactions).toBe(1);
    expect(summary.unchanged.interactions).toBe(1);
    expect(summary.added.notes).toBe(1);
    expect(summary.conflictsRecorded + summary.conflictsUnrecorded).toBe(0);
  });

  it('matches by LinkedIn profile too', async () => {
    const here = emptyState();
    here.contacts = [contact('c-here', { emails: [], linkedinSlugs: ['dana-whitfield'] })];
    const backup = emptyState();
    backup.contacts = [contact('c-there', { emails: ['dana@acme.com'], linkedinSlugs: ['dana-whitfield'] })];
    backup.interactions = [interaction('c-there', 'li:dana-whitfield:2026-01-05', T0, { kind: 'profile_visit' })];
    const summary = await mergeBothWays(here, backup, async (db) => {
      expect((await db.contacts.toArray()).map((c) => [c.id, c.emails])).toEqual([['c-here', ['dana@acme.com']]]);
      expect((await allHistory(db)).map((h) => h.id)).toEqual(['c-here|li:dana-whitfield:2026-01-05']);
    });
    expect(summary.contactsMerged).toBe(1);
  });

  it('changes nothing when the same backup is merged again', async () => {
    const db = freshDb();
    await load(db, desktopState());
    const source = freshDb();
    await load(source, laptopState());
    const text = await textOf((await writeBackup(source, { now: T0 })).parts);
    await restoreBackup(db, await readBackup(text), { mode: 'merge', now: NOW });
    const before = await hashDatabase(db);
    const again = await restoreBackup(db, await checkBackupFile(new Blob([text])), { mode: 'merge', now: NOW + HOUR, chunkSize: 1 });
    expect((await hashDatabase(db)).all).toBe(before.all);
    expect(again.contactsMerged).toBe(1);
    expect(again.added).toEqual(counts({}));
    expect(again.updated).toEqual(counts({}));
    expect(again.conflictsRecorded + again.conflictsUnrecorded).toBe(0);
  });

  it('keeps the merge when the backup also holds this browser’s contact, listed after the one folded into it', async () => {
    const here = emptyState();
    here.contacts = [contact('c-b', { name: 'Dana', emails: ['dana@acme.com'], updatedAt: T0 })];
    const backup = emptyState();
    backup.contacts = [
      contact('c-a', { name: 'Dana W.', emails: ['dana@acme.com', 'dana.w@gmail.com'], updatedAt: T0 + HOUR }),
      contact('c-b', { name: 'Dana Whitfield', emails: ['dana@acme.com'], updatedAt: T0 + 2 * HOUR }),
    ];
    const summary = await mergeBothWays(here, backup, async (db) => {
      const contacts = await db.contacts.toArray();
      expect(contacts.map((c) => [c.id, c.name, c.emails])).toEqual([['c-b', 'Dana Whitfield', ['dana@acme.com', 'dana.w@gmail.com']]]);
    });
    expect(summary.contactsMerged).toBe(1);
    expect(summary.updated.contacts).toBe(1);
  });

  it('merges a re-keyed note, promise or thread that meets its own id here by its version, as any row', async () => {
    const here = emptyState();
    here.contacts = [contact('c-here', { emails: ['dana@acme.com'] })];
    here.notes = [note('n-1', 'c-here', 'Here (older)', T0)];
    const backup = emptyState();
    backup.contacts = [contact('c-there', { emails: ['dana@acme.com'] })];
    backup.notes = [note('n-1', 'c-there', 'Backup (newer)', T0, { updatedAt: T0 + HOUR })];
    const summary = await mergeBothWays(here, backup, async (db) => {
      expect((await allNotes(db)).map((n) => [n.id, n.contactId, n.text])).toEqual([['n-1', 'c-here', 'Backup (newer)']]);
    });
    expect(summary.updated.notes).toBe(1);
    expect(summary.conflictsRecorded).toBe(1);
  });

  it('leaves a backup’s own two rows for one person as they are when nobody here matches them', async () => {
    const backup = emptyState();
    backup.contacts = [contact('c-1', { emails: ['dana@acme.com'] }), contact('c-2', { emails: ['dana@acme.com'] })];
    const summary = await mergeBothWays(emptyState(), backup, async (db) => {
      expect(await db.contacts.count()).toBe(2);
    });
    expect(summary.added.contacts).toBe(2);
    expect(summary.contactsMerged).toBe(0);
  });
});
