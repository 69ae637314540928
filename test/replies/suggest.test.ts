import { describe, expect, it } from 'vitest';
import { z } from '../../lib/zod';
import corpusJson from '../fixtures/inquiries/inquiries.json';
import offerJson from '../fixtures/inquiries/offer.json';
import resourcesJson from '../fixtures/inquiries/resources.json';
import {
  ANSWER_PLACEHOLDER,
  indexFor,
  InquiryCaseSchema,
  OfferProfileSchema,
  rankResources,
  ResourceSchema,
  suggestReplies,
  triageInquiry,
  type InquiryCase,
  type ReplyContext,
  type ReplySuggestion,
  type Resource,
} from '../../lib/replies/index';
import { isRoleWord } from '../../lib/names';
import { checkDraft } from '../../lib/trust/index';

const corpus: InquiryCase[] = z.array(InquiryCaseSchema).parse(corpusJson);
const offer = OfferProfileSchema.parse(offerJson);
const resources: Resource[] = z.array(ResourceSchema).parse(resourcesJson);
const byId = new Map(resources.map((r) => [r.id, r]));

/** "Dana Whitfield <dana@x.com>" → { name: 'Dana Whitfield', email: 'dana@x.com' }. */
function contactOf(from: string | undefined) {
  const m = /^(.*?)\s*<([^>]+)>/.exec(from ?? '');
  return { name: m?.[1]?.trim() || null, email: m?.[2] ?? from ?? null, company: null };
}

function suggestFor(c: InquiryCase, over: Partial<ReplyContext> = {}): ReplySuggestion[] {
  const triage = triageInquiry(c, offer);
  return suggestReplies({ inquiry: c, triage, contact: contactOf(c.from), offer, resources, ...over });
}

const FORBIDDEN = [/\{\{|\}\}/, /\bundefined\b/, /\bnull\b/i, /\[name\]/i, /\bNaN\b/, /\[object /, / {2}/];

function expectClean(s: ReplySuggestion, label: string) {
  for (const field of [s.text, s.title, s.why]) {
    for (const re of FORBIDDEN) expect(field, `${label} ${s.id}: ${re}`).not.toMatch(re);
  }
  expect(s.title.trim().length, label).toBeGreaterThan(0);
  expect(s.why.trim().length, label).toBeGreaterThan(0);
  expect(s.why, label).not.toMatch(/\n/);
  expect(s.text.trim().length, label).toBeGreaterThan(40);
  const findings = checkDraft(s.text).findings;
  expect(
    findings.map((f) => `${f.kind}: "${s.text.slice(f.start, f.end)}"`),
    `${label} ${s.id} trust findings`,
  ).toEqual([]);
}

// Lines the rep writes (not the "> " quote of their question).
const ownLines = (text: string) => text.split('\n').filter((l) => !l.trimStart().startsWith('>')).join('\n');

// Pitch vocabulary a not-a-fit reply must not contain.
const PITCH = /\b(our services|demo|call|calls|meeting|meetings|pricing|our prices|our rates|book a|schedule)\b/i;

describe('every corpus inquiry', () => {
  for (const c of corpus) {
    it(`${c.id}: 2–3 clean, personalised, trust-checked suggestions`, () => {
      const suggestions = suggestFor(c);
      expect(suggestions.length).toBeGreaterThanOrEqual(2);
      expect(suggestions.length).toBeLessThanOrEqual(3);
      expect(new Set(suggestions.map((s) => s.id)).size).toBe(suggestions.length);
      const first = contactOf(c.from).name?.split(/\s+/)[0];
      for (const s of suggestions) {
        expectClean(s, c.id);
        // A team or mailbox name ("Accounts", "Sales Leaders Weekly") is not greeted as a person.
        if (first && isRoleWord(first)) expect(s.text.split('\n')[0], `${c.id} ${s.id}`).toBe('Hi there,');
        else if (first && /^[A-ZÀ-Þ][\p{L}'-]+$/u.test(first)) expect(s.text, `${c.id} ${s.id}`).toContain(first);
        for (const id of s.resourceIds) expect(byId.has(id), id).toBe(true);
        // Every resource given is named in the text (a person by name), with its link.
        for (const id of s.resourceIds) {
          const r = byId.get(id)!;
          expect(s.text).toContain(r.kind === 'person' ? r.title.split(',')[0]! : r.title);
          if (r.url) expect(s.text).toContain(r.url);
        }
        expect(s.text.trimEnd().endsWith('Best,\nAlex'), `${c.id} ${s.id} signature`).toBe(true);
      }
    });
  }
});

describe('not a fit: resource replies', () => {
  const notFit = corpus.filter((c) => triageInquiry(c, offer).fit === 'not_fit');

  it('covers a good share of the corpus', () => {
    expect(notFit.length).toBeGreaterThanOrEqual(15);
  });

  // Asks the library has nothing for (a podcast editor, a brochure designer): no unrelated resource is dragged in.
  const NOTHING_IN_LIBRARY = new Set(['h4-p3', 'h5-p2']);
  for (const c of notFit) {
    it(`${c.id}: honest, no pitch, with a resource`, () => {
      const suggestions = suggestFor(c);
      for (const s of suggestions) {
        expect(ownLines(s.text), `${c.id} ${s.id}`).not.toMatch(PITCH);
        expect(s.text).toMatch(/I don't do|isn't something I do|isn't my area|outside what I do/);
      }
      if (NOTHING_IN_LIBRARY.has(c.id)) expect(suggestions.flatMap((s) => s.resourceIds)).toEqual([]);
      else expect(suggestions.some((s) => s.resourceIds.length > 0), c.id).toBe(true);
    });
  }

  const expected: Record<string, string[]> = {
    'purchase-web-redesign': ['res-web-brief', 'res-website-checklist'],
    'purchase-google-ads': ['res-google-ads-guide'],
    'purchase-recruit-sdrs': ['res-hiring-scorecard'],
    'advice-bookkeeping-software': ['res-bookkeeping-compare'],
    'purchase-seo-quote': ['res-seo-starter'],
    'purchase-mobile-app': ['res-dev-marketplaces'],
    'purchase-lead-list': ['res-own-prospect-list'],
    'purchase-explainer-video': ['res-video-brief'],
    'purchase-de-webdesign': ['res-web-brief', 'res-website-checklist'],
    'purchase-es-contabilidad': ['res-bookkeeping-compare'],
    'purchase-fr-ads': ['res-google-ads-guide'],
  };
  for (const [id, want] of Object.entries(expected)) {
    it(`${id}: the pointers match what they asked for`, () => {
      const c = corpus.find((x) => x.id === id)!;
      const [pointers] = suggestFor(c);
      expect(pointers!.id).toBe('resource-pointers');
      expect(pointers!.resourceIds.some((r) => want.includes(r)), pointers!.resourceIds.join(',')).toBe(true);
    });
  }

  it('offers an introduction when a person resource matches, and only then', () => {
    const intro = (id: string) => suggestFor(corpus.find((x) => x.id === id)!).find((s) => s.id === 'resource-intro');
    expect(intro('purchase-web-redesign')?.text).toContain('Mara Vogel');
    expect(intro('purchase-web-redesign')?.resourceIds).toContain('res-person-web');
    expect(intro('purchase-google-ads')?.text).toContain('Tom Okafor');
    expect(intro('purchase-recruit-sdrs')?.text).toContain('Priya Shah');
    expect(intro('purchase-recruit-sdrs')?.text).toMatch(/introduce you/);
    // Nobody in the library does bookkeeping or video: no introduction is invented.
    expect(intro('advice-bookkeeping-software')).toBeUndefined();
    expect(intro('purchase-explainer-video')).toBeUndefined();
  });
});

describe('fit, purchase or advice: help first, one question', () => {
  const cases = corpus.filter((c) => {
    const t = triageInquiry(c, offer);
    return t.fit !== 'not_fit' && (t.intent === 'purchase' || t.intent === 'advice');
  });
  for (const c of cases) {
    it(`${c.id}`, () => {
      for (const s of suggestFor(c)) {
        const own = ownLines(s.text);
        expect((own.match(/\?/g) ?? []).length, `${c.id} ${s.id}: one question`).toBe(1);
        expect(own).not.toMatch(/\b(book a call|schedule a (call|demo)|demo|hop on)\b/i);
      }
      const [first] = suggestFor(c);
      if (triageInquiry(c, offer).fit === 'fit') expect(first!.resourceIds.length, c.id).toBeGreaterThan(0);
    });
  }

  it('asks an advice seeker what they tried, a buyer what a good outcome would be', () => {
    const advice = suggestFor(corpus.find((x) => x.id === 'advice-pipeline-stages')!);
    expect(advice.map((s) => s.id)).toContain('tried-question');
    expect(advice.map((s) => s.text).join('\n')).not.toContain('What would a good outcome look like');
    const buyer = suggestFor(corpus.find((x) => x.id === 'purchase-sales-training')!);
    expect(buyer.map((s) => s.id)).toContain('outcome-question');
  });

  it('does not ask what they already told', () => {
    // "off spreadsheets and into HubSpot": what they use today is known.
    const dana = suggestFor(corpus.find((x) => x.id === 'purchase-hubspot-quote')!).map((s) => s.text).join('\n');
    expect(dana).not.toContain('What do you use today to keep track of deals');
    expect(dana).toContain('What bothers you most about how deals are tracked today?');
    // "moving from zoho, about 40k records": the size and the system are known.
    const jay = suggestFor(corpus.find((x) => x.id === 'purchase-typo-migration')!).map((s) => s.text).join('\n');
    expect(jay).not.toContain('how many records are you moving');
    expect(jay).toContain('Which part of the move worries you most?');
    // Nothing said about either: the topic's own question.
    const other = { subject: 'CRM', body: 'Hi Alex,\n\nWe want a proper CRM for our sales team of eight this year. Could you help us choose one and set it up?\n\nPriya', from: 'Priya N <p@x.example>' };
    const triage = triageInquiry(other, offer);
    const texts = suggestReplies({ inquiry: other, triage, contact: contactOf(other.from), offer, resources }).map((s) => s.text).join('\n');
    expect(texts).toContain('What do you use today to keep track of deals, and what bothers you most about it?');
  });

  it('quotes or paraphrases what they asked', () => {
    const c = corpus.find((x) => x.id === 'advice-pipeline-stages')!;
    const [first] = suggestFor(c);
    expect(first!.text).toContain('> How many stages would you recommend for a team of 6?');
    // Someone who asked two things gets both back, each on its own quote line, and one question of the rep's.
    const inquiry = {
      subject: 'Advice on rolling out a CRM across 14 clinics',
      body: 'Hi Alex,\n\nWe are about to move our front desks onto a proper CRM.\n\nTwo questions:\nWould you pilot with two or three clinics first, or go all at once?\nHow did you get front-desk staff to actually log calls instead of using sticky notes?\n\nThanks,\nPriya',
      from: 'Priya Natarajan <priya@larkspur.example>',
    };
    const triage = triageInquiry(inquiry, offer);
    const [help] = suggestReplies({ inquiry, triage, contact: contactOf(inquiry.from), offer, resources });
    expect(help!.text).toContain('You asked:\n> Would you pilot with two or three clinics first, or go all at once?\n> How did you get front-desk staff to actually log calls instead of using sticky notes?\n');
    expect((ownLines(help!.text).match(/\?/g) ?? []).length).toBe(1);
    // Asked whether the rep does something the offer profile lists: the reply says yes before anything else.
    const training = corpus.find((x) => x.id === 'purchase-sales-training')!;
    const [yes] = suggestFor(training);
    expect(yes!.text).toMatch(/You asked:\n> Do you run sales training workshops\?\n(> [^\n]+\n)?\nYes, sales team training is part of what I do\.\n/);
    const hub = corpus.find((x) => x.id === 'purchase-hubspot-quote')!;
    expect(suggestFor(hub).some((s) => /about your CRM/.test(s.text))).toBe(true);
  });
});

describe('stall: direct, empathetic questions, no seller deadline', () => {
  const stalls = corpus.filter((c) => triageInquiry(c, offer).intent === 'stall');
  for (const c of stalls) {
    it(`${c.id}`, () => {
      const texts = suggestFor(c).map((s) => s.text);
      const all = texts.join('\n');
      expect(all).toContain('Is there someone else in your organisation I should review this with?'.replace('Is', 'is'));
      expect(all).toMatch(/What is holding|what is holding|How would it help|how would it help/);
      expect(all).toContain('How has your schedule changed');
      for (const t of texts) expect(t).not.toMatch(/\b(by (monday|tuesday|wednesday|thursday|friday|tomorrow|the end of)|deadline|expires?|last chance|only \d+)\b/i);
    });
  }

  it('quotes a question they asked first, with room for the answer, before its own', () => {
    const c = corpus.find((x) => x.id === 'stall-kickoff-cancel')!;
    for (const s of suggestFor(c)) {
      expect(s.text, s.id).toMatch(/^Hi Laura,\n\n[^\n]+\n\nYou asked:\n> Can we find another slot\?\n\n\[your answer\]\n\n/);
    }
  });

  it('asks about the deposit when the deposit is what is held up', () => {
    const c = corpus.find((x) => x.id === 'stall-es-anticipo')!;
    expect(suggestFor(c).some((s) => s.text.includes('what is holding up the deposit?'))).toBe(true);
  });
});

describe('decline: thanks, one learning question, value anyway, respect', () => {
  const declines = corpus.filter((c) => triageInquiry(c, offer).intent === 'decline');
  for (const c of declines) {
    it(`${c.id}`, () => {
      const s = suggestFor(c);
      const all = s.map((x) => x.text).join('\n');
      expect(all).toContain('what would have had to be different');
      for (const x of s) expect(x.text).toMatch(/respect your decision/);
      expect(s.some((x) => /^Thank/m.test(x.text))).toBe(true);
    });
  }
});

describe('other intents: courteous, brief, honest', () => {
  it('vendor pitches get a polite no with a reason, no fake interest', () => {
    for (const c of corpus.filter((x) => triageInquiry(x, offer).intent === 'vendor_pitch')) {
      for (const s of suggestFor(c)) {
        expect(s.text).toMatch(/pass|not something I am looking for/);
        expect(s.text).not.toMatch(/sounds (great|interesting)|let'?s talk|interested in learning more|send (me )?(the|your) deck/i);
      }
    }
  });

  it('sends nothing extra to an auto-reply or a request to be removed', () => {
    for (const id of ['other-ooo', 'other-unsubscribe']) {
      for (const s of suggestFor(corpus.find((x) => x.id === id)!)) expect(s.resourceIds, id).toEqual([]);
    }
  });

  it('gives a support request only a resource that fits the problem', () => {
    const sync = suggestFor(corpus.find((x) => x.id === 'support-hubspot-sync')!);
    expect(sync[0]!.resourceIds).toEqual(['res-gmail-hubspot-sync']);
    // A login problem in a training portal: no article in the library is about that.
    for (const s of suggestFor(corpus.find((x) => x.id === 'support-training-portal')!)) expect(s.resourceIds).toEqual([]);
  });

  it('answers "what do you do" from the offer profile', () => {
    const s = suggestFor(corpus.find((x) => x.id === 'purchase-vague-rates')!);
    expect(s[0]!.text).toContain('In short, what I do: CRM implementation, sales process design and coaching');
  });

  it('introductions thank the introducer by name', () => {
    const c = corpus.find((x) => x.id === 'intro-fernhill')!;
    for (const s of suggestFor(c)) expect(s.text).toContain('Thank you for the introduction, Chris!');
  });
});

describe('resources', () => {
  it('the fixture library has every kind, including three people to introduce', () => {
    expect(new Set(resources.map((r) => r.kind))).toEqual(new Set(['article', 'checklist', 'tool', 'template', 'person']));
    expect(resources.filter((r) => r.kind === 'person').length).toBe(3);
  });

  it('never suggests a resource already sent to the contact', () => {
    for (const c of corpus) {
      const firstRound = suggestFor(c).flatMap((s) => s.resourceIds);
      if (firstRound.length === 0) continue;
      const again = suggestFor(c, { sentResourceIds: firstRound }).flatMap((s) => s.resourceIds);
      for (const id of again) expect(firstRound, `${c.id}: ${id} sent again`).not.toContain(id);
      for (const s of suggestFor(c, { sentResourceIds: firstRound })) {
        for (const id of firstRound) {
          const r = byId.get(id)!;
          if (r.url) expect(s.text, `${c.id}: ${id} still linked`).not.toContain(r.url);
        }
      }
    }
  });

  it('ranks resources sharing the contact tags higher', () => {
    const lib: Resource[] = [
      { id: 'a', title: 'CRM rollout guide', url: 'https://x.example/a', summary: 'How to roll out a CRM.', tags: ['crm', 'manufacturing'], kind: 'article', createdAt: 1, updatedAt: 1 },
      { id: 'b', title: 'CRM rollout guide', url: 'https://x.example/b', summary: 'How to roll out a CRM.', tags: ['crm', 'saas'], kind: 'article', createdAt: 1, updatedAt: 1 },
    ];
    const order = (tags: string[]) => rankResources(lib, { topic: 'crm rollout', words: '', contactTags: tags }).map((r) => r.resource.id);
    expect(order(['saas'])[0]).toBe('b');
    expect(order(['Manufacturing'])[0]).toBe('a');
  });

  it('builds the index once per library (by identity, and by content for a re-created array)', () => {
    const a = indexFor(resources);
    expect(indexFor(resources)).toBe(a);
    expect(indexFor([...resources])).toBe(a);
    const changed = resources.map((r, i) => (i === 0 ? { ...r, updatedAt: r.updatedAt + 1 } : r));
    expect(indexFor(changed)).not.toBe(a);
  });

  it('never writes a resource link that is not a web page or mail address into a reply (a restored backup can hold any)', () => {
    // Each carries a marker no draft can have of its own.
    const BAD = ['javascript:alert(1)//zqx', 'data:text/html,<b>zqx</b>', 'file:///etc/zqx', 'https://zqx.example/a b', 'vbscript:msgbox(1)//zqx'];
    let linked = 0;
    for (const [i, bad] of BAD.entries()) {
      // A changed row has a new updatedAt (as every edit and restore gives it): the library index is rebuilt.
      const poisoned = resources.map((r) => (r.url ? { ...r, url: bad, updatedAt: r.updatedAt + 1 + i } : r));
      const good = resources.map((r) => (r.url ? { ...r, url: `https://ok.example/${r.id}-${i}`, updatedAt: r.updatedAt + 100 + i } : r));
      for (const c of corpus) {
        const triage = triageInquiry(c, offer);
        for (const x of suggestReplies({ inquiry: c, triage, offer, resources: poisoned })) expect(x.text, `${c.id} ${x.id}`).not.toContain('zqx');
        // The same drafts with good links do carry them: the check above looks where links go.
        for (const x of suggestReplies({ inquiry: c, triage, offer, resources: good })) if (x.text.includes('https://ok.example/')) linked++;
      }
    }
    expect(linked).toBeGreaterThan(BAD.length * 5);
  });

  it('survives duplicate ids and junk entries in the library', () => {
    const junk = [...resources, resources[0]!, { ...resources[1]!, tags: undefined as unknown as string[] }];
    const c = corpus.find((x) => x.id === 'purchase-web-redesign')!;
    const s = suggestReplies({ inquiry: c, triage: triageInquiry(c, offer), offer, resources: junk });
    expect(s.length).toBeGreaterThanOrEqual(2);
    for (const x of s) expectClean(x, 'junk library');
  });
});

describe('graceful degradation', () => {
  const web = corpus.find((x) => x.id === 'purchase-web-redesign')!;
  const hub = corpus.find((x) => x.id === 'purchase-hubspot-quote')!;
  const stall = corpus.find((x) => x.id === 'stall-kickoff-cancel')!;
  const decline = corpus.find((x) => x.id === 'decline-price')!;

  it('works with an empty library, no profile and no contact', () => {
    for (const c of [web, hub, stall, decline, ...corpus.slice(0, 30)]) {
      const triage = triageInquiry(c);
      for (const ctx of [
        { inquiry: c, triage },
        { inquiry: { subject: c.subject, body: c.body }, triage, resources: [], offer: null, contact: null, notes: [], sentResourceIds: [] },
      ] satisfies ReplyContext[]) {
        const s = suggestReplies(ctx);
        expect(s.length).toBeGreaterThanOrEqual(2);
        expect(s.length).toBeLessThanOrEqual(3);
        for (const x of s) {
          expectClean(x, `${c.id} degraded`);
          expect(x.resourceIds).toEqual([]);
        }
      }
    }
  });

  it('greets without a name when none is known, and never with junk', () => {
    const triage = triageInquiry(hub, offer);
    const greet = (contact: ReplyContext['contact'], from?: string) =>
      suggestReplies({ inquiry: { subject: hub.subject, body: hub.body, from }, triage, contact, offer, resources })[0]!.text.split('\n')[0];
    expect(greet(null)).toBe('Hi there,');
    expect(greet({ firstName: '{{first_name}}', name: 'undefined' })).toBe('Hi there,');
    expect(greet({ name: 'null' })).toBe('Hi there,');
    expect(greet({ name: 'info@northwind.com' })).toBe('Hi there,');
    expect(greet({ firstName: 'Dana', name: 'Someone Else' })).toBe('Hi Dana,');
    expect(greet({ name: 'Dr. Dana Whitfield' })).toBe('Hi Dana,');
    expect(greet({ name: 'Whitfield, Dana' })).toBe('Hi Dana,');
    expect(greet({ name: 'Dana Whitfield, PhD' })).toBe('Hi Dana,');
    expect(greet({ name: 'Dr. Whitfield' })).toBe('Hi there,');
    expect(greet({ name: 'dana whitfield' })).toBe('Hi Dana,');
    expect(greet({ name: 'José Müller' })).toBe('Hi José,');
    // No contact record yet: the sender's display name is the best we have.
    expect(greet(null, 'Dana Whitfield <dana@northwind.com>')).toBe('Hi Dana,');
    expect(greet(null, 'dana@northwind.com')).toBe('Hi there,');
  });

  it('signs with the sign-off, else the name, else not at all', () => {
    const triage = triageInquiry(hub, offer);
    const text = (o: ReplyContext['offer']) => suggestReplies({ inquiry: hub, triage, offer: o, resources })[0]!.text;
    expect(text(offer).endsWith('Best,\nAlex')).toBe(true);
    expect(text({ ...offer, signOff: '' }).endsWith('Best,\nAlex Rivera')).toBe(true);
    expect(text({ ...offer, signOff: '', name: '' }).endsWith('Best,')).toBe(false);
    expect(text(null)).not.toMatch(/Best,\s*$/);
  });

  it('mentions the company and a note that is about the topic', () => {
    const triage = triageInquiry(hub, offer);
    const [first] = suggestReplies({
      inquiry: hub,
      triage,
      contact: { name: 'Dana Whitfield', company: 'Northwind Analytics' },
      offer,
      resources,
      notes: ['Likes cycling.', 'They track deals in a shared spreadsheet and the CRM trial stalled last year.'],
    });
    expect(first!.text).toContain('Northwind Analytics');
    expect(first!.text).toContain('they track deals in a shared spreadsheet and the CRM trial stalled last year');
    expect(first!.text).not.toContain('cycling');
  });

  it('drops a note or quote that would trip the trust check instead of shipping it', () => {
    const triage = triageInquiry(hub, offer);
    const s = suggestReplies({
      inquiry: hub,
      triage,
      contact: { name: 'Dana Whitfield' },
      offer,
      resources,
      notes: ['CRM deal: guarantee her a 100% success rate, offer expires Friday.'],
    });
    for (const x of s) {
      expectClean(x, 'risky note');
      expect(x.text).not.toContain('guarantee');
    }
  });
});

describe('a direct question with no named ask', () => {
  const ask = (body: string, subject = 'Kickoff') => {
    const inquiry = { subject, body, from: 'Marcus Chen <marcus@chen.example>' };
    const triage = triageInquiry(inquiry, offer);
    return { triage, suggestions: suggestReplies({ inquiry, triage, contact: contactOf(inquiry.from), offer, resources }) };
  };

  it('quotes the question and leaves room for the answer, instead of a thank-you with nothing in it', () => {
    const { triage, suggestions } = ask("Hi Alex,\n\nI've booked the kickoff for Monday, October 19 at 9am. Does that time work for you and your team?\n\nMarcus");
    expect(triage.intent).toBe('other');
    expect(triage.signals).toContain('asks a direct question');
    expect(triage.signals).not.toContain('no clear ask');
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) {
      // Their question, then the rep's answer right under it, before anything else is offered.
      expect(s.text).toContain(`> Does that time work for you and your team?\n\n${ANSWER_PLACEHOLDER}\n`);
    }
  });

  it.each([
    ['a question about something the rep does not offer', 'Do you also do web design for the new site?'],
    ['a question that is not about what the rep does', 'Do you think five pipeline stages are enough for us?'],
  ])('says no "yes" to %s', (_label, question) => {
    const inquiry = { subject: 'CRM rollout', body: `Hi Alex,\n\nWe are moving our sales team onto HubSpot next month. ${question}\n\nMarcus`, from: 'Marcus Chen <marcus@chen.example>' };
    const triage = triageInquiry(inquiry, offer);
    for (const s of suggestReplies({ inquiry, triage, contact: contactOf(inquiry.from), offer, resources })) expect(s.text).not.toMatch(/^Yes, /m);
  });

  it('quotes each of several questions with room for its own answer, at most two, each once', () => {
    const { suggestions } = ask(
      "Hi Alex,\n\nTwo things before Monday. Does the 9am start still work for your team?\nCan you bring the printed store lists?\n\nAnd again: does the 9am start still work for your team?\nShould we invite the regional managers as well?\n\nMarcus",
    );
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) {
      expect(s.text).toContain(
        `You asked:\n> Does the 9am start still work for your team?\n\n${ANSWER_PLACEHOLDER}\n\n> Can you bring the printed store lists?\n\n${ANSWER_PLACEHOLDER}\n`,
      );
      expect(s.text.match(/^> /gm)).toHaveLength(2);
      expect(s.text).not.toContain('regional managers');
    }
  });

  it.each([
    ['quick one: do you run sales training workshops for new managers?', 'Do you run sales training workshops for new managers?'],
    ['Alex - could you share the rollout plan for the clinics?', 'Could you share the rollout plan for the clinics?'],
    ['kurze Frage: habt ihr eine Checkliste für die Einführung?', 'Habt ihr eine Checkliste für die Einführung?'],
    ['Monday 9am — does that work for you and the team?', 'Monday 9am — does that work for you and the team?'],
    ['We start at 9:30 sharp, can your team join the review call?', 'We start at 9:30 sharp, can your team join the review call?'],
    // A question ends at its "?" even when the next sentence starts in lower case.
    ['Thanks for the call! How long would the pipeline audit take? we are keen to start.', 'How long would the pipeline audit take?'],
  ])('quotes "%s" as "%s"', (line, quoted) => {
    const { suggestions } = ask(`Hi Alex,\n\n${line}\n\nMarcus`);
    const quotes = suggestions.flatMap((s) => s.text.split('\n').filter((l) => l.startsWith('> ')));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q).toBe(`> ${quoted}`);
  });

  it.each([
    ['a plain note without a question', 'Hi Alex,\n\nJust wanted to say the workshop was great. Talk soon.\n\nMarcus'],
    ['a thank-you', 'Hi Alex,\n\nThank you so much for the checklist, it really helped our team!\n\nMarcus'],
  ])('%s keeps the short courteous replies, with no placeholder', (_label, body) => {
    const { suggestions } = ask(body, 'Hello');
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(s.text).not.toContain(ANSWER_PLACEHOLDER);
  });
});

describe('support: a fault investigated, a how-to answered, a resend sent', () => {
  const texts = (id: string) => suggestFor(corpus.find((x) => x.id === id)!).map((s) => s.text);
  it('asks when a fault started only when they did not say', () => {
    expect(texts('support-training-portal').join('\n')).toContain('a screenshot of what you see and roughly when it started?');
    // "Since yesterday the Gmail sync…"
    const sync = texts('support-hubspot-sync').join('\n');
    expect(sync).toContain('a screenshot of what you see?');
    expect(sync).not.toContain('when it started');
  });
  it('answers a how-to question under its quote instead of asking for a screenshot first', () => {
    const [first] = texts('h3-support-access');
    expect(first).toContain(`You asked:\n> How do I add a new rep to the Pipedrive account you set up?\n\n${ANSWER_PLACEHOLDER}\n`);
    expect(first).not.toContain('screenshot');
  });
  it.each(['h5-s2', 'h4-s2', 'h-support-fr-formation'])('sends it again when %s asks for it again, with no questionnaire', (id) => {
    const all = texts(id);
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const t of all) {
      expect(t).toContain(ANSWER_PLACEHOLDER);
      expect(t).not.toMatch(/screenshot|when it started|anything changed recently/);
    }
  });
});

describe('research: answers what they already asked, in writing', () => {
  const first = (id: string) => suggestFor(corpus.find((x) => x.id === id)!)[0]!.text;
  it('answers the questions a journalist already sent, under each', () => {
    const t = first('research-journalist');
    expect(t).toContain(`> What's the most common forecasting mistake you see?\n\n${ANSWER_PLACEHOLDER}\n\n> Does the CRM matter?\n\n${ANSWER_PLACEHOLDER}`);
    expect(t).not.toContain('If you send the questions');
  });
  it('gives the sentences asked for, rather than asking for questions', () => {
    expect(first('h5-r2')).toContain(`Here are a few sentences you are welcome to quote:\n\n${ANSWER_PLACEHOLDER}`);
  });
  it('asks for the questions in writing when none were sent', () => {
    expect(first('research-thesis-survey')).toContain('If you send the questions by email');
  });
  it('never turns down an "interview" nobody asked for', () => {
    for (const c of corpus.filter((x) => triageInquiry(x, offer).intent === 'research')) {
      for (const s of suggestFor(c)) expect(s.text, c.id).not.toContain('take on an interview');
    }
  });
});

describe('job: thanks for what they sent, and no job boards for a contractor', () => {
  const first = (id: string) => suggestFor(corpus.find((x) => x.id === id)!)[0]!;
  it('thanks for the background only when it came with the message', () => {
    expect(first('job-junior-consultant').text).toContain('for sending your background'); // "My CV is attached."
    expect(first('h2-job-sdr-intern').text).not.toContain('for sending your background'); // "Happy to send my CV."
    expect(first('h2-job-sdr-intern').text).toContain('for thinking of me');
  });
  it.each(['job-freelance-admin', 'h3-job-contract'])('%s, a contractor, hears about work, with no job-search pointers', (id) => {
    const d = first(id);
    expect(d.text).toContain('I do not have work to pass on right now');
    expect(d.text).not.toMatch(/open role|your search|job board/i);
    expect(d.resourceIds).toEqual([]);
  });
});

describe('partnership: does not ask what the proposal already says', () => {
  const all = (id: string) => suggestFor(corpus.find((x) => x.id === id)!).map((s) => s.text).join('\n');
  it.each(['partner-web-studio', 'h2-partner-es', 'h-partner-agency', 'h5-pa1'])('%s said what its clients need: asks how it would work', (id) => {
    expect(all(id)).not.toContain('who are your typical clients');
    expect(all(id)).toContain('what would a good first client to pass between us look like?');
  });
  it('asks about their clients when the proposal does not say', () => {
    expect(all('h3-partner-tool')).toContain('who are your typical clients');
  });
});

describe('every draft of the corpus reads as written by a person', () => {
  const drafts = corpus.flatMap((c) => suggestFor(c).map((s) => ({ id: `${c.id} ${s.id}`, text: s.text })));
  it('introduces each list of resources with a line of its own', () => {
    for (const d of drafts) {
      const paras = d.text.split('\n\n');
      paras.forEach((para, i) => {
        // A bullet needs a line that says what it is ("This may be useful:"), not "- Checklist…" straight after
        // "Thanks for telling me".
        if (para.startsWith('- ')) expect((paras[i - 1] ?? '').endsWith(':'), `${d.id}: ${para.slice(0, 60)}`).toBe(true);
      });
    }
  });
  it('never thanks twice in a row', () => {
    for (const d of drafts) {
      const opens = d.text.split('\n\n').map((p) => /^(thanks|thank you)\b/i.test(p));
      expect(opens.some((t, i) => t && opens[i + 1]), d.id).toBe(false);
    }
  });
  it('gives a resource’s one-sentence summary whole', () => {
    const withCalculator = drafts.filter((d) => d.text.includes('CRM cost calculator (three-year view)'));
    expect(withCalculator.length).toBeGreaterThan(0);
    for (const d of withCalculator) expect(d.text, d.id).toContain('so the cheapest plan on paper can be compared with the real cost.');
  });
  it('promises someone better placed only when it names them', () => {
    for (const d of drafts.filter((x) => x.text.includes('someone better placed'))) {
      expect(d.text, d.id).toMatch(/introduce you/i);
    }
  });
});

describe('decline replies name the reason in words', () => {
  it.each([
    ['incumbent', 'We have decided to stay with our current provider for now, thanks.', 'current vendor'],
    ['authority', 'Thanks, but the board decided against it; it was not my call in the end.', 'not their call'],
  ])('%s → "(%s)" in the card title, never the stored code', (_code, body, words) => {
    const inquiry = { subject: 'Re: Proposal', body: `Hi Alex,\n\n${body}\n\nGraham`, from: 'Graham Ellery <g.ellery@ellerymarine.co.uk>' };
    const triage = triageInquiry(inquiry, offer);
    expect(triage.intent).toBe('decline');
    const titles = suggestReplies({ inquiry, triage, contact: contactOf(inquiry.from), offer, resources }).map((s) => s.title);
    const reasonTitle = titles.find((t) => t.startsWith('Acknowledge the reason'));
    expect(reasonTitle).toBe(`Acknowledge the reason (${words})`);
  });
});
