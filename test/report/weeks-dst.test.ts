import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadRow } from '../../lib/db/models';
import { inquiryStats, monthBuckets, weekBuckets } from '../../lib/report/aggregate';
import { rangeFromDates } from '../../lib/report/range';

/**
 * Week buckets in time zones that change their clocks. Node reads `process.env.TZ` again whenever it is assigned, so
 * each block switches the zone for its own tests and puts the runner's zone back afterwards (a worker may run other
 * test files next).
 */

const HOUR = 3_600_000;

function inZone(zone: string): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}

/** Local midnight of a calendar day in the current zone (month 1-based, as people write it). */
const midnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

function range(from: string, to: string): { from: number; to: number } {
  const r = rangeFromDates(from, to);
  if ('error' in r) throw new Error(r.error);
  return r;
}

function thread(threadId: string, firstInboundAt: number): ThreadRow {
  return {
    threadId,
    url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
    subject: 'Question',
    fromName: 'Dana',
    fromEmail: 'dana@northwind.com',
    lastInboundAt: firstInboundAt,
    lastOutboundAt: null,
    firstInboundAt,
    firstReplyAt: null,
    contactId: null,
    needsReply: 1,
    updatedAt: firstInboundAt,
  };
}

// Three Monday-to-Sunday weeks around each change of the clocks, in a northern and a southern zone.
describe.each([
  { zone: 'Europe/Berlin', change: 'autumn (25 Oct 2026, 25-hour Sunday)', from: [2026, 10, 19], to: [2026, 11, 8], longWeek: 169 },
  { zone: 'Europe/Berlin', change: 'spring (29 Mar 2026, 23-hour Sunday)', from: [2026, 3, 23], to: [2026, 4, 12], longWeek: 167 },
  { zone: 'America/New_York', change: 'autumn (1 Nov 2026)', from: [2026, 10, 26], to: [2026, 11, 15], longWeek: 169 },
  { zone: 'America/New_York', change: 'spring (8 Mar 2026)', from: [2026, 3, 2], to: [2026, 3, 22], longWeek: 167 },
  { zone: 'Australia/Sydney', change: 'autumn (5 Apr 2026)', from: [2026, 3, 30], to: [2026, 4, 19], longWeek: 169 },
  { zone: 'Australia/Sydney', change: 'spring (4 Oct 2026)', from: [2026, 9, 28], to: [2026, 10, 18], longWeek: 167 },
] as const)('weekBuckets in $zone across the $change change', ({ zone, from, to, longWeek }) => {
  inZone(zone);
  const iso = ([y, m, d]: readonly [number, number, number]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

  it('cuts three calendar weeks, each from local midnight to local midnight', () => {
    const [y, m, d] = from;
    const weeks = weekBuckets(range(iso(from), iso(to)));
    expect(weeks).toEqual([
      { start: midnight(y, m, d), end: midnight(y, m, d + 7) },
      { start: midnight(y, m, d + 7), end: midnight(y, m, d + 14) },
      { start: midnight(y, m, d + 14), end: midnight(y, m, d + 21) },
    ]);
    for (const w of weeks) expect([new Date(w.start).getHours(), new Date(w.start).getDay()]).toEqual([0, 1]);
    // The week with the change really is an hour longer or shorter; the others are 168 hours.
    expect(weeks.map((w) => (w.end - w.start) / HOUR)).toEqual([longWeek, 168, 168]);
  });

  it('counts an inquiry late on the Sunday of the change in that week, and one early on Monday in the next', () => {
    const [y, m, d] = from;
    const sundayLate = new Date(y, m - 1, d + 6, 23, 30).getTime();
    const mondayEarly = new Date(y, m - 1, d + 7, 0, 30).getTime();
    const s = inquiryStats([thread('sun', sundayLate), thread('mon', mondayEarly)], range(iso(from), iso(to)));
    expect(s.periods.map((w) => w.received)).toEqual([1, 1, 0]);
  });
});

describe('weekBuckets in Europe/Berlin over a whole year', () => {
  inZone('Europe/Berlin');

  it('starts every week at local midnight on the same weekday, and the last one stops at the end', () => {
    const r = range('2026-01-05', '2026-12-31');
    const weeks = weekBuckets(r);
    expect(weeks).toHaveLength(52);
    for (const [i, w] of weeks.entries()) {
      expect(w.start).toBe(midnight(2026, 1, 5 + 7 * i));
      expect([new Date(w.start).getHours(), new Date(w.start).getDay()]).toEqual([0, 1]);
      if (i > 0) expect(w.start).toBe(weeks[i - 1]!.end);
    }
    // 28 Dec to 31 Dec (both in): a short last week.
    expect(weeks.at(-1)).toEqual({ start: midnight(2026, 12, 28), end: midnight(2027, 1, 1) });
  });
});

describe('monthBuckets in Europe/Berlin across both changes of the clocks', () => {
  inZone('Europe/Berlin');

  it('starts every month at local midnight on the 1st, and the first at the start of the range', () => {
    const months = monthBuckets(range('2026-02-14', '2026-11-24'));
    expect(months.map((m) => m.start)).toEqual([midnight(2026, 2, 14), ...[3, 4, 5, 6, 7, 8, 9, 10, 11].map((m) => midnight(2026, m, 1))]);
    expect(months.at(-1)!.end).toBe(midnight(2026, 11, 25));
    for (const [i, m] of months.entries()) {
      expect(new Date(m.start).getHours()).toBe(0);
      if (i > 0) expect(m.start).toBe(months[i - 1]!.end);
    }
    // March loses an hour, October gains one.
    expect((months[1]!.end - months[1]!.start) / HOUR).toBe(31 * 24 - 1);
    expect((months[8]!.end - months[8]!.start) / HOUR).toBe(31 * 24 + 1);
  });
});
