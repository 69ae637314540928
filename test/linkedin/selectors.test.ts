import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SELECTORS, anyOf, closestFirst, hasInside, matchesAny, queryAll, queryFirst, queryFirstAmong, type Fallbacks } from '../../lib/linkedin/selectors';
import { domOf } from './helpers';

const LIB = path.resolve(__dirname, '../../lib/linkedin');

describe('SELECTORS', () => {
  const doc = domOf('<!doctype html><main><p>x</p></main>');

  it.each(Object.entries(SELECTORS))('%s: named, layout-tagged, valid, unique', (_key, fallbacks: Fallbacks) => {
    expect(fallbacks.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const v of fallbacks) {
      expect(v.name).toMatch(/^(artdeco|hashed|any):\S+$/);
      expect(names.has(v.name)).toBe(false);
      names.add(v.name);
      // The engine accepts it (an invalid selector throws a SyntaxError).
      expect(() => doc.querySelector(v.selector)).not.toThrow();
    }
  });

  it('a variant marked `section` only ever matches a <section> (one compound whose type is section)', () => {
    const marked = Object.values(SELECTORS).flatMap((f: Fallbacks) => f.filter((v) => v.section));
    expect(marked.length).toBeGreaterThan(0);
    for (const v of marked) {
      // The type selector first, then only classes and attribute tests: no combinator, no selector list.
      expect(v.selector).toMatch(/^section(?:\.[\w-]+|\[[^\]]*\])*$/);
    }
  });

  it('every variant line carries a comment saying which layout it is for', () => {
    const source = readFileSync(path.join(LIB, 'selectors.ts'), 'utf8');
    const variantLines = source.split('\n').filter((l) => /\{\s*name:\s*'/.test(l));
    const count = Object.values(SELECTORS).reduce((n, f) => n + f.length, 0);
    expect(variantLines).toHaveLength(count);
    for (const line of variantLines) expect(line).toMatch(/\},?\s*\/\/\s*\S.{5,}/);
  });

  it('the reader holds no selector literals: every query goes through selectors.ts', () => {
    for (const file of ['reader.ts', 'index.ts']) {
      const source = readFileSync(path.join(LIB, file), 'utf8');
      expect(source).not.toMatch(/querySelector(All)?\s*\(/);
      expect(source).not.toMatch(/\.(closest|matches)\(\s*['"`]/);
      expect(source).not.toMatch(/getElementsBy|getElementById/);
      expect(source).not.toMatch(/\.innerText/);
    }
  });
});

describe('queryFirst and friends', () => {
  const doc = domOf(
    '<!doctype html><main><section id="s"><h2 class="a"></h2><h2 class="a">Second</h2><p class="b">B</p></section></main>',
  );
  const fallbacks: Fallbacks = [
    { name: 'any:missing', selector: '.nope' },
    { name: 'any:a', selector: 'h2.a' },
    { name: 'any:b', selector: 'p.b' },
  ];

  it('returns the first variant that matches, with its name', () => {
    const m = queryFirst(doc, fallbacks);
    expect(m?.name).toBe('any:a');
    expect(m?.el.textContent).toBe('');
  });

  it('skips matches that `accept` rejects, then later variants', () => {
    expect(queryFirst(doc, fallbacks, (el) => el.textContent !== '')?.el.textContent).toBe('Second');
    expect(queryFirst(doc, fallbacks, (el) => el.localName === 'p')?.name).toBe('any:b');
    expect(queryFirst(doc, fallbacks, () => false)).toBeNull();
  });

  it('returns null for no root, no match, or a selector the engine rejects', () => {
    expect(queryFirst(null, fallbacks)).toBeNull();
    expect(queryFirst(doc, [{ name: 'any:none', selector: '.none' }])).toBeNull();
    expect(queryFirst(doc, [{ name: 'any:bad', selector: 'h2[' }, { name: 'any:b', selector: 'p.b' }])?.name).toBe('any:b');
  });

  it('queryAll, closestFirst, matchesAny, anyOf', () => {
    expect(queryAll(doc, fallbacks).map((e) => e.localName)).toEqual(['h2', 'h2', 'p']);
    expect(queryAll(doc, fallbacks, 1)).toHaveLength(1);
    expect(queryAll(doc, [{ name: 'any:bad', selector: 'h2[' }])).toEqual([]);
    const p = doc.querySelector('p')!;
    expect(closestFirst(p, [{ name: 'any:section', selector: 'section' }])?.el.id).toBe('s');
    expect(closestFirst(p, [{ name: 'any:bad', selector: '[' }])).toBeNull();
    expect(matchesAny(p, fallbacks)).toBe(true);
    expect(matchesAny(p, [{ name: 'any:bad', selector: '[' }])).toBe(false);
    expect(anyOf(fallbacks)).toBe('.nope, h2.a, p.b');
  });

  it('hasInside looks below the element only', () => {
    const section = doc.querySelector('section')!;
    expect(hasInside(section, [{ name: 'any:a', selector: 'h2.a' }])).toBe(true);
    expect(hasInside(section, [{ name: 'any:s', selector: 'section' }])).toBe(false);
    expect(hasInside(section, [{ name: 'any:bad', selector: '[' }])).toBe(false);
  });

  it('queryFirstAmong tests a section variant on the given sections, and scans when it has none', () => {
    const page = domOf(
      '<!doctype html><main><div class="k"><section id="inner" class="k"></section></div><section id="one"></section><section id="two" class="k"></section></main>',
    );
    const main = page.querySelector('main')!;
    const list: Fallbacks = [
      { name: 'any:missing', selector: 'section.nope', section: true },
      { name: 'any:k', selector: 'section.k', section: true },
    ];
    const all = () => Array.from(main.querySelectorAll('section'));
    // The first section in document order that matches: the nested one, as a scan finds it.
    expect(queryFirstAmong(main, list, all)?.el.id).toBe('inner');
    expect(queryFirstAmong(main, list, all)?.el).toBe(queryFirst(main, list)?.el);
    // Only the listed sections are tested: a list without the match answers from it (the caller vouches for it).
    expect(queryFirstAmong(main, list, () => [page.getElementById('two')!])?.el.id).toBe('two');
    // A list it cannot give (null) means a scan; unmarked variants always scan.
    expect(queryFirstAmong(main, list, () => null)?.el.id).toBe('inner');
    let asked = 0;
    const counted = () => {
      asked++;
      return all();
    };
    expect(queryFirstAmong(main, [{ name: 'any:div', selector: 'div.k' }], counted)?.el.localName).toBe('div');
    expect(asked).toBe(0);
    expect(queryFirstAmong(null, list, all)).toBeNull();
  });
});
