import { describe, expect, it } from 'vitest';
import { giveAskBalance } from '../../lib/playbook/balance';

describe('giveAskBalance', () => {
  it.each([
    [[], { given: 0, asked: 0, net: 0, verdict: 'none' }],
    [['value_given', 'value_given', 'ask', 'email_in'], { given: 2, asked: 1, net: 1, verdict: 'giver' }],
    [['value_given', 'follow_up'], { given: 1, asked: 1, net: 0, verdict: 'balanced' }],
    [['ask', 'follow_up', 'email_out'], { given: 0, asked: 2, net: -2, verdict: 'asker' }],
  ])('%j', (kinds, expected) => expect(giveAskBalance(kinds.map((kind) => ({ kind })))).toEqual(expected));
});
