/**
 * Recognising "the disk (or the browser's share of it) is full". IndexedDB raises `QuotaExceededError`; Dexie passes
 * it on as is from the failing request, or, when it aborts the transaction because of it, as an `AbortError` whose
 * `inner` is the quota error. Bulk writes collect per-row failures in a `BulkError`.
 */

/** What the rep reads when a write did not fit. */
export const QUOTA_MESSAGE =
  'Your browser has no room left for Resourceful’s data (its storage quota is full), so nothing was written and your data is as it was. Free disk space, or delete contacts or notes you no longer need, then try again.';

function nameOf(e: unknown): string | undefined {
  return e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : undefined;
}

/** True when `e` is (or wraps) a storage quota error: DOMException, Dexie's wrappers, or a bulk write's failures. */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const name = nameOf(e);
  if (name === 'QuotaExceededError') return true;
  // DOMException code 22 is QUOTA_EXCEEDED_ERR (older engines report only the code).
  if ((e as { code?: unknown }).code === 22 && (e instanceof DOMException || name === 'DOMException')) return true;
  const x = e as { inner?: unknown; cause?: unknown; failures?: unknown; failuresByPos?: unknown };
  if (isQuotaError(x.inner, depth + 1) || isQuotaError(x.cause, depth + 1)) return true;
  const failures = Array.isArray(x.failures) ? x.failures : x.failuresByPos && typeof x.failuresByPos === 'object' ? Object.values(x.failuresByPos) : [];
  return failures.some((f) => isQuotaError(f, depth + 1));
}
