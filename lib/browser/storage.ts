/**
 * The browser's storage manager (navigator.storage): how much space the extension uses, and whether its data is
 * persistent, i.e. safe from the browser's automatic clean-up when the disk fills. Chrome decides persistence by
 * itself (no prompt), so asking is harmless and is done whenever the settings page opens.
 */

/** The part of `StorageManager` used here; tests pass a fake. */
export type StorageLike = Partial<Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>>;

/** Usage and persistence; null where the browser does not say. */
export interface StorageStatus {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

function browserStorage(): StorageLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** How much is used of how much, and whether it is persistent. Never throws: unknowns are null. */
export async function storageStatus(storage: StorageLike | undefined = browserStorage()): Promise<StorageStatus> {
  const [estimate, persisted] = await Promise.all([
    storage?.estimate ? storage.estimate().catch(() => null) : null,
    storage?.persisted ? storage.persisted().catch(() => null) : null,
  ]);
  const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : null);
  return { usage: num(estimate?.usage), quota: num(estimate?.quota), persisted: typeof persisted === 'boolean' ? persisted : null };
}

/** Asks for persistent storage; true when granted (or already), false when refused, null when unsupported. */
export async function requestPersistence(storage: StorageLike | undefined = browserStorage()): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/** "2.4 MB" / "870 KB" / "1.2 GB": sizes in the units a person reads (1 KB = 1024 bytes, as browsers show). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}
