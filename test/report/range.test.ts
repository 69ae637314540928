import { describe, expect, it } from 'vitest';
import { formatDuration, formatShare, monthLabel, periodLabel, toHours, weekLabel } from '../../lib/report/format';
import { crossesYear, defaultDates, nextMidnight, parseDateInput, rangeFromDates, toDateInput } from '../../lib/report/range';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('date inputs', () => {
  it('round-trips a local day', () => {
    const t = new Date(2026, 2, 9, 15, 30).getTime();
    expect(toDateInput(t)).toBe('2026-03-09');
    expect(parseDateInput('2026-03-09')).toBe(new Date(2026, 2, 9).getTime());
  });

  it('rejects what is not a real day', () => {
    expect(parseDateInput('')).toBeNull();
    expect(parseDateInput('2026-02-31')).toBeNull();
    expect(parseDateInput('2026-2-3')).toBeNull();
  });

  it('defaults to the last 90 days, today included', () => {
    const now = new Date(2026, 3, 30, 18, 0).getTime();
    expect(defaultDates(now)).toEqual({ from: '2026-01-31', to: '2026-04-30' });
    const r = rangeFromDates('2026-01-31', '2026-04-30');
    expect(r).toEqual({ from: new Date(2026, 0, 31).getTime(), to: new Date(2026, 4, 1).getTime() });
  });

  it('makes a half-open range that includes the whole last day', () => {
    expect(rangeFromDates('2026-03-09', '2026-03-09')).toEqual({ from: new Date(2026, 2, 9).getTime(), to: new Date(2026, 2, 10).getTime() });
    expect(nextMidnight(new Date(2026, 11, 31, 23, 59).getTime())).toBe(new Date(2027, 0, 1).getTime());
  });

  it('knows when a range has days in two calendar years', () => {
    const r = (from: string, to: string) => {
      const x = rangeFromDates(from, to);
      if ('error' in x) throw new Error(x.error);
      return x;
    };
    expect(crossesYear(r('2026-01-01', '2026-12-31'))).toBe(false);
    // The end is the midnight after the last day: a range ending on 31 December stays in its year.
    expect(crossesYear(r('2026-10-01', '2026-12-31'))).toBe(false);
    expect(crossesYear(r('2025-12-31', '2026-01-01'))).toBe(true);
    expect(crossesYear(r('2025-08-27', '2026-11-24'))).toBe(true);
    expect(crossesYear({ from: 10, to: 10 })).toBe(false);
  });

  it('explains a range it cannot use', () => {
    expect(rangeFromDates('', '2026-03-09')).toEqual({ error: 'Pick a start date.' });
    expect(rangeFromDates('2026-03-09', 'x')).toEqual({ error: 'Pick an end date.' });
    expect(rangeFromDates('2026-03-10', '2026-03-09')).toEqual({ error: 'The start date is after the end date.' });
  });
});

describe('formatting', () => {
  it('words a wait in at most two units', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(20_000)).toBe('under a minute');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(3 * HOUR)).toBe('3 h');
    expect(formatDuration(3 * HOUR + 20 * 60_000)).toBe('3 h 20 min');
    expect(formatDuration(DAY)).toBe('1 day');
    expect(formatDuration(2 * DAY + 4 * HOUR + 10 * 60_000)).toBe('2 days 4 h');
  });

  it('gives hours for the chart axis and shares as percentages', () => {
    expect(toHours(90 * 60_000)).toBe(1.5);
    expect(toHours(null)).toBeNull();
    expect(formatShare(2 / 3)).toBe('67%');
    expect(formatShare(null)).toBe('–');
  });

  it('labels a week by its first day, even when DST moved its start by an hour', () => {
    const start = new Date(2026, 2, 9).getTime();
    expect(weekLabel(start, { locale: 'en-GB' })).toBe('9 Mar');
    expect(weekLabel(start - HOUR, { locale: 'en-GB' })).toBe('9 Mar');
  });

  it('adds a two-digit year to a week when asked, so "24 Nov" of two years are told apart', () => {
    const nov24 = (y: number) => new Date(y, 10, 24).getTime();
    expect(weekLabel(nov24(2025), { locale: 'en-GB' })).toBe('24 Nov');
    expect(weekLabel(nov24(2025), { year: true, locale: 'en-GB' })).toBe('24 Nov 25');
    expect(weekLabel(nov24(2026), { year: true, locale: 'en-GB' })).toBe('24 Nov 26');
    expect(weekLabel(nov24(2025), { year: true, locale: 'en-US' })).toBe('Nov 24, 25');
    expect(weekLabel(nov24(2025), { year: true, locale: 'en-GB' })).not.toBe(weekLabel(nov24(2026), { year: true, locale: 'en-GB' }));
  });

  it('labels a month by its name, with the full year when asked (a two-digit one would read as a day)', () => {
    const nov = new Date(2025, 10, 1).getTime();
    expect(monthLabel(nov, { locale: 'en-GB' })).toBe('Nov');
    expect(monthLabel(nov, { year: true, locale: 'en-GB' })).toBe('Nov 2025');
    // A first bucket that starts mid-month (the range's first day) is named by that month.
    expect(monthLabel(new Date(2025, 10, 24).getTime(), { year: true, locale: 'en-GB' })).toBe('Nov 2025');
    // 1 November 00:00 moved back an hour by a clock change is still November.
    expect(monthLabel(nov - HOUR, { locale: 'en-GB' })).toBe('Nov');
  });

  it('labels a period by its unit', () => {
    const t = new Date(2026, 0, 5).getTime();
    expect(periodLabel('week', t, { locale: 'en-GB' })).toBe('5 Jan');
    expect(periodLabel('week', t, { year: true, locale: 'en-GB' })).toBe('5 Jan 26');
    expect(periodLabel('month', t, { locale: 'en-GB' })).toBe('Jan');
    expect(periodLabel('month', t, { year: true, locale: 'en-GB' })).toBe('Jan 2026');
  });
});
