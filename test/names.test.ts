import { describe, expect, it } from 'vitest';
import { isRoleWord } from '../lib/names';

describe('isRoleWord', () => {
  it.each([
    ['Sales', true],
    ['SUPPORT', true],
    ['Team.', true],
    ['Kundenservice', true],
    ['Dana', false],
    ['Bill', false],
    ['Hope', false],
    ['Salesforce', false],
  ])('%s → %s', (word, expected) => {
    expect(isRoleWord(word)).toBe(expected);
  });
});
