/** Number, duration and date wording for the report; locale passed in, never read here. */
import type { PeriodUnit } from './aggregate';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wait in words, two units at most: "45 min", "3 h 20 min", "2 days 4 h"; "–" when there is none. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  const m = Math.round(ms / MINUTE);
  if (m < 1) return 'under a minute';
  if (m < 60) return `${m} min`;
  if (ms < DAY) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? `${h} h ${rest} min` : `${h} h`;
  }
  const hTotal = Math.round(ms / HOUR);
  const d = Math.floor(hTotal / 24);
  const h = hTotal % 24;
  const days = d === 1 ? '1 day' : `${d} days`;
  return h ? `${days} ${h} h` : days;
}

/** Hours with one decimal, for the chart's time axis (a chart axis needs a number, not words). */
export function toHours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / HOUR) * 10) / 10;
}

/** A share as a whole percentage ("67%"); "–" when there is nothing to share. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** How a chart label is written: with the year (for a range that crosses a calendar year), in a locale. */
export interface LabelOptions {
  year?: boolean;
  locale?: string;
}

// Labels read the date at noon, not midnight: a bucket whose start a DST change moved by an hour still names its day.

/**
 * A week's label: the day it starts ("3 Nov"), with a two-digit year when asked ("3 Nov 25"): over a range that
 * crosses a year the same day and month appear in both years.
 */
export function weekLabel(start: number, { year = false, locale }: LabelOptions = {}): string {
  return new Date(start + 12 * HOUR).toLocaleDateString(locale, { day: 'numeric', month: 'short', ...(year ? { year: '2-digit' } : {}) });
}

/**
 * A month's label ("Nov"), with the full year when asked ("Nov 2025"): a two-digit year after a month ("Nov 25")
 * reads as a day.
 */
export function monthLabel(start: number, { year = false, locale }: LabelOptions = {}): string {
  return new Date(start + 12 * HOUR).toLocaleDateString(locale, { month: 'short', ...(year ? { year: 'numeric' } : {}) });
}

/** The label of a week or a month bucket (see `weekLabel`, `monthLabel`). */
export function periodLabel(unit: PeriodUnit, start: number, options: LabelOptions = {}): string {
  return unit === 'month' ? monthLabel(start, options) : weekLabel(start, options);
}

