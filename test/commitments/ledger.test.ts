import { describe, expect, it } from 'vitest';
import { isOverdue, ledgerSummary, openPromisesFirst } from '../../lib/commitments/ledger';
import type { Commitment } from '../../lib/playbook/types';

const at = (y: number, m: number, d: number, h = 10): number => new Date(y, m - 1, d, h, 0, 0, 0).getTime();
const eod = (y: number, m: number, d: number): number => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
const NOW = at(2026, 11, 18); // Wednesday 18 Nov 2026, 10:00

function c(id: string, over: Partial<Commitment>): Commitment {
  return {
    id,
    contactId: 'c1',
    direction: 'mine',
    kind: 'send',
    text: `promise ${id}`,
    dueAt: null,
    status: 'open',
    createdAt: at(2026, 11, 1),
    updatedAt: at(2026, 11, 1),
    resolvedAt: null,
    source: 'manual',
    ...over,
  };
}

describe('isOverdue', () => {
  it('is true only for open promises whose due time has passed', () => {
    expect(isOverdue(c('a', { dueAt: eod(2026, 11, 17) }), NOW)).toBe(true);
    expect(isOverdue(c('b', { dueAt: eod(2026, 11, 18) }), NOW)).toBe(false); // due later today
    expect(isOverdue(c('c', { dueAt: eod(2026, 11, 17), status: 'done' }), NOW)).toBe(false);
    expect(isOverdue(c('d', { dueAt: eod(2026, 11, 17), status: 'missed' }), NOW)).toBe(false);
    expect(isOverdue(c('e', { dueAt: null }), NOW)).toBe(false);
  });

  it('uses the exact due time when one was said', () => {
    const due = at(2026, 11, 18, 9);
    expect(isOverdue(c('a', { dueAt: due }), due)).toBe(false);
    expect(isOverdue(c('a', { dueAt: due }), due + 1)).toBe(true);
  });

  it('never throws on odd input', () => {
    expect(isOverdue(null as unknown as Commitment, NOW)).toBe(false);
    expect(isOverdue(c('a', { dueAt: Number.NaN }), NOW)).toBe(false);
    expect(isOverdue(c('a', { dueAt: 1 }), Number.NaN)).toBe(false);
  });
});

describe('ledgerSummary', () => {
  const ledger = [
    c('m-open-overdue', { dueAt: eod(2026, 11, 16) }),
    c('m-open-soon', { dueAt: eod(2026, 11, 20) }),
    c('m-open-undated', {}),
    c('m-done-1', { status: 'done', resolvedAt: at(2026, 11, 10) }),
    c('m-done-2', { status: 'done', resolvedAt: at(2026, 11, 12) }),
    c('m-done-3', { status: 'done', resolvedAt: at(2026, 11, 14) }),
    c('m-missed', { status: 'missed', resolvedAt: at(2026, 11, 15) }),
    c('t-open-overdue-1', { direction: 'theirs', kind: 'deposit', dueAt: eod(2026, 11, 15) }),
    c('t-open-overdue-2', { direction: 'theirs', kind: 'callback', dueAt: eod(2026, 11, 17) }),
    c('t-open', { direction: 'theirs', dueAt: eod(2026, 11, 30) }),
    c('t-done', { direction: 'theirs', status: 'done', resolvedAt: at(2026, 11, 9) }),
    c('t-missed', { direction: 'theirs', status: 'missed', resolvedAt: at(2026, 11, 9) }),
  ];

  it('counts open and overdue on both sides, and the rep\u2019s kept record', () => {
    expect(ledgerSummary(ledger, NOW)).toEqual({
      openMine: 3,
      openTheirs: 3,
      overdueMine: 1,
      overdueTheirs: 2,
      kept: 3,
      missed: 1,
      keptRate: 0.75,
    });
  });

  it('has no kept rate before anything of ours is resolved (no record is not 0%)', () => {
    expect(ledgerSummary([c('a', {}), c('b', { direction: 'theirs', status: 'missed' })], NOW)).toEqual({
      openMine: 1,
      openTheirs: 0,
      overdueMine: 0,
      overdueTheirs: 0,
      kept: 0,
      missed: 0,
      keptRate: null,
    });
    expect(ledgerSummary([], NOW).keptRate).toBeNull();
  });

  it('moves with the clock: the same ledger later has more overdue', () => {
    expect(ledgerSummary(ledger, at(2026, 12, 1)).overdueMine).toBe(2);
    expect(ledgerSummary(ledger, at(2026, 12, 1)).overdueTheirs).toBe(3);
  });

  it('never throws on odd input', () => {
    expect(ledgerSummary(null as unknown as Commitment[], NOW).openMine).toBe(0);
    expect(ledgerSummary([null, { direction: 'sideways' }] as unknown as Commitment[], NOW).openMine).toBe(0);
  });
});

describe('openPromisesFirst', () => {
  it('puts the rep\u2019s overdue promises first, then open ones by due time, then undated, then resolved', () => {
    const ledger = [
      c('done-old', { status: 'done', resolvedAt: at(2026, 11, 2) }),
      c('theirs-undated', { direction: 'theirs' }),
      c('mine-soon', { dueAt: eod(2026, 11, 20) }),
      c('theirs-overdue', { direction: 'theirs', dueAt: eod(2026, 11, 10) }),
      c('mine-overdue-recent', { dueAt: eod(2026, 11, 17) }),
      c('mine-undated', {}),
      c('theirs-soon-same-day', { direction: 'theirs', dueAt: eod(2026, 11, 20) }),
      c('missed-recent', { status: 'missed', resolvedAt: at(2026, 11, 16) }),
      c('mine-overdue-old', { dueAt: eod(2026, 11, 12) }),
      c('theirs-later', { direction: 'theirs', dueAt: eod(2026, 12, 1) }),
    ];
    expect(openPromisesFirst(ledger, NOW).map((x) => x.id)).toEqual([
      'mine-overdue-old',
      'mine-overdue-recent',
      'theirs-overdue',
      'mine-soon',
      'theirs-soon-same-day',
      'theirs-later',
      'mine-undated',
      'theirs-undated',
      'missed-recent',
      'done-old',
    ]);
  });

  it('does not mutate its input and breaks ties deterministically', () => {
    const ledger = [c('b', { dueAt: eod(2026, 11, 20) }), c('a', { dueAt: eod(2026, 11, 20) })];
    const copy = ledger.map((x) => x.id);
    expect(openPromisesFirst(ledger, NOW).map((x) => x.id)).toEqual(['a', 'b']);
    expect(ledger.map((x) => x.id)).toEqual(copy);
  });

  it('never throws on odd input', () => {
    expect(openPromisesFirst(undefined as unknown as Commitment[], NOW)).toEqual([]);
    expect(openPromisesFirst([null] as unknown as Commitment[], NOW)).toEqual([]);
  });
});
