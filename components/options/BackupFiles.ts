import { writeBackup, backupFileName, type BackupResult, type Progress } from '@/lib/backup/write';
import { getDb } from '@/lib/db/schema';

/**
 * Saves text as a download: Blob + object URL + `<a download>`, all inside the page (nothing goes over the
 * network). Parts stay parts: a backup larger than one JavaScript string still downloads.
 */
export function downloadParts(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

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
