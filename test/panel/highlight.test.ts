import { describe, expect, it } from 'vitest';
import { segments } from '../../lib/panel/highlight';

describe('segments', () => {
  it('splits text around findings, in order, clipped to the text', () => {
    const text = 'Just checking in. Offer ends Friday!';
    const a = { start: 0, end: 16, k: 'a' };
    const b = { start: 18, end: 99, k: 'b' };
    expect(segments(text, [b, a])).toEqual([
      { text: 'Just checking in', finding: a },
      { text: '. ', finding: null },
      { text: 'Offer ends Friday!', finding: b },
    ]);
  });
  it('shows overlapping findings only where they do not overlap, and joins back to the text', () => {
    const text = 'abcdefghij';
    const parts = segments(text, [{ start: 2, end: 6 }, { start: 4, end: 8 }, { start: 5, end: 5 }]);
    expect(parts.map((p) => p.text)).toEqual(['ab', 'cdef', 'gh', 'ij']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(segments('', [{ start: 0, end: 3 }])).toEqual([]);
    expect(segments('plain', [])).toEqual([{ text: 'plain', finding: null }]);
  });
});
