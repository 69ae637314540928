/**
 * Finds the due date in a promise ("by Friday", "next week", "on the 15th", "3/15", "bis Freitag") and resolves it
 * against the date the message was written. Pure and deterministic: the base date is always passed in, and every
 * calendar step uses the machine's local time (`Date` local getters), because that is the day the rep lives in.
 *
 * Rules (each one is a choice; the tests pin them down):
 * - A due date is the END of that local day (23:59:59.999) unless a time was said ("by 3pm", "15:00", "noon").
 * - Weeks run Monday to Sunday. "End of (the) week" / "this week" = Friday of this week; said on a weekend, when that
 *   Friday has passed, it means Sunday of this week.
 * - A bare weekday ("by Friday", "on Monday") = the next such day AFTER the message day; the same weekday as the
 *   message day means a week later (nobody writes "by Wednesday" on a Wednesday to mean today).
 * - "this Friday" = Friday of the coming seven days, today included. "next Friday" / "Friday next week" = Friday of
 *   next (Monday-start) week; so on a Sunday, "next Monday" is tomorrow.
 * - "next week" = Friday of next week; "early next week" = Tuesday, "mid next week" = Wednesday of next week;
 *   "the week after next" = Friday two weeks on.
 * - "end of (the) month / quarter / year" = the last day of the current one; "next month" = end of next month.
 * - "in N days/weeks/months" counts calendar days from the message day; months clamp to the month's last day;
 *   "in N business days" skips Saturdays and Sundays; "in N hours" is exact; "a couple" = 2, "a few" = 3.
 * - A day of the month ("by the 15th") is the next such day on or after the message day. A month and day without a
 *   year ("March 3", "3 March") is the next such date on or after the message day (so it may roll into next year).
 * - Numbers with a slash: "a/b" is read as US month/day only when b > 12 ("3/15"), as day/month when a > 12
 *   ("15/3"), and when both are 12 or less ("3/4") it is ambiguous and yields no date rather than a guess (unless
 *   both numbers are equal, "5/5").
 *   Dots ("15.3.", "15.03.2027") are always day.month (the German form).
 * - A time without a day ("by 9am") is today at that time, or tomorrow when that time has already passed.
 */
import { warmable } from '../warm';

const HOUR_MS = 3_600_000;

/** A date found in text: where it is, what it said, and the resolved due time. */
export interface DueDateHit {
  /** UTF-16 offset and length of the phrase that set the date (date and time together when both were said). */
  index: number;
  length: number;
  /** The phrase as written ("by Friday", "tomorrow at 3pm"). */
  text: string;
  dueAt: number;
  /** True when a time of day was said; otherwise `dueAt` is the end of the day. */
  hasTime: boolean;
}

interface Ymd {
  y: number;
  m: number; // 0-based
  d: number;
}

// Letters/digits on either side: `\b` is ASCII-only, and German words start with ü/ä.
const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';
// Prepositions kept inside the match so `dueText` reads "by Friday", not "Friday".
const PREP = '(?:(?:by|on|before|until|till|til|for|no later than|latest by|at the latest by|bis(?:\\s+zum|\\s+spätestens)?|spätestens(?:\\s+am|\\s+bis)?|am|zum)\\s+)?';

const WEEKDAYS: ReadonlyArray<[number, string[]]> = [
  [1, ['monday', 'montag']],
  [2, ['tuesday', 'dienstag']],
  [3, ['wednesday', 'mittwoch']],
  [4, ['thursday', 'donnerstag']],
  [5, ['friday', 'freitag']],
  [6, ['saturday', 'samstag', 'sonnabend']],
  [0, ['sunday', 'sonntag']],
];
// Abbreviations collide with words ("sat", "sun", "wed"), so they only count after a preposition.
const WEEKDAY_ABBR: ReadonlyArray<[number, string[]]> = [
  [1, ['mon']],
  [2, ['tue', 'tues']],
  [3, ['wed']],
  [4, ['thu', 'thur', 'thurs']],
  [5, ['fri']],
  [6, ['sat']],
  [0, ['sun']],
];

const MONTHS: ReadonlyArray<[number, string[]]> = [
  [0, ['january', 'januar', 'jan']],
  [1, ['february', 'februar', 'feb']],
  [2, ['march', 'märz', 'maerz', 'mar', 'mär', 'mrz']],
  [3, ['april', 'apr']],
  [4, ['may', 'mai']],
  [5, ['june', 'juni', 'jun']],
  [6, ['july', 'juli', 'jul']],
  [7, ['august', 'aug']],
  [8, ['september', 'sept', 'sep']],
  [9, ['october', 'oktober', 'oct', 'okt']],
  [10, ['november', 'nov']],
  [11, ['december', 'dezember', 'dec', 'dez']],
];

function table(entries: ReadonlyArray<[number, string[]]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [n, names] of entries) for (const name of names) out.set(name, n);
  return out;
}
const WEEKDAY_BY_NAME = table([...WEEKDAYS, ...WEEKDAY_ABBR]);
const MONTH_BY_NAME = table(MONTHS);

// Longest names first so "thurs" is not cut to "thu" by the alternation.
function alternation(names: Iterable<string>): string {
  return [...names].sort((a, b) => b.length - a.length).join('|');
}
const WD_FULL = alternation(WEEKDAYS.flatMap(([, n]) => n));
const WD_ABBR = alternation(WEEKDAY_ABBR.flatMap(([, n]) => n));
const MONTH = alternation(MONTHS.flatMap(([, n]) => n));

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, thirty: 30, 'a couple of': 2, 'a couple': 2, couple: 2, 'a few': 3, few: 3,
  ein: 1, eine: 1, einem: 1, einer: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8,
  neun: 9, zehn: 10, 'ein paar': 3,
};
const NUM = `(\\d{1,3}|${alternation(Object.keys(NUMBER_WORDS))})`;

/** Local calendar helpers: always rebuild from y/m/d so DST shifts never move a day. */
function ymdOf(ms: number): Ymd {
  const d = new Date(ms);
  return { y: d.getFullYear(), m: d.getMonth(), d: d.getDate() };
}
function addDays(day: Ymd, n: number): Ymd {
  return ymdOf(new Date(day.y, day.m, day.d + n).getTime());
}
function weekdayOf(day: Ymd): number {
  return new Date(day.y, day.m, day.d).getDay();
}
/** Monday = 0 … Sunday = 6 (weeks start on Monday). */
function isoIndex(day: Ymd): number {
  return (weekdayOf(day) + 6) % 7;
}
function daysInMonth(y: number, m: number): number {
  return new Date(y, m + 1, 0).getDate();
}
function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}
function validYmd(y: number, m: number, d: number): Ymd | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 0 || m > 11 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}
function endOfDay(day: Ymd): number {
  return new Date(day.y, day.m, day.d, 23, 59, 59, 999).getTime();
}
/** Day `isoDay` (Monday = 0) of the week `weeks` after the base day's week. */
function dayOfWeek(base: Ymd, weeks: number, isoDay: number): Ymd {
  return addDays(base, -isoIndex(base) + weeks * 7 + isoDay);
}
function endOfWeekDay(base: Ymd): Ymd {
  const friday = dayOfWeek(base, 0, 4);
  // On a weekend this week's Friday is gone: "this week" can only mean what is left of it.
  return compareYmd(friday, base) < 0 ? dayOfWeek(base, 0, 6) : friday;
}
function lastOfMonth(y: number, m: number): Ymd {
  const first = ymdOf(new Date(y, m, 1).getTime());
  return { y: first.y, m: first.m, d: daysInMonth(first.y, first.m) };
}
function addMonthsClamped(base: Ymd, n: number): Ymd {
  const first = ymdOf(new Date(base.y, base.m + n, 1).getTime());
  return { y: first.y, m: first.m, d: Math.min(base.d, daysInMonth(first.y, first.m)) };
}
function addBusinessDays(base: Ymd, n: number): Ymd {
  let day = base;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    const wd = weekdayOf(day);
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return day;
}
/** The next date with this month and day on or after the base day (rolls into next year when passed). */
function nextMonthDay(base: Ymd, m: number, d: number): Ymd | null {
  for (let y = base.y; y <= base.y + 4; y += 1) {
    const day = validYmd(y, m, d);
    // Feb 29 only exists in leap years, so keep looking a few years ahead.
    if (day && compareYmd(day, base) >= 0) return day;
  }
  return null;
}
/** The next date with this day of the month on or after the base day, skipping months too short for it. */
function nextDayOfMonth(base: Ymd, d: number): Ymd | null {
  if (d < 1 || d > 31) return null;
  for (let i = 0; i < 13; i += 1) {
    const first = ymdOf(new Date(base.y, base.m + i, 1).getTime());
    const day = validYmd(first.y, first.m, d);
    if (day && compareYmd(day, base) >= 0) return day;
  }
  return null;
}
function fullYear(raw: string | undefined, fallback: number): number {
  if (!raw) return fallback;
  const n = Number(raw);
  return raw.length <= 2 ? 2000 + n : n;
}
function numberValue(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const key = raw.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(key)) return Number(key);
  const v = NUMBER_WORDS[key];
  return v === undefined ? null : v;
}

/** A resolved day, or an exact instant (for "in 2 hours"). */
type Resolved = { day: Ymd } | { at: number } | null;
type Resolver = (m: RegExpExecArray, base: Ymd, baseMs: number) => Resolved;

interface Rule {
  re: RegExp;
  resolve: Resolver;
}

function rule(source: string, resolve: Resolver): Rule {
  return { re: warmable('playbook', new RegExp(source, 'giu')), resolve };
}

function weekdayNumber(name: string | undefined): number | null {
  if (!name) return null;
  const v = WEEKDAY_BY_NAME.get(name.toLowerCase());
  return v === undefined ? null : v;
}
function monthNumber(name: string | undefined): number | null {
  if (!name) return null;
  const v = MONTH_BY_NAME.get(name.toLowerCase().replace(/\.$/, ''));
  return v === undefined ? null : v;
}

function bareWeekday(base: Ymd, wd: number): Ymd {
  const ahead = (wd - weekdayOf(base) + 7) % 7;
  return addDays(base, ahead === 0 ? 7 : ahead);
}

const RULES: readonly Rule[] = [
  // ISO 2026-11-20
  rule(`${B}${PREP}(\\d{4})-(\\d{1,2})-(\\d{1,2})${E}`, (m) => {
    const day = validYmd(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return day ? { day } : null;
  }),
  // 3/15, 15/3, 3/15/2027
  rule(`${B}${PREP}(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\p{L}\\p{N}_/])`, (m, base) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a === 24 && b === 7) return null; // "24/7" is not a date
    let month: number;
    let dom: number;
    if (a === b || b > 12) [month, dom] = [a, b];
    else if (a > 12) [month, dom] = [b, a];
    else return null; // both ≤ 12: ambiguous between US and European order, so no guess
    if (m[3]) {
      const day = validYmd(fullYear(m[3], base.y), month - 1, dom);
      return day ? { day } : null;
    }
    const day = nextMonthDay(base, month - 1, dom);
    return day ? { day } : null;
  }),
  // 15.3. / 15.03.2027 (day first; the trailing dot keeps decimals like "2.5" out)
  rule(`${B}${PREP}(\\d{1,2})\\.(\\d{1,2})\\.(?:(\\d{4}|\\d{2})(?!\\d))?`, (m, base) => {
    const dom = Number(m[1]);
    const month = Number(m[2]) - 1;
    if (m[3]) {
      const day = validYmd(fullYear(m[3], base.y), month, dom);
      return day ? { day } : null;
    }
    const day = nextMonthDay(base, month, dom);
    return day ? { day } : null;
  }),
  // March 3, Mar 3rd, March 3 2027
  rule(`${B}${PREP}(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${E}(?:,?\\s+(\\d{4})${E})?`, (m, base) => {
    const month = monthNumber(m[1]);
    if (month === null) return null;
    const dom = Number(m[2]);
    const day = m[3] ? validYmd(Number(m[3]), month, dom) : nextMonthDay(base, month, dom);
    return day ? { day } : null;
  }),
  // 3 March, the 3rd of March, 3. März 2027
  rule(`${B}${PREP}(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?(${MONTH})${E}\\.?(?:,?\\s+(\\d{4})${E})?`, (m, base) => {
    const month = monthNumber(m[2]);
    if (month === null) return null;
    const dom = Number(m[1]);
    const day = m[3] ? validYmd(Number(m[3]), month, dom) : nextMonthDay(base, month, dom);
    return day ? { day } : null;
  }),
  // by the 15th / on the 3rd (a preposition is required: "the 1st draft" is not a date)
  rule(`${B}(?:on|by|before|until|till|for|no later than)\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)${E}(?!\\s+(?:floor|place|page|line|round|draft|version|attempt|try|time|call|option|item|point|quarter|half))`, (m, base) => {
    const day = nextDayOfMonth(base, Number(m[1]));
    return day ? { day } : null;
  }),
  // German "bis zum 15." / "am 15." (the dot marks the ordinal)
  rule(`${B}(?:bis\\s+zum|bis\\s+spätestens|am|zum)\\s+(\\d{1,2})\\.(?![\\p{N}])`, (m, base) => {
    const day = nextDayOfMonth(base, Number(m[1]));
    return day ? { day } : null;
  }),
  // today / tonight / end of day / heute
  rule(`${B}${PREP}(?:today|tonight|later today|this (?:morning|afternoon|evening)|(?:the )?end of (?:the )?(?:business )?day|eod|cob|close of business|heute(?:\\s+abend|\\s+nachmittag)?)${E}`, (_m, base) => ({ day: base })),
  // day after tomorrow / übermorgen (before "tomorrow", which it contains)
  rule(`${B}${PREP}(?:(?:the )?day after tomorrow|übermorgen)${E}`, (_m, base) => ({ day: addDays(base, 2) })),
  rule(`${B}${PREP}(?:tomorrow|tmrw|tmw)${E}`, (_m, base) => ({ day: addDays(base, 1) })),
  // "morgen" is tomorrow, but not in "Guten Morgen" / "am Morgen" (the morning)
  // (the look-behind sits right before "morgen" so that "am" is never taken as the preposition of "am Morgen")
  rule(`${B}(?:(?:bis|für|spätestens)\\s+)?(?<!(?:guten|am|jeden|diesen|heute|einen|schönen)\\s+)morgen${E}`, (_m, base) => ({ day: addDays(base, 1) })),
  // Friday next week / Montag nächste Woche
  rule(`${B}${PREP}(${WD_FULL})\\s+(?:next week|nächste(?:r|n)? woche)${E}`, (m, base) => {
    const wd = weekdayNumber(m[1]);
    return wd === null ? null : { day: dayOfWeek(base, 1, (wd + 6) % 7) };
  }),
  // next Friday / nächsten Freitag
  rule(`${B}${PREP}(?:next|nächsten|nächster|nächstes|kommenden)\\s+(${WD_FULL}|${WD_ABBR})${E}`, (m, base) => {
    const wd = weekdayNumber(m[1]);
    return wd === null ? null : { day: dayOfWeek(base, 1, (wd + 6) % 7) };
  }),
  // this Friday / diesen Freitag: the coming one, today included
  rule(`${B}${PREP}(?:this|diesen|dieser|this coming|coming)\\s+(${WD_FULL}|${WD_ABBR})${E}`, (m, base) => {
    const wd = weekdayNumber(m[1]);
    return wd === null ? null : { day: addDays(base, (wd - weekdayOf(base) + 7) % 7) };
  }),
  // Friday / by Friday / bis Freitag
  rule(`${B}${PREP}(${WD_FULL})${E}`, (m, base) => {
    const wd = weekdayNumber(m[1]);
    return wd === null ? null : { day: bareWeekday(base, wd) };
  }),
  // by Fri / on Thurs (abbreviations only after a preposition)
  rule(`${B}(?:by|on|before|until|till|bis|am)\\s+(${WD_ABBR})\\.?${E}`, (m, base) => {
    const wd = weekdayNumber(m[1]);
    return wd === null ? null : { day: bareWeekday(base, wd) };
  }),
  // the week after next
  rule(`${B}${PREP}(?:the )?week after next${E}`, (_m, base) => ({ day: dayOfWeek(base, 2, 4) })),
  // early / mid next week
  rule(`${B}${PREP}(?:early|beginning of|start of|anfang)\\s+(?:next week|nächster woche)${E}`, (_m, base) => ({ day: dayOfWeek(base, 1, 1) })),
  rule(`${B}${PREP}(?:mid|mid-|middle of)\\s*(?:next week|nächster woche)${E}`, (_m, base) => ({ day: dayOfWeek(base, 1, 2) })),
  // end of next week / next week / nächste Woche
  rule(`${B}${PREP}(?:(?:the )?end of |ende )?(?:next week|nächste(?:r|n)? woche|kommende(?:r|n)? woche)${E}`, (_m, base) => ({ day: dayOfWeek(base, 1, 4) })),
  // this week / end of (the) week / later this week / Ende der Woche / diese Woche
  rule(`${B}${PREP}(?:(?:the )?end of (?:the |this )?week|later (?:this|in the) week|this week|ende (?:der|dieser) woche|diese woche)${E}`, (_m, base) => ({ day: endOfWeekDay(base) })),
  // this weekend / over the weekend / am Wochenende: Sunday of this week
  rule(`${B}${PREP}(?:(?:this|the|over the)\\s+weekend|(?:am|übers|zum)\\s+wochenende)${E}`, (_m, base) => ({ day: dayOfWeek(base, 0, 6) })),
  rule(`${B}${PREP}next\\s+weekend${E}`, (_m, base) => ({ day: dayOfWeek(base, 1, 6) })),
  // end of next month / next month / Ende nächsten Monats
  rule(`${B}${PREP}(?:(?:the )?end of )?next month${E}|${B}${PREP}ende (?:des )?nächsten monats${E}|${B}${PREP}nächsten monat${E}`, (_m, base) => ({ day: lastOfMonth(base.y, base.m + 1) })),
  // end of (the/this) month / month end / Monatsende
  rule(`${B}${PREP}(?:(?:the )?end of (?:the |this )?month|month[- ]end|eom|(?:ende (?:des|dieses) monats)|monatsende|this month|diesen monat)${E}`, (_m, base) => ({ day: lastOfMonth(base.y, base.m) })),
  // end of next quarter
  rule(`${B}${PREP}(?:(?:the )?end of )?next quarter${E}`, (_m, base) => {
    const q = Math.floor(base.m / 3);
    return { day: lastOfMonth(base.y, q * 3 + 5) };
  }),
  // end of (the/this) quarter / quarter end / Quartalsende
  rule(`${B}${PREP}(?:(?:the )?end of (?:the |this )?quarter|quarter[- ]end|eoq|quartalsende|ende (?:des|dieses) quartals|this quarter)${E}`, (_m, base) => {
    const q = Math.floor(base.m / 3);
    return { day: lastOfMonth(base.y, q * 3 + 2) };
  }),
  // (end of) Q3 (2027)
  rule(`${B}${PREP}(?:(?:the )?end of )?q([1-4])(?:\\s+(\\d{4}))?${E}`, (m, base) => {
    const q = Number(m[1]) - 1;
    const last = lastOfMonth(m[2] ? Number(m[2]) : base.y, q * 3 + 2);
    // Without a year, a quarter already behind us means next year's.
    if (!m[2] && compareYmd(last, base) < 0) return { day: lastOfMonth(base.y + 1, q * 3 + 2) };
    return { day: last };
  }),
  // end of (the) year / year end / Jahresende
  rule(`${B}${PREP}(?:(?:the )?end of (?:the |this )?year|year[- ]end|eoy|jahresende|ende (?:des|dieses) jahres)${E}`, (_m, base) => ({ day: { y: base.y, m: 11, d: 31 } })),
  // in N days / within two weeks / in 3 business days / in a fortnight / in 2 hours / in 3 Tagen
  rule(`${B}(?:in|within|innerhalb(?:\\s+von)?)\\s+(?:the next\\s+)?${NUM}\\s+(business days?|working days?|werktagen|days?|tagen|weeks?|wochen|months?|monaten|hours?|stunden)${E}`, (m, base, baseMs) => {
    const n = numberValue(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    if (n === null || n > 400) return null;
    if (/^(hour|stunden)/.test(unit)) return { at: baseMs + n * HOUR_MS };
    if (/^(business|working|werktag)/.test(unit)) return { day: addBusinessDays(base, n) };
    if (/^(day|tag)/.test(unit)) return { day: addDays(base, n) };
    if (/^(week|woche)/.test(unit)) return { day: addDays(base, 7 * n) };
    return { day: addMonthsClamped(base, n) };
  }),
  rule(`${B}(?:in|within)\\s+a\\s+fortnight${E}`, (_m, base) => ({ day: addDays(base, 14) })),
  // N days/weeks from now / a week from today
  rule(`${B}${NUM}\\s+(days?|weeks?)\\s+from\\s+(?:now|today)${E}`, (m, base) => {
    const n = numberValue(m[1]);
    if (n === null || n > 400) return null;
    return { day: addDays(base, /^week/i.test(m[2] ?? '') ? 7 * n : n) };
  }),
];

// by 3pm / at 10:30 am / 15:00 / 9 Uhr / noon
const TIME_RE = warmable('playbook', new RegExp(
  `${B}(?:(?:by|at|before|until|around|um|bis|gegen)\\s+)?(?:(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.\\s?m\\.?|p\\.\\s?m\\.?|am|pm)(?![\\p{L}])|(\\d{1,2}):(\\d{2})(?:\\s*uhr)?${E}|(\\d{1,2})\\s*uhr${E}|(noon|midday|mittags?)${E})`,
  'giu',
));

interface TimeHit {
  index: number;
  length: number;
  h: number;
  min: number;
}

function findTime(text: string): TimeHit | null {
  TIME_RE.lastIndex = 0;
  for (let m = TIME_RE.exec(text); m; m = TIME_RE.exec(text)) {
    let h: number;
    let min = 0;
    if (m[1] !== undefined) {
      h = Number(m[1]);
      min = m[2] ? Number(m[2]) : 0;
      if (h < 1 || h > 12) continue;
      const pm = /^p/i.test(m[3] ?? '');
      if (pm && h !== 12) h += 12;
      if (!pm && h === 12) h = 0;
    } else if (m[4] !== undefined) {
      h = Number(m[4]);
      min = Number(m[5]);
    } else if (m[6] !== undefined) {
      h = Number(m[6]);
    } else {
      h = 12;
    }
    if (h > 23 || min > 59) continue;
    return { index: m.index, length: m[0].length, h, min };
  }
  return null;
}

const PART_OF_DAY = warmable('playbook', /^\s+(?:morning|afternoon|evening|night|früh|vormittag|nachmittag|abend)(?![\p{L}])/iu);

interface DateCandidate {
  index: number;
  length: number;
  resolved: NonNullable<Resolved>;
}

function findDay(text: string, base: Ymd, baseMs: number): DateCandidate | null {
  const found: DateCandidate[] = [];
  for (const r of RULES) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      if (m[0].length === 0) {
        r.re.lastIndex += 1;
        continue;
      }
      const resolved = r.resolve(m, base, baseMs);
      if (resolved) found.push({ index: m.index, length: m[0].length, resolved });
    }
  }
  // The earliest phrase wins; at the same start, the longest ("Friday next week" over "Friday").
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const best = found[0];
  if (!best) return null;
  // "tomorrow morning", "Friday afternoon": the part of the day belongs to the phrase (the due time stays the end
  // of that day, since "morning" is not a time anyone can hold you to).
  const tail = PART_OF_DAY.exec(text.slice(best.index + best.length));
  return tail && 'day' in best.resolved ? { ...best, length: best.length + tail[0].length } : best;
}

const MAX_TEXT = 2000;

/** The first due date in `text` (with a time of day if one was said), resolved against `base`; null when none. */
export function findDueDate(text: string, base: number): DueDateHit | null {
  try {
    if (typeof text !== 'string' || !Number.isFinite(base)) return null;
    const s = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
    const baseDay = ymdOf(base);
    const day = findDay(s, baseDay, base);
    const time = findTime(s);
    if (!day && !time) return null;

    let dueAt: number;
    let hasTime = false;
    if (day && 'at' in day.resolved) {
      dueAt = day.resolved.at;
      hasTime = true;
    } else if (day && 'day' in day.resolved) {
      const d = day.resolved.day;
      if (time) {
        dueAt = new Date(d.y, d.m, d.d, time.h, time.min, 0, 0).getTime();
        hasTime = true;
      } else dueAt = endOfDay(d);
    } else {
      // A time alone: today at that time, or tomorrow when it has already passed.
      const t = time!;
      let at = new Date(baseDay.y, baseDay.m, baseDay.d, t.h, t.min, 0, 0).getTime();
      if (at <= base) {
        const next = addDays(baseDay, 1);
        at = new Date(next.y, next.m, next.d, t.h, t.min, 0, 0).getTime();
      }
      dueAt = at;
      hasTime = true;
    }
    if (!Number.isFinite(dueAt)) return null;

    // The phrase covers the date and the time when they sit close together ("tomorrow at 3pm").
    let index: number;
    let end: number;
    if (day && time && hasTime && !('at' in day.resolved)) {
      const a = Math.min(day.index, time.index);
      const z = Math.max(day.index + day.length, time.index + time.length);
      const gap = Math.max(day.index, time.index) - Math.min(day.index + day.length, time.index + time.length);
      if (gap <= 12) [index, end] = [a, z];
      else [index, end] = [day.index, day.index + day.length];
    } else if (day) [index, end] = [day.index, day.index + day.length];
    else [index, end] = [time!.index, time!.index + time!.length];
    return { index, length: end - index, text: s.slice(index, end).trim(), dueAt, hasTime };
  } catch {
    return null;
  }
}

/** Resolves a date phrase ("by Friday", "end of month", "3/15") against `base` (epoch ms); null when none. */
export function resolveRelativeDate(phrase: string, base: number): number | null {
  return findDueDate(phrase, base)?.dueAt ?? null;
}
