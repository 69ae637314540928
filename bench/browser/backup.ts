/**
 * Injected into an extension page: backup and restore of the seeded database with the app's own `lib/backup`
 * (bundled apart from the other rows, so a broken or unfinished backup module cannot take them down), and the
 * IndexedDB write floor of this browser for the same rows. Restores go into scratch databases, so the cached
 * benchmark database is never touched.
 */
import './jitless';
import { STORES, TABLES } from '../../lib/backup/format';
import { rowStore } from '../../lib/backup/stores';
import { sameRow } from '../../lib/backup/hash';
import { checkBackupFile } from '../../lib/backup/read';
import { restoreBackup } from '../../lib/backup/restore';
import { writeBackup } from '../../lib/backup/write';
import { ResourcefulDB } from '../../lib/db/schema';

const SCRATCH = 'resourceful-bench-restore';
const FLOOR = 'resourceful-bench-floor';
const now = () => performance.now();

async function scratch(name: string): Promise<ResourcefulDB> {
  await new ResourcefulDB(name).delete();
  const db = new ResourcefulDB(name);
  await db.open();
  return db;
}

const api = {
  /**
   * Backup of the whole database, checked back from the file, then restored (replace) into a scratch database.
   * The whole file is restored: IndexedDB slows down as a database grows, so a restored sample, extrapolated,
   * would flatter the restore (by about a third, measured).
   */
  async run(): Promise<Record<string, unknown>> {
    const db = new ResourcefulDB();
    await db.open();
    const t0 = now();
    const written = await writeBackup(db, { now: Date.now() });
    const backupMs = now() - t0;
    const blob = new Blob(written.parts, { type: 'application/json' });
    written.parts.length = 0;
    const t1 = now();
    const checked = await checkBackupFile(blob);
    const parseMs = now() - t1;
    const totalRows = TABLES.reduce((n, t) => n + checked.counts[t], 0);

    const target = await scratch(SCRATCH);
    const t2 = now();
    await restoreBackup(target, checked, { mode: 'replace', now: Date.now() });
    const restoreMs = now() - t2;

    // The restored copy must hold what went in, row for row where probed.
    const mismatched: string[] = [];
    for (const t of TABLES) {
      const n = await rowStore(target, t).count();
      if (n !== checked.counts[t]) mismatched.push(`${t}: ${n} of ${checked.counts[t]}`);
    }
    for (const t of ['contacts', 'notes', 'interactions'] as const) {
      const page = await rowStore(target, t).page(null, 1);
      const probe = page.rows[page.rows.length - 1] as { id: string } | undefined;
      if (probe && !sameRow((await rowStore(db, t).get([probe]))[0], probe)) mismatched.push(`${t} ${probe.id} differs`);
    }
    target.close();
    await target.delete();
    db.close();
    return { backupMs, parseMs, restoreMs, bytes: blob.size, totalRows, counts: checked.counts, invalid: written.invalid.length, mismatched };
  },

  /**
   * The IndexedDB write floor: the stored records (history in buckets) of the whole benchmark database, read into memory first (run after the heap is no longer watched), written with raw puts, in one
   * transaction with durability relaxed, into a scratch database with the real schema's stores and indexes.
   * Nothing of ours runs between the puts.
   */
  async floor(): Promise<{ rows: number; records: number; ms: number }> {
    const source = new ResourcefulDB();
    await source.open();
    // The records as the app stores them (history in buckets), and how many rows they hold.
    const rows: [string, unknown][] = [];
    for (const t of STORES) for (const row of await source.table(t).toArray()) rows.push([t, row]);
    let logical = 0;
    for (const t of TABLES) logical += await rowStore(source, t).count();
    source.close();
    const floor = await scratch(FLOOR);
    const idb = floor.backendDB();
    const t0 = now();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction([...STORES], 'readwrite', { durability: 'relaxed' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
      for (const [t, row] of rows) tx.objectStore(t).put(row);
    });
    const ms = now() - t0;
    floor.close();
    await floor.delete();
    return { rows: logical, records: rows.length, ms };
  },
};

(globalThis as unknown as { __benchBackup: typeof api }).__benchBackup = api;
