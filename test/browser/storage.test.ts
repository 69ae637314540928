import { describe, expect, it, vi } from 'vitest';
import { formatBytes, requestPersistence, storageStatus, type StorageLike } from '../../lib/browser/storage';

describe('storageStatus', () => {
  it('reports usage, quota and persistence', async () => {
    const storage: StorageLike = { estimate: async () => ({ usage: 2_516_582, quota: 10_737_418_240 }), persisted: async () => true };
    expect(await storageStatus(storage)).toEqual({ usage: 2_516_582, quota: 10_737_418_240, persisted: true });
  });

  it('says null for what the browser does not tell, and never throws', async () => {
    expect(await storageStatus(undefined)).toEqual({ usage: null, quota: null, persisted: null });
    expect(await storageStatus({ estimate: async () => ({}) })).toEqual({ usage: null, quota: null, persisted: null });
    const failing: StorageLike = { estimate: () => Promise.reject(new Error('no')), persisted: () => Promise.reject(new Error('no')) };
    expect(await storageStatus(failing)).toEqual({ usage: null, quota: null, persisted: null });
  });
});

describe('requestPersistence', () => {
  it('does not ask again when already persistent', async () => {
    const persist = vi.fn(async () => false);
    expect(await requestPersistence({ persisted: async () => true, persist })).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('asks, and returns what the browser granted', async () => {
    expect(await requestPersistence({ persisted: async () => false, persist: async () => true })).toBe(true);
    expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toBe(false);
  });

  it('is null when the browser cannot be asked', async () => {
    expect(await requestPersistence(undefined)).toBe(null);
    expect(await requestPersistence({ persisted: async () => false })).toBe(null);
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('denied')) })).toBe(null);
  });
});

describe('formatBytes', () => {
  it('uses the unit a person reads', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(2_516_582)).toBe('2.4 MB');
    expect(formatBytes(150 * 1_048_576)).toBe('150 MB');
    expect(formatBytes(10_737_418_240)).toBe('10.0 GB');
  });
});
