import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashDatabase } from '../../lib/backup/hash';
import { isDeepStrictEqual } from 'node:util';
import { parseRow } from '../../lib/backup/format';
import { MAX_PAGE_ENTRIES, pageEntries, pageEntriesValid, pageProblem, type HistoryPage } from '../../lib/backup/pages';
import { checkBackupFile, readBackup } from '../../lib/backup/read';
import { restoreBackup, type RestoreMode } from '../../lib/backup/restore';
import { writeBackup } from '../../lib/backup/write';
import { BUCKET_SIZE, allHistory, toColumns } from '../../lib/db/history';
import { INTERACTION_LIMITS, type HistoryBucket, type Interaction } from '../../lib/db/models';
import type { ResourcefulDB } from '../../lib/db/schema';
import { freshDb } from '../helpers/db';
import { load, stateArb } from './arbitraries';
import { T0, HOUR, asFormat1, fixtureState, interaction, textOf, withPages } from './fixture';

/** A page of `entries` (one contact's) as the writer makes it. */
function page(entries: Interaction[]): HistoryPage {
  return { contactId: entries[0]!.contactId, cols: toColumns(entries[0]!.contactId, entries) };
}

/** A fixture database's backup text, and the database. */
async function fixtureBackup(): Promise<{ db: ResourcefulDB; text: string }> {
  const db = freshDb();
  await load(db, fixtureState());
  return { db, text: await textOf((await writeBackup(db, { now: T0 })).parts) };
}

/** Restores `text` (replace) from a file read in small slices, into a fresh database. */
async function restored(text: string, mode: RestoreMode = 'replace', into = freshDb()): Promise<ResourcefulDB> {
  await restoreBackup(into, await checkBackupFile(new Blob([text])), { mode, now: T0 + 99, chunkSize: 7, sliceBytes: 97 });
  return into;
}

/** Every contact's buckets hold at most a bucket's entries, in time order, and cover separate stretches of time. */
async function expectSoundBuckets(db: ResourcefulDB): Promise<void> {
  const buckets = (await db.history.toArray()) as HistoryBucket[];
  const byContact = new Map<string, HistoryBucket[]>();
  for (const b of buckets) byContact.set(b.contactId, [...(byContact.get(b.contactId) ?? []), b]);
  for (const list of byContact.values()) {
    list.sort((a, b) => a.first - b.first || a.last - b.last);
    for (const [i, b] of list.entries()) {
      expect(b.cols.at.length).toBeGreaterThan(0);
      expect(b.cols.at.length).toBeLessThanOrEqual(BUCKET_SIZE);
      expect(b.cols.at).toEqual([...b.cols.at].sort((x, y) => x - y));
      expect([b.first, b.last]).toEqual([b.cols.at[0], b.cols.at[b.cols.at.length - 1]]);
      if (i > 0) expect(b.first).toBeGreaterThanOrEqual(list[i - 1]!.last);
    }
  }
}

/** A sound page of two entries of c-1: the second a value given with one resource. */
const twoEntries = (): HistoryPage =>
  page([interaction('c-1', 'gmail:1', T0, { subject: 'Pricing', threadId: 't-1' }), interaction('c-1', 'gmail:2', T0 + 1, { kind: 'value_given', resourceIds: ['r-1'] })]);

/** `p` with the strings no entry uses dropped and the references renumbered, as the writer keeps its pages. */
function compact(p: HistoryPage): HistoryPage {
  const refs = ['kind', 'subject', 'snippet', 'threadId', 'url'] as const;
  const renumber = new Map<number, number>();
  const strings: string[] = [];
  for (const col of refs) for (const i of p.cols[col]) if (i >= 0 && !renumber.has(i)) renumber.set(i, strings.push(p.cols.strings[i]!) - 1);
  const cols = { ...p.cols, strings };
  for (const col of refs) cols[col] = p.cols[col].map((i) => (i < 0 ? i : renumber.get(i)!));
  return { ...p, cols };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('pageProblem', () => {
  const good = twoEntries();
  const cols = good.cols as unknown as Record<string, unknown>;
  const edit = (over: Record<string, unknown>) => ({ contactId: 'c-1', cols: { ...cols, ...over } });

  it('passes a page the writer made, and reads its entries back', () => {
    expect(pageProblem(good)).toBeNull();
    expect(pageProblem(JSON.parse(JSON.stringify(good)))).toBeNull();
    expect(pageEntries(good).map((e) => e.id)).toEqual(['c-1|gmail:1', 'c-1|gmail:2']);
  });

  it.each([
    ['a list', [good], 'not an object'],
    ['null', null, 'not an object'],
    ['an unknown field', { ...good, id: 'x' }, 'unknown field "id"'],
    ['no contact', { cols }, 'contactId: not text'],
    ['no columns', { contactId: 'c-1' }, 'cols: not an object'],
    ['an unknown column', edit({ extra: [] }), 'cols: unknown column "extra"'],
    ['strings that are not text', edit({ strings: ['email_in', 5] }), 'cols.strings: not a list of text'],
    ['no entries', edit({ sourceKey: [], kind: [], at: [], subject: [], snippet: [], threadId: [], url: [] }), 'it holds no entries'],
    ['a short column', edit({ at: [T0] }), 'cols.at: not 2 items'],
    ['a time that is text', edit({ at: [T0, '1'] }), 'cols.at: not a list of numbers'],
    ['a kind that is null', edit({ kind: [0, -1] }), 'cols.kind: an item that is not an index of cols.strings'],
    ['a reference past the strings', edit({ subject: [0, 99] }), 'cols.subject: an item that is not an index of cols.strings'],
    ['a reference that is not whole', edit({ url: [-1, 0.5] }), 'cols.url: an item that is not an index of cols.strings'],
    ['an id for no entry', edit({ ids: [[2, 'c-1|x']] }), 'cols.ids has an item that is not [entry, value]'],
    ['an entry given two ids', edit({ ids: [[0, 'c-1|x'], [0, 'c-1|y']] }), 'cols.ids has an item that is not [entry, value]'],
    ['resources that are not a list of text', edit({ resources: [[1, 'r-1']] }), 'cols.resources has an item that is not [entry, value]'],
    // Text nothing points to would be stored and carried into every later backup, unchecked.
    ['a string no entry uses', edit({ strings: [...good.cols.strings, 'x'.repeat(100_000)] }), 'cols.strings: an item that no entry uses'],
  ])('names what is wrong: %s', (_what, value, message) => {
    expect(pageProblem(value)).toBe(message);
  });

  it('refuses a page too large for one line of a backup', () => {
    const n = MAX_PAGE_ENTRIES + 1;
    const huge = { contactId: 'c-1', cols: { strings: ['email_in'], sourceKey: Array.from({ length: n }, (_, i) => `k${i}`), kind: Array(n).fill(0), at: Array(n).fill(T0), subject: Array(n).fill(-1), snippet: Array(n).fill(-1), threadId: Array(n).fill(-1), url: Array(n).fill(-1), ids: [], resources: [] } };
    expect(pageProblem(huge)).toBe('it holds more than 10,000 entries');
    huge.cols.sourceKey.pop();
    for (const k of ['kind', 'at', 'subject', 'snippet', 'threadId', 'url'] as const) huge.cols[k].pop();
    expect(pageProblem(huge)).toBeNull();
  });
});

/** A limit's case: what it is, an edit that puts it at the limit, and one that puts it one past. */
type LimitCase = [string, (p: HistoryPage) => unknown, (p: HistoryPage) => unknown];

/** Text of exactly `n` characters. */
const chars = (n: number, c = 'x') => c.repeat(n);
/** `n` resource ids. */
const resourceIds = (n: number) => Array.from({ length: n }, (_, i) => `r-${i}`);
const L = INTERACTION_LIMITS;

/**
 * Pages that pass `pageProblem`, with every field at, just inside and just past its limit, kinds known and not,
 * times that are not finite, ids spelled out right and wrong, and resource lists too long or holding a long id.
 */
/** Mostly `good`, now and then `bad`: a page is valid only when all its parts are. */
const mostly = <T,>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 25 }, { arbitrary: bad, weight: 1 });
const anyPage: fc.Arbitrary<HistoryPage> = fc
  .record({
    contactId: mostly(fc.constantFrom('c-1', 'x|y', chars(L.contactId)), fc.constantFrom('', chars(L.contactId + 1))),
    strings: fc.array(
      mostly(
        fc.oneof(
          fc.constantFrom('email_in', 'value_given', 'stage_changed', 'restore_conflict', 'Pricing', ''),
          fc.constantFrom(L.threadId, L.snippet, L.subject, L.url).map((n) => chars(n)),
        ),
        fc.oneof(fc.constantFrom('Email_in', 'bogus', '__proto__', 'constructor'), fc.constantFrom(L.threadId, L.snippet, L.subject, L.url).map((n) => chars(n + 1))),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    entries: fc.array(
      fc.record({
        sourceKey: mostly(fc.oneof(fc.constantFrom('gmail:1', 'gmail:2', 'li:a:1'), fc.constantFrom(1, L.sourceKey).map((n) => chars(n, 'k'))), fc.constantFrom('', chars(L.sourceKey + 1, 'k'))),
        at: mostly(fc.integer({ min: -1, max: 4_102_444_800_000 }), fc.double()),
        refs: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
        nulls: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        id: mostly(fc.constantFrom(null, null, null, 'own', L.id), fc.constantFrom('other-contact', 'no-bar', 'bar-only', L.id + 1)),
        resources: mostly(
          fc.oneof(fc.constant(null), fc.array(fc.constantFrom('r-1', '', chars(L.resourceId)), { maxLength: 3 }), fc.constant(resourceIds(L.resourceIds))),
          fc.oneof(fc.constant(resourceIds(L.resourceIds + 1)), fc.constant<string[]>(['r-1', chars(L.resourceId + 1)])),
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ contactId, strings, entries }) => {
    const ref = (r: number, isNull: boolean) => (isNull ? -1 : r % strings.length);
    const idOf = (spec: string | number, sourceKey: string): string =>
      typeof spec === 'number'
        ? `${contactId}|${chars(spec - contactId.length - 1)}`
        : spec === 'own'
          ? `${contactId}|${sourceKey.slice(0, 5)}!`
          : spec === 'other-contact'
            ? `z|${sourceKey}`
            : spec === 'no-bar'
              ? `${contactId}${sourceKey}`
              : `${contactId}|`;
    const cols: HistoryPage['cols'] = { strings, sourceKey: [], kind: [], at: [], subject: [], snippet: [], threadId: [], url: [], ids: [], resources: [] };
    entries.forEach((e, i) => {
      cols.sourceKey.push(e.sourceKey);
      cols.kind.push(ref(e.refs[0]!, false));
      cols.at.push(e.at);
      cols.subject.push(ref(e.refs[1]!, e.nulls[0]!));
      cols.snippet.push(ref(e.refs[2]!, e.nulls[1]!));
      cols.threadId.push(ref(e.refs[3]!, e.nulls[2]!));
      cols.url.push(ref(e.refs[4]!, e.nulls[3]!));
      if (e.id !== null) cols.ids.push([i, idOf(e.id, e.sourceKey)]);
      if (e.resources !== null) cols.resources.push([i, e.resources]);
    });
    return compact({ contactId, cols });
  });

describe('pageEntriesValid', () => {
  it('passes a page exactly when every entry passes the history entry schema unchanged, as parseRow finds them one by one', () => {
    const verdicts = { true: 0, false: 0 };
    fc.assert(
      fc.property(anyPage, (p) => {
        expect(pageProblem(p)).toBeNull();
        const oneByOne = pageEntries(p).every((e, i) => {
          const checked = parseRow('interactions', e, i + 1);
          return checked.ok && isDeepStrictEqual(checked.row, e);
        });
        expect(pageEntriesValid(p)).toBe(oneByOne);
        // The same verdict for the page as a backup file holds it (JSON has no NaN or Infinity: those become null).
        if (p.cols.at.every(Number.isFinite)) expect(pageEntriesValid(JSON.parse(JSON.stringify(p)) as HistoryPage)).toBe(oneByOne);
        verdicts[String(oneByOne) as 'true' | 'false'] += 1;
      }),
      { numRuns: 3000, seed: 20261123 },
    );
    // Both verdicts came up often: the property was tested, not just one side of it.
    expect(verdicts.true).toBeGreaterThan(200);
    expect(verdicts.false).toBeGreaterThan(200);
  });

  it.each<LimitCase>([
    ['a contact id', (p) => (p.contactId = chars(L.contactId)), (p) => (p.contactId = chars(L.contactId + 1))],
    ['a source', (p) => (p.cols.sourceKey[1] = chars(L.sourceKey)), (p) => (p.cols.sourceKey[1] = chars(L.sourceKey + 1))],
    ['an empty source', (p) => (p.cols.sourceKey[1] = 'k'), (p) => (p.cols.sourceKey[1] = '')],
    ['a time', (p) => (p.cols.at[1] = -0), (p) => (p.cols.at[1] = Number.NaN)],
    ['an endless time', (p) => (p.cols.at[1] = Number.MAX_VALUE), (p) => (p.cols.at[1] = -Infinity)],
    ['a kind', (p) => (p.cols.strings[p.cols.kind[1]!] = 'restore_conflict'), (p) => (p.cols.strings[p.cols.kind[1]!] = 'hasOwnProperty')],
    ...(['subject', 'snippet', 'threadId', 'url'] as const).map((col) => [
      `a ${col}`,
      (p) => p.cols[col].splice(1, 1, p.cols.strings.push(chars(L[col])) - 1),
      (p) => p.cols[col].splice(1, 1, p.cols.strings.push(chars(L[col] + 1)) - 1),
    ] satisfies LimitCase),
    ['a spelled-out id', (p) => p.cols.ids.push([1, `c-1|${chars(L.id - 4)}`]), (p) => p.cols.ids.push([1, `c-1|${chars(L.id - 3)}`])],
    ['a spelled-out id’s contact', (p) => p.cols.ids.push([1, 'c-1|']), (p) => p.cols.ids.push([1, 'c-2|gmail:2'])],
    ['resources', (p) => (p.cols.resources[0]![1] = resourceIds(L.resourceIds)), (p) => (p.cols.resources[0]![1] = resourceIds(L.resourceIds + 1))],
    ['a resource id', (p) => (p.cols.resources[0]![1] = [chars(L.resourceId)]), (p) => (p.cols.resources[0]![1] = ['', chars(L.resourceId + 1)])],
  ])('passes %s at its limit and fails it one past, as the schema does', (_what, atLimit, past) => {
    const edited = (edit: (p: HistoryPage) => unknown): HistoryPage => {
      const p = twoEntries();
      edit(p);
      const written = compact(p);
      expect(pageProblem(written)).toBeNull();
      return written;
    };
    const oneByOne = (p: HistoryPage) => pageEntries(p).every((e, i) => parseRow('interactions', e, i + 1).ok);
    expect([pageEntriesValid(edited(atLimit)), oneByOne(edited(atLimit))]).toEqual([true, true]);
    expect([pageEntriesValid(edited(past)), oneByOne(edited(past))]).toEqual([false, false]);
  });

  it('passes the pages the writer makes from valid entries', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const byContact = new Map<string, Interaction[]>();
        for (const e of state.interactions as Interaction[]) byContact.set(e.contactId, [...(byContact.get(e.contactId) ?? []), e]);
        for (const list of byContact.values()) expect(pageEntriesValid(page(list))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('history in a backup file (format 2)', () => {
  it('is each bucket as a page, its columns as stored, and reads back as the same entries', async () => {
    const { db, text } = await fixtureBackup();
    const file = JSON.parse(text) as { version: number; counts: { interactions: number }; tables: { interactions: HistoryPage[] } };
    expect(file.version).toBe(2);
    const buckets = (await db.history.orderBy(':id').toArray()) as HistoryBucket[];
    expect(file.tables.interactions).toEqual(buckets.map((b) => ({ contactId: b.contactId, cols: b.cols })));
    expect(file.counts.interactions).toBe(3);
    // One line per page, as the reader's fast path expects.
    expect(text.split('\n').filter((l) => l.startsWith('{"contactId":'))).toHaveLength(buckets.length);
    expect((await readBackup(text)).tables.interactions).toEqual(await allHistory(db));
  });

  it('a format 1 file (a row per entry) restores exactly as format 2 does, by replace or merge, from memory or a file', async () => {
    await fc.assert(
      fc.asyncProperty(stateArb, stateArb, async (backupState, hereState) => {
        const source = freshDb();
        await load(source, backupState);
        const text = await textOf((await writeBackup(source, { now: T0 })).parts);
        source.close();
        const old = asFormat1(text);
        expect(old).toContain('"version":1');
        for (const mode of ['replace', 'merge'] as const) {
          const hashes: unknown[] = [];
          for (const [body, via] of [[text, 'file'], [old, 'file'], [old, 'memory']] as const) {
            const db = freshDb();
            await load(db, hereState);
            if (via === 'memory') await restoreBackup(db, await readBackup(body), { mode, now: T0 + 99 });
            else await restored(body, mode, db);
            const h = await hashDatabase(db);
            // Merge records conflicts under random ids: compare everything but those entries' ids.
            const rest = (await allHistory(db)).map((e) => (e.sourceKey.startsWith('restore:') ? { ...e, id: '', sourceKey: '' } : e));
            hashes.push({ ...h.tables, interactions: rest.sort((a, b) => byId(a, b) || a.at - b.at || String(a.snippet).localeCompare(String(b.snippet))), all: undefined });
            db.close();
          }
          expect(hashes[1]).toEqual(hashes[0]);
          expect(hashes[2]).toEqual(hashes[0]);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe('restoring history pages', () => {
  it('stores a page that can be a bucket as it is (its strings in their own order)', async () => {
    const { text } = await fixtureBackup();
    const entries = [interaction('c-dana', 'gmail:a', T0, { subject: 'Pricing' }), interaction('c-dana', 'gmail:b', T0 + HOUR, { subject: 'Pricing', kind: 'email_out' })];
    const p = page(entries);
    // The writer would list "email_in" first; a page read as entries and written again would.
    const order = [2, 1, 0];
    const strings = order.map((i) => p.cols.strings[i]!);
    const at = (s: string) => strings.indexOf(s);
    const shuffled: HistoryPage = { contactId: 'c-dana', cols: { ...p.cols, strings, kind: p.cols.kind.map((k) => at(p.cols.strings[k]!)), subject: p.cols.subject.map((k) => at(p.cols.strings[k]!)) } };
    expect(pageEntries(shuffled)).toEqual(entries);
    const db = await restored(withPages(text, [shuffled]));
    const [bucket, ...none] = (await db.history.toArray()) as HistoryBucket[];
    expect(none).toEqual([]);
    expect(bucket!.cols).toEqual(shuffled.cols);
    expect(bucket!.kinds).toEqual(['email_in', 'email_out']);
    expect(await allHistory(db)).toEqual(entries);
  });

  it('puts the entries of any other page where they belong: out of time order, overlapping, oversized, or a contact met twice', async () => {
    const { text } = await fixtureBackup();
    const dana = (i: number, at: number) => interaction('c-dana', `k${String(i).padStart(4, '0')}`, at, { subject: `s${i % 7}` });
    const meera = (i: number, at: number) => interaction('c-meera', `k${String(i).padStart(4, '0')}`, at);
    const ordered = Array.from({ length: 40 }, (_, i) => dana(i, T0 + i * HOUR));
    const reversed = { contactId: 'c-dana', cols: toColumns('c-dana', [...ordered.slice(20)].reverse()) };
    const cases: Record<string, { pages: HistoryPage[]; entries: Interaction[] }> = {
      'out of time order': { pages: [page(ordered.slice(0, 20)), reversed], entries: ordered },
      overlapping: {
        pages: [page(ordered.filter((_, i) => i % 2 === 0)), page(ordered.filter((_, i) => i % 2 === 1))],
        entries: ordered,
      },
      oversized: { pages: [page(Array.from({ length: 3 * BUCKET_SIZE + 7 }, (_, i) => dana(i, T0 + i)))], entries: Array.from({ length: 3 * BUCKET_SIZE + 7 }, (_, i) => dana(i, T0 + i)) },
      'a contact met twice': {
        pages: [page(ordered.slice(0, 10)), page([meera(1, T0), meera(2, T0 + 5)]), page(ordered.slice(10))],
        entries: [...ordered, meera(1, T0), meera(2, T0 + 5)],
      },
      'equal times at the edge of two pages': { pages: [page([dana(1, T0), dana(2, T0 + 1)]), page([dana(3, T0 + 1), dana(4, T0 + 2)])], entries: [dana(1, T0), dana(2, T0 + 1), dana(3, T0 + 1), dana(4, T0 + 2)] },
    };
    for (const [what, { pages, entries }] of Object.entries(cases)) {
      const db = await restored(withPages(text, pages));
      expect({ what, history: await allHistory(db) }).toEqual({ what, history: [...entries].sort(byId) });
      await expectSoundBuckets(db);
      db.close();
    }
  });

  it('finds an id repeated in a contact’s pages, however they are placed', async () => {
    const { text } = await fixtureBackup();
    const a = interaction('c-dana', 'gmail:a', T0);
    const b = interaction('c-dana', 'gmail:b', T0 + HOUR);
    const m = interaction('c-meera', 'gmail:m', T0);
    const cases: Record<string, HistoryPage[]> = {
      'in one page': [page([a, b, { ...a, at: T0 + 2 * HOUR }])],
      'in the next page': [page([a, b]), page([{ ...a, at: T0 + 2 * HOUR }])],
      'after another contact': [page([a, b]), page([m]), page([{ ...a, at: T0 + 2 * HOUR }])],
    };
    for (const [what, pages] of Object.entries(cases)) {
      const bad = withPages(text, pages);
      await expect(checkBackupFile(new Blob([bad])), what).rejects.toThrow('Two history entries in the backup have the same id “c-dana|gmail:a”. Nothing was changed.');
      await expect(readBackup(bad), what).rejects.toThrow('Two history entries in the backup have the same id “c-dana|gmail:a”.');
    }
    // Two contacts' ids can only meet when a contact's id holds a "|": "x" with source "y|z", and "x|y" with "z".
    const x = { ...interaction('x', 'y|z', T0) };
    const xy = { ...interaction('x|y', 'z', T0) };
    expect(x.id).toBe(xy.id);
    await expect(checkBackupFile(new Blob([withPages(text, [page([x]), page([xy])])]))).rejects.toThrow('Two history entries in the backup have the same id “x|y|z”.');
    // The same source under two ordinary contacts is no repeat.
    const ok = await checkBackupFile(new Blob([withPages(text, [page([a]), page([interaction('c-meera', 'gmail:a', T0)])])]));
    expect(ok.counts.interactions).toBe(2);
  });
});
