import { afterAll, describe, expect, it } from 'vitest';
import { relativeTime } from '../../lib/panel/format';

/**
 * "yesterday" and "N days ago" name local calendar days, so these cases run in a zone that changes its clocks
 * (Europe/Berlin: 29 Mar 2026 has 23 hours, 25 Oct 2026 has 25). Node reads `process.env.TZ` again whenever it is
 * assigned; the runner's zone is put back afterwards. The whole file stays in one zone: the panel's date formatter
 * is made once and keeps the zone it was made in.
 */
// Set while the file is collected, not in a hook: the case tables below are built then.
const saved = process.env.TZ;
process.env.TZ = 'Europe/Berlin';
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

/** A local time in Berlin (month 1-based). */
const at = (m: number, d: number, h = 0, min = 0) => new Date(2026, m - 1, d, h, min).getTime();

// Wednesday 18 November 2026 and the days around it; the autumn and spring weeks of the clock changes.
describe('relativeTime by local calendar day', () => {
  it.each([
    // Within a day: elapsed time, whichever side of midnight.
    ['Wed 00:01 seen at Wed 00:03', '2 min ago', at(11, 18, 0, 1), at(11, 18, 0, 3)],
    ['Tue 23:59 seen at Wed 00:01', '2 min ago', at(11, 17, 23, 59), at(11, 18, 0, 1)],
    ['Tue 22:00 seen at Wed 08:00', '10 h ago', at(11, 17, 22), at(11, 18, 8)],
    ['Tue 08:01 seen at Wed 08:00', '23 h ago', at(11, 17, 8, 1), at(11, 18, 8)],
    // The day before, however many hours ago.
    ['Tue 08:00 seen at Wed 08:00', 'yesterday', at(11, 17, 8), at(11, 18, 8)],
    ['Tue 00:00 seen at Wed 23:59', 'yesterday', at(11, 17, 0), at(11, 18, 23, 59)],
    // Two calendar days back is not yesterday, even when fewer than 48 hours have passed.
    ['Mon 23:00 seen at Wed 08:00', '2 days ago', at(11, 16, 23), at(11, 18, 8)],
    ['Mon 23:59 seen at Wed 00:01', '2 days ago', at(11, 16, 23, 59), at(11, 18, 0, 1)],
    ['Mon 00:00 seen at Wed 23:59', '2 days ago', at(11, 16, 0), at(11, 18, 23, 59)],
    // Days, up to a week by the calendar.
    ['Thu 23:59 seen at Wed 00:01', '6 days ago', at(11, 12, 23, 59), at(11, 18, 0, 1)],
    ['last Wed 23:00 seen at Wed 08:00', 'Nov 11, 2026', at(11, 11, 23), at(11, 18, 8)],
    ['last Wed 00:00 seen at Wed 23:59', 'Nov 11, 2026', at(11, 11, 0), at(11, 18, 23, 59)],
  ])('%s → %s', (_label, expected, then, now) => expect(relativeTime(then, now, 'en-US')).toBe(expected));
});

describe('relativeTime across a change of the clocks', () => {
  it.each([
    // Autumn: Sunday 25 Oct 2026 has 25 hours.
    ['Sun 00:30 seen at Sun 23:50 (24 h 20 min, same day)', '24 h ago', at(10, 25, 0, 30), at(10, 25, 23, 50)],
    ['Sat 23:30 seen at Mon 00:10 (25 h 40 min)', '2 days ago', at(10, 24, 23, 30), at(10, 26, 0, 10)],
    ['Sat 23:00 seen at Sun 23:00 (25 h)', 'yesterday', at(10, 24, 23), at(10, 25, 23)],
    ['Tue 00:30 seen at Mon 23:50 (7 days 20 min)', '6 days ago', at(10, 20, 0, 30), at(10, 26, 23, 50)],
    // Spring: Sunday 29 Mar 2026 has 23 hours.
    ['Sat 12:00 seen at Mon 10:00 (45 h)', '2 days ago', at(3, 28, 12), at(3, 30, 10)],
    ['Sat 23:30 seen at Mon 00:10 (23 h 40 min)', '23 h ago', at(3, 28, 23, 30), at(3, 30, 0, 10)],
    ['Sun 00:00 seen at Mon 00:00 (23 h)', '23 h ago', at(3, 29, 0), at(3, 30, 0)],
    ['Sun 00:00 seen at Mon 01:00 (24 h)', 'yesterday', at(3, 29, 0), at(3, 30, 1)],
    ['Mon 00:30 seen at next Mon 00:10 (6 days 22 h 40 min)', 'Mar 23, 2026', at(3, 23, 0, 30), at(3, 30, 0, 10)],
  ])('%s → %s', (_label, expected, then, now) => expect(relativeTime(then, now, 'en-US')).toBe(expected));
});
