import { describe, expect, it } from 'vitest';
import { candidateFromProfile, companyForReplies, companyFromEmail, isPersonalDomain, latestInboundIndex, repliedAfterInbound, nameTokens, otherPartyOfThread } from '../../lib/contacts/identity';
import { msg, profile, thread } from '../helpers/factories';

describe('companyFromEmail', () => {
  it.each([
    ['ops@northwind.com', 'Northwind'],
    ['a@acme-labs.co.uk', 'Acme Labs'],
    ['x@sub.bigcorp.com.au', 'Bigcorp'],
    ['x@mail.kustbanken.se', 'Kustbanken'],
    ['jo@gmail.com', null],
    ['jo@proton.me', null],
    ['jo@GMX.de'.toLowerCase(), null],
    ['bad', null],
  ])('%s → %s', (email, expected) => {
    expect(companyFromEmail(email)).toBe(expected);
  });
});

describe('companyForReplies', () => {
  it.each([
    [{ company: 'Larkspurdental', companySource: 'email_domain' as const }, null],
    [{ company: 'Larkspur Dental Group', companySource: 'manual' as const }, 'Larkspur Dental Group'],
    [{ company: 'Norrsken Analytics', companySource: 'linkedin' as const }, 'Norrsken Analytics'],
    [{ company: null, companySource: null }, null],
    [null, null],
  ])('%o → %s: a company guessed from the email domain is never written into a reply', (who, expected) => {
    expect(companyForReplies(who)).toBe(expected);
  });
});

describe('nameTokens', () => {
  it('lower-cases, strips accents, pronouns and punctuation', () => {
    expect(nameTokens('Meera Lakshmi Venkatesan (She/Her)')).toEqual(['meera', 'lakshmi', 'venkatesan']);
    expect(nameTokens('José  Álvarez-Núñez')).toEqual(['jose', 'alvarez-nunez']);
    expect(nameTokens("O'Brien, Siobhán")).toEqual(["o'brien", 'siobhan']);
  });
  it('drops invisible characters and keeps CJK single-character names', () => {
    expect(nameTokens('Li\u200B Wei')).toEqual(['li', 'wei']);
    expect(nameTokens('王 伟')).toEqual(['王', '伟']);
  });
});

describe('otherPartyOfThread', () => {
  const rep = 'rep@brightpath.io';
  it('is the sender of the latest inbound message, never the rep', () => {
    const t = thread([
      msg({ fromEmail: 'dana@northwind.com', fromName: 'Dana Whitfield', date: 1000, dateRaw: 'Mon' }),
      msg({ fromEmail: rep, fromName: 'Rep', fromMe: true, date: 2000 }),
      msg({ fromEmail: 'sam@northwind.com', fromName: 'Sam Ortiz', date: 3000, dateRaw: 'Tue' }),
      msg({ fromEmail: rep, fromName: 'Rep', fromMe: true, date: 4000 }),
    ]);
    const c = otherPartyOfThread(t);
    expect(c).toMatchObject({ name: 'Sam Ortiz', email: 'sam@northwind.com', company: 'Northwind', companySource: 'email_domain', lastWroteAt: 3000, lastWroteRaw: 'Tue', subject: 'Question about onboarding' });
  });
  it('treats addresses from settings as the rep', () => {
    const t = thread([
      msg({ fromEmail: 'dana@northwind.com', fromName: 'Dana', date: 1000 }),
      msg({ fromEmail: 'alias@brightpath.io', fromName: 'Rep alias', date: 2000 }),
    ]);
    expect(otherPartyOfThread(t)?.email).toBe('alias@brightpath.io');
    expect(otherPartyOfThread(t, ['ALIAS@brightpath.io'])?.email).toBe('dana@northwind.com');
    expect(latestInboundIndex(t, ['alias@brightpath.io'])).toBe(0);
  });
  it('falls back to the first recipient when only the rep wrote', () => {
    const t = thread([msg({ fromEmail: rep, fromMe: true, to: [{ name: 'Rep', email: rep }, { name: '', email: 'lee@gmail.com' }] })]);
    const c = otherPartyOfThread(t);
    expect(c).toMatchObject({ name: 'lee@gmail.com', email: 'lee@gmail.com', company: null, lastWroteAt: null });
  });
  it('returns null when nobody but the rep is there', () => {
    expect(otherPartyOfThread(thread([msg({ fromEmail: rep, fromMe: true })]))).toBeNull();
  });
});

describe('candidateFromProfile', () => {
  it('takes company, title and location from LinkedIn', () => {
    const c = candidateFromProfile(profile());
    expect(c).toMatchObject({ source: 'linkedin', name: 'Dana Whitfield', email: null, company: 'Northwind', companySource: 'linkedin', title: 'Head of Operations', location: 'Leeds, England' });
  });
});

describe('repliedAfterInbound', () => {
  const rep = 'rep@brightpath.io';
  const theirs = (date: number) => msg({ fromEmail: 'dana@northwind.com', fromName: 'Dana', date, dateRaw: `d${date}` });
  const mine = (date: number, over: Partial<Parameters<typeof msg>[0]> = {}) => msg({ fromEmail: rep, fromName: 'Rep', fromMe: true, date, dateRaw: `d${date}`, ...over });
  it.each([
    ['their message is the newest: unanswered', [theirs(1), mine(2), theirs(3)], [], null],
    ['the rep answered it: the rep\'s newest message', [theirs(1), mine(2), mine(3)], [], { at: 3, raw: 'd3' }],
    ['an address from settings counts as the rep', [theirs(1), msg({ fromEmail: 'alias@brightpath.io', date: 2, dateRaw: 'd2' })], ['alias@brightpath.io'], { at: 2, raw: 'd2' }],
    ['the rep wrote everything: nothing to answer', [mine(1), mine(2)], [], null],
    ['a date Gmail did not let us parse keeps its raw form', [theirs(1), mine(0, { date: null, dateRaw: 'gestern' })], [], { at: null, raw: 'gestern' }],
  ] as const)('%s', (_label, messages, own, expected) => {
    expect(repliedAfterInbound(thread([...messages]), own)).toEqual(expected);
  });
});

describe('isPersonalDomain', () => {
  it.each([
    ['gmail.com', true],
    [' GMAIL.com ', true],
    ['proton.me', true],
    ['larkspurdental.com', false],
    ['mail.google.com', false],
  ])('%s → %s', (domain, expected) => {
    expect(isPersonalDomain(domain)).toBe(expected);
  });
});
