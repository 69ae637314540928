import { beforeEach, describe, expect, it, vi } from 'vitest';

// The queue is module state: each test gets a fresh copy of the module.
let warm: typeof import('../lib/warm');
beforeEach(async () => {
  vi.resetModules();
  warm = await import('../lib/warm');
});

/** A pattern that records the subjects it is run on into `seen`, as `name:subject`. */
function spy(name: string, seen: string[], flags = 'u'): RegExp {
  const re = new RegExp(name, flags);
  const test = re.test.bind(re);
  re.test = (input: string) => {
    seen.push(`${name}:${input}`);
    return test(input);
  };
  return re;
}

describe('warmable / warmSome', () => {
  it('returns what it is given, so definitions can be wrapped in place', () => {
    const one = /a/u;
    const list = [/b/u, /c/iu] as const;
    expect(warm.warmable('trust', one)).toBe(one);
    expect(warm.warmable('triage', list)).toBe(list);
    expect(warm.warmPending()).toBe(3);
    expect(warm.warmPending('triage')).toBe(2);
    expect(warm.warmPending('playbook')).toBe(0);
  });

  it('compiles in order while there is time, asking before each pattern', () => {
    const seen: string[] = [];
    warm.warmable('playbook', ['x', 'y', 'z'].map((s) => spy(s, seen)));
    let budget = 2;
    expect(warm.warmSome(() => budget-- > 0)).toBe(false);
    // Each pattern is run on a Latin-1 subject and a two-byte one: V8 compiles once per encoding.
    expect(seen).toEqual(['x:a', 'x:a\u2019', 'y:a', 'y:a\u2019']);
    expect(warm.warmPending()).toBe(1);
    expect(warm.warmSome(() => false)).toBe(false);
    expect(warm.warmSome(() => true)).toBe(true);
    expect(seen.slice(4)).toEqual(['z:a', 'z:a\u2019']);
    expect(warm.warmPending()).toBe(0);
  });

  // [queued in this order as group:name, the groups asked for first, the order they are compiled in]
  it.each([
    ['the groups asked for first, in that order, then the rest', ['playbook:p', 'trust:t', 'triage:r', 'playbook:q'], ['triage', 'trust'], ['r', 't', 'p', 'q']],
    ['then the group queued first, whole, before the next', ['trust:t1', 'playbook:p1', 'triage:r1', 'trust:t2', 'playbook:p2'], ['triage'], ['r1', 't1', 't2', 'p1', 'p2']],
  ] as const)('compiles %s', (_what, queue, first, order) => {
    const seen: string[] = [];
    for (const entry of queue) {
      const [group, name] = entry.split(':') as [import('../lib/warm').WarmGroup, string];
      warm.warmable(group, spy(name, seen));
    }
    expect(warm.warmSome(() => true, first)).toBe(true);
    expect(seen.filter((s) => s.endsWith(':a'))).toEqual(order.map((n) => `${n}:a`));
  });

  it("leaves a global or sticky pattern's lastIndex where it was", () => {
    const g = /a/gu;
    const y = /a/uy;
    g.lastIndex = 7;
    y.lastIndex = 3;
    warm.warmable('trust', [g, y]);
    warm.warmSome(() => true);
    expect(g.lastIndex).toBe(7);
    expect(y.lastIndex).toBe(3);
  });

  it('tells listeners when a group is queued and when one is compiled in full', () => {
    const listener = vi.fn();
    const off = warm.onWarmChange(listener);
    warm.warmable('trust', [/a/u, /b/u]);
    warm.warmable('triage', /c/u);
    expect(listener).toHaveBeenCalledTimes(2);
    let budget = 1;
    warm.warmSome(() => budget-- > 0); // half of trust: nothing finished
    expect(listener).toHaveBeenCalledTimes(2);
    warm.warmSome(() => true);
    expect(listener).toHaveBeenCalledTimes(3);
    warm.warmSome(() => true);
    expect(listener).toHaveBeenCalledTimes(3);
    off();
    warm.warmable('trust', /d/u);
    expect(listener).toHaveBeenCalledTimes(3);
  });
});

describe('the text modules register their patterns', () => {
  const text = 'Thanks Dana. I’ll send the checklist by Friday, and we will call you back next week.';
  const at = Date.UTC(2026, 10, 23, 12);
  const draft = 'We guarantee results. Just checking in — do you have 15 minutes this week?';
  const inquiry = { subject: 'Pricing question', body: 'Hi, could you send your pricing for 20 seats? We need it by Friday.' };
  const thread = [
    { fromMe: true, date: at - 9 * 86_400_000, text: 'Thanks for agreeing to the deposit.' },
    { fromMe: false, date: at - 8 * 86_400_000, text: 'Before we pay, could we get a free trial first?' },
  ];

  /** Fresh copies of the modules (and of their pattern queue); `warmFirst`: compile every queued pattern before any use. */
  async function readAll(warmFirst: boolean) {
    vi.resetModules();
    const w = await import('../lib/warm');
    const { extractPromises } = await import('../lib/commitments/extract');
    const { detectStalls } = await import('../lib/stalls/detect');
    const { checkDraft } = await import('../lib/trust');
    const { triageInquiry } = await import('../lib/replies');
    const queued = { playbook: w.warmPending('playbook'), trust: w.warmPending('trust'), triage: w.warmPending('triage') };
    if (warmFirst) expect(w.warmSome(() => true)).toBe(true);
    return {
      queued,
      promises: extractPromises(text, { messageDate: at, author: 'rep' }),
      trust: checkDraft(draft),
      triage: triageInquiry(inquiry),
      stalls: detectStalls({ messages: thread, commitments: [], now: at }),
    };
  }

  it('queues the playbook, trust and triage patterns at import, and text reads the same when they were compiled first', async () => {
    const cold = await readAll(false);
    const warmed = await readAll(true);
    // Every module-level Unicode pattern of these modules, and the triage and concept tables.
    expect(cold.queued.playbook).toBeGreaterThan(60);
    expect(cold.queued.trust).toBeGreaterThan(20);
    expect(cold.queued.triage).toBeGreaterThan(250);
    expect(cold.promises.length).toBeGreaterThan(0);
    expect(cold.trust.findings.length).toBeGreaterThan(0);
    expect(cold.stalls.map((f) => f.sign)).toContain('sample_after_deposit');
    expect(warmed).toEqual(cold);
  });
});
