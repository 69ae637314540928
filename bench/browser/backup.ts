/**
 * Injected into an extension page: backup and restore of the seeded database with the app's own `lib/backup`
 * (bundled apart from the other rows, so a broken or unfinished backup module cannot take them down), and the
 * IndexedDB write floor of this browser for the same rows. Restores go into scratch databases, so the cached
 * benchmark database is never touched.
 */
import './jitless';
import { STORES, TABLES, storeOf, zeroCounts, type TableName } from '../../lib/backup/format';
import { rowStore } from '../../lib/backup/stores';
import { sameRow } from '../../lib/backup/hash';
import { checkBackupFile } from '../../lib/backup/read';
import { restoreBackup } from '../../lib/backup/restore';
import { writeBackup } from '../../lib/backup/write';
import { ResourcefulDB } from '../../lib/db/schema';

const SCRATCH = 'resourceful-bench-restore';
/** The sample of every table: what a full run restores, and what the floor writes. */
const SAMPLE = 'resourceful-bench-sample';
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
   * With `restoreFraction`, the first share of every table (the same mix of rows) is copied from the file into a
   * sample database, and the restore reads a backup of exactly the sample, so a caller can extrapolate (an
   * underestimate: IndexedDB slows down as a database grows). Without it, the whole file is restored.
   */
  async run(restoreFraction: number | null): Promise<Record<string, unknown>> {
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

    // The sample, streamed from the file a batch at a time (untimed; no sample held in memory to inflate the heap).
    const fraction = restoreFraction ?? 0;
    const sample = await scratch(SAMPLE);
    const take = Object.fromEntries(TABLES.map((t) => [t, Math.ceil(checked.counts[t] * fraction)])) as Record<TableName, number>;
    const seen = zeroCounts();
    let batch: { t: TableName; rows: Record<string, unknown>[] } = { t: TABLES[0], rows: [] };
    const flush = async () => {
      if (batch.rows.length) await sample.transaction('rw', sample.table(storeOf(batch.t)), (tx) => rowStore(tx, batch.t).add(batch.rows));
      batch.rows = [];
    };
    if (fraction > 0) await checkBackupFile(blob, undefined, async (t, row) => {
      seen[t] += 1;
      if (seen[t] > take[t]) return;
      if (t !== batch.t) {
        await flush();
        batch = { t, rows: [] };
      }
      batch.rows.push(row);
      if (batch.rows.length >= 1000) await flush();
    });
    await flush();

    // What is restored: the whole file, or a backup of exactly the sample.
    const source = restoreFraction === null ? checked : await checkBackupFile(new Blob((await writeBackup(sample, { now: Date.now() })).parts));
    const restoredRows = TABLES.reduce((n, t) => n + source.counts[t], 0);
    const target = await scratch(SCRATCH);
    const t2 = now();
    await restoreBackup(target, source, { mode: 'replace', now: Date.now() });
    const restoreMs = now() - t2;

    // The restored copy must hold what went in, row for row where probed.
    const mismatched: string[] = [];
    for (const t of TABLES) {
      const n = await rowStore(target, t).count();
      if (n !== source.counts[t]) mismatched.push(`${t}: ${n} of ${source.counts[t]}`);
    }
    for (const t of ['contacts', 'notes', 'interactions'] as const) {
      const page = await rowStore(target, t).page(null, 1);
      const probe = page.rows[page.rows.length - 1] as { id: string } | undefined;
      if (probe && !sameRow((await rowStore(db, t).get([probe]))[0], probe)) mismatched.push(`${t} ${probe.id} differs`);
    }
    target.close();
    await target.delete();
    sample.close();
    if (fraction === 0) await sample.delete();
    db.close();
    return { backupMs, parseMs, restoreMs, bytes: blob.size, totalRows, restoredRows, counts: checked.counts, invalid: written.invalid.length, mismatched };
  },

  /**
   * The IndexedDB write floor: the stored records (history in buckets) of the sample, or of the whole benchmark
   * database, read into memory first (run after the heap is no longer watched), written with raw puts, in one
   * transaction with durability relaxed, into a scratch database with the real schema's stores and indexes.
   * Nothing of ours runs between the puts.
   */
  async floor(fromSample: boolean): Promise<{ rows: number; records: number; ms: number }> {
    const sample = fromSample ? new ResourcefulDB(SAMPLE) : new ResourcefulDB();
    await sample.open();
    // The records as the app stores them (history in buckets), and how many rows they hold.
    const rows: [string, unknown][] = [];
    for (const t of STORES) for (const row of await sample.table(t).toArray()) rows.push([t, row]);
    let logical = 0;
    for (const t of TABLES) logical += await rowStore(sample, t).count();
    sample.close();
    if (fromSample) await sample.delete();
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
