/**
 * Character scans shared by the page readers: what the whitespace and invisible-character regexes of `../text`
 * would find, decided in one pass with one comparison a character for ASCII. The readers run these on every
 * text node and attribute they read, where a regex test per string cost more than the rest of the work.
 */
import { cleanText } from '../text';

/** `scanText` flags: whitespace to collapse (what ODD_SPACE finds), an invisible character (INVISIBLE_CHAR). */
export const HAS_ODD_SPACE = 1;
export const HAS_INVISIBLE = 2;

/**
 * What ODD_SPACE and INVISIBLE_CHAR would find in `data`, in one pass over its characters: a regex test per text
 * node was a fifth of the body walk, and most text is printable ASCII, decided by one comparison a character.
 */
export function scanText(data: string): number {
  let flags = 0;
  let space = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c > 32 && c < 0xa0) {
      space = false;
      continue;
    }
    if (c === 32) {
      if (space) flags |= HAS_ODD_SPACE;
      space = true;
      continue;
    }
    space = false;
    if (isSpace(c)) flags |= HAS_ODD_SPACE; // whitespace other than the plain space
    if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0xad) {
      flags |= HAS_INVISIBLE;
    }
  }
  return flags;
}

/** JavaScript's `\s`: the plain space, \t-\r, NBSP, U+1680, U+2000-200A, U+2028/2029, U+202F, U+205F, U+3000, U+FEFF. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const SPACES = /\s+/g;

/**
 * `cleanText(value, max)`, with its "anything to clean?" test done by `scanText` instead of a regex, and the
 * invisible-character pass skipped when there is none: the readers clean a few short names, ids and dates per
 * message or profile, and Gmail's dates always hold a U+202F.
 */
export function clean(value: string | null | undefined, max: number): string {
  if (!value || value.length > max * 4) return cleanText(value, max); // cleanText caps before it looks
  const flags = scanText(value);
  if (flags & HAS_INVISIBLE) return cleanText(value, max);
  if (flags === 0 && value.length <= max && value.charCodeAt(0) !== 32 && value.charCodeAt(value.length - 1) !== 32) {
    return value;
  }
  const out = value.replace(SPACES, ' ').trim();
  return out.length > max ? `${out.slice(0, max - 1).trimEnd()}…` : out;
}
