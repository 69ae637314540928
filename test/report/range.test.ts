import { describe, expect, it } from 'vitest';
import { formatDuration, formatShare, toHours, weekLabel } from '../../lib/report/format';
import { defaultDates, nextMidnight, parseDateInput, rangeFromDates, toDateInput } from '../../lib/report/range';

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
    expect(weekLabel(start, 'en-GB')).toBe('9 Mar');
    expect(weekLabel(start - HOUR, 'en-GB')).toBe('9 Mar');
  });
});
