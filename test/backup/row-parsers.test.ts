import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config } from 'zod/mini';
import { ROW_SCHEMAS, keyOf, parseRow, type TableName } from '../../lib/backup/format';
import { INVALID as INTERACTIONS_INVALID, parseInteractionsRowCompiled } from '../../lib/backup/rows/interactions-parser.gen';
import { InteractionFieldsSchema, InteractionSchema } from '../../lib/db/models';
import { PARSERS } from '../../scripts/lib/zod-parsers';
import { rowArbs } from './arbitraries';

// The reference is zod as the extension pages run it: they forbid `new Function`, so no compiled object checks.
config({ jitless: true });

type RowTable = Exclude<TableName, 'settings'>;
const TABLES = Object.keys(ROW_SCHEMAS) as RowTable[];

/** What parseRow returned before the generated parsers: the schema's own verdict, output and first issue. */
function interpreted(table: RowTable, row: unknown, index: number): ReturnType<typeof parseRow> {
  const result = ROW_SCHEMAS[table].safeParse(row);
  if (result.success) return { ok: true, row: result.data as Record<string, unknown> };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, problem: { table, index, key: keyOf(table, row), message: `${where}${issue?.message ?? 'not a valid row'}` } };
}

/** Same data, same keys in the same order (a key set to undefined counts), same values by Object.is. */
function exactly(a: unknown, b: unknown, at = '$'): void {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    if (!Object.is(a, b)) throw new Error(`${at}: ${String(a)} ≠ ${String(b)}`);
    return;
  }
  expect(Array.isArray(a), at).toBe(Array.isArray(b));
  expect(Object.keys(a), at).toEqual(Object.keys(b));
  for (const k of Object.keys(a)) exactly((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
}

// Values that break a field: wrong types, non-finite numbers, other enums' members.
const BAD = [undefined, null, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', true, [], {}, ['x'], { a: 1 }, 'new_inquiry', 'email_in', 1] as const;
// Every length limit of the row schemas, and one past it: text and lists are resized to exactly these.
const LIMITS = [1, 20, 30, 50, 60, 64, 100, 200, 300, 320, 400, 1000, 2000, 4000, 20_000];
const SIZES = [0, ...LIMITS, ...LIMITS.map((n) => n + 1)];
type Damage = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'extra' } | { kind: 'resize'; size: number; unit: string };
const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.constantFrom(...BAD).map((value): Damage => ({ kind: 'set', value })),
  fc.constant<Damage>({ kind: 'delete' }),
  fc.constant<Damage>({ kind: 'extra' }),
  // Astral characters: two UTF-16 units, one code point.
  fc.record({ size: fc.constantFrom(...SIZES), unit: fc.constantFrom('x', '😀', 'é') }).map((r): Damage => ({ kind: 'resize', ...r })),
);

/** Every place in a row: the row itself, its fields, and what nested objects and arrays hold. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

/** A damaged copy of `row`: one place changed. */
function damage(row: Record<string, unknown>, pick: number, d: Damage): unknown {
  const copy = structuredClone(row) as unknown;
  const all = paths(copy);
  const path = all[pick % all.length]!;
  const apply = (v: unknown): unknown => {
    switch (d.kind) {
      case 'set':
        return d.value;
      case 'resize':
        if (Array.isArray(v)) return Array.from({ length: d.size }, (_, i) => (v.length ? v[i % v.length] : `${d.unit}${i}`));
        return typeof v === 'string' ? d.unit.repeat(d.size) : v;
      case 'extra':
        return v && typeof v === 'object' && !Array.isArray(v) ? { ...v, extra: 'dropped?' } : v;
      case 'delete':
        return v;
    }
  };
  if (path.length === 0) return d.kind === 'delete' ? undefined : apply(copy);
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (d.kind === 'delete' && !Array.isArray(parent)) delete parent[last];
  else parent[last] = apply(parent[last]);
  return copy;
}

describe('backup rows: the generated parsers (lib/backup/rows/*.gen.ts) agree with the row schemas', () => {
  it('one generated parser per table', () => {
    expect(PARSERS.filter((p) => p.file.startsWith('lib/backup/rows/')).map((p) => p.file)).toEqual(TABLES.map((t) => `lib/backup/rows/${t}-parser.gen.ts`));
  });

  it.each(TABLES)('%s: a valid row gives the schema’s output, field for field', (table) => {
    fc.assert(
      fc.property(rowArbs[table], (row) => {
        const ref = interpreted(table, row, 1);
        expect(ref.ok).toBe(true);
        const fast = parseRow(table, row, 1);
        exactly(fast, ref);
        if (fast.ok) expect(fast.row).not.toBe(row); // a fresh copy, as zod's interpreter returns
      }),
      { numRuns: 300 },
    );
  });

  it.each(TABLES)('%s: a damaged row is accepted or rejected as the schema does, with the same output or message', (table) => {
    let rejected = 0;
    fc.assert(
      fc.property(rowArbs[table], fc.nat(), damageArb, fc.integer({ min: 1, max: 1_000_000 }), (row, pick, d, index) => {
        const bad = damage(row, pick, d);
        const ref = interpreted(table, bad, index);
        if (!ref.ok) rejected += 1;
        exactly(parseRow(table, bad, index), ref);
      }),
      { numRuns: 1500 },
    );
    // The damage does reach the schema: most damaged rows are rejected, so the rejection path is what was compared.
    expect(rejected).toBeGreaterThan(500);
  });

  it.each(TABLES)('%s: every text and list resized to every length limit and one past it, as the schema judges', (table) => {
    // Exhaustive where random damage is thin: a limit that is off by one in a generated parser shows here.
    let rejected = 0;
    for (const row of fc.sample(rowArbs[table], { numRuns: 4, seed: 42 })) {
      const all = paths(row);
      all.forEach((path, pick) => {
        const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], row);
        if (typeof value !== 'string' && !Array.isArray(value)) return;
        // Lists are limited to 50 at most: longer ones only make the test slow.
        for (const size of Array.isArray(value) ? SIZES.filter((n) => n <= 51) : SIZES) {
          for (const unit of ['x', '😀']) {
            const bad = damage(row, pick, { kind: 'resize', size, unit });
            const ref = interpreted(table, bad, 1);
            if (!ref.ok) rejected += 1;
            exactly(parseRow(table, bad, 1), ref, path.join('.'));
          }
        }
      });
    }
    expect(rejected).toBeGreaterThan(50);
  }, 30_000);

  it('history: an id that does not start with the contact’s is rejected with the schema’s message, not by the fields’ parser', () => {
    const row = { id: 'c-2|gmail:1', contactId: 'c-1', sourceKey: 'gmail:1', kind: 'email_in', at: 1, subject: null, snippet: null, threadId: null, url: null };
    expect(InteractionFieldsSchema.safeParse(row).success).toBe(true);
    expect(parseInteractionsRowCompiled(row)).not.toBe(INTERACTIONS_INVALID);
    expect(InteractionSchema.safeParse(row).success).toBe(false);
    expect(parseRow('interactions', row, 3)).toEqual({ ok: false, problem: { table: 'interactions', index: 3, key: 'c-2|gmail:1', message: 'id: must start with the contactId and "|"' } });
    // "c-1" alone, without the "|", is not the contact's prefix either.
    expect(parseRow('interactions', { ...row, id: 'c-1gmail:1' }, 3).ok).toBe(false);
    expect(parseRow('interactions', { ...row, id: 'c-1|gmail:1' }, 3).ok).toBe(true);
  });

  it('non-objects are rejected with the schema’s message', () => {
    for (const table of TABLES) for (const v of [null, undefined, 7, 'row', [], [{}]]) exactly(parseRow(table, v, 1), interpreted(table, v, 1));
  });
});
