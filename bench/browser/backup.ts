/**
 * Injected into an extension page: backup and restore of the seeded database with the app's own `lib/backup`
 * (bundled apart from the other rows, so a broken or unfinished backup module cannot take them down), and the
 * IndexedDB write floor of this browser for the same rows. Restores go into scratch databases, so the cached
 * benchmark database is never touched.
 */
import './jitless';
import { TABLES, zeroCounts, type TableName } from '../../lib/backup/format';
import { sameRow } from '../../lib/backup/hash';
import { checkBackupFile } from '../../lib/backup/read';
import { restoreBackup } from '../../lib/backup/restore';
import { writeBackup } from '../../lib/backup/write';
import { ResourcefulDB } from '../../lib/db/schema';

const SCRATCH = 'resourceful-bench-restore';
const FLOOR = 'resourceful-bench-floor';
/** Rows per raw-put transaction of the floor measurement. */
const FLOOR_BATCH = 1000;
const now = () => performance.now();

async function scratch(name: string): Promise<ResourcefulDB> {
  await new ResourcefulDB(name).delete();
  const db = new ResourcefulDB(name);
  await db.open();
  return db;
}

/** Raw IndexedDB puts of `rows` (table, row) in one transaction, durability relaxed: what the browser's own writes cost. */
function rawPuts(idb: IDBDatabase, rows: [TableName, Record<string, unknown>][]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction([...new Set(rows.map(([t]) => t))], 'readwrite', { durability: 'relaxed' });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    for (const [t, row] of rows) tx.objectStore(t).put(row);
  });
}

const api = {
  /**
   * Backup of the whole database, checked back from the file, then restored (replace) into a scratch database.
   * The floor: the first `floorFraction` of every table (the same mix of rows) written with raw IndexedDB puts
   * into a scratch database with the real schema's stores and indexes. With `restoreFraction` (which then is the
   * floor's fraction too), the restore reads a backup of exactly those rows, so a caller can extrapolate both:
   * IndexedDB writes are the slow part on small machines.
   */
  async run(restoreFraction: number | null, floorFraction: number): Promise<Record<string, unknown>> {
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

    // The floor, streamed from the file a batch at a time (no sample held in memory to inflate the heap peak).
    const fraction = restoreFraction ?? floorFraction;
    const floorDb = await scratch(FLOOR);
    const idb = floorDb.backendDB();
    const take = Object.fromEntries(TABLES.map((t) => [t, Math.ceil(checked.counts[t] * fraction)])) as Record<TableName, number>;
    const seen = zeroCounts();
    let batch: [TableName, Record<string, unknown>][] = [];
    let floorMs = 0;
    let floorRows = 0;
    const putBatch = async () => {
      const rows = batch;
      batch = [];
      const t = now();
      await rawPuts(idb, rows);
      floorMs += now() - t;
      floorRows += rows.length;
    };
    await checkBackupFile(blob, undefined, (t, row) => {
      seen[t] += 1;
      if (seen[t] > take[t]) return;
      batch.push([t, row]);
      if (batch.length >= FLOOR_BATCH) return putBatch();
    });
    if (batch.length) await putBatch();

    // What is restored: the whole file, or a backup of exactly the floor's rows.
    const source = restoreFraction === null ? checked : await checkBackupFile(new Blob((await writeBackup(floorDb, { now: Date.now() })).parts));
    const restoredRows = TABLES.reduce((n, t) => n + source.counts[t], 0);
    const target = await scratch(SCRATCH);
    const t2 = now();
    await restoreBackup(target, source, { mode: 'replace', now: Date.now() });
    const restoreMs = now() - t2;

    // The restored copy must hold what went in, row for row where probed.
    const mismatched: string[] = [];
    for (const t of TABLES) {
      const n = await target.table(t).count();
      if (n !== source.counts[t]) mismatched.push(`${t}: ${n} of ${source.counts[t]}`);
    }
    for (const t of ['contacts', 'notes', 'interactions'] as const) {
      const probe = (await target.table(t).toCollection().last()) as { id: string } | undefined;
      if (probe && !sameRow(await db.table(t).get(probe.id), probe)) mismatched.push(`${t} ${probe.id} differs`);
    }
    for (const d of [target, floorDb]) {
      d.close();
      await d.delete();
    }
    db.close();
    return {
      backupMs,
      parseMs,
      restoreMs,
      bytes: blob.size,
      totalRows,
      restoredRows,
      counts: checked.counts,
      invalid: written.invalid.length,
      mismatched,
      floor: { rows: floorRows, ms: floorMs, batch: FLOOR_BATCH },
    };
  },
};

(globalThis as unknown as { __benchBackup: typeof api }).__benchBackup = api;
