import { describe, expect, it } from 'vitest';
import { BackupError } from '../../lib/backup/format';
import { MAX_VALUE_CHARS, readBackup, readBackupFile } from '../../lib/backup/read';
import { writeBackup } from '../../lib/backup/write';
import { freshDb } from '../helpers/db';
import { load } from './arbitraries';
import { fixtureState, textOf } from './fixture';

async function goodText(): Promise<string> {
  const db = freshDb();
  await load(db, fixtureState());
  return textOf((await writeBackup(db, { now: 0 })).parts);
}

describe('readBackupFile', () => {
  it('streams a file through UTF-8 decoding, even when chunks split a character', async () => {
    const text = await goodText();
    const bytes = new TextEncoder().encode(text);
    // Cut every 7 bytes: "“", "✓" and friends (3 bytes in UTF-8) land across chunk boundaries.
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for (let at = 0; at < bytes.length; at += 7) parts.push(bytes.slice(at, at + 7));
    const seen: { done: number; total: number }[] = [];
    const parsed = await readBackupFile(new Blob(parts), (p) => seen.push(p));
    expect(parsed).toEqual(await readBackup(text));
    expect(parsed.tables.notes[0]!.text).toBe('Note 0: “quoted”, a comma, and a line\nbreak ✓');
    expect(seen.at(-1)).toEqual({ done: bytes.length, total: bytes.length });
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]!.done).toBeGreaterThan(seen[i - 1]!.done);
  });

  it('stops reading a wrong file at once instead of reading it to the end', async () => {
    const junk = new Uint8Array(4 * 1024 * 1024).fill(0x41);
    junk.set([0x50, 0x4b, 0x03, 0x04]);
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for (let at = 0; at < junk.length; at += 65_536) parts.push(junk.slice(at, at + 65_536));
    const seen: number[] = [];
    const error = await readBackupFile(new Blob(parts), (p) => seen.push(p.done)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('not_json');
    expect(seen.at(-1)).toBeLessThan(junk.length / 4);
  });

  it('stops at a value longer than any backup row, instead of holding it all in memory', async () => {
    const text = await goodText();
    const cut = text.indexOf('"text":"Note 0') + '"text":"'.length;
    expect(cut).toBeGreaterThan(8);
    const chunk = 'x'.repeat(1024 * 1024);
    let given = 0;
    async function* endless(): AsyncGenerator<string> {
      yield text.slice(0, cut);
      // A note whose text never ends (one line, no closing quote): a crafted file of any size.
      for (;;) {
        given += chunk.length;
        yield chunk;
      }
    }
    const error = await readBackup(endless()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('not_json');
    expect((error as BackupError).message).toContain('a value longer than');
    // It read up to the bound, and no further.
    expect(given).toBeGreaterThanOrEqual(MAX_VALUE_CHARS - chunk.length);
    expect(given).toBeLessThanOrEqual(MAX_VALUE_CHARS + chunk.length);
  });

  it('reads a backup that an editor saved with a byte-order mark', async () => {
    const text = await goodText();
    expect(await readBackupFile(new Blob([`\uFEFF${text}`]))).toEqual(await readBackup(text));
  });
});
