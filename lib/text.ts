/**
 * Text helpers shared by the page readers. Page text is hostile input: these only ever produce plain strings,
 * never markup, and bound every length so a 10 MB page cannot blow up a message or a database row.
 */

/**
 * JavaScript's `\s` without the plain space, spelled out: V8 scans an explicit class about twice as fast as a
 * negated one like `[^\S ]`, and the readers test every text node of a page with these.
 */
const SPACE_BUT_PLAIN = '\\t\\n\\v\\f\\r\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Any character `\s` matches (exactly `/\s/`). */
export const ANY_SPACE = new RegExp(`[ ${SPACE_BUT_PLAIN}]`);
/** Whitespace that `\s+ → ' '` would change: any but a plain space, or two in a row (exactly `/[^\S ]| {2}/`). */
export const ODD_SPACE = new RegExp(`[${SPACE_BUT_PLAIN}]| {2}`);

// Zero-width and bidi control characters: invisible, used to spoof names, and noise in search and comparison.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;

/**
 * A string `cleanText` would change (before the length cap): an invisible character, a whitespace character other
 * than a plain space, two spaces in a row, or a space at either end. Most names, addresses and labels have none,
 * and one test costs less than the two replacements and the trim it saves.
 */
const NEEDS_CLEANING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]|[^\S ]| {2}|^ | $/;

/** Collapse whitespace, drop invisible/bidi control characters, trim, and cap at `max` characters. */
export function cleanText(value: string | null | undefined, max = 1000): string {
  if (!value) return '';
  if (value.length <= max && !NEEDS_CLEANING.test(value)) return value;
  // Cap before the regexes too, so a huge text node costs O(max), not O(size).
  const head = value.length > max * 4 ? value.slice(0, max * 4) : value;
  const out = head.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return out.length > max ? `${out.slice(0, max - 1).trimEnd()}…` : out;
}

/** Like `cleanText` but keeps line breaks (paragraphs), collapsing runs of blank lines. */
export function cleanMultiline(value: string | null | undefined, max = 20_000): string {
  if (!value) return '';
  const head = value.length > max * 2 ? value.slice(0, max * 2) : value;
  const out = head
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return out.length > max ? `${out.slice(0, max - 1).trimEnd()}…` : out;
}

/**
 * Addresses already normalized, by their exact input: a thread shows the same few people on every message, and a
 * page is read again after every change. Bounded; cleared when full.
 */
const NORMALIZED = new Map<string, string | null>();
const MAX_NORMALIZED = 1024;

/** A loose, deliberately simple email check: one @, a dot in the domain, no spaces. Lower-cases the result. */
export function normalizeEmail(value: string | null | undefined): string | null {
  if (!value) return null;
  const known = NORMALIZED.get(value);
  if (known !== undefined) return known;
  const v = cleanText(value, 320).toLowerCase().replace(/^mailto:/, '');
  const out = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(v) ? v : null;
  if (value.length <= 320 * 4) {
    if (NORMALIZED.size >= MAX_NORMALIZED) NORMALIZED.clear();
    NORMALIZED.set(value, out);
  }
  return out;
}

/** Finds the first email address inside free text (e.g. a page title "Inbox - me@x.com - Gmail"). */
export function findEmail(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(value.slice(0, 2000));
  return m ? normalizeEmail(m[0]) : null;
}
