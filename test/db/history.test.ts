import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUCKET_SIZE,
  HISTORY,
  MARKED_KINDS,
  allHistory,
  bucketsOf,
  fromColumns,
  toColumns,
  countHistory,
  deleteHistory,
  deleteHistoryOf,
  hasAllHistory,
  historyByKind,
  historyOf,
  moveHistory,
  newestHistory,
  writeHistory,
} from '../../lib/db/history';
import type { Interaction, InteractionKind } from '../../lib/db/models';
import type { ResourcefulDB } from '../../lib/db/schema';
import { rowArbs } from '../backup/arbitraries';
import { freshDb } from '../helpers/db';

const KINDS: InteractionKind[] = ['email_in', 'email_out', 'stage_changed', 'value_given', 'ask'];
const CONTACTS = ['a', 'b'];

function row(contactId: string, key: string, at: number, kind: InteractionKind = 'email_in', subject: string | null = null): Interaction {
  return { id: `${contactId}|${key}`, contactId, sourceKey: key, kind, at, subject, snippet: null, threadId: null, url: null };
}

const byId = (a: Interaction, b: Interaction) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byTime = (a: Interaction, b: Interaction) => a.at - b.at || byId(a, b);

function rw<T>(db: ResourcefulDB, f: () => Promise<T>): Promise<T> {
  return db.transaction('rw', db.history, db.contacts, f);
}

/** What must hold after any sequence of writes: the buckets are a faithful, ordered, bounded split of the rows. */
async function checkBuckets(db: ResourcefulDB, contactId: string): Promise<void> {
  const buckets = await bucketsOf(db, contactId);
  let previousLast = -Infinity;
  for (const b of buckets) {
    const events = HISTORY.entries(b);
    expect(b.contactId).toBe(contactId);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(BUCKET_SIZE);
    expect([...events].sort(byTime)).toEqual(events);
    expect(b.first).toBe(events[0]!.at);
    expect(b.last).toBe(events[events.length - 1]!.at);
    expect([...b.kinds].sort()).toEqual([...new Set(events.map((e) => e.kind))].sort());
    expect(b.marks).toEqual(b.kinds.filter((k) => MARKED_KINDS.includes(k)));
    // Stretches of time do not overlap (equal times may meet at a boundary).
    expect(b.first).toBeGreaterThanOrEqual(previousLast);
    previousLast = b.last;
    for (const e of events) expect(e.contactId).toBe(contactId);
  }
}

type Op =
  | { op: 'add'; rows: Interaction[] }
  | { op: 'replace'; rows: Interaction[] }
  | { op: 'delete'; picks: number[] }
  | { op: 'move'; from: string; to: string; even: boolean }
  | { op: 'drop'; contactId: string };

// Few distinct times and keys, so ties, repeats and replacements are common; batches big enough to split buckets.
const rowArb = fc
  .record({ contactId: fc.constantFrom(...CONTACTS), key: fc.integer({ min: 0, max: 900 }), at: fc.integer({ min: 0, max: 400 }), kind: fc.constantFrom(...KINDS), v: fc.integer({ min: 0, max: 3 }) })
  .map((r) => row(r.contactId, `k${r.key}`, r.at, r.kind, `v${r.v}`));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  // Big batches as well as small ones (fast-check keeps arrays short unless told): buckets fill, split and take
  // entries in the middle of a contact's history.
  { arbitrary: fc.record({ op: fc.constant('add' as const), rows: fc.array(rowArb, { minLength: 150, maxLength: 400 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('add' as const), rows: fc.array(rowArb, { maxLength: 20 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('replace' as const), rows: fc.array(rowArb, { maxLength: 60 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), picks: fc.array(fc.nat(), { maxLength: 80 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('move' as const), from: fc.constantFrom(...CONTACTS), to: fc.constantFrom('b', 'c'), even: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('drop' as const), contactId: fc.constantFrom(...CONTACTS, 'c') }), weight: 1 },
);

describe('history buckets', () => {
  it('behave like one row per entry keyed by id, through adds, replaces, deletes, moves and drops', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 8 }), async (ops) => {
        const db = freshDb();
        const model = new Map<string, Interaction>();
        for (const o of ops) {
          if (o.op === 'add' || o.op === 'replace') {
            const written = await rw(db, () => writeHistory(db, o.rows, { replace: o.op === 'replace' }));
            const expected = new Map<string, Interaction>();
            for (const r of o.rows) if (o.op === 'replace' || (!model.has(r.id) && !expected.has(r.id))) expected.set(r.id, r);
            expect(written.map((r) => r.id).sort()).toEqual([...expected.keys()].sort());
            for (const r of expected.values()) model.set(r.id, r);
          } else if (o.op === 'delete') {
            const all = [...model.values()].sort(byId);
            const gone = all.length ? o.picks.map((k) => all[k % all.length]!) : [];
            await rw(db, () => deleteHistory(db, gone));
            for (const r of gone) model.delete(r.id);
          } else if (o.op === 'move') {
            if (o.from === o.to) continue;
            const pick = (e: Interaction) => !o.even || e.at % 2 === 0;
            await rw(db, () => moveHistory(db, o.from, o.to, pick));
            for (const r of [...model.values()].filter((r) => r.contactId === o.from && pick(r)).sort(byTime)) {
              model.delete(r.id);
              const moved = { ...r, contactId: o.to, id: `${o.to}|${r.sourceKey}` };
              if (!model.has(moved.id)) model.set(moved.id, moved);
            }
          } else {
            await rw(db, () => deleteHistoryOf(db, o.contactId));
            for (const r of [...model.values()]) if (r.contactId === o.contactId) model.delete(r.id);
          }
          expect(await allHistory(db)).toEqual([...model.values()].sort(byId));
        }
        for (const c of [...CONTACTS, 'c']) {
          await checkBuckets(db, c);
          const mine = [...model.values()].filter((r) => r.contactId === c).sort(byTime);
          expect(await historyOf(db, c)).toEqual(mine);
          expect(await countHistory(db, c)).toBe(mine.length);
          for (const limit of [1, 50, 300]) expect(await newestHistory(db, c, limit)).toEqual([...mine].reverse().slice(0, limit));
          // Read-only "is all of this there": true for what is, false as soon as one row is new.
          expect(await hasAllHistory(db, mine.slice(-30))).toBe(true);
          expect(await hasAllHistory(db, [...mine.slice(-3), row(c, 'never-seen', 5)])).toBe(false);
        }
        const all = [...model.values()];
        expect((await historyByKind(db, ['stage_changed'])).sort(byId)).toEqual(all.filter((r) => r.kind === 'stage_changed').sort(byId));
        expect((await historyByKind(db, ['ask', 'value_given'], 100, 250)).sort(byId)).toEqual(all.filter((r) => (r.kind === 'ask' || r.kind === 'value_given') && r.at >= 100 && r.at < 250).sort(byId));
        db.close();
      }),
      { numRuns: 30, endOnFailure: true },
    );
  }, 120_000);

  it('fills buckets up when mail arrives in order, and finds an entry again after its time changed', async () => {
    const db = freshDb();
    // A few messages at a time, as threads are read.
    for (let i = 0; i < 3 * BUCKET_SIZE + 10; i += 5) await rw(db, () => writeHistory(db, Array.from({ length: 5 }, (_, k) => row('a', `m${i + k}`, 1000 + i + k))));
    expect((await bucketsOf(db, 'a')).map((b) => HISTORY.entries(b).length)).toEqual([BUCKET_SIZE, BUCKET_SIZE, BUCKET_SIZE, 10]);
    // A message whose date the page did not show is recorded at "now": read again later, it is still on record.
    expect(await hasAllHistory(db, [row('a', 'm5', 999_999)])).toBe(true);
    expect(await rw(db, () => writeHistory(db, [row('a', 'm5', 999_999)]))).toEqual([]);
    db.close();
  }, 60_000);

  it('puts an old entry into the bucket of its time, cutting a full one in two', async () => {
    const db = freshDb();
    await rw(db, () => writeHistory(db, Array.from({ length: 3 * BUCKET_SIZE }, (_, i) => row('a', `m${i}`, 1000 + 2 * i))));
    expect((await bucketsOf(db, 'a')).map((b) => HISTORY.entries(b).length)).toEqual([BUCKET_SIZE, BUCKET_SIZE, BUCKET_SIZE]);
    await rw(db, () => writeHistory(db, [row('a', 'late', 1001), row('a', 'gap', 1000 + 2 * BUCKET_SIZE - 1)]));
    const buckets = await bucketsOf(db, 'a');
    expect(buckets.map((b) => HISTORY.entries(b).length)).toEqual([Math.ceil((BUCKET_SIZE + 2) / 2), Math.floor((BUCKET_SIZE + 2) / 2), BUCKET_SIZE, BUCKET_SIZE]);
    await checkBuckets(db, 'a');
    expect((await newestHistory(db, 'a', 3 * BUCKET_SIZE + 2)).at(-2)?.id).toBe('a|late');
    db.close();
  });

  it('drops rows that fail the schema, including an id that is not its contact’s', async () => {
    const db = freshDb();
    const stranger = { ...row('a', 'x', 1), id: 'b|x' };
    expect(await rw(db, () => writeHistory(db, [stranger, row('a', 'y', 2), { ...row('a', 'z', 3), kind: 'nope' as never }]))).toEqual([row('a', 'y', 2)]);
    expect(await allHistory(db)).toEqual([row('a', 'y', 2)]);
    db.close();
  });
});

describe('history columns (schema v4)', () => {
  it('give back every entry field for field, through a structured clone as IndexedDB stores them', () => {
    fc.assert(
      fc.property(fc.array(rowArbs.interactions as fc.Arbitrary<Interaction>, { maxLength: 30 }), fc.constantFrom('c-1', 'c-2', 'c|odd'), (rows, contactId) => {
        // One contact's entries, as a bucket holds them (the arbitrary's ids start with its own contact's).
        const mine = rows.map((r) => ({ ...r, contactId, id: r.id.startsWith(`${r.contactId}|`) ? `${contactId}|${r.id.slice(r.contactId.length + 1)}` : r.id }));
        const stored = structuredClone(toColumns(contactId, mine));
        expect(fromColumns(contactId, stored)).toEqual(mine);
        // `resourceIds` only where it was: absent stays absent (toEqual alone would take undefined for absent).
        expect(fromColumns(contactId, stored).map((e) => 'resourceIds' in e)).toEqual(mine.map((e) => 'resourceIds' in e));
      }),
      { numRuns: 300 },
    );
  });

  it('keep each distinct string once, and an id only where it is not the contact’s id and the source key', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/t1';
    const rows: Interaction[] = Array.from({ length: 40 }, (_, i) => ({ ...row('a', `gmail:${i}`, i, i % 2 ? 'email_in' : 'email_out', 'Re: the rollout plan'), threadId: 't1', url }));
    rows.push({ ...row('a', 'li:x', 50, 'profile_visit'), id: `a|li:x${'y'.repeat(20)}` });
    const cols = toColumns('a', rows);
    expect(cols.strings.filter((s) => s === url || s === 'Re: the rollout plan' || s === 't1' || s === 'email_in')).toHaveLength(4);
    expect(cols.ids).toEqual([[40, `a|li:x${'y'.repeat(20)}`]]);
    expect(cols.resources).toEqual([]);
    expect(fromColumns('a', cols)).toEqual(rows);
  });

  it('index a bucket only by the kinds the report looks up', async () => {
    const db = freshDb();
    await rw(db, () => writeHistory(db, [row('a', 's', 1, 'stage_changed'), row('a', 'm', 2, 'email_in'), row('b', 'm', 3, 'email_in')]));
    const [a, b] = [(await bucketsOf(db, 'a'))[0]!, (await bucketsOf(db, 'b'))[0]!];
    expect([a.marks, b.marks]).toEqual([['stage_changed'], []]);
    expect(await db.history.where('marks').equals('stage_changed').primaryKeys()).toEqual([a.id]);
    // A kind that is not marked is still found by the report's date-range read.
    expect((await historyByKind(db, ['email_in'])).map((r) => r.id).sort()).toEqual(['a|m', 'b|m']);
    db.close();
  });
});
