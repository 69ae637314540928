/**
 * The report's date filter: `<input type="date">` values (local calendar days) to a half-open millisecond range.
 * Local days because the rep thinks in their own calendar; the end is the midnight after the last day, so the
 * last day counts in full.
 */

/** How many days the report shows when opened. */
export const DEFAULT_DAYS = 90;

/** A local calendar day as `YYYY-MM-DD` (what a date input holds). */
export function toDateInput(t: number): string {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight at the start of a `YYYY-MM-DD` day; null for anything else (a cleared or half-typed input). */
export function parseDateInput(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  // new Date(2026, 1, 31) silently becomes 3 March: reject days that do not exist.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/** Local midnight of the day after `t`'s day (setDate, not +24 h: a DST day is 23 or 25 hours long). */
export function nextMidnight(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** The last `days` days up to and including today, as date-input values. */
export function defaultDates(now: number, days = DEFAULT_DAYS): { from: string; to: string } {
  const d = new Date(now);
  return { from: toDateInput(new Date(d.getFullYear(), d.getMonth(), d.getDate() - (days - 1)).getTime()), to: toDateInput(now) };
}

/** `[from, to)` in ms for two date-input values (both days included), or an error to show the rep. */
export function rangeFromDates(from: string, to: string): { from: number; to: number } | { error: string } {
  const a = parseDateInput(from);
  const b = parseDateInput(to);
  if (a === null) return { error: 'Pick a start date.' };
  if (b === null) return { error: 'Pick an end date.' };
  if (b < a) return { error: 'The start date is after the end date.' };
  return { from: a, to: nextMidnight(b) };
}

/** True when a half-open range `[from, to)` has days in more than one calendar year (local): labels then need the year. */
export function crossesYear(r: { from: number; to: number }): boolean {
  if (!(r.to > r.from)) return false;
  return new Date(r.from).getFullYear() !== new Date(r.to - 1).getFullYear();
}
