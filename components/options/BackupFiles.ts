import { writeBackup, backupFileName, type BackupResult, type Progress } from '@/lib/backup/write';
import { getDb } from '@/lib/db/schema';
import { downloadParts } from './download';


/** Makes a backup of this browser's database and downloads it; resolves with what went into it. */
export async function downloadBackup(onProgress: (p: Progress) => void): Promise<BackupResult & { fileName: string }> {
  const now = Date.now();
  const result = await writeBackup(getDb(), { now, onProgress });
  const fileName = backupFileName(now);
  downloadParts(fileName, result.parts, 'application/json');
  return { ...result, fileName };
}

/** "12,000 of 100,000": progress in words for the bar's label. */
export function progressText(p: { done: number; total: number }): string {
  return `${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`;
}
