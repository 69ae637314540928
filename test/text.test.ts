import { describe, expect, it } from 'vitest';
import { ANY_SPACE, ODD_SPACE } from '../lib/text';

describe('spelled-out whitespace classes', () => {
  // Every UTF-16 code unit, alone and in the contexts the readers test: the spelled-out classes must answer exactly
  // as the short forms they replace for speed.
  it('ANY_SPACE is /\\s/ and ODD_SPACE is /[^\\S ]| {2}/, on all 65,536 code units', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}b`, ` ${ch}`, `${ch} `]) {
        if (ANY_SPACE.test(text) !== /\s/.test(text) || ODD_SPACE.test(text) !== /[^\S ]| {2}/.test(text)) differ.push(c.toString(16));
      }
    }
    expect(differ).toEqual([]);
    expect(ODD_SPACE.test('a b c')).toBe(false);
    expect(ODD_SPACE.test('a  b')).toBe(true);
  });
});
