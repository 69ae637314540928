import MiniSearch from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from '../../lib/zod';
import resourcesJson from '../fixtures/inquiries/resources.json';
import { indexFor, isIndexed, prepareIndex, rankResources, ResourceSchema, type Resource } from '../../lib/replies/index';

const fixture: Resource[] = z.array(ResourceSchema).parse(resourcesJson);

/** A library of `n` resources (the fixture ones, then numbered copies), with ids unique to `tag`. */
function library(n: number, tag: string): Resource[] {
  return Array.from({ length: n }, (_, i) => {
    const r = fixture[i % fixture.length]!;
    return { ...r, id: `${tag}-${i}`, title: `${r.title} ${i}`, updatedAt: i };
  });
}

const queries = [
  { topic: 'crm rollout', words: 'pipeline stages' },
  { topic: 'forecasting', words: 'weekly pipeline review template' },
  { topic: 'crm migration', words: 'duplicate contacts after an import', contactTags: ['pipedrive'] },
];

afterEach(() => vi.restoreAllMocks());

describe('prepareIndex', () => {
  it('builds the same index as indexFor, in chunks of 50 resources, and indexFor then reuses it', async () => {
    const addAll = vi.spyOn(MiniSearch.prototype, 'addAll');
    const lib = library(120, 'bg');
    const same = library(120, 'bg'); // same content, another array
    expect(isIndexed(lib)).toBe(false);
    const pending = prepareIndex(lib);
    // A second call while it builds shares the work.
    expect(prepareIndex(same)).toBe(pending);
    await pending;
    expect(addAll.mock.calls.map(([docs]) => (docs as unknown[]).length)).toEqual([50, 50, 20]);
    expect(isIndexed(lib)).toBe(true);
    expect(isIndexed(same)).toBe(true);

    const built = indexFor(lib);
    expect(indexFor(same)).toBe(built);
    expect(addAll).toHaveBeenCalledTimes(3); // nothing rebuilt

    // Rankings equal those of an index built in one go.
    const fresh = library(120, 'sync');
    for (const q of queries) {
      const got = rankResources(lib, q).map((r) => [r.resource.id.replace('bg-', ''), r.score]);
      const want = rankResources(fresh, q).map((r) => [r.resource.id.replace('sync-', ''), r.score]);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(want);
    }
  });

  it('resolves at once for a library already indexed', async () => {
    const lib = library(10, 'known');
    indexFor(lib);
    const addAll = vi.spyOn(MiniSearch.prototype, 'addAll');
    await prepareIndex(lib);
    await prepareIndex(library(10, 'known'));
    expect(addAll).not.toHaveBeenCalled();
  });

  it('yields between chunks: other tasks run while a large library is indexed', async () => {
    const lib = library(300, 'yield');
    const order: string[] = [];
    const done = prepareIndex(lib).then(() => order.push('indexed'));
    setTimeout(() => order.push('other task'), 0);
    await done;
    expect(order).toEqual(['other task', 'indexed']);
  });
});
