import { describe, expect, it } from 'vitest';
import { HAS_INVISIBLE, HAS_ODD_SPACE, clean, isSpace, scanText } from '../../lib/content/scan';
import { cleanText } from '../../lib/text';

// The regexes the scans stand in for (lib/text.ts, lib/gmail/reader.ts): the scans must agree with them exactly.
const ODD_SPACE = /[^\S ]| {2}/;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/;

describe('scanText and isSpace', () => {
  it('agree with \\s, ODD_SPACE and INVISIBLE on every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(isSpace(c), c.toString(16)).toBe(/\s/.test(ch));
      const s = `a${ch}b`;
      const want = (ODD_SPACE.test(s) ? HAS_ODD_SPACE : 0) | (INVISIBLE.test(s) ? HAS_INVISIBLE : 0);
      expect(scanText(s), c.toString(16)).toBe(want);
    }
  });

  it('finds two spaces in a row, and only those', () => {
    expect(scanText('a b c')).toBe(0);
    expect(scanText(' a ')).toBe(0);
    expect(scanText('a  b')).toBe(HAS_ODD_SPACE);
    expect(scanText('  ')).toBe(HAS_ODD_SPACE);
    expect(scanText('a\u200b  b')).toBe(HAS_ODD_SPACE | HAS_INVISIBLE);
    expect(scanText('')).toBe(0);
  });
});

describe('clean', () => {
  it('gives what cleanText gives', () => {
    const pieces = ['a', 'Ana', ' ', '  ', '\n', '\t', '\u00a0', '\u202f', '\u200b', '\u202e', '\ufeff', 'é', '…', 'x'.repeat(40)];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const n = Math.floor(rand() * 8);
      for (let k = 0; k < n; k++) s += pieces[Math.floor(rand() * pieces.length)];
      for (const max of [5, 30, 200]) expect(clean(s, max), JSON.stringify([s, max])).toBe(cleanText(s, max));
    }
    expect(clean(null, 10)).toBe('');
    expect(clean(undefined, 10)).toBe('');
    expect(clean('x'.repeat(1000), 10)).toBe(cleanText('x'.repeat(1000), 10));
  });
});
