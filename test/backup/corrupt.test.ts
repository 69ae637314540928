import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { BackupError, storeOf, type BackupErrorCode, type TableName } from '../../lib/backup/format';
import { hashDatabase } from '../../lib/backup/hash';
import { QUOTA_MESSAGE } from '../../lib/backup/quota';
import { checkBackupFile, readBackup } from '../../lib/backup/read';
import { restoreBackup, type RestoreMode } from '../../lib/backup/restore';
import { writeBackup } from '../../lib/backup/write';
import { ResourcefulDB } from '../../lib/db/schema';
import { freshDb, rowsIn } from '../helpers/db';
import { allHistory } from '../../lib/db/history';
import { contact, fixtureState, note, T0, textOf, withPages } from './fixture';
import { load } from './arbitraries';

/** The database under test: the fixture, plus one contact the backup does not have (replace would delete it). */
let db: ResourcefulDB;
/** A good backup of a different database: the fixture with its own changes, so a restore would change things. */
let good: string;

beforeEach(async () => {
  const other = freshDb();
  const state = fixtureState();
  state.contacts.push(contact('c-only-in-backup', { name: 'Priya Natarajan' }));
  // Every note edited since: a merge rewrites them all, so a failure midway has something to undo.
  state.notes = state.notes.map((n) => ({ ...n, text: `${n.text as string} (edited)`, updatedAt: (n.updatedAt as number) + 1 }));
  state.notes.push(note('n-backup', 'c-dana', 'Only in the backup', T0 + 1));
  await load(other, state);
  good = await textOf((await writeBackup(other, { now: T0 })).parts);
  other.close();
  db = freshDb();
  const here = fixtureState();
  here.contacts.push(contact('c-only-here', { name: 'Jonas Berg' }));
  await load(db, here);
});

/**
 * Reads and (if that passes) restores `text`: from memory (readBackup) and, unless `via` says otherwise, from a file
 * too (checkBackupFile, then restoreBackup reading the file in small slices). Both must fail the same way; returns
 * the error, having checked nothing changed.
 */
async function attempt(text: string | string[], mode: RestoreMode = 'replace', target: ResourcefulDB = db, via: 'both' | 'text' | 'file' = 'both'): Promise<BackupError> {
  const errors: unknown[] = [];
  for (const path of via === 'both' ? (['text', 'file'] as const) : [via]) {
    const before = await hashDatabase(db);
    let error: unknown = null;
    try {
      if (path === 'text') await restoreBackup(target, await readBackup(text), { mode, now: T0 + 99, chunkSize: 5 });
      else await restoreBackup(target, await checkBackupFile(new Blob(typeof text === 'string' ? [text] : text)), { mode, now: T0 + 99, chunkSize: 5, sliceBytes: 61 });
    } catch (e) {
      error = e;
    }
    const after = await hashDatabase(db);
    expect(after.tables).toEqual(before.tables);
    expect(after.all).toBe(before.all);
    expect(error).toBeInstanceOf(BackupError);
    errors.push(error);
  }
  const [first, ...rest] = errors as BackupError[];
  for (const e of rest) expect({ code: e.code, message: e.message }).toEqual({ code: first!.code, message: first!.message });
  return first!;
}

function expectError(e: BackupError, code: BackupErrorCode, message: string): void {
  expect({ code: e.code, message: e.message }).toEqual({ code, message });
}

describe('a good backup (the control)', () => {
  it('does change the database, so the hash comparisons below can tell', async () => {
    const before = await hashDatabase(db);
    await restoreBackup(db, await readBackup(good), { mode: 'replace', now: T0 });
    expect((await hashDatabase(db)).all).not.toBe(before.all);
    expect(await db.contacts.get('c-only-in-backup')).toBeDefined();
    expect(await db.contacts.get('c-only-here')).toBeUndefined();
  });
});

describe('corrupt restores: a specific error, and the database exactly as before', () => {
  it('a file that is not JSON', async () => {
    expectError(
      await attempt('First Name,Last Name\r\nDana,Whitfield\r\n'),
      'not_json',
      'This file is not a Resourceful backup: it is not JSON (it begins “First Name,Last Name  Da…”). Nothing was changed.',
    );
    expectError(await attempt('PK\u0003\u0004\u0014\u0000binary'), 'not_json', 'This file is not a Resourceful backup: it is not JSON (it begins “PK    binary”). Nothing was changed.');
  });

  it('an empty file', async () => {
    expectError(await attempt(' \n'), 'empty', 'The file is empty. Nothing was changed.');
  });

  it('JSON that is not a backup', async () => {
    expectError(await attempt('{"name":"Dana","email":"dana@northwind.com"}'), 'not_backup', 'This file is JSON, but not a Resourceful backup: it has no "format": "resourceful-backup" field. Nothing was changed.');
    expectError(await attempt('[{"id":"c-1"}]'), 'not_backup', 'This file is JSON, but not a Resourceful backup: it holds a list, where a backup holds one object. Nothing was changed.');
    expectError(await attempt('42'), 'not_backup', 'This file is JSON, but not a Resourceful backup: it holds a single value, where a backup holds one object. Nothing was changed.');
    expectError(await attempt('{}'), 'not_backup', 'This file is JSON, but not a Resourceful backup: it has no "format": "resourceful-backup" field. Nothing was changed.');
    expectError(
      await attempt('{"format":"something-else","version":1}'),
      'not_backup',
      'This file is JSON, but not a Resourceful backup: its "format" is "something-else", not "resourceful-backup". Nothing was changed.',
    );
    // The resource library's own export is the likeliest wrong file: say where it goes.
    expectError(
      await attempt('{"version":1,"resources":[{"title":"CRM checklist","url":null,"summary":"","tags":[],"kind":"checklist"}]}'),
      'not_backup',
      'This is a resource-library export, not a full backup: import it under Resources instead. Nothing was changed.',
    );
  });

  it('a truncated file (cut in half)', async () => {
    const half = good.slice(0, Math.floor(good.length / 2));
    // Where half falls: in the notes, after the rows whose closing brace made it.
    const notesStart = good.indexOf('"notes":[');
    const complete = (half.slice(notesStart).match(/\}(,\n|\n\])/g) ?? []).length;
    expectError(
      await attempt(half),
      'truncated',
      `The backup file is incomplete: it stops in the notes, after ${complete} of 41 notes. It was probably cut off while downloading or copying. Nothing was changed.`,
    );
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(41);
    // Cut anywhere at all, it is never taken for a whole backup; the message says where it stops.
    const cutAt = async (n: number) => (await attempt(good.slice(0, n))).message;
    expect(await cutAt(1)).toBe('The backup file is incomplete: it stops before its first field. It was probably cut off while downloading or copying. Nothing was changed.');
    expect(await cutAt(good.indexOf('"tables"'))).toBe('The backup file is incomplete: it stops before the data begins. It was probably cut off while downloading or copying. Nothing was changed.');
    // The table, not the history pages' column of the same name.
    expect(await cutAt(good.indexOf('\n"resources":[') + 1)).toBe('The backup file is incomplete: it stops after the promises. It was probably cut off while downloading or copying. Nothing was changed.');
    expect(await cutAt(good.length - 3)).toBe('The backup file is incomplete: it stops after the data, before the end of the file. It was probably cut off while downloading or copying. Nothing was changed.');
    for (const cut of [10, 200, good.length - 30, good.length - 2]) expect((await attempt(good.slice(0, cut))).code).toBe('truncated');
  });

  it('a backup from a newer version', async () => {
    expectError(
      await attempt(good.replace('"version":2', '"version":3')),
      'future_version',
      'This backup was made by a newer version of Resourceful (backup format 3; this version reads format 2). Update the extension, then restore it again. Nothing was changed.',
    );
    expectError(
      await attempt(good.replace('"schemaVersion":5', '"schemaVersion":6')),
      'future_version',
      'This backup was made by a newer version of Resourceful (database version 6; this version knows version 5). Update the extension, then restore it again. Nothing was changed.',
    );
    expectError(
      await attempt(good.replace('"schemaVersion":5', '"schemaVersion":1')),
      'unsupported_schema',
      'This backup holds database version 1, which this version of Resourceful cannot restore (it restores versions 2 to 5). Nothing was changed.',
    );
  });

  it('a backup from before history buckets (v2), history columns (v3) or the v5 indexes (v4) restores: its rows are the same', async () => {
    expect(good).toContain('"schemaVersion":5');
    for (const version of [2, 3, 4]) {
      const old = good.replace('"schemaVersion":5', `"schemaVersion":${version}`);
      const db = freshDb();
      const summary = await restoreBackup(db, await readBackup(old), { mode: 'replace', now: Date.UTC(2026, 2, 3) });
      expect(summary.added.interactions).toBe(3);
      expect((await allHistory(db)).map((r) => r.id)).toEqual(['c-dana|gmail:m1', 'c-dana|gmail:m2', 'c-meera|gmail:m3']);
      db.close();
    }
  });

  it('a row that fails its schema', async () => {
    const bad = good.replace('"text":"Note 7: “quoted”, a comma, and a line\\nbreak ✓ (edited)"', '"text":""');
    expect(bad).not.toBe(good);
    // Notes are written contact by contact (their buckets' order): n-07 is c-meera's third, after c-dana's 15.
    expectError(await attempt(bad), 'invalid_row', 'Row 18 of notes (id “n-07”) is not valid: text: Too small: expected string to have >=1 characters. Nothing was changed.');
    const badStage = good.replace('"stage":"qualified"', '"stage":"won"');
    expectError(await attempt(badStage), 'invalid_row', 'Row 1 of contacts (id “c-dana”) is not valid: stage: Invalid option: expected one of "new_inquiry"|"in_conversation"|"qualified"|"not_fit_helped"|"customer"|"declined"|"nurture". Nothing was changed.');
    const badSettings = good.replace('"theme":"dark"', '"theme":"neon"');
    expectError(await attempt(badSettings), 'invalid_row', 'Row 2 of settings entries (key “settings”) is not valid: value.theme: Invalid option: expected one of "system"|"light"|"dark". Nothing was changed.');
  });

  it('rows that do not match the counts, or repeat a key', async () => {
    const lines = good.split('\n');
    const noteLine = lines.findIndex((l) => l.startsWith('{"id":"n-05"'));
    const missing = [...lines.slice(0, noteLine), ...lines.slice(noteLine + 1)].join('\n');
    expectError(await attempt(missing), 'count_mismatch', 'The backup says it holds 41 notes but contains 40: the file was edited or damaged. Nothing was changed.');
    const extra = lines[noteLine]!.replace('"id":"n-05"', '"id":"n-extra"');
    const doubled = [...lines.slice(0, noteLine + 1), extra, ...lines.slice(noteLine + 1)].join('\n');
    expectError(await attempt(doubled), 'count_mismatch', 'The backup says it holds 41 notes but contains more than 41: the file was edited or damaged. Nothing was changed.');
    const dupe = good.replace('{"id":"n-06"', '{"id":"n-05"');
    expectError(await attempt(dupe), 'invalid_row', 'Two notes in the backup have the same id “n-05”. Nothing was changed.');
  });

  it('a history page that is not one, or holds a bad entry, or more entries than the counts say', async () => {
    const pages = (JSON.parse(good) as { tables: { interactions: { contactId: string; cols: Record<string, unknown[]> }[] } }).tables.interactions;
    expect(pages.map((p) => p.contactId)).toEqual(['c-dana', 'c-meera']);
    const [dana, meera] = pages as [(typeof pages)[0], (typeof pages)[0]];
    const meeraLong = { ...meera, cols: { ...meera.cols, kind: [0, 0] } };
    expectError(await attempt(withPages(good, [dana, meeraLong])), 'invalid_row', 'History page 2 (contact “c-meera”) is not valid: cols.kind: not 1 items. Nothing was changed.');
    expectError(await attempt(withPages(good, [dana, 'c-meera'])), 'invalid_row', 'History page 2 is not valid: not an object. Nothing was changed.');
    // A page of the right shape whose entry fails the entry schema: named by its place among the entries.
    const longSource = { ...meera, cols: { ...meera.cols, sourceKey: ['x'.repeat(301)] } };
    expectError(await attempt(withPages(good, [dana, longSource])), 'invalid_row', `Row 3 of history entries (id “c-meera|${'x'.repeat(72)}”) is not valid: sourceKey: Too big: expected string to have <=300 characters. Nothing was changed.`);
    expectError(await attempt(withPages(good, [dana, meera], 2)), 'count_mismatch', 'The backup says it holds 2 history entries but contains more than 2: the file was edited or damaged. Nothing was changed.');
    expectError(await attempt(withPages(good, [dana], 3)), 'count_mismatch', 'The backup says it holds 3 history entries but contains 2: the file was edited or damaged. Nothing was changed.');
  });

  it('a damaged line inside a backup', async () => {
    const lines = good.split('\n');
    const k = lines.findIndex((l) => l.startsWith('{"id":"n-10"'));
    lines[k] = lines[k]!.replace('"pinned":false', '"pinned":fals');
    expectError(await attempt(lines.join('\n')), 'not_json', `The backup is damaged: line ${k + 1} is not valid JSON (not valid JSON). Nothing was changed.`);
    expectError(await attempt(`${good}trailing`), 'not_json', `The backup is damaged: line ${good.split('\n').length} is not valid JSON (there is more text after the end of the backup). Nothing was changed.`);
  });
});

/** A second connection to the same database whose writes to `table` fail before more than `after` rows go through. */
function failingConnection(name: string, table: TableName, after: number, error: () => Error): { db: ResourcefulDB; written: () => number } {
  let written = 0;
  const conn = new ResourcefulDB(name);
  conn.use({
    stack: 'dbcore',
    name: 'fail-midway',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (n: string) => {
        const t = down.table(n);
        if (n !== storeOf(table)) return t;
        return {
          ...t,
          mutate: (req: DBCoreMutateRequest) => {
            if (req.type === 'add' || req.type === 'put') {
              // Rows, not records: notes are written in buckets.
              if (written + rowsIn(req.values) > after) return Promise.reject(error());
              written += rowsIn(req.values);
            }
            return t.mutate(req);
          },
        };
      },
    }),
  });
  return { db: conn, written: () => written };
}

describe('a write that fails midway', () => {
  for (const [mode, via] of [['replace', 'text'], ['merge', 'text'], ['replace', 'file'], ['merge', 'file']] as const) {
    it(`undoes everything (${mode}, rows from ${via === 'text' ? 'memory' : 'the file'})`, async () => {
      const failing = failingConnection(db.name, 'notes', 20, () => new Error('disk on fire'));
      expectError(
        await attempt(good, mode, failing.db, via),
        'write_failed',
        'Restoring stopped while writing notes (disk on fire). Everything written was undone: nothing was changed.',
      );
      // It really did write part of the notes (and every contact) before failing: the rollback is what saved it.
      expect(failing.written()).toBeGreaterThan(0);
      expect(failing.written()).toBeLessThanOrEqual(20);
      failing.db.close();
    });
  }

  for (const via of ['text', 'file'] as const) {
    it(`a full disk: the quota message, and nothing changed (rows from ${via === 'text' ? 'memory' : 'the file'})`, async () => {
      const failing = failingConnection(db.name, 'notes', 10, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      expectError(await attempt(good, 'replace', failing.db, via), 'quota', QUOTA_MESSAGE);
      expect(failing.written()).toBeLessThanOrEqual(10);
      failing.db.close();
    });
  }
});
