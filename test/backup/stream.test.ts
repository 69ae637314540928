import fc from 'fast-check';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackupError, TABLES } from '../../lib/backup/format';
import { canonicalJson, hashDatabase } from '../../lib/backup/hash';
import { checkBackupFile, readBackup, streamCheckedRows, type CheckedBackup } from '../../lib/backup/read';
import { restoreBackup } from '../../lib/backup/restore';
import { writeBackup } from '../../lib/backup/write';
import { ResourcefulDB } from '../../lib/db/schema';
import { freshDb, rowsIn } from '../helpers/db';
import { allNotes } from '../../lib/db/notebook';
import { allHistory } from '../../lib/db/history';
import { pageEntries, pageSize, type HistoryPage } from '../../lib/backup/pages';
import { dump, load, stateArb } from './arbitraries';
import { fixtureState, textOf } from './fixture';

const PROPERTY_TIMEOUT = 60_000;

/** A Blob that records every slice the restore reads from it. */
class CountingBlob extends Blob {
  readonly slices: { start: number; end: number }[] = [];
  override slice(start?: number, end?: number, type?: string): Blob {
    this.slices.push({ start: start ?? 0, end: Math.min(end ?? this.size, this.size) });
    return super.slice(start, end, type);
  }
}

/** The bytes of `text` cut into pieces of the given sizes, in turn (so a piece can end inside a character). */
function cut(text: string, sizes: number[]): Uint8Array<ArrayBuffer>[] {
  const bytes = new TextEncoder().encode(text);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0, k = 0; at < bytes.length; k += 1) {
    const size = sizes[k % sizes.length]!;
    parts.push(bytes.slice(at, at + size));
    at += size;
  }
  return parts;
}

async function fixtureText(): Promise<string> {
  const db = freshDb();
  await load(db, fixtureState());
  const text = await textOf((await writeBackup(db, { now: 0 })).parts);
  db.close();
  return text;
}

describe('writing a backup in bounded parts', () => {
  it('hands the text to Blobs every few characters, and the file is the same', async () => {
    const db = freshDb();
    await load(db, fixtureState());
    const whole = await writeBackup(db, { now: 0 });
    const folded = await writeBackup(db, { now: 0, blobChars: 100, pageSize: 3 });
    expect(whole.parts.every((p) => typeof p === 'string')).toBe(true);
    // Only the header and the end stay strings: every row went into a Blob, not a growing list of strings.
    const strings = folded.parts.filter((p): p is string => typeof p === 'string');
    expect(folded.parts.length - strings.length).toBeGreaterThan(10);
    expect(strings.join('').length).toBeLessThan(600);
    expect(await textOf(folded.parts)).toBe(await textOf(whole.parts));
  });
});

describe('checkBackupFile', () => {
  it('keeps no rows: only the header, the file and which tables restore as read', async () => {
    const text = await fixtureText();
    const checked = await checkBackupFile(new Blob([text]));
    expect(Object.keys(checked).sort()).toEqual(['asRead', 'counts', 'exportedAt', 'file', 'invalidRows', 'schemaVersion']);
    const parsed = await readBackup(text);
    expect(checked.counts).toEqual(parsed.counts);
    expect(checked.asRead).toEqual(Object.fromEntries(TABLES.map((t) => [t, true])));
  });

  it('says where a truncated file stops, wherever it is cut (inside a character too)', async () => {
    const text = await fixtureText();
    const bytes = new TextEncoder().encode(text);
    // Inside "✓" (3 bytes in UTF-8), inside a row, and just before the end.
    const check = bytes.indexOf(0xe2);
    for (const n of [1, check + 1, check + 2, Math.floor(bytes.length / 2), bytes.length - 3]) {
      const error = await checkBackupFile(new Blob([bytes.slice(0, n)])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).code).toBe('truncated');
    }
    expect(check).toBeGreaterThan(0);
  });

  it('finds a key repeated anywhere, also when the table is not in key order', async () => {
    const text = await fixtureText();
    // Not next to each other: n-05 … n-08, n-05 (the table is then out of order, and read again with a key set).
    const far = text.replace('{"id":"n-09"', '{"id":"n-05"');
    const error = await checkBackupFile(new Blob([far])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).message).toBe('Two notes in the backup have the same id “n-05”. Nothing was changed.');
    // Out of order without a repeat is fine.
    const lines = text.split('\n');
    const a = lines.findIndex((l) => l.startsWith('{"id":"n-03"'));
    const b = lines.findIndex((l) => l.startsWith('{"id":"n-04"'));
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    const swapped = (await checkBackupFile(new Blob([lines.join('\n')]))).counts;
    expect(swapped.notes).toBe(40);
  });

  it('marks a table whose rows the schema changed (an unknown field), and the restore cleans those rows', async () => {
    const text = (await fixtureText()).replace('{"id":"n-03",', '{"id":"n-03","extra":"dropped",');
    const checked = await checkBackupFile(new Blob([text]));
    expect(checked.asRead.notes).toBe(false);
    expect(checked.asRead.contacts).toBe(true);
    const db = freshDb();
    await restoreBackup(db, checked, { mode: 'replace', now: 1, sliceBytes: 50 });
    const notes = await allNotes(db);
    expect(notes.find((n) => n.id === 'n-03')).toBeDefined();
    expect(notes.find((n) => n.id === 'n-03')).not.toHaveProperty('extra');
    expect(notes).toHaveLength(40);
  });
});

describe('restoring from the file', () => {
  it('gives back every table exactly, however the file is sliced (inside UTF-8 characters too) and chunked', async () => {
    await fc.assert(
      fc.asyncProperty(stateArb, fc.integer({ min: 13, max: 197 }), fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 4 }), async (state, sliceBytes, chunkSize, pieces) => {
        const source = freshDb();
        await load(source, state);
        const written = await writeBackup(source, { now: 1, blobChars: 64 });
        // The file as the browser might hand it over: many small blocks, split anywhere.
        const file = new Blob(cut(await textOf(written.parts), pieces));
        const checked = await checkBackupFile(file);
        for (const mode of ['replace', 'merge'] as const) {
          const target = freshDb();
          const summary = await restoreBackup(target, checked, { mode, now: 1, sliceBytes, chunkSize });
          for (const t of TABLES) expect(summary.added[t]).toBe(state[t].length);
          const [a, b] = [await dump(source), await dump(target)];
          for (const t of TABLES) expect(b[t].map((r) => canonicalJson(r))).toEqual(a[t].map((r) => canonicalJson(r)));
          target.close();
        }
        // Merging the file into the database it came from changes nothing.
        const before = await hashDatabase(source);
        await restoreBackup(source, checked, { mode: 'merge', now: 2, sliceBytes, chunkSize });
        expect((await hashDatabase(source)).all).toBe(before.all);
        source.close();
      }),
      // Each run reads files of tens of kilobytes in slices of a few bytes: 1–4 s.
      { numRuns: 6 },
    );
  }, PROPERTY_TIMEOUT);

  it('reads the file a slice at a time, and never far ahead of what is written', async () => {
    const db = freshDb();
    const state = fixtureState();
    const notes = [];
    for (let i = 0; i < 2000; i += 1) notes.push({ ...state.notes[0]!, id: `n-${String(i).padStart(5, '0')}`, text: `Note ${i} ✓ ${'x'.repeat(i % 50)}` });
    state.notes = notes;
    await load(db, state);
    const text = await textOf((await writeBackup(db, { now: 0 })).parts);
    db.close();
    const file = new CountingBlob([text]);
    const checked = await checkBackupFile(file);
    // Checking streams the file: it does not slice it (nor hold it).
    expect(file.slices).toEqual([]);

    const sliceBytes = 1000;
    const chunkSize = 50;
    const longestRow = Math.max(...text.split('\n').map((l) => new TextEncoder().encode(l).length + 1));
    let written = 0;
    let largestLead = 0;
    let inflight = 0;
    let mostInflight = 0;
    const target = new ResourcefulDB(freshDb().name);
    target.use({
      stack: 'dbcore',
      name: 'watch',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (n: string) => {
          const t = down.table(n);
          return {
            ...t,
            mutate: async (req: DBCoreMutateRequest) => {
              if (req.type === 'add' || req.type === 'put') {
                written += rowsIn(req.values);
                // How far reading is ahead of writing, in bytes beyond the rows this write covers.
                const read = file.slices.reduce((n, s) => n + (s.end - s.start), 0);
                largestLead = Math.max(largestLead, read - written * longestRow);
                inflight += 1;
                mostInflight = Math.max(mostInflight, inflight);
              }
              try {
                return await t.mutate(req);
              } finally {
                if (req.type === 'add' || req.type === 'put') inflight -= 1;
              }
            },
          };
        },
      }),
    });
    await restoreBackup(target, checked, { mode: 'replace', now: 1, sliceBytes, chunkSize });
    expect(await allNotes(target)).toHaveLength(2000);
    expect(file.slices.length).toBe(Math.ceil(file.size / sliceBytes));
    for (const s of file.slices) expect(s.end - s.start).toBeLessThanOrEqual(sliceBytes);
    // Ahead by at most the chunk being gathered, the slice being handed out and the one read ahead.
    expect(largestLead).toBeLessThanOrEqual(chunkSize * longestRow + 2 * sliceBytes + 2000);
    expect(mostInflight).toBe(1);
    target.close();
  });

  it('undoes everything when the file changed after it was checked', async () => {
    const text = await fixtureText();
    const checked = await checkBackupFile(new Blob([text]));
    const db = freshDb();
    await load(db, fixtureState());
    await db.contacts.delete('c-tomasz');
    const before = await hashDatabase(db);
    const bytes = new TextEncoder().encode(text);
    const changed: CheckedBackup = { ...checked, file: new Blob([bytes.slice(0, Math.floor(bytes.length * 0.6))]) };
    const error = await restoreBackup(db, changed, { mode: 'replace', now: 1, chunkSize: 4, sliceBytes: 256 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('truncated');
    expect((await hashDatabase(db)).all).toBe(before.all);
  });

  it('streams the rows in file order to any consumer, waiting when it asks', async () => {
    const text = await fixtureText();
    const checked = await checkBackupFile(new Blob([text]));
    const seen: string[] = [];
    await streamCheckedRows(checked, {
      sliceBytes: 3,
      wait: (read) => read,
      onRow: async (t, row) => {
        await new Promise((r) => setTimeout(r, 0));
        seen.push(`${t}:${String(row.id ?? row.threadId ?? row.key)}`);
      },
    });
    const parsed = await readBackup(text);
    expect(seen).toEqual(TABLES.flatMap((t) => parsed.tables[t].map((row) => `${t}:${String(row.id ?? row.threadId ?? row.key)}`)));
  });
});

describe('the order rows are written in', () => {
  it('lists history a contact at a time, as its buckets’ pages (oldest first), and each contact’s notes together, and the check reads the file once', async () => {
    const db = freshDb();
    const state = fixtureState();
    // Two contacts with several buckets each, their entries' ids in the opposite order of their times.
    for (const c of ['c-dana', 'c-meera']) {
      for (let i = 0; i < 600; i += 1) state.interactions.push({ ...state.interactions[0]!, id: `${c}|k${String(i).padStart(4, '0')}`, contactId: c, sourceKey: `k${i}`, at: 1_000_000 - i });
      for (let i = 0; i < 120; i += 1) state.notes.push({ ...state.notes[0]!, id: `z-${c}-${String(999 - i)}`, contactId: c, createdAt: 5_000 + i, updatedAt: 5_000 + i });
    }
    await load(db, state);
    const text = await textOf((await writeBackup(db, { now: 1, pageSize: 300 })).parts);
    const rows = JSON.parse(text) as { tables: Record<string, { id: string; contactId: string }[]> };
    // History: pages of at most a bucket each, every contact's together and in time order across its pages.
    const pages = rows.tables.interactions as unknown as HistoryPage[];
    expect(pages.map((p) => `${p.contactId}:${pageSize(p)}`)).toEqual(['c-dana:250', 'c-dana:250', 'c-dana:102', 'c-meera:250', 'c-meera:250', 'c-meera:101']);
    const entries = pages.flatMap(pageEntries);
    expect(entries.map((e) => e.id).sort()).toEqual((await allHistory(db)).map((e) => e.id));
    for (const c of ['c-dana', 'c-meera']) {
      const times = entries.filter((e) => e.contactId === c).map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    // Notes: every contact's together (the order their buckets keep), whatever their ids.
    const owners = rows.tables.notes!.map((r) => r.contactId);
    expect(owners.filter((c, i) => i === 0 || c !== owners[i - 1])).toEqual([...new Set(owners)]);
    // One pass over the file: no table needed a second reading to look for repeated keys.
    let streams = 0;
    const file = new (class extends Blob {
      override stream() {
        streams += 1;
        return super.stream();
      }
    })([text]);
    const checked = await checkBackupFile(file);
    expect(checked.counts.interactions).toBe(state.interactions.length);
    expect(streams).toBe(1);
    // A note id repeated under another contact is still found.
    const dup = text.replace('"id":"z-c-dana-999"', '"id":"z-c-meera-999"');
    expect(dup).not.toBe(text);
    await expect(checkBackupFile(new Blob([dup]))).rejects.toThrow(/same id “z-c-meera-999”/);
  });
});
