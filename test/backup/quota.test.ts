import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError } from '../../lib/backup/quota';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it('recognises the browser’s own error', () => {
    expect(isQuotaError(quota())).toBe(true);
    // Engines that report only the legacy code (QUOTA_EXCEEDED_ERR) on a DOMException; other code-22 errors are not it.
    expect(isQuotaError({ name: 'DOMException', code: 22, message: 'full' })).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 22, message: 'unrelated' })).toBe(false);
  });

  it('recognises Dexie’s wrappers: its QuotaExceededError, and AbortError with the quota error inside', () => {
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new Dexie.QuotaExceededError('full')))).toBe(true);
    // Deeper: an abort inside an abort (a sub-transaction).
    expect(isQuotaError(new Dexie.AbortError('outer', new Dexie.AbortError('inner', quota())))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('wrapped'), { cause: quota() }))).toBe(true);
  });

  it('recognises a bulk write whose rows failed for lack of space', () => {
    expect(isQuotaError(new Dexie.BulkError('2 of 3 failed', { 0: quota(), 2: quota() }))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('1 of 3 failed', { 1: new Dexie.ConstraintError('key exists') }))).toBe(false);
  });

  it('is false for every other failure', () => {
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new Dexie.ConstraintError('key exists')))).toBe(false);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError: the word in a message is not the error'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    // A cycle does not hang it.
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    a.inner = a;
    expect(isQuotaError(a)).toBe(false);
  });
});
