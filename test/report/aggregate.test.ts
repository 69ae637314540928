import { describe, expect, it } from 'vitest';
import type { Commitment, Contact, Interaction, ThreadRow } from '../../lib/db/models';
import { contactRow, threadRow } from '../helpers/factories';
import {
  balanceStats,
  buildReport,
  declineStats,
  filterByTag,
  helpedStats,
  inquiryStats,
  inRange,
  median,
  MONTHLY_AFTER_WEEKS,
  monthBuckets,
  periodUnit,
  promiseStats,
  SECTIONS,
  sectionEmpty,
  stageChangedTo,
  tagsOf,
  WEEK,
  weekBuckets,
  type ReportInput,
} from '../../lib/report/aggregate';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 5 January 2026, 00:00 UTC: the start of every range below. */
const T0 = Date.UTC(2026, 0, 5);
/** Four weeks. */
const RANGE = { from: T0, to: T0 + 28 * DAY };
const NOW = T0 + 30 * DAY;

function contact(id: string, over: Partial<Contact> = {}): Contact {
  return contactRow(id, { nameTokens: [], emails: [], createdAt: T0 - 100 * DAY, updatedAt: T0 - 100 * DAY, ...over });
}

let seq = 0;
function ix(contactId: string, kind: Interaction['kind'], at: number, over: Partial<Interaction> = {}): Interaction {
  seq += 1;
  return { id: `${contactId}|event:${seq}`, contactId, sourceKey: `event:${seq}`, kind, at, subject: null, snippet: null, threadId: null, url: null, ...over };
}

const thread = (threadId: string, firstInboundAt: number | null, firstReplyAt: number | null, contactId: string | null = null): ThreadRow =>
  threadRow(threadId, firstInboundAt, firstReplyAt, { contactId, updatedAt: T0 });

function promise(id: string, contactId: string, over: Partial<Commitment>): Commitment {
  return { id, contactId, direction: 'mine', kind: 'send', text: id, dueAt: null, status: 'open', createdAt: T0 - DAY, updatedAt: T0 - DAY, resolvedAt: null, source: 'manual', ...over };
}

const EMPTY: ReportInput = { contacts: [], interactions: [], commitments: [], threads: [] };

describe('median', () => {
  it('is null for none, the middle for an odd count, the mean of the two middle values for an even count', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 30])).toBe(20);
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('ranges and weeks', () => {
  it('is half-open: the start is in, the end is out', () => {
    expect(inRange(T0, RANGE)).toBe(true);
    expect(inRange(RANGE.to - 1, RANGE)).toBe(true);
    expect(inRange(RANGE.to, RANGE)).toBe(false);
    expect(inRange(T0 - 1, RANGE)).toBe(false);
    expect(inRange(null, RANGE)).toBe(false);
  });

  it('cuts weeks from the start and stops the last one at the end', () => {
    expect(weekBuckets({ from: T0, to: T0 + 10 * DAY })).toEqual([
      { start: T0, end: T0 + WEEK },
      { start: T0 + WEEK, end: T0 + 10 * DAY },
    ]);
    expect(weekBuckets(RANGE)).toHaveLength(4);
    // 90 days (the default) is 12 full weeks and one of 6 days.
    expect(weekBuckets({ from: T0, to: T0 + 90 * DAY })).toHaveLength(13);
    expect(weekBuckets({ from: T0, to: T0 })).toEqual([]);
    expect(weekBuckets({ from: T0, to: T0 - DAY })).toEqual([]);
    expect(weekBuckets({ from: NaN, to: T0 })).toEqual([]);
  });

  it('cuts calendar months: the first from the start, the last stopped at the end', () => {
    const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();
    expect(monthBuckets({ from: local(2025, 11, 14), to: local(2026, 2, 10) })).toEqual([
      { start: local(2025, 11, 14), end: local(2025, 12, 1) },
      { start: local(2025, 12, 1), end: local(2026, 1, 1) },
      { start: local(2026, 1, 1), end: local(2026, 2, 1) },
      { start: local(2026, 2, 1), end: local(2026, 2, 10) },
    ]);
    // Starting on the 1st: whole months, and a range inside one month is one bucket.
    expect(monthBuckets({ from: local(2026, 1, 1), to: local(2026, 3, 1) })).toHaveLength(2);
    expect(monthBuckets({ from: local(2026, 1, 5), to: local(2026, 1, 9) })).toEqual([{ start: local(2026, 1, 5), end: local(2026, 1, 9) }]);
    expect(monthBuckets({ from: T0, to: T0 })).toEqual([]);
    expect(monthBuckets({ from: NaN, to: T0 })).toEqual([]);
  });

  it('groups by week up to 26 weeks, by month beyond', () => {
    // Local calendar days, as the page passes them: 24-hour steps would be an hour off across a DST change.
    const days = (n: number) => ({ from: new Date(2026, 0, 5).getTime(), to: new Date(2026, 0, 5 + n).getTime() });
    expect(MONTHLY_AFTER_WEEKS).toBe(26);
    expect(periodUnit(days(90))).toBe('week');
    // 182 days are 26 whole weeks; one day more starts a 27th.
    expect(periodUnit(days(182))).toBe('week');
    expect(periodUnit(days(183))).toBe('month');
    expect(periodUnit(days(365))).toBe('month');
  });
});

describe('inquiryStats', () => {
  it('counts inquiries by first inbound message and the median time to answer, per week and overall', () => {
    const threads = [
      thread('a', T0, T0 + 1 * HOUR), // week 1, at the very start of the range
      thread('b', T0 + 2 * DAY, T0 + 2 * DAY + 3 * HOUR), // week 1
      thread('c', T0 + 3 * DAY, null), // week 1, unanswered
      thread('d', T0 + 8 * DAY, T0 + 8 * DAY + 30 * MIN), // week 2
      thread('e', T0 + 9 * DAY, T0 + 11 * DAY), // week 2: two days
      thread('f', T0 + 22 * DAY, T0 + 22 * DAY + 5 * HOUR), // week 4
      thread('g', RANGE.to, RANGE.to + HOUR), // the end is excluded
      thread('h', T0 - 1, T0 + HOUR), // one ms before the start: excluded, even though answered inside
      thread('i', null, null), // a thread the rep started: no inquiry
    ];
    const s = inquiryStats(threads, RANGE);
    expect(s).toMatchObject({ received: 6, answered: 5, unanswered: 1 });
    // Waits: 30 min, 1 h, 3 h, 5 h, 48 h → 3 h.
    expect(s.medianMs).toBe(3 * HOUR);
    expect(s.periods.map((w) => [w.received, w.answered, w.medianMs])).toEqual([
      [3, 2, 2 * HOUR], // 1 h and 3 h: even count → mean 2 h
      [2, 2, (30 * MIN + 48 * HOUR) / 2],
      [0, 0, null],
      [1, 1, 5 * HOUR],
    ]);
    expect(s.periods.map((w) => w.start)).toEqual([T0, T0 + WEEK, T0 + 2 * WEEK, T0 + 3 * WEEK]);
  });

  it('counts per calendar month over a range longer than 26 weeks', () => {
    const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();
    const range = { from: local(2025, 6, 14), to: local(2026, 1, 1) };
    const s = inquiryStats(
      [
        thread('jun', local(2025, 6, 20, 9), local(2025, 6, 20, 11)),
        thread('jul', local(2025, 7, 1, 9), null),
        thread('dec', local(2025, 12, 31, 23), local(2026, 1, 1, 1)),
        thread('before', local(2025, 6, 13, 9), local(2025, 6, 13, 10)),
      ],
      range,
    );
    expect(s.unit).toBe('month');
    expect(s.periods.map((p) => p.start)).toEqual([local(2025, 6, 14), ...[7, 8, 9, 10, 11, 12].map((m) => local(2025, m, 1))]);
    expect(s.periods.at(-1)!.end).toBe(range.to);
    expect(s.periods.map((p) => p.received)).toEqual([1, 1, 0, 0, 0, 0, 1]);
    expect(s.periods.map((p) => p.medianMs)).toEqual([2 * HOUR, null, null, null, null, null, 2 * HOUR]);
    expect(s).toMatchObject({ received: 3, answered: 2, unanswered: 1 });
  });

  it('has no median when nothing was answered, and clamps a reply stamped before the inquiry to zero', () => {
    expect(inquiryStats([thread('a', T0, null)], RANGE)).toMatchObject({ received: 1, answered: 0, unanswered: 1, medianMs: null });
    expect(inquiryStats([thread('a', T0 + HOUR, T0)], RANGE).medianMs).toBe(0);
  });
});

describe('stageChangedTo', () => {
  it('reads the target stage from the source key, else from the subject; the last stage named wins', () => {
    expect(stageChangedTo(ix('c', 'stage_changed', T0, { sourceKey: 'stage:not_fit_helped:1f2e' }))).toBe('not_fit_helped');
    expect(stageChangedTo(ix('c', 'stage_changed', T0, { sourceKey: 'stage:new_inquiry:declined:9' }))).toBe('declined');
    expect(stageChangedTo(ix('c', 'stage_changed', T0, { sourceKey: 'event:abc', subject: 'New inquiry → Not a fit — helped' }))).toBe('not_fit_helped');
    expect(stageChangedTo(ix('c', 'stage_changed', T0, { sourceKey: 'event:abc', subject: 'Not a fit — helped → Customer' }))).toBe('customer');
    expect(stageChangedTo(ix('c', 'stage_changed', T0, { sourceKey: 'event:abc', subject: 'Moved' }))).toBeNull();
    expect(stageChangedTo(ix('c', 'note' as Interaction['kind'], T0, { sourceKey: 'stage:customer:1' }))).toBeNull();
  });
});

describe('helpedStats', () => {
  const helpedInRange = contact('h1', { stage: 'not_fit_helped', updatedAt: T0 - 50 * DAY });
  const helpedByUpdate = contact('h2', { stage: 'not_fit_helped', updatedAt: T0 + 5 * DAY });
  const helpedLongAgo = contact('h3', { stage: 'not_fit_helped', updatedAt: T0 - 200 * DAY });
  const helpedMovedOut = contact('h4', { stage: 'not_fit_helped', updatedAt: T0 + 1 * DAY });
  const input: ReportInput = {
    ...EMPTY,
    contacts: [
      helpedInRange,
      helpedByUpdate,
      helpedLongAgo,
      helpedMovedOut,
      contact('lost', { stage: 'declined', updatedAt: T0 + DAY }),
      contact('r1', { referredBy: 'h1', stage: 'customer', createdAt: T0 + 10 * DAY }),
      contact('r2', { referredBy: 'h1', stage: 'in_conversation', createdAt: T0 + 12 * DAY }),
      contact('r3', { referredBy: 'h3', stage: 'customer', createdAt: T0 + 20 * DAY }), // helped long ago, pays back now
      contact('r4', { referredBy: 'h2', stage: 'qualified', createdAt: T0 - DAY }), // arrived before the range
      contact('r5', { referredBy: 'lost', stage: 'customer', createdAt: T0 + DAY }), // from a lead who was not helped
      contact('r6', { referredBy: 'gone', stage: 'customer', createdAt: T0 + DAY }), // referrer deleted
    ],
    interactions: [
      // h1 moved into the stage inside the range: that date wins over updatedAt.
      ix('h1', 'stage_changed', T0 + 3 * DAY, { sourceKey: 'stage:not_fit_helped:a' }),
      ix('h1', 'stage_changed', T0 - 80 * DAY, { sourceKey: 'stage:not_fit_helped:b' }),
      // h4 moved in long before the range; a later save touched updatedAt. The move is what counts.
      ix('h4', 'stage_changed', T0 - 40 * DAY, { sourceKey: 'stage:not_fit_helped:c' }),
      ix('h4', 'stage_changed', T0 - 60 * DAY, { sourceKey: 'stage:in_conversation:d' }),
    ],
  };

  it('dates a helped lead by its latest move into the stage, else by updatedAt', () => {
    const s = helpedStats(input, RANGE);
    expect(s.helped).toBe(2); // h1 (moved in range), h2 (updatedAt in range)
  });

  it('counts referrals from helped leads by their arrival, grouped by the stage they are in now', () => {
    const s = helpedStats(input, RANGE);
    expect(s.referrals).toBe(3);
    expect(s.referrers).toBe(2);
    expect(s.byStage).toEqual({ new_inquiry: 0, in_conversation: 1, qualified: 0, not_fit_helped: 0, customer: 2, declined: 0, nurture: 0 });
  });

  it('is zero for no data', () => {
    const s = helpedStats(EMPTY, RANGE);
    expect(s).toMatchObject({ helped: 0, referrals: 0, referrers: 0 });
    expect(Object.values(s.byStage).every((n) => n === 0)).toBe(true);
  });
});

describe('promiseStats', () => {
  it("counts the rep's own promises kept and missed in range, and open ones overdue", () => {
    const ks = [
      promise('kept', 'c', { status: 'done', resolvedAt: T0 + DAY }),
      promise('kept-at-start', 'c', { status: 'done', resolvedAt: T0 }),
      promise('kept-at-end', 'c', { status: 'done', resolvedAt: RANGE.to }), // excluded: end is open
      promise('kept-legacy', 'c', { status: 'done', resolvedAt: null, updatedAt: T0 + 2 * DAY }),
      promise('missed', 'c', { status: 'missed', resolvedAt: T0 + 5 * DAY }),
      promise('missed-before', 'c', { status: 'missed', resolvedAt: T0 - DAY }),
      promise('overdue', 'c', { status: 'open', dueAt: T0 + 20 * DAY }),
      promise('due-later', 'c', { status: 'open', dueAt: T0 + 29 * DAY }), // after the range (and after now)
      promise('no-date', 'c', { status: 'open', dueAt: null }),
      promise('theirs', 'c', { direction: 'theirs', status: 'missed', resolvedAt: T0 + DAY }),
    ];
    expect(promiseStats(ks, RANGE, NOW)).toEqual({ kept: 3, missed: 1, openOverdue: 1, keptShare: 0.75 });
  });

  it('does not call a promise overdue before its due date', () => {
    const ks = [promise('soon', 'c', { status: 'open', dueAt: T0 + 10 * DAY })];
    expect(promiseStats(ks, RANGE, T0 + 9 * DAY).openOverdue).toBe(0);
    expect(promiseStats(ks, RANGE, T0 + 10 * DAY + 1).openOverdue).toBe(1);
  });

  it('has no share when nothing was resolved', () => {
    expect(promiseStats([], RANGE, NOW)).toEqual({ kept: 0, missed: 0, openOverdue: 0, keptShare: null });
  });
});

describe('balanceStats', () => {
  it('sorts contacts into givers, balanced and askers by gives vs. asks + follow-ups in range', () => {
    const input: ReportInput = {
      ...EMPTY,
      contacts: [contact('giver', { name: 'Gia' }), contact('even', { name: 'Eve' }), contact('asker', { name: 'Ada' }), contact('quiet', { name: 'Quinn' })],
      interactions: [
        ix('giver', 'value_given', T0 + DAY),
        ix('giver', 'value_given', T0 + 2 * DAY),
        ix('giver', 'ask', T0 + 3 * DAY),
        ix('even', 'value_given', T0),
        ix('even', 'follow_up', RANGE.to - 1),
        ix('asker', 'ask', T0 + DAY),
        ix('asker', 'follow_up', T0 + 2 * DAY),
        ix('asker', 'value_given', RANGE.to), // out of range
        ix('quiet', 'email_in', T0 + DAY), // neither a give nor an ask
        ix('deleted', 'ask', T0 + DAY), // no such contact
      ],
    };
    const s = balanceStats(input, RANGE);
    expect(s).toMatchObject({ givers: 1, balanced: 1, askers: 1, gives: 3, asks: 4 });
    expect(s.perContact).toEqual([
      { contactId: 'asker', name: 'Ada', gives: 0, asks: 2 },
      { contactId: 'even', name: 'Eve', gives: 1, asks: 1 },
      { contactId: 'giver', name: 'Gia', gives: 2, asks: 1 },
    ]);
  });
});

describe('declineStats', () => {
  it('counts stated and real reasons side by side, and how many real ones were learned', () => {
    const input: ReportInput = {
      ...EMPTY,
      contacts: [
        contact('a', { stage: 'declined', updatedAt: T0 + DAY, declineStated: { reason: 'price', text: '' }, declineReal: { reason: 'authority', text: 'CFO decides' } }),
        contact('b', { stage: 'declined', updatedAt: T0 + 2 * DAY, declineStated: { reason: 'price', text: '' }, declineReal: { reason: 'price', text: '' } }),
        contact('c', { stage: 'nurture', updatedAt: T0 + 3 * DAY, declineStated: { reason: 'timing', text: '' }, declineReal: null }),
        // Declined in range (by the stage change) though touched since.
        contact('d', { stage: 'declined', updatedAt: RANGE.to + DAY, declineStated: { reason: 'incumbent', text: '' }, declineReal: null }),
        contact('old', { stage: 'declined', updatedAt: T0 - DAY, declineStated: { reason: 'budget', text: '' }, declineReal: null }),
        contact('none', { stage: 'declined', updatedAt: T0 + DAY }),
      ],
      interactions: [ix('d', 'stage_changed', T0 + 4 * DAY, { sourceKey: 'stage:qualified:declined:x' })],
    };
    const s = declineStats(input, RANGE);
    expect(s).toMatchObject({ declines: 4, realLearned: 2, differs: 1 });
    expect(s.reasons).toEqual([
      { reason: 'price', stated: 2, real: 1 },
      { reason: 'budget', stated: 0, real: 0 },
      { reason: 'incumbent', stated: 1, real: 0 },
      { reason: 'timing', stated: 1, real: 0 },
      { reason: 'need', stated: 0, real: 0 },
      { reason: 'authority', stated: 0, real: 1 },
      { reason: 'other', stated: 0, real: 0 },
    ]);
  });
});

describe('tags', () => {
  const input: ReportInput = {
    contacts: [contact('d1', { tags: ['dental', 'emea'] }), contact('r1', { tags: ['retail'] }), contact('x')],
    interactions: [ix('d1', 'ask', T0), ix('r1', 'ask', T0)],
    commitments: [promise('k1', 'd1', {}), promise('k2', 'r1', {})],
    threads: [thread('t1', T0, null, 'd1'), thread('t2', T0, null, 'r1'), thread('t3', T0, null, null)],
  };

  it('lists every tag once, sorted', () => {
    expect(tagsOf(input.contacts)).toEqual(['dental', 'emea', 'retail']);
    expect(tagsOf([])).toEqual([]);
  });

  it('keeps only the tagged contacts and their rows; no tag keeps everything, unsaved senders included', () => {
    const f = filterByTag(input, 'dental');
    expect(f.contacts.map((c) => c.id)).toEqual(['d1']);
    expect(f.interactions.map((i) => i.contactId)).toEqual(['d1']);
    expect(f.commitments.map((k) => k.id)).toEqual(['k1']);
    expect(f.threads.map((t) => t.threadId)).toEqual(['t1']);
    expect(filterByTag(input, null)).toBe(input);
    expect(filterByTag(input, '')).toBe(input);
    expect(filterByTag(input, 'nobody')).toEqual(EMPTY);
  });
});

describe('buildReport', () => {
  it('is empty, with zeros and no medians, for no data', () => {
    const r = buildReport(EMPTY, RANGE, NOW);
    expect(r.empty).toBe(true);
    expect(r.filter).toEqual({ ...RANGE, tag: null });
    expect(r.inquiries).toMatchObject({ received: 0, answered: 0, unanswered: 0, medianMs: null });
    expect(r.inquiries.unit).toBe('week');
    expect(r.inquiries.periods).toHaveLength(4);
    expect(r.inquiries.periods.every((w) => w.received === 0 && w.medianMs === null)).toBe(true);
    expect(r.promises).toEqual({ kept: 0, missed: 0, openOverdue: 0, keptShare: null });
    expect(r.balance).toEqual({ givers: 0, balanced: 0, askers: 0, gives: 0, asks: 0, perContact: [] });
    expect(r.declines).toMatchObject({ declines: 0, realLearned: 0, differs: 0 });
  });

  it('calls every section empty for no data, and the report empty exactly when every section is', () => {
    const none = buildReport(EMPTY, RANGE, NOW);
    expect(SECTIONS.filter((x) => sectionEmpty(none, x))).toEqual(['inquiries', 'helped', 'promises', 'balance', 'declines']);
    // One row in range fills one section only; the others keep their empty line, and the page shows its cards.
    const one = (input: Partial<ReportInput>) => buildReport({ ...EMPTY, ...input }, RANGE, NOW);
    const cases: [Partial<ReportInput>, string][] = [
      [{ threads: [thread('t', T0, null)] }, 'inquiries'],
      [{ contacts: [contact('h', { stage: 'not_fit_helped', updatedAt: T0 + DAY })] }, 'helped'],
      [{ commitments: [promise('k', 'c', { status: 'open', dueAt: T0 + DAY })] }, 'promises'],
      [{ contacts: [contact('c')], interactions: [ix('c', 'follow_up', T0 + DAY)] }, 'balance'],
      [{ contacts: [contact('d', { updatedAt: T0 + DAY, declineStated: { reason: 'price', text: '' } })] }, 'declines'],
    ];
    for (const [input, filled] of cases) {
      const r = one(input);
      expect(SECTIONS.filter((x) => !sectionEmpty(r, x)), filled).toEqual([filled]);
      expect(r.empty, filled).toBe(false);
    }
  });

  it('keeps the referrals card when only a referral arrived (the lead who sent it was helped long ago)', () => {
    const r = buildReport(
      {
        ...EMPTY,
        contacts: [contact('old', { stage: 'not_fit_helped', updatedAt: T0 - 200 * DAY }), contact('ref', { referredBy: 'old', createdAt: T0 + DAY })],
      },
      RANGE,
      NOW,
    );
    expect(r.helped).toMatchObject({ helped: 0, referrals: 1, referrers: 1 });
    expect(sectionEmpty(r, 'helped')).toBe(false);
  });

  it('calls promises empty when the only one is open and not yet due', () => {
    const r = buildReport({ ...EMPTY, commitments: [promise('k', 'c', { status: 'open', dueAt: NOW + DAY })] }, { from: T0, to: NOW + 2 * DAY }, NOW);
    expect(sectionEmpty(r, 'promises')).toBe(true);
  });

  it('is empty when everything is outside the range', () => {
    const input: ReportInput = { ...EMPTY, threads: [thread('t', T0 - DAY, T0)], contacts: [contact('c', { stage: 'not_fit_helped', updatedAt: T0 - DAY })] };
    expect(buildReport(input, RANGE, NOW).empty).toBe(true);
    expect(buildReport(input, { from: T0 - 2 * DAY, to: RANGE.to }, NOW).empty).toBe(false);
  });

  it('applies the tag to every section; referrers are looked up among all contacts', () => {
    const input: ReportInput = {
      contacts: [
        contact('helped', { stage: 'not_fit_helped', updatedAt: T0 + DAY, tags: ['retail'] }),
        contact('ref', { referredBy: 'helped', stage: 'customer', createdAt: T0 + 2 * DAY, tags: ['dental'] }),
        contact('dec', { stage: 'declined', updatedAt: T0 + DAY, tags: ['retail'], declineStated: { reason: 'budget', text: '' }, declineReal: null }),
      ],
      interactions: [ix('ref', 'value_given', T0 + 3 * DAY), ix('helped', 'ask', T0 + 3 * DAY)],
      commitments: [promise('k', 'ref', { status: 'done', resolvedAt: T0 + 4 * DAY }), promise('k2', 'dec', { status: 'missed', resolvedAt: T0 + 4 * DAY })],
      threads: [thread('t1', T0, T0 + 2 * HOUR, 'ref'), thread('t2', T0, T0 + 4 * HOUR, 'dec'), thread('t3', T0, null, null)],
    };
    const all = buildReport(input, RANGE, NOW);
    expect(all.inquiries).toMatchObject({ received: 3, answered: 2, medianMs: 3 * HOUR });
    expect(all.helped).toMatchObject({ helped: 1, referrals: 1 });
    expect(all.promises).toMatchObject({ kept: 1, missed: 1 });
    expect(all.balance).toMatchObject({ givers: 1, askers: 1, gives: 1, asks: 1 });
    expect(all.declines.declines).toBe(1);

    const dental = buildReport(input, { ...RANGE, tag: 'dental' }, NOW);
    expect(dental.filter.tag).toBe('dental');
    expect(dental.inquiries).toMatchObject({ received: 1, answered: 1, medianMs: 2 * HOUR });
    // The referral is in the segment; the retail lead who sent it is not, and is not counted as helped here.
    expect(dental.helped).toMatchObject({ helped: 0, referrals: 1, referrers: 1 });
    expect(dental.helped.byStage.customer).toBe(1);
    expect(dental.promises).toMatchObject({ kept: 1, missed: 0 });
    expect(dental.balance).toMatchObject({ givers: 1, askers: 0 });
    expect(dental.declines.declines).toBe(0);
    expect(dental.empty).toBe(false);

    const retail = buildReport(input, { ...RANGE, tag: 'retail' }, NOW);
    expect(retail.inquiries).toMatchObject({ received: 1, answered: 1, medianMs: 4 * HOUR });
    expect(retail.helped).toMatchObject({ helped: 1, referrals: 0 });
    expect(retail.promises).toMatchObject({ kept: 0, missed: 1 });
    expect(retail.declines.reasons.find((r) => r.reason === 'budget')).toEqual({ reason: 'budget', stated: 1, real: 0 });
  });
});
