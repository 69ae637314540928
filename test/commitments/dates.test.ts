import { describe, expect, it } from 'vitest';
import { findDueDate, resolveRelativeDate } from '../../lib/commitments/dates';
import { resolveRelativeDate as reExported } from '../../lib/commitments/extract';

// Local-time helpers: expectations are built with the same local calendar the code uses, so the table holds in any
// time zone (including across DST changes).
const at = (y: number, m: number, d: number, h = 10, min = 0): number => new Date(y, m - 1, d, h, min, 0, 0).getTime();
const eod = (y: number, m: number, d: number): number => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();

const WED = at(2026, 11, 18); // Wednesday 18 Nov 2026, 10:00
const FRI = at(2026, 11, 20); // Friday
const SAT = at(2026, 11, 21); // Saturday
const SUN = at(2026, 11, 22); // Sunday
const DEC20 = at(2026, 12, 20); // Sunday 20 Dec 2026
const DEC31 = at(2026, 12, 31); // Thursday 31 Dec 2026

describe('resolveRelativeDate', () => {
  it('uses a Wednesday base date as documented', () => {
    expect(new Date(WED).getDay()).toBe(3);
    expect(new Date(SUN).getDay()).toBe(0);
    expect(new Date(DEC20).getDay()).toBe(0);
    expect(new Date(DEC31).getDay()).toBe(4);
  });

  it.each<[string, number, number | null]>([
    // days
    ['today', WED, eod(2026, 11, 18)],
    ['tonight', WED, eod(2026, 11, 18)],
    ['by end of day', WED, eod(2026, 11, 18)],
    ['tomorrow', WED, eod(2026, 11, 19)],
    ['the day after tomorrow', WED, eod(2026, 11, 20)],
    // weekdays: the next such day after the message day; the same weekday means a week later
    ['by Friday', WED, eod(2026, 11, 20)],
    ['on Monday', WED, eod(2026, 11, 23)],
    ['Wednesday', WED, eod(2026, 11, 25)],
    ['by Friday', FRI, eod(2026, 11, 27)],
    ['by Fri', WED, eod(2026, 11, 20)],
    ['this Wednesday', WED, eod(2026, 11, 18)],
    ['this Friday', WED, eod(2026, 11, 20)],
    ['next Friday', WED, eod(2026, 11, 27)],
    ['next Monday', WED, eod(2026, 11, 23)],
    ['next Monday', SUN, eod(2026, 11, 23)],
    ['Monday', SUN, eod(2026, 11, 23)],
    ['Friday next week', WED, eod(2026, 11, 27)],
    // weeks
    ['next week', WED, eod(2026, 11, 27)],
    ['next week', SUN, eod(2026, 11, 27)],
    ['next week', DEC31, eod(2027, 1, 8)],
    ['early next week', WED, eod(2026, 11, 24)],
    ['the week after next', WED, eod(2026, 12, 4)],
    ['this week', WED, eod(2026, 11, 20)],
    ['end of the week', WED, eod(2026, 11, 20)],
    ['this week', SAT, eod(2026, 11, 22)],
    ['end of week', SUN, eod(2026, 11, 22)],
    // months, quarters, years
    ['end of month', WED, eod(2026, 11, 30)],
    ['end of month', DEC20, eod(2026, 12, 31)],
    ['by the end of next month', DEC20, eod(2027, 1, 31)],
    ['end of the quarter', WED, eod(2026, 12, 31)],
    ['end of next quarter', DEC31, eod(2027, 3, 31)],
    ['end of Q1', WED, eod(2027, 3, 31)],
    ['end of the year', DEC20, eod(2026, 12, 31)],
    // counted
    ['in 3 days', WED, eod(2026, 11, 21)],
    ['in two weeks', WED, eod(2026, 12, 2)],
    ['in 2 weeks', DEC20, eod(2027, 1, 3)],
    ['in 3 business days', WED, eod(2026, 11, 23)],
    ['in 2 months', DEC31, eod(2027, 2, 28)],
    ['in 2 hours', WED, WED + 2 * 3_600_000],
    ['tomorrow', DEC31, eod(2027, 1, 1)],
    // days of the month and calendar dates
    ['on the 15th', WED, eod(2026, 12, 15)],
    ['by the 18th', WED, eod(2026, 11, 18)],
    ['on the 5th', DEC20, eod(2027, 1, 5)],
    ['on the 30th', at(2027, 2, 10), eod(2027, 3, 30)],
    ['March 3', WED, eod(2027, 3, 3)],
    ['3 March', WED, eod(2027, 3, 3)],
    ['the 3rd of March', WED, eod(2027, 3, 3)],
    ['Nov 30', WED, eod(2026, 11, 30)],
    ['Jan 5', DEC20, eod(2027, 1, 5)],
    ['March 3, 2028', WED, eod(2028, 3, 3)],
    ['Feb 29', at(2027, 3, 1), eod(2028, 2, 29)],
    ['2026-12-01', WED, eod(2026, 12, 1)],
    // numeric: US month/day only when the day is over 12; day/month when the first number is; else no guess
    ['3/15', WED, eod(2027, 3, 15)],
    ['15/3', WED, eod(2027, 3, 15)],
    ['12/24/2026', WED, eod(2026, 12, 24)],
    ['5/5', WED, eod(2027, 5, 5)],
    ['3/4', WED, null],
    ['24/7', WED, null],
    // times
    ['by 3pm', WED, at(2026, 11, 18, 15)],
    ['by 9am', WED, at(2026, 11, 19, 9)],
    ['tomorrow at 10:30', WED, at(2026, 11, 19, 10, 30)],
    ['Friday by noon', WED, at(2026, 11, 20, 12)],
    ['tomorrow at 9 a.m.', WED, at(2026, 11, 19, 9)],
    ['at 12pm', WED, at(2026, 11, 18, 12)],
    ['Friday afternoon', WED, eod(2026, 11, 20)],
    ['next Tuesday at 2:15 pm', WED, at(2026, 11, 24, 14, 15)],
    // German basics
    ['bis Freitag', WED, eod(2026, 11, 20)],
    ['morgen', WED, eod(2026, 11, 19)],
    ['übermorgen', WED, eod(2026, 11, 20)],
    ['nächste Woche', WED, eod(2026, 11, 27)],
    ['nächsten Montag', WED, eod(2026, 11, 23)],
    ['bis 15.12.', WED, eod(2026, 12, 15)],
    ['Ende des Monats', WED, eod(2026, 11, 30)],
    ['in 3 Tagen', WED, eod(2026, 11, 21)],
    ['morgen um 14 Uhr', WED, at(2026, 11, 19, 14)],
    // no date
    ['soon', WED, null],
    ['when we have budget', WED, null],
    ['Guten Morgen', WED, null],
    ['am Morgen', WED, null],
    ['', WED, null],
  ])('%s (base %#) → expected', (phrase, base, expected) => {
    expect(resolveRelativeDate(phrase, base)).toBe(expected);
  });

  it('is re-exported from extract.ts', () => {
    expect(reExported('tomorrow', WED)).toBe(eod(2026, 11, 19));
  });

  it('never throws on odd input', () => {
    expect(resolveRelativeDate('tomorrow', Number.NaN)).toBeNull();
    expect(resolveRelativeDate(undefined as unknown as string, WED)).toBeNull();
    expect(resolveRelativeDate(42 as unknown as string, WED)).toBeNull();
    expect(resolveRelativeDate('in 999999 days', WED)).toBeNull();
    expect(resolveRelativeDate('on the 45th', WED)).toBeNull();
    expect(resolveRelativeDate('Feb 30', WED)).toBeNull();
    expect(resolveRelativeDate('x'.repeat(100_000) + ' tomorrow', WED)).toBeNull(); // beyond the scanned prefix
  });

  it('is DST-safe: "in 3 days" across a clock change still lands on the end of the local day', () => {
    const base = at(2026, 10, 30); // the weekend of the EU/US autumn clock changes is near
    expect(resolveRelativeDate('in 3 days', base)).toBe(eod(2026, 11, 2));
    expect(resolveRelativeDate('in 10 days', at(2026, 3, 25))).toBe(eod(2026, 4, 4));
  });
});

describe('findDueDate', () => {
  it('returns the phrase as written, preposition included, and whether a time was said', () => {
    const hit = findDueDate('I will send it by Friday, promise.', WED);
    expect(hit).toMatchObject({ text: 'by Friday', dueAt: eod(2026, 11, 20), hasTime: false });
    expect(hit && 'I will send it by Friday, promise.'.slice(hit.index, hit.index + hit.length)).toBe('by Friday');
    expect(findDueDate('call you tomorrow at 3pm', WED)).toMatchObject({ text: 'tomorrow at 3pm', dueAt: at(2026, 11, 19, 15), hasTime: true });
  });

  it('takes the earliest date in the text, and the longer phrase at the same place', () => {
    expect(findDueDate('tomorrow, or Friday at the latest', WED)?.dueAt).toBe(eod(2026, 11, 19));
    expect(findDueDate('on Monday next week', WED)?.text).toBe('on Monday next week');
  });

  it('does not read ordinals that are not dates', () => {
    expect(findDueDate('the 1st draft is ready', WED)).toBeNull();
    expect(findDueDate('meet me on the 2nd floor', WED)).toBeNull();
  });
});
