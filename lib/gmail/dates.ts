/**
 * Parses the full date Gmail shows as the tooltip (`title`) of a message's date, in the UI language:
 *
 *   en-US  `Mon, Nov 16, 2026, 9:14 AM`   `Mon, Nov 16, 2026 at 9:14 AM`   `Nov 16, 2026, 9:14 AM`
 *   en-GB  `16 Nov 2026, 09:14`           `Mon, 16 Nov 2026 at 09:14`
 *   de     `Mo., 16. Nov. 2026, 09:14`    `16. März 2026 um 08:05`
 *   fr     `lun. 16 nov. 2026, 09:14`     `lun. 16 nov. 2026 à 09:14`
 *   es     `lun, 16 nov 2026, 9:14`       `16 de noviembre de 2026, 9:14 a. m.`
 *   it/pt/nl month names, ISO `2026-11-16 09:14`, numeric `16.11.2026, 09:14`, CJK `2026年11月16日 9:14`
 *
 * Chrome writes U+202F (narrow no-break space) before AM/PM and U+00A0 elsewhere; both count as spaces. The
 * result is epoch milliseconds in the machine's local time zone (Gmail shows the user's local time), or null when
 * the string is not a date this parser knows. Never throws. Weekday names are ignored (they collide with month
 * abbreviations: French/Spanish/Italian "mar" is Tuesday and March), so the month is only read next to the day.
 */

// Month names and abbreviations, lower-cased, accents removed, trailing dots removed. 0-based month.
const MONTHS: Readonly<Record<string, number>> = (() => {
  const table: Array<[number, string[]]> = [
    [0, ['jan', 'january', 'januar', 'janv', 'janvier', 'ene', 'enero', 'gen', 'gennaio', 'janeiro', 'januari']],
    [1, ['feb', 'february', 'februar', 'fev', 'fevr', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari']],
    [2, ['mar', 'march', 'marz', 'maerz', 'mars', 'marzo', 'marco', 'mrt', 'maart']],
    [3, ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'aprile']],
    [4, ['may', 'mai', 'mayo', 'mag', 'maggio', 'maio', 'mei']],
    [5, ['jun', 'june', 'juni', 'juin', 'junio', 'giu', 'giugno', 'junho']],
    [6, ['jul', 'july', 'juli', 'juil', 'juillet', 'julio', 'lug', 'luglio', 'julho']],
    [7, ['aug', 'august', 'aout', 'ago', 'agosto', 'augustus']],
    [8, ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set', 'settembre', 'setembro']],
    [9, ['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre', 'ott', 'ottobre', 'out', 'outubro']],
    [10, ['nov', 'november', 'novembre', 'noviembre', 'novembro']],
    [11, ['dec', 'december', 'dez', 'dezember', 'decembre', 'dic', 'diciembre', 'dicembre', 'dezembro']],
  ];
  const out: Record<string, number> = {};
  for (const [month, names] of table) for (const n of names) out[n] = month;
  return out;
})();

const MAX_INPUT = 200;

/** Lower-case, accents and invisible marks removed, every kind of space a plain space. */
function normalize(raw: string): string {
  let s = raw.slice(0, MAX_INPUT).replace(/[\s\u00A0\u202F\u2007\u2009]+/g, ' ');
  // Accents and invisible marks only matter outside ASCII (the common en-US tooltip skips this).
  if (/[^\x00-\x7F]/.test(s)) {
    s = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC') // recompose what NFD split apart besides accents (Hangul syllables)
      .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g, '');
  }
  return s.toLowerCase().trim();
}

interface Ymd {
  y: number;
  m: number; // 0-based
  d: number;
}

interface Hms {
  h: number;
  min: number;
  s: number;
}

function monthIndex(word: string): number | null {
  const v = MONTHS[word.replace(/\.$/, '')];
  return v === undefined ? null : v;
}

// "16 nov 2026", "16. nov. 2026", "16 de noviembre de 2026", "16. marz 2026"
const DAY_MONTH_YEAR = /(?:^|[^\d])(\d{1,2})\.?\s(?:de\s)?([a-z]{3,10})\.?,?\s(?:de\s)?(\d{4})(?!\d)/g;
// "nov 16, 2026", "november 16 2026"
const MONTH_DAY_YEAR = /(?:^|[^a-z])([a-z]{3,10})\.?\s(\d{1,2}),?\s(\d{4})(?!\d)/g;
// "2026-11-16"
const ISO = /(?:^|[^\d])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
// "16.11.2026" (day first, the German/Russian numeric form)
const DOTTED = /(?:^|[^\d])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/;
// "2026年11月16日", "2026년 11월 16일"
const CJK = /(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/;

function readYmd(s: string): Ymd | null {
  for (const hit of s.matchAll(DAY_MONTH_YEAR)) {
    const month = monthIndex(hit[2]!);
    if (month !== null) return { y: Number(hit[3]), m: month, d: Number(hit[1]) };
  }
  for (const hit of s.matchAll(MONTH_DAY_YEAR)) {
    const month = monthIndex(hit[1]!);
    if (month !== null) return { y: Number(hit[3]), m: month, d: Number(hit[2]) };
  }
  let m = ISO.exec(s);
  if (m) return { y: Number(m[1]), m: Number(m[2]) - 1, d: Number(m[3]) };
  m = DOTTED.exec(s);
  if (m) return { y: Number(m[3]), m: Number(m[2]) - 1, d: Number(m[1]) };
  m = CJK.exec(s);
  if (m) return { y: Number(m[1]), m: Number(m[2]) - 1, d: Number(m[3]) };
  return null;
}

// "9:14", "09:14:05", "9:14 am", "9:14 a. m.", "9:14 p.m.", "9 h 14"; Korean/Chinese/Japanese AM/PM markers before.
const TIME = /(오전|오후|上午|下午|午前|午後)?\s?(\d{1,2})(?::|\sh\s?|h)(\d{2})(?::(\d{2}))?(?:\s?([ap])\.?\s?m\b\.?)?/;

function readTime(s: string): Hms | null | 'bad' {
  const m = TIME.exec(s);
  if (!m) return null;
  let h = Number(m[2]);
  const min = Number(m[3]);
  const sec = m[4] ? Number(m[4]) : 0;
  const marker = m[1];
  const ampm = m[5] ?? (marker ? (/[후下後]/.test(marker) ? 'p' : 'a') : undefined);
  if (min > 59 || sec > 59) return 'bad';
  if (ampm) {
    if (h < 1 || h > 12) return 'bad';
    if (ampm === 'a' && h === 12) h = 0;
    else if (ampm === 'p' && h !== 12) h += 12;
  } else if (h > 23) return 'bad';
  return { h, min, s: sec };
}

/** A tooltip's date and time as written, before the local time zone is applied; null when there is none. */
type Parts = readonly [y: number, m: number, d: number, h: number, min: number, s: number] | null;

/**
 * Parsed tooltips by their exact text. The content script reads the same thread again after every change Gmail
 * makes to it, and the regexes cost more than the rest of a message: each tooltip is parsed once. Only the parts
 * are kept (the time zone is applied on every call), and the cache is bounded.
 */
const PARSED = new Map<string, Parts>();
const MAX_PARSED = 512;

function partsOf(raw: string): Parts {
  const s = normalize(raw);
  if (!s) return null;
  const ymd = readYmd(s);
  if (!ymd) return null;
  if (ymd.y < 1990 || ymd.y > 2200 || ymd.m < 0 || ymd.m > 11 || ymd.d < 1 || ymd.d > 31) return null;
  // Read the time from what follows the year so a day number is never taken for an hour.
  const yearAt = s.indexOf(String(ymd.y));
  const rest = yearAt >= 0 ? s.slice(yearAt + 4) : s;
  const time = readTime(rest);
  if (time === 'bad') return null;
  const { h, min, s: sec } = time ?? { h: 0, min: 0, s: 0 };
  return [ymd.y, ymd.m, ymd.d, h, min, sec];
}

/**
 * Epoch ms for a Gmail date tooltip, in local time; null when unknown or impossible (Feb 30, 25:00). A string
 * with a date but no time means local midnight of that day.
 */
export function parseGmailDate(raw: string | null | undefined): number | null {
  try {
    if (!raw || typeof raw !== 'string') return null;
    let parts = PARSED.get(raw);
    if (parts === undefined) {
      parts = partsOf(raw);
      if (PARSED.size >= MAX_PARSED) PARSED.clear();
      PARSED.set(raw, parts);
    }
    if (!parts) return null;
    const [y, m, d, h, min, sec] = parts;
    const date = new Date(y, m, d, h, min, sec, 0);
    // Reject dates that rolled over (Feb 30 → Mar 2).
    if (date.getFullYear() !== y || date.getMonth() !== m || date.getDate() !== d) return null;
    const ms = date.getTime();
    return Number.isFinite(ms) ? ms : null;
  } catch {
    return null;
  }
}
