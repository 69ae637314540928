/**
 * Injected into an extension page: backup and restore of the seeded database with the app's own `lib/backup`
 * (bundled apart from the other rows, so a broken or unfinished backup module cannot take them down).
 * The restore goes into a scratch database, so the cached benchmark database is never touched.
 */
import './jitless';
import { readBackupFile } from '../../lib/backup/read';
import { restoreBackup } from '../../lib/backup/restore';
import { writeBackup } from '../../lib/backup/write';
import { TABLES } from '../../lib/backup/format';
import { ResourcefulDB } from '../../lib/db/schema';

const SCRATCH = 'resourceful-bench-restore';
const now = () => performance.now();

const api = {
  /**
   * Backup of the whole database, read back from the file, then restored (replace) into a scratch database. With
   * `restoreFraction`, only that share of every table is restored (the same mix of rows), so a caller can
   * extrapolate: IndexedDB writes are the slow part on small machines.
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
    const parsed = await readBackupFile(blob);
    const parseMs = now() - t1;
    const totalRows = TABLES.reduce((n, t) => n + parsed.tables[t].length, 0);
    const subset = { ...parsed, tables: { ...parsed.tables } };
    if (restoreFraction !== null) for (const t of TABLES) subset.tables[t] = parsed.tables[t].slice(0, Math.ceil(parsed.tables[t].length * restoreFraction));
    const restoredRows = TABLES.reduce((n, t) => n + subset.tables[t].length, 0);
    await new ResourcefulDB(SCRATCH).delete();
    const target = new ResourcefulDB(SCRATCH);
    await target.open();
    const t2 = now();
    await restoreBackup(target, subset, { mode: 'replace', now: Date.now() });
    const restoreMs = now() - t2;
    // The restored copy must hold what went in.
    const mismatched: string[] = [];
    for (const t of TABLES) {
      const n = await target.table(t).count();
      if (n !== subset.tables[t].length) mismatched.push(`${t}: ${n} of ${subset.tables[t].length}`);
    }
    const probe = subset.tables.interactions[subset.tables.interactions.length - 1] as { id: string } | undefined;
    if (probe && JSON.stringify(await target.interactions.get(probe.id)) !== JSON.stringify(probe)) mismatched.push(`interaction ${probe.id} differs`);
    target.close();
    await target.delete();
    db.close();
    return { backupMs, parseMs, restoreMs, bytes: blob.size, totalRows, restoredRows, counts: written.counts, invalid: written.invalid.length, mismatched };
  },
};

(globalThis as unknown as { __benchBackup: typeof api }).__benchBackup = api;
