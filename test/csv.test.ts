import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, uncsvCell } from '../lib/csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'Dana Whitfield', 'Dana Whitfield'],
    ['comma', 'Whitfield, Dana', '"Whitfield, Dana"'],
    ['quote', 'The "best" guide', '"The ""best"" guide"'],
    ['line break', 'a\nb', '"a\nb"'],
    ['formula', '=SUM(A1)', "'=SUM(A1)"],
    ['formula after a semicolon (a semicolon-separated spreadsheet splits there)', 'Eve;=1+1;', '"Eve;=1+1;"'],
    ['formula after a tab', 'Eve\t@SUM(1)', '"Eve\t@SUM(1)"'],
    ['semicolon only', 'a;b', '"a;b"'],
  ])('%s', (_what, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('reads back what it wrote (one prefix undone)', () => {
    for (const v of ['=SUM(A1)', "'=x", 'Eve;=1+1;', 'plain']) {
      const cell = csvCell(v);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(uncsvCell(unquoted)).toBe(v);
    }
  });

  it('a row never has a semicolon or tab outside quotes', () => {
    const row = csvRow(['Eve;=1+1;', 'Acme;=SUM(1;2);', 'CTO\t@SUM(1)', 'ok']);
    const outside = row.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside).not.toMatch(/[;\t]/);
    expect(outside).toBe(',,,ok');
  });
});
