/**
 * Turns a raw draft into the text the rules run on, without losing the way back to the caller's offsets:
 * invisible characters are removed (so "che\u200Bcking in" cannot dodge a rule) with an index map back to
 * the original, typographic apostrophes become ASCII (so one pattern covers "won't" and "won’t"), and quoted
 * lines ("> ...") are blanked out with spaces, because the rep did not write them.
 */

/** Drafts longer than this are only reviewed up to here: a real email is far shorter, and it bounds the cost. */
export const MAX_SCAN_CHARS = 100_000;

// Zero-width, soft hyphen and bidi controls: invisible, and able to split a phrase without changing how it reads.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
// One-for-one replacements keep the length, so no offset map is needed for them.
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\u00B4`]/g;
const SPACES = /[\u00A0\u2007\u202F]/g;

/** The draft as the rules see it. */
export interface PreparedDraft {
  /** Normalised text with quoted lines blanked to spaces (same length as before blanking). */
  text: string;
  /** The quoted lines' content, joined by newlines: used only to learn what the reader asked for. */
  quoted: string;
  /** `map[i]` is the original offset of `text[i]`; null when nothing was removed (offsets are identical). */
  map: Int32Array | null;
}

/** Prepares a draft for rule matching; never throws. */
export function prepareDraft(raw: string): PreparedDraft {
  const capped = raw.length > MAX_SCAN_CHARS ? raw.slice(0, MAX_SCAN_CHARS) : raw;
  let text = capped;
  let map: Int32Array | null = null;
  if (INVISIBLE.test(capped)) {
    const kept: string[] = [];
    map = new Int32Array(capped.length);
    let n = 0;
    for (let i = 0; i < capped.length; i++) {
      const ch = capped[i] as string;
      if (INVISIBLE.test(ch)) continue;
      kept.push(ch);
      map[n++] = i;
    }
    text = kept.join('');
    map = map.subarray(0, n);
  }
  text = text.replace(APOSTROPHES, "'").replace(SPACES, ' ');
  const { masked, quoted } = maskQuoted(text);
  return { text: masked, quoted, map };
}

/** Maps a [start, end) range in prepared text back to the original draft. */
export function toOriginal(p: PreparedDraft, start: number, end: number): { start: number; end: number } {
  if (!p.map) return { start, end };
  const s = p.map[start] ?? 0;
  const last = p.map[Math.max(start, end - 1)] ?? s;
  return { start: s, end: last + 1 };
}

// A line is quoted when its first non-blank character is ">" (Gmail, Outlook plain text, mailing lists).
function maskQuoted(text: string): { masked: string; quoted: string } {
  if (text.indexOf('>') < 0) return { masked: text, quoted: '' };
  const out: string[] = [];
  const quoted: string[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    let i = 0;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (line[i] === '>') {
      out.push(' '.repeat(line.length));
      quoted.push(line.slice(i).replace(/^[>\s]+/, ''));
    } else {
      out.push(line);
    }
    if (nl >= text.length) break;
    out.push('\n');
    pos = nl + 1;
  }
  return { masked: out.join(''), quoted: quoted.join('\n') };
}
