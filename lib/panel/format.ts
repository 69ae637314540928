/** Small, locale-aware formatting helpers for the panel. Time is passed in, never read here. */

import { QUOTA_MESSAGE, isQuotaError } from '../backup/quota';
import { cleanText } from '../text';

const MINUTE = 60_000;

// Building an Intl formatter costs far more than using one (toLocaleString with options builds one per call: a
// busy contact's 500 notes and history rows took ~0.7 s to open), so each locale's formatters are made once.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const fullFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(cache: Map<string, Intl.DateTimeFormat>, locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale ?? '';
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function dayDate(at: number, locale: string | undefined): string {
  return formatter(dayFormats, locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(at);
}
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Local calendar days from `at`'s day to `now`'s day: 0 the same day, 1 for yesterday, whatever the hours between. */
function calendarDaysBetween(at: number, now: number): number {
  const a = new Date(at);
  const b = new Date(now);
  // Each day's date counted in UTC, where every day has 24 hours: a DST day of 23 or 25 hours still counts as one.
  return Math.round((Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) - Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) / DAY);
}

/**
 * "just now", "5 min ago", "3 h ago" (elapsed time, under a day), then by local calendar day "yesterday" and
 * "4 days ago", or a date from a week back on.
 */
export function relativeTime(at: number, now: number, locale?: string): string {
  const d = now - at;
  // A few minutes "in the future" is clock skew between ticks (the panel's clock ticks once a minute).
  if (d < 0 && d > -5 * MINUTE) return 'just now';
  if (d < 0) return dayDate(at, locale);
  if (d < MINUTE) return 'just now';
  if (d < HOUR) return `${Math.floor(d / MINUTE)} min ago`;
  const days = calendarDaysBetween(at, now);
  // Minutes and hours are elapsed time, true on either side of midnight. Past a day, the words name calendar days:
  // Monday 23:00 seen on Wednesday 08:00 is 33 hours back but two days ago, not "yesterday". A 25-hour DST day
  // can hold more than 24 hours of the same day: still counted in hours.
  if (d < DAY || days === 0) return `${Math.floor(d / HOUR)} h ago`;
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return dayDate(at, locale);
}

/** Full date and time for a tooltip. */
export function fullDate(at: number, locale?: string): string {
  return formatter(fullFormats, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** Initials for an avatar ("Meera Lakshmi Venkatesan" → "MV"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** What the rep reads when a save from a panel field failed; the field has the typed text back (components/hooks.ts). */
export function saveFailedMessage(what: string, e: unknown): string {
  // A full disk in the words the backup's restore uses for it.
  if (isQuotaError(e)) return `The ${what} wasn’t saved. ${QUOTA_MESSAGE}`;
  const why = e instanceof Error ? e.message : String(e);
  return `The ${what} wasn’t saved${why ? ` (${why})` : ''}. What you typed is still there: try again.`;
}

/** Longest subject quoted in a message before it is shortened. */
const SUBJECT_IN_MESSAGE = 60;

/**
 * What the rep reads after "Use this reply", and whether the reply goes to the clipboard instead (`answer` is the
 * Gmail tab's InsertResult, or undefined when the tab did not answer). `subject` names the thread it was written for.
 */
export function replyUseOutcome(answer: { ok: boolean; reason?: string } | undefined, subject: string): { message: string; copy: boolean } {
  if (answer?.ok) return { message: "In Gmail's reply box. Read it over, then press Send yourself.", copy: false };
  if (answer?.reason === 'thread-changed' || answer?.reason === 'no-thread') {
    const shown = cleanText(subject, SUBJECT_IN_MESSAGE);
    const thread = shown ? `the thread “${shown}”` : 'the thread it was written for';
    const message =
      answer.reason === 'thread-changed'
        ? `Gmail shows another conversation now, so the reply wasn't put in. It's on your clipboard: go back to ${thread}, click Reply and paste it.`
        : `Gmail isn't showing a conversation now, so the reply wasn't put in. It's on your clipboard: open ${thread}, click Reply and paste it.`;
    return { message, copy: true };
  }
  return { message: "Couldn't reach Gmail's reply box, so the reply is on your clipboard: click Reply in Gmail and paste it.", copy: true };
}
