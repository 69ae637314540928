import { describe, expect, it } from 'vitest';
import { authoredText, extractPromises } from '../../lib/commitments/extract';
import type { CommitmentKind, Direction } from '../../lib/playbook/types';

const at = (y: number, m: number, d: number, h = 10, min = 0): number => new Date(y, m - 1, d, h, min, 0, 0).getTime();
const eod = (y: number, m: number, d: number): number => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
const WED = at(2026, 11, 18); // Wednesday 18 Nov 2026, 10:00

interface Expected {
  direction: Direction;
  kind: CommitmentKind;
  text: string;
  dueAt: number | null;
  dueText: string | null;
}

function read(text: string, author: 'rep' | 'contact'): Expected[] {
  return extractPromises(text, { messageDate: WED, author }).map(({ direction, kind, text: t, dueAt, dueText }) => ({ direction, kind, text: t, dueAt, dueText }));
}

const p = (direction: Direction, kind: CommitmentKind, text: string, dueAt: number | null = null, dueText: string | null = null): Expected => ({
  direction,
  kind,
  text,
  dueAt,
  dueText,
});

describe('extractPromises: the rep\u2019s promises', () => {
  it.each<[string, Expected[]]>([
    ["I'll send the summary by Friday.", [p('mine', 'send', 'send the summary', eod(2026, 11, 20), 'by Friday')]],
    ['I will get back to you tomorrow.', [p('mine', 'callback', 'get back to you', eod(2026, 11, 19), 'tomorrow')]],
    ["We'll have the proposal to you next week.", [p('mine', 'send', 'have the proposal to you', eod(2026, 11, 27), 'next week')]],
    ['I can send over the checklist on Monday.', [p('mine', 'send', 'send over the checklist', eod(2026, 11, 23), 'on Monday')]],
    ['Let me send you the onboarding guide.', [p('mine', 'send', 'send you the onboarding guide')]],
    ["I'll introduce you to Sam.", [p('mine', 'intro', 'introduce you to Sam')]],
    ['I\u2019ll call you on Thursday at 2pm.', [p('mine', 'call', 'call you', at(2026, 11, 19, 14), 'on Thursday at 2pm')]],
    ["I'll set up a meeting with your CFO next Tuesday.", [p('mine', 'appointment', 'set up a meeting with your CFO', eod(2026, 11, 24), 'next Tuesday')]],
    ["I'll be sending the deck by 3pm tomorrow.", [p('mine', 'send', 'send the deck', at(2026, 11, 19, 15), 'by 3pm tomorrow')]],
    ["You'll have the proposal by Monday.", [p('mine', 'send', 'have the proposal', eod(2026, 11, 23), 'by Monday')]],
    ['If it helps, I\u2019ll send the case study this afternoon so you can share it with the team.', [p('mine', 'send', 'send the case study', eod(2026, 11, 18), 'this afternoon')]],
    [
      "I'll send the summary tomorrow and call you on Friday.",
      [p('mine', 'send', 'send the summary', eod(2026, 11, 19), 'tomorrow'), p('mine', 'call', 'call you', eod(2026, 11, 20), 'on Friday')],
    ],
    ["I'll look into it and get back to you by Thursday.", [p('mine', 'callback', 'look into it and get back to you', eod(2026, 11, 19), 'by Thursday')]],
    ['I will confirm the start date by the end of the week.', [p('mine', 'decision', 'confirm the start date', eod(2026, 11, 20), 'by the end of the week')]],
    ["I'll have to check with my boss.", [p('mine', 'other', 'check with my boss')]],
    ["I'll have a think and get back to you.", [p('mine', 'callback', 'have a think and get back to you')]],
    ["We're going to ship the fix in 3 business days.", [p('mine', 'send', 'ship the fix', eod(2026, 11, 23), 'in 3 business days')]],
    ['We will make sure you have the report by Friday.', [p('mine', 'send', 'have the report', eod(2026, 11, 20), 'by Friday')]],
    ["Let's schedule a call for next Tuesday.", [p('mine', 'appointment', 'schedule a call', eod(2026, 11, 24), 'for next Tuesday')]],
    ['I promise to send the recording tonight.', [p('mine', 'send', 'send the recording', eod(2026, 11, 18), 'tonight')]],
    ["If you don't mind, I'll send the draft contract tomorrow.", [p('mine', 'send', 'send the draft contract', eod(2026, 11, 19), 'tomorrow')]],
  ])('%s', (text, expected) => {
    expect(read(text, 'rep')).toEqual(expected);
  });
});

describe("extractPromises: the contact's promises", () => {
  it.each<[string, Expected[]]>([
    ["We'll pay the deposit by the 15th.", [p('theirs', 'deposit', 'pay the deposit', eod(2026, 12, 15), 'by the 15th')]],
    ["I'll call you back with the numbers on Thursday.", [p('theirs', 'callback', 'call you back with the numbers', eod(2026, 11, 19), 'on Thursday')]],
    ['I will confirm by end of month.', [p('theirs', 'decision', 'confirm', eod(2026, 11, 30), 'by end of month')]],
    ['we should be able to send the PO next week', [p('theirs', 'payment', 'send the PO', eod(2026, 11, 27), 'next week')]],
    ['The deposit will be transferred on Monday.', [p('theirs', 'deposit', 'deposit will be transferred', eod(2026, 11, 23), 'on Monday')]],
    ["We'll let you know our decision in two weeks.", [p('theirs', 'decision', 'let you know our decision', eod(2026, 12, 2), 'in two weeks')]],
    ["You'll send me the proposal by Friday, and I'll review it with Sam.", [p('mine', 'send', 'send me the proposal', eod(2026, 11, 20), 'by Friday'), p('theirs', 'other', 'review it with Sam')]],
    ['Ich schicke Ihnen die Zahlen bis Freitag.', [p('theirs', 'send', 'Ich schicke Ihnen die Zahlen', eod(2026, 11, 20), 'bis Freitag')]],
    ['Wir melden uns nächste Woche.', [p('theirs', 'callback', 'Wir melden uns', eod(2026, 11, 27), 'nächste Woche')]],
    ['Our CFO will sign off next week.', [p('theirs', 'decision', 'sign off', eod(2026, 11, 27), 'next week')]],
    ["We'll get the contract signed by the 1st.", [p('theirs', 'decision', 'get the contract signed', eod(2026, 12, 1), 'by the 1st')]],
    ['We will review internally and decide next month.', [p('theirs', 'decision', 'review internally and decide', eod(2026, 12, 31), 'next month')]],
    ["I'm going to send you the numbers tomorrow morning.", [p('theirs', 'send', 'send you the numbers', eod(2026, 11, 19), 'tomorrow morning')]],
    ['Payment will be made by the end of the month.', [p('theirs', 'payment', 'Payment will be made', eod(2026, 11, 30), 'by the end of the month')]],
    [
      "Next steps:\n- We'll pay the deposit on Monday\n- I'll send the signed SOW by Friday",
      [p('theirs', 'deposit', 'pay the deposit', eod(2026, 11, 23), 'on Monday'), p('theirs', 'send', 'send the signed SOW', eod(2026, 11, 20), 'by Friday')],
    ],
  ])('%s', (text, expected) => {
    expect(read(text, 'contact')).toEqual(expected);
  });
});

describe('extractPromises: notes written by the rep about both sides', () => {
  it('reads "she\'ll" as theirs and "I\'ll" as mine in one note', () => {
    expect(read("Met Dana today. She'll send the signed contract by Friday and I'll prepare the onboarding plan.", 'rep')).toEqual([
      p('theirs', 'send', 'send the signed contract', eod(2026, 11, 20), 'by Friday'),
      p('mine', 'send', 'prepare the onboarding plan'),
    ]);
  });

  it('names a named third party in the restatement', () => {
    expect(read('Dana will send the PO next week.', 'rep')).toEqual([p('theirs', 'payment', 'Dana to send the PO', eod(2026, 11, 27), 'next week')]);
  });

  it('reads reported promises', () => {
    expect(read('They agreed to pay the deposit on the 15th.', 'rep')).toEqual([p('theirs', 'deposit', 'pay the deposit', eod(2026, 12, 15), 'on the 15th')]);
    expect(read("He said he'd call me back on Monday.", 'rep')).toEqual([p('theirs', 'callback', 'call me back', eod(2026, 11, 23), 'on Monday')]);
  });

  it('keeps "my colleague" on the author\'s side', () => {
    expect(read('My colleague Priya will send you the security questionnaire tomorrow.', 'rep')).toEqual([
      p('mine', 'send', 'send you the security questionnaire', eod(2026, 11, 19), 'tomorrow'),
    ]);
  });

  it('reads "you\'ll send" in the rep\'s message as the contact\'s promise', () => {
    expect(read('As agreed, you will send the numbers by Friday.', 'rep')).toEqual([p('theirs', 'send', 'send the numbers', eod(2026, 11, 20), 'by Friday')]);
  });
});

describe('extractPromises: not promises', () => {
  it.each<[string, 'rep' | 'contact']>([
    ['Will you send the numbers by Friday?', 'rep'],
    ['Can we try a free pilot first?', 'contact'],
    ['So you\u2019ll send the numbers by Friday, right?', 'rep'],
    ["I won't be able to send it before Monday.", 'rep'],
    ["I can't promise we'll have it by Friday.", 'rep'],
    ['I will not send anything until you ask.', 'rep'],
    ["I don't think we'll pay the deposit this month.", 'contact'],
    ["I'm not sure we'll be able to send the PO next week.", 'contact'],
    ['Let me know if you have questions.', 'rep'],
    ['It will take about two weeks.', 'rep'],
    ['Shipping will be free next week.', 'contact'],
    ["I'll be out of office until Monday.", 'rep'],
    ['I will be on vacation next week.', 'contact'],
    ['We can talk next week.', 'contact'],
    ['I can see why that matters.', 'rep'],
    ['Happy to send more details if useful.', 'rep'],
    ['Can I send you the deck on Monday?', 'rep'],
    ['Thanks! We will.', 'contact'],
    ['Thanks for the call yesterday, it was great to meet you.', 'contact'],
    ['Wir werden das nicht bis Freitag schaffen.', 'contact'],
    ['', 'rep'],
  ])('%s', (text, author) => {
    expect(read(text, author)).toEqual([]);
  });

  it('ignores quoted history below a reply header and "> " lines', () => {
    const text = [
      'Hi Dana,',
      '',
      "Thanks for your time today. I'll send the summary by Friday.",
      '',
      'On Tue, Nov 17, 2026 at 9:14 AM Dana <dana@northwind.com> wrote:',
      "> We'll pay the deposit by the 15th.",
    ].join('\n');
    expect(read(text, 'rep')).toEqual([p('mine', 'send', 'send the summary', eod(2026, 11, 20), 'by Friday')]);
    expect(read("> I'll send the summary by Friday.\nSounds good.", 'rep')).toEqual([]);
  });
});

describe('extractPromises: offsets and robustness', () => {
  it('gives the UTF-16 offsets of the sentence the promise is in', () => {
    const text = 'Great call today! 😀 Next step: I\u2019ll send the summary by Friday. Talk soon.';
    const [found] = extractPromises(text, { messageDate: WED, author: 'rep' });
    expect(found).toBeDefined();
    expect(text.slice(found!.start, found!.end)).toBe('Next step: I\u2019ll send the summary by Friday.');
  });

  it('joins a hard-wrapped sentence across a line break', () => {
    const text = "Thanks for walking me through the rollout plan this morning, it helps a lot and\nI'll send the summary by Friday.";
    expect(read(text, 'rep')).toEqual([p('mine', 'send', 'send the summary', eod(2026, 11, 20), 'by Friday')]);
  });

  it('keeps the promise but no date when the message date is unknown', () => {
    expect(extractPromises("I'll send the summary by Friday.", { messageDate: Number.NaN, author: 'rep' })).toEqual([
      { direction: 'mine', kind: 'send', text: 'send the summary', dueAt: null, dueText: null, start: 0, end: 32 },
    ]);
  });

  it('never throws on odd input', () => {
    expect(extractPromises(null as unknown as string, { messageDate: WED, author: 'rep' })).toEqual([]);
    expect(extractPromises("I'll send it", undefined as unknown as { messageDate: number; author: 'rep' })).toHaveLength(1);
    const huge = "I'll send the deck tomorrow. ".repeat(5000);
    const found = extractPromises(huge, { messageDate: WED, author: 'rep' });
    // Identical promises are listed once (the text is capped, so the last sentence may be cut before its date).
    expect(found[0]).toMatchObject({ kind: 'send', text: 'send the deck', dueAt: eod(2026, 11, 19) });
    expect(found.length).toBeLessThanOrEqual(2);
  });
});

describe('authoredText', () => {
  it('drops quoted lines and everything after the reply header', () => {
    expect(authoredText('Sounds good.\n> old line\nBest,\nDana\n\nOn Mon, Nov 16, 2026 at 9:00 AM Alex wrote:\nold')).toBe('Sounds good.\n\nBest,\nDana');
  });
});
