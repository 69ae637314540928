// Row: backup + restore of the seeded database (lib/backup, written in parallel by another engineer). When that
// module is missing, incomplete or failing, the row reports "pending" with the reason instead of failing.
import fs from 'node:fs';
import path from 'node:path';
import { log, ROOT } from './util.mjs';

const DIR = path.join(ROOT, 'lib/backup');

/** Whether lib/backup offers what the row needs: writeBackup, readBackupFile and restoreBackup. */
export function probeBackupApi() {
  if (!fs.existsSync(DIR)) return { pending: true, reason: 'lib/backup does not exist yet' };
  const need = { 'write.ts': 'writeBackup', 'read.ts': 'readBackupFile', 'restore.ts': 'restoreBackup' };
  const missing = Object.entries(need).filter(([f, fn]) => !fs.existsSync(path.join(DIR, f)) || !new RegExp(`export (async )?function ${fn}\\b`).test(fs.readFileSync(path.join(DIR, f), 'utf8')));
  if (missing.length) return { pending: true, reason: `lib/backup has no ${missing.map(([f, fn]) => `${fn} (${f})`).join(', ')} yet` };
  return { pending: false };
}


/**
 * Times backup, checking the file, and restore, in an extension page of the running session; samples the page's
 * JS heap every 200 ms for the peak. The whole file is restored. Also measures the IndexedDB write floor: raw puts of
 * the same rows into the real schema's stores and indexes.
 */
export async function measureBackup({ session, js }) {
  const api = probeBackupApi();
  if (api.pending) return api;
  if (typeof js !== 'string') return { pending: true, reason: `lib/backup does not build: ${js?.error ?? 'no bundle'}` };
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  let peakHeap = 0;
  let polling = true;
  try {
    await page.goto(`chrome-extension://${session.extensionId}/manifest.json`);
    await page.evaluate(js);
    await cdp.send('HeapProfiler.collectGarbage');
    const baseHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const poll = (async () => {
      while (polling) {
        const h = await cdp.send('Runtime.getHeapUsage').catch(() => null);
        if (h) peakHeap = Math.max(peakHeap, h.usedSize);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    log('backup + restore…');
    const t0 = performance.now();
    const r = await page.evaluate(() => globalThis.__benchBackup.run());
    const wallMs = performance.now() - t0;
    polling = false;
    await poll;
    // After the heap peak is taken: the floor holds every record in memory to keep our code out of the measurement.
    log('IndexedDB write floor (raw puts of the same rows)…');
    r.floor = await page.evaluate(() => globalThis.__benchBackup.floor());
    return {
      pending: false,
      ...r,
      wallMs,
      baseHeap,
      peakHeap,
      peakHeapAdded: peakHeap - baseHeap,
      ok: r.mismatched.length === 0,
    };
  } catch (e) {
    return { pending: true, reason: `lib/backup failed on the benchmark database: ${String(e.message ?? e).split('\n')[0].slice(0, 300)}` };
  } finally {
    polling = false;
    await page.close().catch(() => undefined);
  }
}
