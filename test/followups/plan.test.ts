import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  followUpsWithoutAnswer,
  isDormant,
  planFollowUp,
  validateValueReason,
  type FollowUpHistoryItem,
  type FollowUpPlanInput,
} from '../../lib/followups/plan';
import type { ValueReason, ValueReasonKind } from '../../lib/playbook/types';
import { NAMES_IN_EVERY_SCRIPT, NOT_A_PERSON, nfd } from '../helpers/names';

const DAY = 86_400_000;
const at = (y: number, m: number, d: number, h = 10): number => new Date(y, m - 1, d, h, 0, 0, 0).getTime();
const NOW = at(2026, 11, 18);

const checklist: ValueReason = { kind: 'resource', detail: 'our CRM rollout checklist', url: 'https://example.com/crm-checklist' };

function input(over: Partial<FollowUpPlanInput> = {}): FollowUpPlanInput {
  return { contactName: 'Dana Whitfield', unanswered: 0, reason: checklist, signOff: 'Best,\nAlex', ...over };
}

describe('isDormant', () => {
  it('is dormant from exactly `days` days after the last interaction', () => {
    expect(isDormant(NOW - 30 * DAY, NOW, 30)).toBe(true);
    expect(isDormant(NOW - 30 * DAY + 1, NOW, 30)).toBe(false);
    expect(isDormant(NOW - 90 * DAY, NOW, 30)).toBe(true);
    expect(isDormant(NOW, NOW, 0)).toBe(true);
  });

  it('is not dormant without any interaction (nothing to follow up) or on odd input', () => {
    expect(isDormant(null, NOW, 30)).toBe(false);
    expect(isDormant(Number.NaN, NOW, 30)).toBe(false);
    expect(isDormant(NOW - 90 * DAY, Number.NaN, 30)).toBe(false);
    expect(isDormant(NOW - 90 * DAY, NOW, -1)).toBe(false);
  });
});

describe('followUpsWithoutAnswer', () => {
  const h = (kind: string, day: number): FollowUpHistoryItem => ({ kind, at: at(2026, 11, day) });

  it.each<[string, FollowUpHistoryItem[], number]>([
    ['nothing yet', [], 0],
    ['our messages, never an answer', [h('email_out', 1), h('follow_up', 5)], 2],
    ['answered, then three follow-ups', [h('email_out', 1), h('email_in', 2), h('follow_up', 5), h('follow_up', 9), h('email_out', 12)], 3],
    ['an inbound reply resets the count', [h('email_out', 1), h('follow_up', 5), h('follow_up', 9), h('email_in', 10), h('follow_up', 15)], 1],
    ['order of the list does not matter', [h('follow_up', 15), h('email_in', 10), h('follow_up', 5), h('email_out', 1)], 1],
    ['other history kinds are ignored', [h('email_in', 1), h('profile_visit', 2), h('contact_saved', 3), h('follow_up', 4), h('note', 5)], 1],
    ['their reply was the last word', [h('email_out', 1), h('email_in', 3)], 0],
  ])('%s', (_name, history, expected) => {
    expect(followUpsWithoutAnswer(history)).toBe(expected);
  });

  it('never throws on odd input', () => {
    expect(followUpsWithoutAnswer(null as unknown as FollowUpHistoryItem[])).toBe(0);
    expect(followUpsWithoutAnswer([null, { kind: 7, at: 1 }, { kind: 'email_out', at: Number.NaN }] as unknown as FollowUpHistoryItem[])).toBe(0);
  });
});

describe('followUpsWithoutAnswer: a logged follow-up and its Gmail copy are one email', () => {
  // "Copy and log as sent" writes a `follow_up`; opening the thread after sending writes the same email as `email_out`.
  const h = (kind: string, day: number, hour = 10, minute = 0): FollowUpHistoryItem => ({ kind, at: at(2026, 11, day, hour) + minute * 60_000 });
  const conversation = [h('email_in', 1), h('email_out', 2)];

  it.each<[string, FollowUpHistoryItem[], number]>([
    ['logged, then sent in Gmail minutes later (the reported case)', [...conversation, h('follow_up', 9), h('email_out', 9, 10, 5)], 2],
    ['sent in Gmail, then logged', [...conversation, h('email_out', 9), h('follow_up', 9, 10, 30)], 2],
    ['Gmail dates the message a minute before it was logged', [...conversation, h('follow_up', 9, 10, 1), h('email_out', 9, 10, 0)], 2],
    ['logged in the evening, sent the next morning', [...conversation, h('follow_up', 12, 19), h('email_out', 13, 8)], 2],
    ['a Gmail message and a logged follow-up three days apart are two', [...conversation, h('email_out', 9), h('follow_up', 12)], 3],
    ['the list in any order', [h('email_out', 9, 10, 5), h('email_out', 2), h('follow_up', 9), h('email_in', 1)], 2],
    ['two follow-ups a week apart, each logged and sent', [...conversation, h('follow_up', 9), h('email_out', 9, 10, 5), h('follow_up', 16), h('email_out', 16, 10, 5)], 3],
    ['two follow-ups a week apart, one only logged, one only in Gmail', [...conversation, h('follow_up', 9), h('email_out', 16)], 3],
    ['a follow-up logged but never sent from Gmail (LinkedIn) still counts', [h('email_in', 1), h('follow_up', 9)], 1],
    ['a logged follow-up beside a sent and logged one still counts', [h('email_in', 1), h('follow_up', 9), h('email_out', 9, 10, 5), h('follow_up', 20)], 2],
    ['one-to-one: one logged follow-up and two Gmail messages are two', [h('email_in', 1), h('follow_up', 9), h('email_out', 9, 10, 5), h('email_out', 9, 15)], 2],
    ['one-to-one: two logged follow-ups and one Gmail message are two', [h('email_in', 1), h('follow_up', 9), h('follow_up', 10), h('email_out', 10, 10, 5)], 2],
    ['no pair across their answer: logged, they answered, then a Gmail reply', [h('follow_up', 9), h('email_in', 9, 12), h('email_out', 9, 14)], 1],
  ])('%s', (_name, history, expected) => {
    expect(followUpsWithoutAnswer(history)).toBe(expected);
  });

  it('pairs up to two days apart either way round, not more', () => {
    const f = at(2026, 11, 9);
    expect(followUpsWithoutAnswer([{ kind: 'follow_up', at: f }, { kind: 'email_out', at: f + 2 * DAY }])).toBe(1);
    expect(followUpsWithoutAnswer([{ kind: 'email_out', at: f - 2 * DAY }, { kind: 'follow_up', at: f }])).toBe(1);
    expect(followUpsWithoutAnswer([{ kind: 'follow_up', at: f }, { kind: 'email_out', at: f + 2 * DAY + 1 }])).toBe(2);
    expect(followUpsWithoutAnswer([{ kind: 'email_out', at: f - 2 * DAY - 1 }, { kind: 'follow_up', at: f }])).toBe(2);
  });

  it('two follow-ups sent and logged do not close the file at a limit of 3', () => {
    const history = [...conversation, h('follow_up', 9), h('email_out', 9, 10, 5)];
    expect(planFollowUp(input({ unanswered: followUpsWithoutAnswer(history), maxUnanswered: 3 })).action).toBe('draft');
    const third = [...history, h('follow_up', 20), h('email_out', 20, 10, 5)];
    expect(planFollowUp(input({ unanswered: followUpsWithoutAnswer(third), maxUnanswered: 3 })).action).toBe('close_file');
  });
});

describe('validateValueReason', () => {
  it.each<[string, ValueReason | null]>([
    ['nothing', null],
    ['empty detail', { kind: 'resource', detail: '   ' }],
    ['too short', { kind: 'news', detail: 'an update' }],
    ['unknown kind', { kind: 'pitch' as ValueReasonKind, detail: 'our brand new pricing page' }],
    ['just checking in', { kind: 'news', detail: 'Just checking in to see how things are going' }],
    ['touching base', { kind: 'resource', detail: 'touching base about the proposal' }],
    ['following up', { kind: 'answer', detail: 'Following up on my last email' }],
    ['see if you had a chance', { kind: 'resource', detail: 'want to see if you had a chance to read the proposal' }],
    ['any update', { kind: 'news', detail: 'any update on your side regarding the decision?' }],
    ['circle back', { kind: 'news', detail: 'I wanted to circle back on pricing' }],
    ['check-in', { kind: 'news', detail: 'a quick check-in before the holidays' }],
    ['de: nachfassen', { kind: 'news', detail: 'Ich wollte kurz nachfassen wegen des Angebots' }],
    ['de: melden', { kind: 'news', detail: 'Wollte mich mal melden wegen unseres Gesprächs' }],
    ['de: Neuigkeiten', { kind: 'news', detail: 'Gibt es Neuigkeiten zu Ihrer Entscheidung?' }],
    ['es: seguimiento', { kind: 'news', detail: 'Quería dar seguimiento a mi propuesta' }],
    ['es: novedad', { kind: 'news', detail: '¿Alguna novedad sobre el presupuesto?' }],
    ['fr: relancer', { kind: 'news', detail: 'Je me permets de relancer au sujet de notre offre' }],
    ['fr: faire le point', { kind: 'news', detail: 'faire le point sur votre projet' }],
  ])('rejects %s, with a reason', (_name, reason) => {
    const res = validateValueReason(reason);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message.length).toBeGreaterThan(20);
  });

  it('says what is wrong with a check-in', () => {
    const res = validateValueReason({ kind: 'news', detail: 'Just checking in on the proposal' });
    expect(res).toEqual({
      ok: false,
      message:
        'This reads as checking in, not a reason: it asks for their attention and gives nothing back. Name the resource, news, result, introduction or answer you are bringing.',
    });
  });

  it.each<ValueReason>([
    checklist,
    { kind: 'news', detail: 'the new EU e-invoicing rules take effect in January' },
    { kind: 'success_story', detail: 'Acme cut onboarding time by a third in two months' },
    { kind: 'introduction', detail: 'Sam Lee, who runs operations at Northwind' },
    { kind: 'answer', detail: 'yes, the import works with HubSpot exports as they are' },
    { kind: 'resource', detail: 'our follow-up survey template for churned customers' },
    { kind: 'resource', detail: 'Leitfaden für die CRM-Einführung' },
  ])('accepts a real reason: $detail', (reason) => {
    expect(validateValueReason(reason)).toEqual({ ok: true });
  });
});

describe('planFollowUp: the K-follow-up rule', () => {
  const h = (kind: string, day: number): FollowUpHistoryItem => ({ kind, at: at(2026, 11, day) });

  it('2 unanswered → draft, 3 → close_file, and a reply starts the count again', () => {
    const two = [h('email_out', 1), h('follow_up', 5)];
    const three = [...two, h('follow_up', 9)];
    const replied = [...three, h('email_in', 10), h('follow_up', 14)];
    expect(planFollowUp(input({ unanswered: followUpsWithoutAnswer(two) })).action).toBe('draft');
    expect(planFollowUp(input({ unanswered: followUpsWithoutAnswer(three) })).action).toBe('close_file');
    expect(planFollowUp(input({ unanswered: followUpsWithoutAnswer(replied) })).action).toBe('draft');
  });

  it('honours a custom limit, and suggests closing the file even without a value reason', () => {
    expect(planFollowUp(input({ unanswered: 2, maxUnanswered: 2 })).action).toBe('close_file');
    expect(planFollowUp(input({ unanswered: 4, reason: null })).action).toBe('close_file');
    expect(planFollowUp(input({ unanswered: 2, maxUnanswered: 0 })).action).toBe('draft'); // an invalid limit falls back to 3
  });

  it('writes a graceful "permission to close the file" message', () => {
    const plan = planFollowUp(input({ unanswered: 3, lastTopic: 'the onboarding rollout' }));
    expect(plan).toEqual({
      action: 'close_file',
      text: [
        'Hi Dana,',
        'I have sent a few notes about the onboarding rollout, and I would rather not crowd your inbox. Often that means the timing or the fit is not right, and that is fine.',
        'Would you mind if I closed the file on this for now? If things change, or if something I know could help, I would be glad to hear from you whenever it suits you.',
        'Best,\nAlex',
      ].join('\n\n'),
      why: '3 follow-ups without an answer (limit 3). Asking permission to close the file lets them say no, saves you both time, and leaves the door open.',
    });
  });
});

describe('planFollowUp: drafts', () => {
  it('refuses without a value reason, and explains why', () => {
    expect(planFollowUp(input({ reason: null }))).toEqual({
      action: 'needs_reason',
      why: 'Add a reason that helps them: a resource, news, a client result, an introduction or an answer. Without one, a follow-up is a check-in.',
    });
    const checkIn = planFollowUp(input({ reason: { kind: 'news', detail: 'just touching base about the proposal' } }));
    expect(checkIn.action).toBe('needs_reason');
  });

  it('opens with the value, personalises, acknowledges the stated reason and keeps the real one out of the text', () => {
    const plan = planFollowUp(input({ unanswered: 1, lastTopic: 'the onboarding rollout', declineStated: 'price', declineReal: 'their CFO prefers the incumbent' }));
    expect(plan.action).toBe('draft');
    if (plan.action !== 'draft') return;
    expect(plan.text).toBe(
      [
        'Hi Dana,',
        'Here is our CRM rollout checklist, which may help with the onboarding rollout.\nhttps://example.com/crm-checklist',
        'I know price was a concern when we last spoke, and I respect that; this is not meant to reopen it.',
        'No need to reply; I hope it is useful.',
        'Best,\nAlex',
      ].join('\n\n'),
    );
    expect(plan.text).not.toContain('CFO');
    expect(plan.why).toContain('their CFO prefers the incumbent');
    expect(plan.why).toContain('1 of 3 follow-ups unanswered');
  });

  it.each<[ValueReason, string, string]>([
    [{ kind: 'news', detail: 'the new EU e-invoicing rules take effect in January' }, 'Some news that may matter to you: the new EU e-invoicing rules take effect in January.', 'No need to reply; I hope it is useful.'],
    [{ kind: 'success_story', detail: 'Acme cut onboarding time by a third in two months.' }, 'A result from a client in a similar spot: Acme cut onboarding time by a third in two months.', 'If it is relevant, would it help if I shared how they went about it?'],
    [{ kind: 'introduction', detail: 'Sam Lee, who runs operations at Northwind' }, 'I thought an introduction could help: Sam Lee, who runs operations at Northwind.', 'Would an introduction be welcome? Either way is fine.'],
    [{ kind: 'answer', detail: 'yes, the import works with HubSpot exports as they are' }, 'An answer to your question: yes, the import works with HubSpot exports as they are.', 'I hope that helps with what you were working through.'],
  ])('opens a $kind draft with the value', (reason, opening, closing) => {
    const plan = planFollowUp(input({ reason, firstName: 'Dana' }));
    expect(plan.action).toBe('draft');
    if (plan.action !== 'draft') return;
    const paragraphs = plan.text.split('\n\n');
    expect(paragraphs[0]).toBe('Hi Dana,');
    expect(paragraphs[1]).toBe(opening);
    expect(paragraphs[2]).toBe(closing);
  });

  it('uses a plain greeting when no first name is known, and drops unsafe links', () => {
    const plan = planFollowUp({ contactName: 'sales@northwind.com', unanswered: 0, reason: { ...checklist, url: 'javascript:alert(1)' } });
    expect(plan.action).toBe('draft');
    if (plan.action !== 'draft') return;
    expect(plan.text.startsWith('Hi,\n\n')).toBe(true);
    expect(plan.text).not.toContain('javascript:');
    expect(plan.text.endsWith('Best,')).toBe(true);
  });

  it('never checks in, never sets a deadline or guarantee, never pushes a meeting, asks at most one question', () => {
    const kinds: ValueReasonKind[] = ['resource', 'news', 'success_story', 'introduction', 'answer'];
    for (const kind of kinds) {
      for (const declineStated of [null, 'price', 'budget', 'incumbent', 'timing', 'need', 'authority', 'too expensive for us']) {
        const plan = planFollowUp(input({ reason: { kind, detail: 'a two-page guide to cleaning CRM data before a migration' }, declineStated, unanswered: 2 }));
        expect(plan.action).toBe('draft');
        const text = plan.action === 'draft' ? plan.text : '';
        expect(text).not.toMatch(/check(ing)? in|touch(ing)? base|follow(ing)? up|circl(e|ing) back|deadline|guarantee|asap|last chance|meeting|hop on|quick call|book a/i);
        expect((text.match(/\?/g) ?? []).length).toBeLessThanOrEqual(1);
      }
    }
  });

  it('mentions a free-text decline reason only when it maps to a known one', () => {
    const known = planFollowUp(input({ declineStated: 'We are staying with our current vendor' }));
    const unknown = planFollowUp(input({ declineStated: 'reasons' }));
    expect(known.action === 'draft' && known.text).toContain('I know you were staying with your current provider when we last spoke');
    expect(unknown.action === 'draft' && unknown.text).not.toContain('I know');
  });

  it('never throws on odd input', () => {
    expect(planFollowUp(null as unknown as FollowUpPlanInput).action).toBe('needs_reason');
    expect(planFollowUp({ contactName: 42, unanswered: Number.NaN, reason: { kind: 'resource', detail: 7 } } as unknown as FollowUpPlanInput).action).toBe('needs_reason');
    const weird = planFollowUp(input({ firstName: 'Dana\n<script>', lastTopic: '{{topic}}\u202E', signOff: 42 as unknown as string }));
    expect(weird.action === 'draft' && weird.text).not.toMatch(/[<>{}\u202E]/);
  });
});

describe('planFollowUp: first names in every script', () => {
  const hi = (over: Partial<FollowUpPlanInput>): string => {
    const plan = planFollowUp(input(over));
    return plan.action === 'draft' ? (plan.text.split('\n\n')[0] ?? '') : plan.action;
  };

  it.each<[string, string, string]>([
    ...NAMES_IN_EVERY_SCRIPT,
    ['Latin', 'Dana Whitfield', 'Hi Dana,'],
    ['Hebrew', 'נועה כהן', 'Hi נועה,'],
    ['Cyrillic', 'Анна Иванова', 'Hi Анна,'],
    ['Latin after a title', 'Dr. Dana Whitfield', 'Hi Dana,'],
    ['Latin, "Last, First"', 'Whitfield, Dana', 'Hi Dana,'],
    ['Latin with a degree', 'Dana Whitfield, PhD', 'Hi Dana,'],
  ])('greets %s', (_script, contactName, greeting) => {
    expect(hi({ contactName })).toBe(greeting);
  });

  it('normalises a given first name to NFC', () => {
    expect(hi({ firstName: nfd('José') })).toBe('Hi José,');
    expect(hi({ firstName: nfd('José') }).normalize('NFC')).toBe(hi({ firstName: nfd('José') }));
  });

  it.each<[string, string]>([
    ...NOT_A_PERSON,
    ['a role address', 'sales@northwind.com'],
    ['"info"', 'info'],
    ['an all-lower-case handle', 'dana_w'],
    ['an all-lower-case name (reads as a handle)', 'dana whitfield'],
    ['digits', 'R2D2 Droid'],
    ['one letter', 'D. Whitfield'],
    ['a title and a family name', 'Dr. Whitfield'],
  ])('greets without a name for %s', (_what, contactName) => {
    expect(hi({ contactName })).toBe('Hi,');
  });
});

const trustPath = fileURLToPath(new URL('../../lib/trust/index.ts', import.meta.url));
describe.skipIf(!existsSync(trustPath))('trust check (lib/trust)', () => {
  type Check = (t: string) => { score: number; findings: Array<{ kind: string; start: number; end: number }> };
  const load = async (): Promise<Check> => ((await import(/* @vite-ignore */ trustPath)) as { checkDraft: Check }).checkDraft;
  const findingsOf = (check: Check, text: string): string[] => check(text).findings.map((f) => `${f.kind}: "${text.slice(f.start, f.end)}"`);

  it('passes every generated draft with zero findings', async () => {
    const check = await load();
    const reasons: ValueReason[] = [
      checklist,
      { kind: 'news', detail: 'the new EU e-invoicing rules take effect in January', url: null },
      { kind: 'success_story', detail: 'Acme cut onboarding time by a third in two months' },
      { kind: 'introduction', detail: 'Sam Lee, who runs operations at Northwind and solved the same problem last year' },
      { kind: 'answer', detail: 'yes, the import works with HubSpot exports as they are' },
    ];
    for (const reason of reasons) {
      for (const declineStated of [null, 'price', 'budget', 'incumbent', 'timing', 'need', 'authority']) {
        for (const lastTopic of [null, 'the onboarding rollout']) {
          for (const firstName of ['Dana', null]) {
            const plan = planFollowUp({ contactName: firstName ? 'Dana Whitfield' : 'ops@northwind.com', firstName, unanswered: 1, reason, declineStated, lastTopic, signOff: 'Best,\nAlex' });
            expect(plan.action).toBe('draft');
            if (plan.action === 'draft') expect([plan.text, findingsOf(check, plan.text)]).toEqual([plan.text, []]);
          }
        }
      }
    }
  });

  it('passes every close-file message with zero findings', async () => {
    const check = await load();
    for (const lastTopic of [null, 'the onboarding rollout', 'the CRM migration']) {
      for (const firstName of ['Dana', null]) {
        const plan = planFollowUp({ contactName: 'Dana Whitfield', firstName, unanswered: 3, reason: null, lastTopic });
        expect(plan.action).toBe('close_file');
        if (plan.action === 'close_file') expect([plan.text, findingsOf(check, plan.text)]).toEqual([plan.text, []]);
      }
    }
  });

  it('flags the content-free follow-up the planner refuses to write (the check is live)', async () => {
    const check = await load();
    expect(check('Hi Dana, just checking in to see if you had a chance to look at the proposal.').findings.length).toBeGreaterThan(0);
  });
});
