import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectStalls, type StallMessage } from '../../lib/stalls/detect';
import type { Commitment, StallFinding } from '../../lib/playbook/types';

const at = (y: number, m: number, d: number, h = 10): number => new Date(y, m - 1, d, h, 0, 0, 0).getTime();
const eod = (y: number, m: number, d: number): number => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
const NOW = at(2026, 11, 18); // Wednesday 18 Nov 2026, 10:00

const inbound = (d: number, text: string): StallMessage => ({ fromMe: false, date: at(2026, 11, d), text });
const outbound = (d: number, text: string): StallMessage => ({ fromMe: true, date: at(2026, 11, d), text });

function c(id: string, over: Partial<Commitment>): Commitment {
  return {
    id,
    contactId: 'c1',
    direction: 'theirs',
    kind: 'other',
    text: `promise ${id}`,
    dueAt: null,
    status: 'open',
    createdAt: at(2026, 11, 1),
    updatedAt: at(2026, 11, 1),
    resolvedAt: null,
    source: 'manual',
    ...over,
  };
}

const signs = (f: StallFinding[]): string[] => f.map((x) => x.sign);

describe('missed_commitment', () => {
  it('flags their deposit that is open past its date as a missed payment date', () => {
    const out = detectStalls({
      messages: [],
      commitments: [c('dep', { kind: 'deposit', text: 'pay the deposit', dueAt: eod(2026, 11, 15) })],
      now: NOW,
    });
    expect(out).toEqual([
      {
        sign: 'missed_commitment',
        label: 'They missed a payment date (the deposit)',
        evidence: ['Promised "pay the deposit" by Sun, Nov 15; still open (3 days past due)'],
        questions: [
          'What is holding up the deposit?',
          'Has something changed on your side since we agreed on this?',
          'Is there someone else in your organisation I should review this with?',
        ],
      },
    ]);
  });

  it('flags a promise of theirs marked missed, with a general question', () => {
    const out = detectStalls({ messages: [], commitments: [c('x', { kind: 'send', text: 'send the signed contract', status: 'missed', dueAt: eod(2026, 11, 13) })], now: NOW });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      sign: 'missed_commitment',
      label: 'They have not kept a promise they made',
      evidence: ['Marked missed: "send the signed contract" (due Fri, Nov 13)'],
    });
    expect(out[0]!.questions[0]).toBe('Has something changed on your side since we agreed on this?');
  });

  it('reads a delayed payment from the thread', () => {
    const out = detectStalls({ messages: [inbound(16, 'Hi Alex, sorry, the payment has been delayed until after our budget review.')], commitments: [], now: NOW });
    expect(signs(out)).toEqual(['missed_commitment']);
    expect(out[0]!.questions[0]).toBe('What is holding up the payment?');
    expect(out[0]!.evidence[0]).toContain('the payment has been delayed');
  });

  it('does not flag promises that are not due yet, kept, or ours', () => {
    const out = detectStalls({
      messages: [inbound(16, 'The payment went out this morning, thanks for your patience.')],
      commitments: [
        c('future', { kind: 'deposit', dueAt: eod(2026, 11, 20) }),
        c('kept', { kind: 'payment', dueAt: eod(2026, 11, 10), status: 'done' }),
        c('mine', { direction: 'mine', kind: 'send', dueAt: eod(2026, 11, 10) }),
        c('undated', { kind: 'send' }),
      ],
      now: NOW,
    });
    expect(out).toEqual([]);
  });
});

describe('sample_after_deposit', () => {
  it('flags a deposit agreement followed by a request for a free pilot', () => {
    const out = detectStalls({
      messages: [
        outbound(2, 'Here are the terms we discussed, with a 20% deposit to start.'),
        inbound(3, "Thanks Alex, the terms work for us. We'll pay the deposit by the 15th."),
        outbound(4, "Great, I'll send the onboarding checklist on Monday."),
        inbound(10, 'Quick one before we go further: can we try a free pilot first?'),
      ],
      commitments: [],
      now: NOW,
    });
    expect(signs(out)).toEqual(['sample_after_deposit']);
    expect(out[0]).toEqual({
      sign: 'sample_after_deposit',
      label: 'They agreed to a deposit, then asked for a free pilot',
      evidence: [
        'Agreed to the deposit: "We\'ll pay the deposit by the 15th." (Tue, Nov 3)',
        'Then asked: "Quick one before we go further: can we try a free pilot first?" (Tue, Nov 10)',
      ],
      questions: [
        'How would a pilot help you get to the next step?',
        'What is holding up the deposit?',
        'Is there someone else in your organisation I should review this with?',
      ],
    });
  });

  it('uses a deposit promise from the ledger, and a later sample request', () => {
    const out = detectStalls({
      messages: [inbound(12, 'Could you send us a few free samples so we can try them first?')],
      commitments: [c('dep', { kind: 'deposit', text: 'pay the deposit', dueAt: eod(2026, 11, 30), createdAt: at(2026, 11, 5) })],
      now: NOW,
    });
    expect(signs(out)).toEqual(['sample_after_deposit']);
    expect(out[0]!.label).toBe('They agreed to a deposit, then asked for a free sample');
  });

  it('reads "agreed to the deposit" phrasing and keeps thread order when dates are unknown', () => {
    const out = detectStalls({
      messages: [
        { fromMe: false, date: null, text: 'We are happy to go ahead with the deposit.' },
        { fromMe: false, date: null, text: 'Is there any chance of a trial account before we pay?' },
      ],
      commitments: [],
      now: NOW,
    });
    expect(signs(out)).toEqual(['sample_after_deposit']);
    expect(out[0]!.label).toBe('They agreed to a deposit, then asked for a free trial');
  });

  it('does not flag a free-trial question when no deposit was agreed', () => {
    expect(detectStalls({ messages: [inbound(10, 'Do you offer a free trial?')], commitments: [], now: NOW })).toEqual([]);
  });

  it('does not take a "sample contract" for a free sample', () => {
    const out = detectStalls({
      messages: [inbound(3, "We'll pay the deposit by Friday."), inbound(5, 'Could you send over the sample contract for legal?')],
      commitments: [],
      now: NOW,
    });
    expect(out).toEqual([]);
  });

  it('does not flag a trial request that came before the deposit agreement', () => {
    const out = detectStalls({
      messages: [inbound(2, 'Can we get a free trial?'), outbound(3, 'Sure, here it is.'), inbound(9, "Loved it. We'll pay the deposit next week.")],
      commitments: [],
      now: NOW,
    });
    expect(out).toEqual([]);
  });

  it('ignores the rep\u2019s own trial offer, a refused deposit, and a deposit already paid', () => {
    expect(
      detectStalls({
        messages: [inbound(3, "We'll pay the deposit by Friday."), outbound(5, 'Would a free pilot help your team?')],
        commitments: [],
        now: NOW,
      }),
    ).toEqual([]);
    expect(
      detectStalls({ messages: [inbound(3, 'We are not happy with the deposit.'), inbound(5, 'Can we try it first?')], commitments: [], now: NOW }),
    ).toEqual([]);
    expect(
      detectStalls({
        messages: [inbound(12, 'Can we try a free pilot for the second team?')],
        commitments: [c('dep', { kind: 'deposit', status: 'done', createdAt: at(2026, 11, 5), resolvedAt: at(2026, 11, 8) })],
        now: NOW,
      }),
    ).toEqual([]);
  });
});

describe('no_callback', () => {
  const promise = inbound(9, "Thanks for the proposal. I'll get back to you with the budget numbers by Thursday.");

  it('flags an overdue callback while they still count on the start date', () => {
    const out = detectStalls({ messages: [promise, inbound(16, 'Are we still on track for the January 4 start date?')], commitments: [], now: NOW });
    expect(out).toEqual([
      {
        sign: 'no_callback',
        label: "They haven't come back with the budget, but still expect the timeline to hold",
        evidence: [
          'Promised to get back to you with the budget numbers by Thu, Nov 12: "I\'ll get back to you with the budget numbers by Thursday." (Mon, Nov 9)',
          'Still counting on the timeline: "Are we still on track for the January 4 start date?" (Mon, Nov 16)',
        ],
        questions: [
          'Is there someone else in your organisation I should review this with?',
          'What is making the budget hard to pin down?',
          'Would it help to look at the timeline together, so it fits what is happening on your side?',
        ],
      },
    ]);
  });

  it('does not flag it once the information arrived', () => {
    const out = detectStalls({
      messages: [promise, inbound(13, 'Attached are the budget numbers. Are we still on track for the start date?')],
      commitments: [],
      now: NOW,
    });
    expect(out).toEqual([]);
  });

  it('does not flag a callback that is not due yet, or one without any deadline talk', () => {
    expect(
      detectStalls({ messages: [inbound(16, "I'll get back to you with the numbers next week. Still on track for the start date.")], commitments: [], now: NOW }),
    ).toEqual([]);
    expect(detectStalls({ messages: [promise, inbound(16, 'Sorry, crazy week here.')], commitments: [], now: NOW })).toEqual([]);
  });

  it('uses an overdue callback from the ledger and does not repeat it as a missed commitment', () => {
    const out = detectStalls({
      messages: [inbound(14, 'We still need everything by the go-live date, of course.')],
      commitments: [c('cb', { kind: 'callback', text: 'call back with the sign-off', dueAt: eod(2026, 11, 12), createdAt: at(2026, 11, 6) })],
      now: NOW,
    });
    expect(signs(out)).toEqual(['no_callback']);
    expect(out[0]!.label).toBe("They haven't come back with the sign-off, but still expect the timeline to hold");
  });

  it('treats an undated "I\'ll get back to you" as overdue after three quiet days', () => {
    const undated = inbound(10, "I'll get back to you with the figures. We still need this live by the launch date.");
    expect(signs(detectStalls({ messages: [undated], commitments: [], now: at(2026, 11, 12) }))).toEqual([]);
    expect(signs(detectStalls({ messages: [undated], commitments: [], now: at(2026, 11, 13, 11) }))).toEqual(['no_callback']);
  });
});

describe('missed_appointments', () => {
  it('flags two missed or moved appointments', () => {
    const out = detectStalls({
      messages: [
        inbound(5, 'Sorry I missed our call this morning, something came up.'),
        outbound(5, 'No problem at all, how about Thursday?'),
        inbound(12, 'I need to reschedule our Thursday meeting, apologies.'),
      ],
      commitments: [],
      now: NOW,
    });
    expect(out).toEqual([
      {
        sign: 'missed_appointments',
        label: 'Appointments keep getting missed or moved',
        evidence: [
          'They wrote: "Sorry I missed our call this morning, something came up." (Thu, Nov 5)',
          'They wrote: "I need to reschedule our Thursday meeting, apologies." (Thu, Nov 12)',
        ],
        questions: ['How has your schedule changed?', 'Would a short written update suit you better than a meeting for now?'],
      },
    ]);
  });

  it('reads typographic apostrophes as Gmail writes them ("can’t make it", "couldn’t make the call")', () => {
    const curly = detectStalls({
      messages: [inbound(5, 'I’m so sorry, I can’t make it today.'), outbound(9, 'We waited for you on the call.'), inbound(12, 'Apologies, I couldn’t make the call, something came up.')],
      commitments: [],
      now: NOW,
    });
    expect(signs(curly)).toEqual(['missed_appointments']);
  });

  it('counts "reschedule again" as a repeat on its own', () => {
    expect(signs(detectStalls({ messages: [inbound(12, 'So sorry, I need to reschedule again.')], commitments: [], now: NOW }))).toEqual(['missed_appointments']);
  });

  it('counts missed appointments in the ledger and the rep\u2019s no-show notes, without repeating them as missed commitments', () => {
    const out = detectStalls({
      messages: [outbound(11, 'Note: Dana was a no-show for the demo.')],
      commitments: [c('ap', { kind: 'appointment', text: 'join the kickoff call', status: 'missed', dueAt: eod(2026, 11, 4) })],
      now: NOW,
    });
    expect(signs(out)).toEqual(['missed_appointments']);
    expect(out[0]!.evidence).toEqual(['Missed: "join the kickoff call" (Wed, Nov 4)', 'You noted: "Note: Dana was a no-show for the demo." (Wed, Nov 11)']);
  });

  it('does not flag a single reschedule, or the rep\u2019s own', () => {
    expect(detectStalls({ messages: [inbound(12, 'Can we reschedule to Friday?')], commitments: [], now: NOW })).toEqual([]);
    expect(detectStalls({ messages: [outbound(10, 'Sorry, I need to reschedule.'), outbound(12, 'Apologies, I need to move our call again.')], commitments: [], now: NOW })).toEqual([]);
  });

  it('does not take other "missed" or "move" sentences for appointments', () => {
    const out = detectStalls({
      messages: [inbound(10, 'Sorry, I missed your email last week.'), inbound(12, 'We need to move forward with the contract.'), inbound(14, 'Can we move the budget line to Q1?')],
      commitments: [],
      now: NOW,
    });
    expect(out).toEqual([]);
  });

  it('a single missed appointment in the ledger is still a missed commitment', () => {
    const out = detectStalls({ messages: [], commitments: [c('ap', { kind: 'appointment', text: 'join the kickoff call', status: 'missed' })], now: NOW });
    expect(signs(out)).toEqual(['missed_commitment']);
  });

  describe('one miss told in several places counts once (by its local day)', () => {
    const march = (d: number, h = 10) => at(2026, 3, d, h);
    const missedCall = (dueAt: number, id = 'ap') => c(id, { kind: 'appointment', text: 'join the Monday call', status: 'missed', dueAt, createdAt: march(1) });
    const theirs = (date: number, text: string): StallMessage => ({ fromMe: false, date, text });
    const mine = (date: number, text: string): StallMessage => ({ fromMe: true, date, text });
    const run = (messages: StallMessage[], commitments: Commitment[]) => detectStalls({ messages, commitments, now: march(12) });

    it.each([
      ['the ledger miss and their apology the same morning', [theirs(march(2, 11), 'So sorry I missed our call this morning.')], [missedCall(march(2, 9))]],
      ['the ledger miss (due at the end of the day) and their apology', [theirs(march(2, 11), 'So sorry I missed our call this morning.')], [missedCall(eod(2026, 3, 2))]],
      ['the ledger miss and an apology late that evening', [theirs(march(2, 23), 'Apologies for missing our call today.')], [missedCall(march(2, 9))]],
      ['the ledger miss and their apology the next day for "yesterday\'s call"', [theirs(march(3, 8), "Sorry I missed yesterday's call.")], [missedCall(march(2, 9))]],
      ['the rep\u2019s no-show note and their apology, no ledger', [mine(march(2, 10), 'Note: Dana did not show for the call.'), theirs(march(2, 14), 'So sorry I missed our call this morning.')], []],
      ['their "can\'t make it today" and their apology afterwards', [theirs(march(2, 8), "I can't make it today."), theirs(march(2, 16), 'Sorry for missing our call.')], []],
      ['the ledger miss (Monday 17:00) and their apology the next morning', [theirs(march(3, 8), 'So sorry I missed our call, something came up.')], [missedCall(march(2, 17))]],
    ] as const)('%s: no repeated-miss finding', (_label, messages, commitments) => {
      const out = run([...messages], [...commitments]);
      expect(signs(out)).not.toContain('missed_appointments');
    });

    it('leaves the one ledger miss to show as a missed commitment', () => {
      const out = run([theirs(march(2, 11), 'So sorry I missed our call this morning.')], [missedCall(march(2, 9))]);
      expect(out).toEqual([
        {
          sign: 'missed_commitment',
          label: 'They have not kept a promise they made',
          evidence: ['Marked missed: "join the Monday call" (due Mon, Mar 2)'],
          questions: ['Has something changed on your side since we agreed on this?', 'Is there someone else in your organisation I should review this with?'],
        },
      ]);
    });

    it.each([
      ['the ledger miss and an apology for another day\u2019s call', [theirs(march(9, 11), 'So sorry I missed our call this morning.')], [missedCall(march(2, 9))]],
      ['two ledger misses on different days', [], [missedCall(march(2, 9), 'ap1'), missedCall(march(9, 9), 'ap2')]],
      ['two apologies on different days', [theirs(march(2, 11), 'So sorry I missed our call this morning.'), theirs(march(9, 11), 'Apologies, I missed our call today.')], []],
      ['the rep\u2019s no-show note and a later reschedule', [mine(march(2, 10), 'Note: Dana was a no-show for the demo.'), theirs(march(6, 9), 'I need to reschedule our Monday call.')], []],
      ['the same day twice, then another day', [theirs(march(2, 11), 'So sorry I missed our call this morning.'), theirs(march(9, 11), 'I need to reschedule our call.')], [missedCall(march(2, 9))]],
      ['an undated apology next to a dated ledger miss (no day to match)', [{ fromMe: false, date: null, text: 'So sorry I missed our call.' }], [missedCall(march(2, 9))]],
      ['one apology that says it happened again', [theirs(march(2, 11), 'Sorry, I need to reschedule again.')], [missedCall(march(2, 9))]],
      ['the ledger miss and a request the next morning to move another meeting', [theirs(march(3, 8), 'I need to reschedule our Thursday meeting.')], [missedCall(march(2, 17))]],
      ['the ledger miss, and the next day an apology for missing that day\'s call', [theirs(march(3, 15), 'So sorry I missed our call this morning.')], [missedCall(march(2, 17))]],
    ] as const)('%s: a repeated-miss finding', (_label, messages, commitments) => {
      const out = run([...messages], [...commitments]);
      expect(signs(out)).toContain('missed_appointments');
      // Every sighting stays in the evidence, and the ledger rows are not listed again as broken promises.
      const f = out.find((x) => x.sign === 'missed_appointments')!;
      expect(f.evidence).toHaveLength(messages.length + commitments.length);
      expect(signs(out)).not.toContain('missed_commitment');
    });
  });
});

describe('detectStalls overall', () => {
  const busy = {
    messages: [
      inbound(2, "The terms work. We'll pay the deposit by the 6th."),
      inbound(9, "I'll call you back with the numbers on Thursday. We still need to keep the original start date."),
      inbound(11, 'Sorry I missed our call, something came up.'),
      inbound(13, 'Could we do a free trial before we commit? Also, I have to reschedule again.'),
    ],
    commitments: [c('dep', { kind: 'deposit', text: 'pay the deposit', dueAt: eod(2026, 11, 6), createdAt: at(2026, 11, 2) })],
    now: NOW,
  };

  it('reports every sign once, in a stable order', () => {
    expect(signs(detectStalls(busy))).toEqual(['missed_commitment', 'sample_after_deposit', 'no_callback', 'missed_appointments']);
  });

  it('never suggests pressure or a seller deadline', () => {
    const questions = detectStalls(busy).flatMap((f) => f.questions);
    expect(questions.length).toBeGreaterThanOrEqual(8);
    for (const q of questions) {
      expect(q).toMatch(/\?$/);
      expect(q).not.toMatch(/\b(deadline|asap|today|tomorrow|by (monday|tuesday|wednesday|thursday|friday)|last chance|limited|expires|lose|only)\b/i);
    }
    for (const f of detectStalls(busy)) {
      expect(f.questions.length).toBeGreaterThanOrEqual(1);
      expect(f.questions.length).toBeLessThanOrEqual(3);
    }
  });

  const trustPath = fileURLToPath(new URL('../../lib/trust/index.ts', import.meta.url));
  it.skipIf(!existsSync(trustPath))('every suggested question passes the trust check', async () => {
    const { checkDraft } = (await import(/* @vite-ignore */ trustPath)) as { checkDraft: (t: string) => { findings: unknown[] } };
    for (const q of detectStalls(busy).flatMap((f) => f.questions)) expect([q, checkDraft(q).findings]).toEqual([q, []]);
  });

  it('is deterministic and does not depend on the machine clock', () => {
    expect(detectStalls(busy)).toEqual(detectStalls(structuredClone(busy)));
  });

  it('never throws on odd input', () => {
    expect(detectStalls(null as unknown as Parameters<typeof detectStalls>[0])).toEqual([]);
    expect(detectStalls({ messages: null, commitments: null, now: NOW } as unknown as Parameters<typeof detectStalls>[0])).toEqual([]);
    expect(detectStalls({ messages: [null, { fromMe: false, date: 'x', text: 42 }], commitments: [null], now: NOW } as unknown as Parameters<typeof detectStalls>[0])).toEqual([]);
    expect(detectStalls({ ...busy, now: Number.NaN })).toEqual([]);
  });
});
