import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  reportKinds,
  TRUST_FINDING_KINDS,
  TRUST_MAX_SCAN_CHARS,
  trustCorpusAccuracy,
  TrustCorpusSchema,
  type TrustAccuracy,
  type TrustCorpusDraft,
  type TrustReport,
} from '../../lib/trust';

const load = (name: string): TrustCorpusDraft[] =>
  TrustCorpusSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/trust/${name}`, import.meta.url)), 'utf8')));

// drafts.json: the main labelled corpus. holdout.json: drafts written in three later rounds *without* looking at the
// rules, measured blind first and only then used to fix rules (see the report in the commit); kept as a regression set.
const drafts = load('drafts.json');
const holdout = load('holdout.json');
const all = [...drafts, ...holdout];

/** Checks the invariants every report must satisfy, for any input. */
function expectWellFormed(text: string, report: TrustReport): void {
  expect(report.score).toBeGreaterThanOrEqual(0);
  expect(report.score).toBeLessThanOrEqual(100);
  expect(Number.isInteger(report.score)).toBe(true);
  let prev = -1;
  for (const f of report.findings) {
    expect(TRUST_FINDING_KINDS).toContain(f.kind);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.start).toBeGreaterThanOrEqual(prev);
    prev = f.start;
    expect(f.message.trim()).not.toBe('');
    expect(f.hint.trim()).not.toBe('');
  }
}

/** True when offset `i` lies on a line whose first non-blank character is ">". */
function inQuotedLine(text: string, i: number): boolean {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  return /^[ \t]*>/.test(text.slice(lineStart, lineStart + 200));
}

describe('corpus', () => {
  it('is big and varied enough to mean something', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(45);
    expect(drafts.filter((d) => d.expected.length === 0).length).toBeGreaterThanOrEqual(15);
    for (const kind of TRUST_FINDING_KINDS) expect(drafts.some((d) => d.expected.includes(kind)), kind).toBe(true);
    // Some German, Spanish and French drafts.
    expect(drafts.filter((d) => /^(?:de|es|fr)-|-(?:de|es|fr)-/.test(d.id)).length).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
  });

  it.each(all.map((d) => [d.id, d] as const))('%s: exact kinds', (_id, draft) => {
    const report = checkDraft(draft.text);
    expect(reportKinds(report)).toEqual([...draft.expected].sort());
  });

  it.each(all.map((d) => [d.id, d] as const))('%s: well-formed spans, never in quoted lines', (_id, draft) => {
    const report = checkDraft(draft.text);
    expectWellFormed(draft.text, report);
    for (const f of report.findings) {
      const slice = draft.text.slice(f.start, f.end);
      // A flagged phrase starts and ends on a visible character, not on padding.
      expect(slice.trim()).toBe(slice);
      expect(inQuotedLine(draft.text, f.start)).toBe(false);
    }
  });

  it('clean drafts score 100, flagged drafts score below 100', () => {
    for (const d of all) {
      const { score } = checkDraft(d.text);
      if (d.expected.length === 0) expect(score, d.id).toBe(100);
      else expect(score, d.id).toBeLessThan(100);
    }
  });

  it('a draft with several issues scores lower than one with one', () => {
    const one = checkDraft(drafts.find((d) => d.id === 'pressure-sign-today')!.text);
    const many = checkDraft(drafts.find((d) => d.id === 'cold-everything-wrong')!.text);
    expect(one.findings).toHaveLength(1);
    expect(many.findings.length).toBeGreaterThan(1);
    expect(many.score).toBeLessThan(one.score);
    // Adding an issue to any draft never raises its score, and lowers it unless it is already 0.
    for (const d of all) {
      const before = checkDraft(d.text).score;
      const after = checkDraft(`${d.text}\n\nAct now, this offer won't last!`).score;
      expect(after, d.id).toBe(Math.max(0, before - 20));
    }
  });

  it('is deterministic', () => {
    for (const d of all) expect(checkDraft(d.text)).toEqual(checkDraft(d.text));
  });

  it('messages and hints are single sentences', () => {
    const seen = new Set<string>();
    for (const d of all) for (const f of checkDraft(d.text).findings) seen.add(f.message).add(f.hint);
    expect(seen.size).toBeGreaterThan(10);
    for (const s of seen) {
      expect(s, s).toMatch(/[.]$/);
      expect(s.slice(0, -1), s).not.toMatch(/[.!?]\s/);
    }
  });
});

describe('spans point at the phrase', () => {
  it.each([
    ['Hi Dana,\n\nJust checking in to see where things are.', 'check_in', 'checking in'],
    ['Hope all is well. Touching base on the proposal.', 'check_in', 'touching base'],
    ['Circling back on my note from May.', 'check_in', 'circling back'],
    ['Hi, any update?', 'check_in', 'any update?'],
    ['Bumping this to the top of your inbox.', 'check_in', 'bumping this'],
    ['Ich wollte nur kurz nachhaken.', 'check_in', 'nachhaken'],
    ['Solo quería saber si lo viste.', 'check_in', 'solo quería saber'],
    ['Je me permets de revenir vers vous.', 'check_in', 'revenir vers vous'],
    ['Our offer expires Friday.', 'false_urgency', 'offer expires'],
    ['There are only 3 spots left.', 'false_urgency', 'only 3 spots left'],
    ['Heads up: the price goes up in May.', 'false_urgency', 'price goes up'],
    ['Act now!', 'false_urgency', 'act now'],
    ['We need your signature by end of month.', 'false_urgency', 'by end of month'],
    ['This is your last chance.', 'false_urgency', 'last chance'],
    ['Results are guaranteed.', 'over_promise', 'guaranteed'],
    ['It works 100% of the time.', 'over_promise', '100%'],
    ['It never fails.', 'over_promise', 'never fails'],
    ['We will double your revenue.', 'over_promise', 'double your revenue'],
    ['We will increase sales by 300% this year.', 'over_promise', 'by 300%'],
    ['Zero risk, honestly.', 'over_promise', 'zero risk'],
    ['We are the leading provider of CRM software.', 'self_focus', 'leading provider'],
    ['Our award-winning team can help.', 'self_focus', 'award-winning'],
    ['Do you have 15 minutes this week?', 'no_value', '15 minutes'],
    ["Let me know when you're free for a call.", 'no_value', 'when you'],
    ["Let's set up a demo next week.", 'pressure_close', 'set up a demo'],
    ["I'll send over the contract today.", 'pressure_close', 'contract'],
    ['Are you ready to move forward?', 'pressure_close', 'ready to move forward'],
    ['If you sign today, onboarding is free.', 'pressure_close', 'sign today'],
    ['What would it take to close this?', 'pressure_close', 'what would it take'],
    ["I've booked Thursday at 2pm for us.", 'pressure_close', 'booked'],
    ['Thanks, SSO works with Okta. Shall we schedule a call for Tuesday?', 'pressure_close', 'schedule a call for tuesday'],
  ] as const)('%s → %s', (text, kind, phrase) => {
    const report = checkDraft(text);
    const hits = report.findings.filter((f) => f.kind === kind);
    expect(hits, JSON.stringify(report.findings)).toHaveLength(1);
    expect(text.slice(hits[0]!.start, hits[0]!.end).toLowerCase()).toContain(phrase);
  });

  it('keeps offsets right around emoji, astral characters and RTL text', () => {
    const text = '\u{1F600}\u{1F389} مرحبا — just checking in \u{1F642}';
    const [f] = checkDraft(text).findings;
    expect(text.slice(f!.start, f!.end)).toBe('just checking in');
  });

  it('sees through zero-width characters and maps offsets back to the original text', () => {
    const text = 'Hi Sam, just che\u200Bcking\u200D in. Our offer ex\u00ADpires Friday.';
    const report = checkDraft(text);
    expect(reportKinds(report)).toEqual(['check_in', 'false_urgency']);
    const [a, b] = report.findings;
    expect(text.slice(a!.start, a!.end)).toBe('just che\u200Bcking\u200D in');
    expect(text.slice(b!.start, b!.end)).toBe('offer ex\u00ADpires');
  });

  it('gives the same kinds when invisible characters are sprinkled through every corpus draft', () => {
    for (const d of drafts) {
      const sprinkled = d.text.replace(/([a-z])([a-z])/g, '$1\u200B$2');
      const report = checkDraft(sprinkled);
      expect(reportKinds(report), d.id).toEqual([...d.expected].sort());
      for (const f of report.findings) expect(sprinkled[f.start], d.id).not.toBe('\u200B');
    }
  });

  it('treats typographic apostrophes like ASCII ones', () => {
    expect(checkDraft('I can\u2019t guarantee that.').findings).toEqual([]);
    expect(reportKinds(checkDraft('Let\u2019s set up a demo.'))).toEqual(['pressure_close']);
  });
});

describe('right, not noisy', () => {
  it.each([
    'Happy to help.',
    'Glad to.',
    'Let me know if this helps.',
    'What does your team use today?',
    'Would an introduction to Priya be useful? She solved exactly this last year.',
    "We don't do web design, but here's who does: https://example.com/studio",
    "I can't guarantee a date, and I'd rather not promise one.",
    'There is no guarantee here, only a trial you can stop any time.',
    'No pressure at all.',
    "There's no deadline on our side.",
    'No rush: the customer sets the timeline, and that is you.',
    'You can always pause the trial.',
    'We can help with onboarding if that turns out to be the bottleneck.',
    'I agree 100% with your point about pilots.',
    'I know you have limited time, so here is the short version.',
    "I'll send you the corrected export by Friday.",
    'No need to decide now, and no pressure to sign today.',
    "We're not the leading vendor, and we don't pretend to be.",
    'This is not risk-free, and I would rather you knew that up front.',
    'Nothing in sales is guaranteed.',
    'Rather than just checking in, here is the benchmark report: https://example.com/b',
    'Guarantees aren\u2019t something I can honestly offer.',
    'Compressing the images will cut the file size by 50%.',
    'Our first 10 customers were all agencies, so the templates lean that way.',
    'Your password reset link expires tomorrow.',
    'The price goes up as you add seats, so start with three.',
    "We'll get the data migrated overnight so your team can start on Monday.",
    "I'll check in with our engineers and let you know what they say.",
  ])('%s → no findings', (text) => {
    expect(checkDraft(text)).toEqual({ score: 100, findings: [] });
  });

  it('one "we can" sentence is fine; a run of sentences about the seller is not', () => {
    expect(checkDraft('Thanks for asking. We can import your CSV as is. Let me know if this helps.').findings).toEqual([]);
    expect(checkDraft('We build CRM software. We have 40 staff. Our office is in Berlin.').findings.map((f) => f.kind)).toEqual(['self_focus']);
    // Reporting work done for them is not self-focus, even in a run of "I" sentences.
    expect(checkDraft('I checked with billing. I found the duplicate charge. I refunded it today.').findings).toEqual([]);
  });

  it('an ask for time is fine when the draft gives something, and flagged when it gives nothing', () => {
    expect(checkDraft('Do you have 15 minutes next week?').findings.map((f) => f.kind)).toEqual(['no_value']);
    expect(checkDraft('Here is the checklist: https://example.com/c. Do you have 15 minutes next week to go through it?').findings).toEqual([]);
    expect(checkDraft('Yes, the API supports webhooks. Do you have 15 minutes if you want to see it live?').findings).toEqual([]);
    // The answer opens a sentence after blank lines, or after a full stop and spaces then a line break.
    expect(checkDraft('Hi Dana,\n\n\nYes, the API supports webhooks. Do you have 15 minutes if you want to see it live?').findings).toEqual([]);
    expect(checkDraft('Thanks. \n  Yes, the API supports webhooks. Do you have 15 minutes if you want to see it live?').findings).toEqual([]);
    expect(checkDraft('Hi Dana,\n\n\nYesterday was busy. Do you have 15 minutes next week?').findings.map((f) => f.kind)).toEqual(['no_value']);
  });

  it('proposing a meeting or contract the reader asked for (in the quoted thread) is not pressure', () => {
    const reply = "Sure, let's set up a demo. Does Tuesday work?\n\n> Could we set up a demo next week?";
    expect(checkDraft(reply).findings).toEqual([]);
    const unasked = "Sure, let's set up a demo. Does Tuesday work?\n\n> Do you support SSO?";
    expect(reportKinds(checkDraft(unasked))).toEqual(['pressure_close']);
    const contract = "I'll send over the contract today.\n\n> We're ready to move forward, please send the agreement.";
    expect(checkDraft(contract).findings).toEqual([]);
  });

  it('a deadline is the seller\'s only when it asks the reader to act', () => {
    expect(reportKinds(checkDraft('Please confirm by end of day.'))).toEqual(['false_urgency']);
    expect(reportKinds(checkDraft("We'll need your signature by Friday."))).toEqual(['false_urgency']);
    expect(checkDraft("I'll check with engineering and get back to you by Friday with an answer.").findings).toEqual([]);
    expect(checkDraft('You mentioned the board needs the numbers by Friday.').findings).toEqual([]);
  });

  it('past results (success stories) are not promises; future ones are', () => {
    expect(checkDraft('One client reduced churn by 12% last year.').findings).toEqual([]);
    expect(checkDraft('We helped a client increase renewals by 20%.').findings).toEqual([]);
    expect(reportKinds(checkDraft('We will increase your renewals by 20%.'))).toEqual(['over_promise']);
  });

  it('ignores quoted text, even when it is all there is', () => {
    expect(checkDraft('> Just checking in! Any update?\n> Our offer expires Friday, act now.\n>> guaranteed')).toEqual({ score: 100, findings: [] });
    expect(checkDraft('   > just checking in\n\t> last chance')).toEqual({ score: 100, findings: [] });
    // Adding a quoted thread full of seller language to a clean draft keeps it clean.
    const dirty = drafts.filter((d) => d.expected.length > 0).map((d) => d.text);
    for (const d of drafts.filter((x) => x.expected.length === 0)) {
      const quoted = dirty.slice(0, 5).join('\n').split('\n').map((l) => `> ${l}`).join('\n');
      expect(checkDraft(`${d.text}\n\n${quoted}`).findings, d.id).toEqual([]);
    }
  });
});

describe('robustness', () => {
  it('handles empty and blank input', () => {
    expect(checkDraft('')).toEqual({ score: 100, findings: [] });
    expect(checkDraft(' \n\t\r\n ')).toEqual({ score: 100, findings: [] });
  });

  it('returns on 1 MB of text, bounded, with findings only inside the reviewed prefix', () => {
    const unit = 'We are the leading provider. Just checking in! Offer expires Friday. ';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
    expect(big.length).toBeGreaterThanOrEqual(1_000_000);
    const report = checkDraft(big);
    expectWellFormed(big, report);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.length).toBeLessThanOrEqual(200);
    expect(report.score).toBe(0);
    for (const f of report.findings) expect(f.end).toBeLessThanOrEqual(TRUST_MAX_SCAN_CHARS);
    for (const filler of ['a'.repeat(1_000_000), ' '.repeat(1_000_000), 'by '.repeat(400_000), '\u200B'.repeat(1_000_000), '>'.repeat(1_000_000), '\n'.repeat(1_000_000)]) {
      expectWellFormed(filler, checkDraft(filler));
    }
  });

  it('never throws on odd input', () => {
    const odd = ['\uD800', '\uDFFF just checking in \uD800', '\u202Ejust checking in\u202C', '\u0000\u0001\u0002', '\\u0000 (?:.*)+$', '🙂'.repeat(1000), 'İ'.repeat(100) + ' just checking in'];
    for (const t of odd) expectWellFormed(t, checkDraft(t));
    // Non-strings from untyped callers come back clean rather than throwing.
    expect(checkDraft(undefined as unknown as string)).toEqual({ score: 100, findings: [] });
    expect(checkDraft(42 as unknown as string)).toEqual({ score: 100, findings: [] });
  });

  it('is total and well-formed on arbitrary strings (property)', () => {
    const phrases = ['just checking in', 'guaranteed', 'act now', 'we are the leading', 'do you have 15 minutes', "let's set up a demo", 'no', "can't", '> ', '\n', '. ', '\u200B', '🙂', 'by Friday', 'sign'];
    const draftish = fc.array(fc.oneof(fc.constantFrom(...phrases), fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(draftish, (text) => {
        const report = checkDraft(text);
        expectWellFormed(text, report);
        expect(checkDraft(text)).toEqual(report);
      }),
      { numRuns: 300 },
    );
  });
});

describe('accuracy', () => {
  const fmt = (name: string, a: TrustAccuracy): string =>
    `${name}: ${a.exactMatches}/${a.drafts} exact (${(a.exactMatchRate * 100).toFixed(1)}%), precision ${a.precision.toFixed(3)}, recall ${a.recall.toFixed(3)}, F1 ${a.f1.toFixed(3)}, clean pass ${(a.cleanPassRate * 100).toFixed(1)}%\n` +
    TRUST_FINDING_KINDS.map((k) => `  ${k.padEnd(15)} P ${a.perKind[k].precision.toFixed(2)} R ${a.perKind[k].recall.toFixed(2)} (tp ${a.perKind[k].tp}, fp ${a.perKind[k].fp}, fn ${a.perKind[k].fn})`).join('\n') +
    (a.mismatches.length ? `\n  mismatches: ${JSON.stringify(a.mismatches)}` : '');

  it.each([
    ['drafts.json', drafts],
    ['holdout.json', holdout],
  ] as const)('%s meets the bar', (name, corpus) => {
    const acc = trustCorpusAccuracy(corpus);
    console.log(fmt(`trust check accuracy, ${name}`, acc));
    expect(acc.exactMatchRate).toBeGreaterThanOrEqual(0.95);
    expect(acc.precision).toBeGreaterThanOrEqual(0.95);
    expect(acc.recall).toBeGreaterThanOrEqual(0.95);
    // Noise on helpful drafts is the costliest failure: a rep stops trusting the check.
    expect(acc.cleanPassRate).toBe(1);
  });

  it('counts kinds as multisets and accepts another checker', () => {
    const corpus: TrustCorpusDraft[] = [
      { id: 'a', text: 'x', expected: ['check_in', 'check_in'] },
      { id: 'b', text: 'y', expected: [] },
    ];
    const fake = (text: string): TrustReport => ({
      score: 0,
      findings: text === 'x' ? [{ kind: 'check_in', start: 0, end: 1, message: 'm.', hint: 'h.' }] : [{ kind: 'no_value', start: 0, end: 1, message: 'm.', hint: 'h.' }],
    });
    const acc = trustCorpusAccuracy(corpus, fake);
    expect(acc.exactMatches).toBe(0);
    expect(acc.perKind.check_in).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(acc.perKind.no_value).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0 });
    expect(acc.cleanPassRate).toBe(0);
    expect(acc.mismatches.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('rejects a malformed corpus', () => {
    expect(() => TrustCorpusSchema.parse([{ id: 'a', text: 'x', expected: ['nope'] }])).toThrow();
    expect(() => TrustCorpusSchema.parse([{ id: 'a', text: 'x', expected: [] }, { id: 'a', text: 'y', expected: [] }])).toThrow();
  });
});
