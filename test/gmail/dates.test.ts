import { describe, expect, it } from 'vitest';
import { parseGmailDate } from '../../lib/gmail/dates';

/** Local wall-clock time → epoch ms (the parser reads Gmail's tooltip as the machine's local time). */
const local = (y: number, month: number, d: number, h = 0, min = 0, s = 0): number =>
  new Date(y, month - 1, d, h, min, s).getTime();

const NNBSP = '\u202F'; // Chrome's narrow no-break space before AM/PM
const NBSP = '\u00A0';

describe('parseGmailDate: Gmail tooltip formats', () => {
  const cases: Array<[string, string, number]> = [
    ['en-US, comma', 'Mon, Nov 16, 2026, 9:14 AM', local(2026, 11, 16, 9, 14)],
    ['en-US, U+202F before AM', `Mon, Nov 16, 2026, 9:14${NNBSP}AM`, local(2026, 11, 16, 9, 14)],
    ['en-US, U+202F before PM', `Wed, Oct 28, 2026, 7:48${NNBSP}PM`, local(2026, 10, 28, 19, 48)],
    ['en-US, "at"', 'Mon, Nov 16, 2026 at 9:14 AM', local(2026, 11, 16, 9, 14)],
    ['en-US, "at" and U+202F', `Mon, Sep 14, 2026 at 12:10${NNBSP}PM`, local(2026, 9, 14, 12, 10)],
    ['en-US, 12 AM is midnight', 'Tue, Dec 1, 2026, 12:05 AM', local(2026, 12, 1, 0, 5)],
    ['en-US, 12 PM is noon', 'Tue, Dec 1, 2026, 12:05 PM', local(2026, 12, 1, 12, 5)],
    ['en-US, no weekday', 'Nov 16, 2026, 9:14 AM', local(2026, 11, 16, 9, 14)],
    ['en-US, full names', 'Monday, November 16, 2026 at 9:14:30 AM', local(2026, 11, 16, 9, 14, 30)],
    ['en-US, Tue before Mar', 'Tue, Mar 17, 2026, 8:00 AM', local(2026, 3, 17, 8, 0)],
    ['en-GB', '16 Nov 2026, 09:14', local(2026, 11, 16, 9, 14)],
    ['en-GB, weekday', 'Fri, 11 Dec 2026, 16:55', local(2026, 12, 11, 16, 55)],
    ['en-GB, "at"', 'Mon, 16 Nov 2026 at 09:14', local(2026, 11, 16, 9, 14)],
    ['de', 'Mo., 16. Nov. 2026, 09:14', local(2026, 11, 16, 9, 14)],
    ['de, März', 'Mo., 2. März 2026, 08:05', local(2026, 3, 2, 8, 5)],
    ['de, "um"', '16. November 2026 um 23:59', local(2026, 11, 16, 23, 59)],
    ['de, Dez.', 'Fr., 11. Dez. 2026, 16:55', local(2026, 12, 11, 16, 55)],
    ['fr', 'lun. 16 nov. 2026, 09:14', local(2026, 11, 16, 9, 14)],
    ['fr, mar. (Tuesday) févr.', 'mar. 17 févr. 2026, 10:30', local(2026, 2, 17, 10, 30)],
    ['fr, août and "à"', 'sam. 15 août 2026 à 18:00', local(2026, 8, 15, 18, 0)],
    ['fr, déc.', 'ven. 11 déc. 2026, 16:55', local(2026, 12, 11, 16, 55)],
    ['es', 'lun, 16 nov 2026, 9:14', local(2026, 11, 16, 9, 14)],
    ['es, mar (Tuesday) mar (March)', 'mar, 10 mar 2026, 9:14', local(2026, 3, 10, 9, 14)],
    ['es, "de" and a. m.', '16 de noviembre de 2026, 9:14 a. m.', local(2026, 11, 16, 9, 14)],
    ['es, p. m.', 'mié, 18 feb 2026, 4:05 p. m.', local(2026, 2, 18, 16, 5)],
    ['it', 'lun 16 nov 2026, 09:14', local(2026, 11, 16, 9, 14)],
    ['pt-BR', 'seg., 16 de nov. de 2026, 09:14', local(2026, 11, 16, 9, 14)],
    ['nl', 'ma 16 nov 2026, 09:14', local(2026, 11, 16, 9, 14)],
    ['nl, mrt', 'di 17 mrt 2026, 09:14', local(2026, 3, 17, 9, 14)],
    ['ISO', '2026-11-16 09:14', local(2026, 11, 16, 9, 14)],
    ['dotted numeric', '16.11.2026, 09:14', local(2026, 11, 16, 9, 14)],
    ['ja', '2026年11月16日 9:14', local(2026, 11, 16, 9, 14)],
    ['ko, 오후', '2026년 11월 16일 (월) 오후 2:14', local(2026, 11, 16, 14, 14)],
    ['no-break spaces everywhere', `Mon,${NBSP}Nov${NBSP}16,${NBSP}2026,${NBSP}9:14${NNBSP}AM`, local(2026, 11, 16, 9, 14)],
    ['surrounding whitespace', '   Mon, Nov 16, 2026, 9:14 AM \n', local(2026, 11, 16, 9, 14)],
    ['zero-width characters inside', 'Mon, N\u200Bov 16, 2026, 9:14 AM', local(2026, 11, 16, 9, 14)],
    ['date only: local midnight', 'Nov 16, 2026', local(2026, 11, 16)],
    ['leap day', 'Sat, Feb 29, 2028, 10:00 AM', local(2028, 2, 29, 10, 0)],
  ];
  it.each(cases)('%s: %s', (_label, raw, expected) => {
    expect(parseGmailDate(raw)).toBe(expected);
  });
});

describe('parseGmailDate: garbage and impossible dates give null, never throw', () => {
  const garbage: Array<[string, unknown]> = [
    ['empty', ''],
    ['null', null],
    ['undefined', undefined],
    ['a number', 1794820440000],
    ['an object', { toString: () => 'Nov 16, 2026' }],
    ['words', 'yesterday afternoon'],
    ['relative', '9:14 AM (2 hours ago)'],
    ['no year', 'Nov 16, 9:14 AM'],
    ['unknown month', 'Mon, Foo 16, 2026, 9:14 AM'],
    ['Feb 30', 'Mon, Feb 30, 2026, 9:14 AM'],
    ['Nov 31', '31 Nov 2026, 09:14'],
    ['day 0', 'Nov 0, 2026, 9:14 AM'],
    ['hour 25', '16 Nov 2026, 25:14'],
    ['minute 61', '16 Nov 2026, 09:61'],
    ['13 PM', 'Nov 16, 2026, 13:14 PM'],
    ['year 1066', 'Oct 14, 1066, 9:00 AM'],
    ['ISO month 13', '2026-13-01 09:00'],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['huge', 'x'.repeat(1_000_000)],
    ['ambiguous slashes', '11/12/2026, 09:14'],
  ];
  it.each(garbage)('%s', (_label, raw) => {
    expect(parseGmailDate(raw as string)).toBeNull();
  });

  it('only reads the first 200 characters', () => {
    expect(parseGmailDate(`${' '.repeat(300)}Nov 16, 2026, 9:14 AM`)).toBeNull();
  });
});
