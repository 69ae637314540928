import { describe, expect, it } from 'vitest';
import { greetingWords, isRoleWord } from '../lib/names';

describe('isRoleWord', () => {
  it.each([
    ['Sales', true],
    ['SUPPORT', true],
    ['Team.', true],
    ['Kundenservice', true],
    ['Events', true],
    ['Partnerships', true],
    ['Messe-Team', true],
    ['Sales-Team,', true],
    ['Dana', false],
    ['Anne-Marie', false],
    ['Jean-Luc', false],
    ['Bill', false],
    ['Hope', false],
    ['Salesforce', false],
  ])('%s → %s', (word, expected) => {
    expect(isRoleWord(word)).toBe(expected);
  });
});

describe('greetingWords', () => {
  it.each<[string, string, string[]]>([
    ['a plain name', 'Dana Whitfield', ['Dana', 'Whitfield']],
    ['a title first', 'Dr. Dana Whitfield', ['Dana', 'Whitfield']],
    ['two titles', 'Prof. Dr. Katrin Vogel', ['Katrin', 'Vogel']],
    ['a title without a dot, any case', 'DR dana smith', ['dana', 'smith']],
    ['"Last, First"', 'Whitfield, Dana', ['Dana']],
    ['"Last, First" with a title after the comma', 'Aubert, Mme Camille', ['Camille']],
    ['a degree after the comma', 'Dana Whitfield, PhD', ['Dana', 'Whitfield']],
    ['several degrees and a suffix', 'Sam Ortiz Jr., MD, MBA', ['Sam', 'Ortiz', 'Jr']],
    ['an acronym after the comma', 'Dana Whitfield, CPA', ['Dana', 'Whitfield']],
    ['"Last, First, Suffix"', 'Smith, John, Jr.', ['John']],
    ['a title and a family name alone', 'Dr. Whitfield', []],
    ['a French title and a family name alone', 'Mme Aubert', []],
    ['a title alone', 'Dr.', []],
    ['a title before a name written family name first', 'Dr. 王小明', ['王小明']],
    ['nothing', '   ', []],
  ])('%s: %s', (_what, name, words) => {
    expect(greetingWords(name)).toEqual(words);
  });
});
