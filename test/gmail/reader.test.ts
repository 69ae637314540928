import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GmailThreadSchema, readGmailThread, type GmailMessage, type GmailThread } from '../../lib/gmail';

// jsdom ships without type declarations here; this is the one constructor the tests use.
interface JsdomWindow {
  document: Document;
}
type JsdomCtor = new (html: string, options?: { url?: string }) => { window: JsdomWindow };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomCtor };

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'gmail');
const REP = 'alex.rivera@brightpath.io';

/** A fixture's HTML and the URL from its `<!-- url: … -->` comment. */
function fixture(name: string): { html: string; url: string } {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  const url = /<!-- url: (\S+) -->/.exec(html)?.[1];
  if (!url) throw new Error(`${name} has no url comment`);
  return { html, url };
}

function load(name: string): Document {
  const { html, url } = fixture(name);
  return new JSDOM(html, { url }).window.document;
}

function doc(html: string, url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcTestThreadTokenAbCdEfGh'): Document {
  return new JSDOM(html, { url }).window.document;
}

/** Reads a fixture and checks what every successful read must satisfy. */
function read(name: string, options?: Parameters<typeof readGmailThread>[1]): GmailThread {
  const t = readGmailThread(load(name), options);
  expect(t).not.toBeNull();
  expect(GmailThreadSchema.safeParse(t).success).toBe(true);
  return t!;
}

/** Local wall-clock time → epoch ms (Gmail's tooltips are local time). */
const local = (y: number, month: number, d: number, h = 0, min = 0): number => new Date(y, month - 1, d, h, min).getTime();

const who = (m: GmailMessage): string | null => (m.from ? `${m.from.name} <${m.from.email}>` : null);

const BASE_MATCHED = {
  subject: 'h2.hP',
  root: 'div.a98.iY',
  messages: 'div.h7 siblings',
  threadId: 'subject[data-legacy-thread-id]',
  account: 'title',
  id: '[data-legacy-message-id]',
  from: 'span.gD[email]',
  to: 'span.g2[email]',
  date: 'span.g3[title]',
  body: 'div.a3s',
};

describe('fixtures: the table in test/fixtures/gmail/README.md', () => {
  const table: Array<[string, string, string | null, number, number | null, string | null]> = [
    // file, subject, threadId, messages, latestInboundIndex, contact (latest inbound sender)
    ['inquiry-simple.html', 'Re: Advice on rolling out a CRM across 14 clinics', '1a1e3a27fc010606', 1, 0, 'priya.natarajan@larkspurdental.com'],
    ['collapsed-thread.html', "Pilot scope for Harbor & Pine's field team", '1a110a9b5c0fae6c', 6, 5, 'marcus.oyelaran@harborandpine.com'],
    ['quoted-reply.html', "Onboarding plan for Quillfeather's support team", '1a1a0dbc5c0cff38', 4, 3, 'tomasz@quillfeather.co'],
    ['own-reply-last.html', 'Wholesale account tracking', '1a09ee6c9005dfc0', 4, 2, 'jonas@tidewatercoffee.com'],
    ['locale-de.html', 'Einführung eines CRM für unser Vertriebsteam', '19cad943fe08f86a', 3, 2, 'k.vogel@nordlicht-logistik.de'],
    ['locale-fr.html', 'Déploiement d’un CRM pour nos trois boutiques', '19c6b26544064936', 3, 2, 'camille.aubert@atelier-saulnier.fr'],
    ['locale-es.html', 'Propuesta de implantación del CRM', 'thread-f:1859207351501705764', 2, 1, 'lucia.fernandez@grupoalba.es'],
    ['preview-pane.html', 'Quick question about lead routing', '1a1c5c4ee20b22f0', 3, 2, 'dev@copperkettle.io'],
    ['odd-names.html', 'SalesOps Summit follow-up 🌵 Austin', '19da9f24480f9334', 7, 6, 'th.nguyen@lotusfreight.com'],
    ['hostile.html', '<img src=x onerror=alert(1)>', 'FMfcgzQcpLrWtKbXmZsNdVjHgQfCwTrB', 1, 0, 'eve.mallory@lantern-analytics.net'],
    ['thread-30.html', 'Q1 rollout — weekly check-ins', '19bb1381000779b1', 30, 29, 'nadia.petrov@fernhollow.com'],
    ['stall.html', 'Brightpath onboarding package for Fernwood Bakery', '1a158fc6b6071c22', 5, 3, 'renata@fernwoodbakery.com'],
    ['decline.html', 'Brightpath proposal – Ellery Marine Services', '1a24fd6b1c0b8c66', 4, 3, 'g.ellery@ellerymarine.co.uk'],
  ];
  it.each(table)('%s', (file, subject, threadId, count, latest, contact) => {
    const t = read(file);
    expect(t.subject).toBe(subject);
    expect(t.threadId).toBe(threadId);
    expect(t.accountEmail).toBe(REP);
    expect(t.messages).toHaveLength(count);
    expect(t.latestInboundIndex).toBe(latest);
    expect(latest === null ? null : t.messages[latest]!.from?.email).toBe(contact);
    // Diagnostics are filled in for the fields every fixture has.
    for (const key of ['subject', 'root', 'messages', 'threadId', 'account', 'from', 'date']) expect(t.matched[key]).toBeTruthy();
    // Every message has a sender, a parsed date and text; dates never go backwards.
    for (const m of t.messages) {
      expect(m.from).not.toBeNull();
      expect(m.date).not.toBeNull();
      expect(m.body.length).toBeGreaterThan(0);
      expect(m.snippet.length).toBeGreaterThan(0);
      expect(m.snippet).not.toContain('\n');
      expect(m.fromMe).toBe(m.from!.email === REP);
    }
    const dates = t.messages.map((m) => m.date!);
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
    // The rep is a participant of every thread, once.
    expect(t.participants.filter((p) => p.email === REP)).toHaveLength(1);
  });

  it('inbox-list.html: no conversation open → null', () => {
    const d = load('inbox-list.html');
    expect(d.querySelectorAll('tr.zA')).toHaveLength(4); // the list is there, with span[email] chips
    expect(readGmailThread(d)).toBeNull();
  });
});

describe('inquiry-simple.html', () => {
  it('reads the whole thread exactly', () => {
    const t = read('inquiry-simple.html');
    expect(t).toEqual({
      threadId: '1a1e3a27fc010606',
      subject: 'Re: Advice on rolling out a CRM across 14 clinics',
      accountEmail: REP,
      participants: [
        { name: 'Priya Natarajan', email: 'priya.natarajan@larkspurdental.com' },
        { name: 'Alex Rivera', email: REP },
      ],
      messages: [
        {
          id: '1a1e3a27fc010606',
          from: { name: 'Priya Natarajan', email: 'priya.natarajan@larkspurdental.com' },
          to: [{ name: 'Alex Rivera', email: REP }],
          date: local(2026, 11, 16, 9, 14),
          dateRaw: 'Mon, Nov 16, 2026, 9:14 AM',
          body: [
            'Hi Alex,',
            '',
            'I found your write-up on phased CRM rollouts through the Practice Ops newsletter and hoped you might have a few minutes for some advice.',
            '',
            "We run 14 dental clinics across Oregon and Washington, and we're about to move our front-desk teams off spreadsheets and onto a proper CRM for patient recalls and referrals. Leadership wants everyone live by March, but I'm worried a big-bang launch will swamp the front desks during our busiest season.",
            '',
            'Two questions:',
            'Would you pilot with two or three clinics first, or go all at once?',
            'How did you get front-desk staff to actually log calls instead of using sticky notes?',
            'No pressure at all — even a short reply would help a lot.',
            '',
            'Thanks,',
            'Priya',
            '',
            '--',
            'Priya Natarajan',
            'Director of Operations, Larkspur Dental Group',
            '(503) 555-0142',
          ].join('\n'),
          snippet:
            'Hi Alex, I found your write-up on phased CRM rollouts through the Practice Ops newsletter and hoped you might have a few minutes for some advice. We run 14 dental clinics across Oregon and Washington…',
          collapsed: false,
          fromMe: false,
        },
      ],
      latestInboundIndex: 0,
      matched: BASE_MATCHED,
    });
  });

  it('the snippet is one line of at most 200 characters', () => {
    const m = read('inquiry-simple.html').messages[0]!;
    expect(m.snippet.length).toBeLessThanOrEqual(200);
    expect(m.snippet.endsWith('…')).toBe(true);
  });
});

describe('collapsed-thread.html', () => {
  const t = read('collapsed-thread.html');

  it('reads collapsed rows and expanded messages in order', () => {
    expect(t.messages.map((m) => m.collapsed)).toEqual([true, true, true, true, false, false]);
    expect(t.messages.map((m) => m.from?.name)).toEqual([
      'Marcus Oyelaran', 'Alex Rivera', 'Marcus Oyelaran', 'Alex Rivera', 'Alex Rivera', 'Marcus Oyelaran',
    ]);
    expect(t.messages.map((m) => m.fromMe)).toEqual([false, true, false, true, true, false]);
    expect(t.messages.map((m) => m.id)).toEqual([
      '1a110a9b5c0fae6c', '1a1158992e07281d', '1a11c5a91a0ea1ce', '1a12fd7470061b7f', '1a13abce3a0d9530', '1a13ef6208050ee1',
    ]);
    expect(t.messages.map((m) => m.date)).toEqual([
      local(2026, 10, 6, 10, 2), local(2026, 10, 7, 8, 45), local(2026, 10, 8, 16, 31),
      local(2026, 10, 12, 11, 20), local(2026, 10, 14, 14, 7), local(2026, 10, 15, 9, 48),
    ]);
  });

  it('a collapsed row has its snippet as body and no recipients', () => {
    const m = t.messages[2]!;
    expect(m.to).toEqual([]);
    expect(m.dateRaw).toBe('Thu, Oct 8, 2026, 4:31 PM');
    expect(m.body).toBe(
      'Mostly a shared Google Sheet plus WhatsApp photos of shelf displays. Managers look at orders by territory, but nobody can see which stores have gone quiet until the quarter is over.',
    );
    expect(m.snippet).toBe(
      'Mostly a shared Google Sheet plus WhatsApp photos of shelf displays. Managers look at orders by territory, but nobody can see which stores have gone quiet until the quarter is over.',
    );
    expect(t.matched.snippet).toBe('div.iA.g6');
  });

  it('reads to and cc recipients of an expanded message', () => {
    expect(t.messages[5]!.to).toEqual([
      { name: 'Alex Rivera', email: REP },
      { name: 'Jenna Park', email: 'jenna.park@harborandpine.com' },
    ]);
    expect(t.participants).toEqual([
      { name: 'Marcus Oyelaran', email: 'marcus.oyelaran@harborandpine.com' },
      { name: 'Alex Rivera', email: REP },
      { name: 'Jenna Park', email: 'jenna.park@harborandpine.com' },
    ]);
  });

  it('options.ownEmails makes the other party "me" too (case-insensitive): no inbound message left', () => {
    const mine = read('collapsed-thread.html', { ownEmails: ['Marcus.Oyelaran@HarborAndPine.COM'] });
    expect(mine.messages.every((m) => m.fromMe)).toBe(true);
    expect(mine.latestInboundIndex).toBeNull();
  });
});

describe('quoted-reply.html', () => {
  const t = read('quoted-reply.html');

  it('keeps only the new text of each reply', () => {
    expect(t.messages.map((m) => m.body)).toEqual([
      'Hi Tomasz, Following up on our chat: here is the draft onboarding plan for your support team. Week one covers the ticket views and macros, week two the reporting.',
      "Thanks Alex. Week one looks good, but we can't pull all nine agents off the queue at the same time.\n\nCould we split the training into two cohorts, a few days apart?\n\nTomasz",
      "Two cohorts works well. I'd suggest cohort A on Monday 16th and cohort B on Thursday 19th, each with a 45-minute follow-up the week after.\n\nAlex",
      "Perfect, cohort A can start on the 16th. I'll send the calendar invites today.\n\nTomasz Brenner\nHead of Support, Quillfeather",
    ]);
  });

  it('no quoted history, attribution line, Outlook header or <style> text leaks into a body', () => {
    const expanded = t.messages.filter((m) => !m.collapsed);
    expect(expanded).toHaveLength(3);
    for (const m of expanded) {
      expect(m.body).not.toContain('wrote:');
      expect(m.body).not.toContain('draft onboarding plan'); // message 0, quoted in 1 (trimmed .h5)
      expect(m.body).not.toContain('From:');
      expect(m.body).not.toContain('msonormal');
      expect(m.body).not.toContain('…'); // the "•••" toggle
    }
    expect(t.messages[2]!.body).not.toContain('nine agents'); // message 1, quoted in 2 (gmail_quote + blockquote + .im)
    expect(t.messages[3]!.body).not.toContain('Two cohorts works well'); // message 2, below Outlook's divRplyFwdMsg
  });

  it('the page really contains the quoted text the reader skipped', () => {
    const d = load('quoted-reply.html');
    const bodies = Array.from(d.querySelectorAll('div.a3s'), (el) => el.textContent ?? '');
    expect(bodies[0]).toContain('draft onboarding plan');
    expect(bodies[1]).toContain('nine agents');
    expect(bodies[2]).toContain('Two cohorts works well');
  });
});

describe('own-reply-last.html', () => {
  const t = read('own-reply-last.html');

  it('latestInboundIndex points at the contact, not at the rep’s own last reply', () => {
    expect(t.messages.map((m) => m.fromMe)).toEqual([false, true, false, true]);
    expect(t.latestInboundIndex).toBe(2);
    expect(who(t.messages[2]!)).toBe('Jonas Whitfield <jonas@tidewatercoffee.com>');
    expect(t.messages[3]!.to).toEqual([{ name: 'Jonas Whitfield', email: 'jonas@tidewatercoffee.com' }]);
  });

  it('reads the 2018–2023 wrapper and the "at" date format', () => {
    expect(t.matched.root).toBe('div.nH.if');
    expect(t.messages.map((m) => m.dateRaw)).toEqual([
      'Mon, Sep 14, 2026 at 7:52 AM', 'Mon, Sep 14, 2026 at 12:10 PM', 'Tue, Sep 15, 2026 at 6:38 PM', 'Wed, Sep 16, 2026 at 8:05 AM',
    ]);
    expect(t.messages.map((m) => m.date)).toEqual([
      local(2026, 9, 14, 7, 52), local(2026, 9, 14, 12, 10), local(2026, 9, 15, 18, 38), local(2026, 9, 16, 8, 5),
    ]);
  });
});

describe('locales', () => {
  it('German: dates, names and the thread', () => {
    const t = read('locale-de.html');
    expect(t.messages.map((m) => m.dateRaw)).toEqual(['Mo., 2. März 2026, 08:05', 'Di., 3. März 2026, 14:20', 'Mi., 4. März 2026, 09:41']);
    expect(t.messages.map((m) => m.date)).toEqual([local(2026, 3, 2, 8, 5), local(2026, 3, 3, 14, 20), local(2026, 3, 4, 9, 41)]);
    expect(t.messages.map((m) => m.collapsed)).toEqual([true, false, false]);
    expect(who(t.messages[2]!)).toBe('Katrin Vogel <k.vogel@nordlicht-logistik.de>');
    expect(t.messages[2]!.body).toContain('Genau da verlieren wir den Überblick.');
  });

  it('German: the account comes from "Google-Konto: …" when the title has no address', () => {
    const d = load('locale-de.html');
    d.title = 'Posteingang';
    const t = readGmailThread(d)!;
    expect(t.accountEmail).toBe(REP);
    expect(t.matched.account).toBe('#gb a[aria-label*=@]');
    expect(t.messages.map((m) => m.fromMe)).toEqual([false, true, false]);
  });

  it('French: "mar." is Tuesday, févr. is February; "Compte Google : …" gives the account', () => {
    const t = read('locale-fr.html');
    expect(t.messages.map((m) => m.date)).toEqual([local(2026, 2, 17, 10, 30), local(2026, 2, 18, 9, 5), local(2026, 2, 19, 16, 5)]);
    const d = load('locale-fr.html');
    d.title = 'Boîte de réception';
    expect(readGmailThread(d)!.accountEmail).toBe(REP);
  });

  it('Spanish: "mar, 10 mar" is Tuesday 10 March; the sync thread id is used when there is no legacy id', () => {
    const t = read('locale-es.html');
    expect(t.messages.map((m) => m.dateRaw)).toEqual(['lun, 9 mar 2026, 17:45', 'mar, 10 mar 2026, 9:14']);
    expect(t.messages.map((m) => m.date)).toEqual([local(2026, 3, 9, 17, 45), local(2026, 3, 10, 9, 14)]);
    expect(t.matched.threadId).toBe('subject[data-thread-perm-id]');
    expect(who(t.messages[1]!)).toBe('Lucía Fernández Ortega <lucia.fernandez@grupoalba.es>');
  });

  it('British English: day-first 24-hour dates', () => {
    const t = read('decline.html');
    expect(t.messages.map((m) => m.dateRaw)).toEqual([
      'Mon, 7 Dec 2026, 09:30', 'Tue, 8 Dec 2026, 14:12', 'Wed, 9 Dec 2026, 08:55', 'Fri, 11 Dec 2026, 16:55',
    ]);
    expect(t.messages[3]!.date).toBe(local(2026, 12, 11, 16, 55));
  });
});

describe('preview-pane.html', () => {
  it('reads the thread in the pane and none of the list rows beside it', () => {
    const t = read('preview-pane.html');
    expect(t.matched.root).toBe('div.iY');
    expect(t.messages.map(who)).toEqual([
      'Dev Malhotra <dev@copperkettle.io>', 'Alex Rivera <alex.rivera@brightpath.io>', 'Dev Malhotra <dev@copperkettle.io>',
    ]);
    const emails = t.participants.map((p) => p.email).sort();
    expect(emails).toEqual(['alex.rivera@brightpath.io', 'dev@copperkettle.io']); // not marcus, billing, newsletter
    expect(t.messages.map((m) => m.id)).toEqual(['1a1c5c4ee20b22f0', '1a1c648c42029ca1', '1a1cb7b0700a1652']);
    expect(t.messages.some((m) => m.body.includes('Pilot kickoff'))).toBe(false);
  });
});

describe('odd-names.html', () => {
  const t = read('odd-names.html');

  it('a sender without a name attribute is named by its text', () => {
    expect(t.messages[0]!.from).toEqual({ name: "Sinéad O'Brien", email: 'sinead.obrien@kestrelworks.ie' });
  });

  it('quotes, commas, emoji, RTL scripts kept; zero-width characters dropped; upper-case address lower-cased', () => {
    expect(t.messages.map(who)).toEqual([
      "Sinéad O'Brien <sinead.obrien@kestrelworks.ie>",
      '"Bobby" Tables, Jr. <bobby.tables@lotusfreight.com>',
      '🌵 Rosa Delgado <rosa@cactuslabs.mx>',
      'ليلى حداد <leila.haddad@sahel-trading.ae>',
      'נועה כהן <noa.cohen@tavor-tech.co.il>',
      'Max Müller <max.mueller@brandt-kessel.de>',
      'Thanh Nguyễn <th.nguyen@lotusfreight.com>',
    ]);
    expect(t.messages[5]!.from!.name).toHaveLength('Max Müller'.length);
  });

  it('participants are deduplicated by address across case; a chip with no name shows its address', () => {
    expect(t.participants.map((p) => p.email)).toEqual([
      'sinead.obrien@kestrelworks.ie', 'bobby.tables@lotusfreight.com', 'rosa@cactuslabs.mx', 'leila.haddad@sahel-trading.ae',
      'noa.cohen@tavor-tech.co.il', 'max.mueller@brandt-kessel.de', 'th.nguyen@lotusfreight.com', REP, 'ops@kestrelworks.ie',
    ]);
    expect(t.messages[0]!.to.at(-1)).toEqual({ name: 'ops@kestrelworks.ie', email: 'ops@kestrelworks.ie' });
    expect(t.messages[0]!.to).toHaveLength(8);
  });

  it('subject emoji drawn as <img data-emoji> come back as characters', () => {
    expect(t.subject).toBe('SalesOps Summit follow-up 🌵 Austin');
  });

  it('a message with only data-message-id keeps that id without the "#"', () => {
    expect(t.messages[6]!.id).toBe('msg-f:1863169773404974426');
    expect(t.matched.id).toBe('[data-legacy-message-id]|[data-message-id]');
  });
});

describe('hostile.html', () => {
  const t = read('hostile.html');

  it('markup-looking text comes back verbatim, as plain strings', () => {
    expect(t.subject).toBe('<img src=x onerror=alert(1)>');
    expect(t.messages[0]!.from).toEqual({ name: '"><svg onload=alert(2)> Eve Mallory', email: 'eve.mallory@lantern-analytics.net' });
    expect(t.messages[0]!.body).toBe(
      'Hi Alex,\n\nOur scanner flagged this on your booking page: <script>alert("pwned")</script>\nAlso: <a href="javascript:alert(3)">click</a> and {{constructor.constructor(\'alert(4)\')()}}\n\nEve',
    );
  });

  it('script, style, noscript and hidden text are not read; bidi overrides are stripped', () => {
    const m = t.messages[0]!;
    for (const s of ['__resourcefulPwned', 'alert(5)', 'HIDDEN-PREHEADER', 'NOSCRIPT-TEXT']) expect(m.body).not.toContain(s);
    expect(m.to[1]).toEqual({ name: 'Payroll fdp.xlsx', email: 'payroll@lantern-analytics.net' });
  });

  it('with no thread id in the DOM the URL token is the id', () => {
    expect(t.threadId).toBe('FMfcgzQcpLrWtKbXmZsNdVjHgQfCwTrB');
    expect(t.matched.threadId).toBe('location.hash');
  });

  it('reading does not touch the page', () => {
    const d = load('hostile.html');
    const before = d.documentElement.outerHTML;
    readGmailThread(d);
    expect(d.documentElement.outerHTML).toBe(before);
  });
});

describe('thread-30.html', () => {
  const t = read('thread-30.html');

  it('30 expanded messages, alternating, in date order, last one from Nadia', () => {
    expect(t.messages.every((m) => !m.collapsed)).toBe(true);
    const fromNadia = t.messages.map((m) => m.from!.email === 'nadia.petrov@fernhollow.com');
    expect(fromNadia).toEqual(Array.from({ length: 30 }, (_, i) => i % 2 === 0 || i === 29));
    expect(t.messages[0]!.date).toBe(local(2026, 1, 12, 8, 0));
    expect(t.messages[29]!.dateRaw).toBe('Sat, Mar 28, 2026, 10:23 AM');
    expect(new Set(t.messages.map((m) => m.id)).size).toBe(30);
  });

  it('each reply’s trimmed quote of the previous message is left out', () => {
    t.messages.forEach((m, i) => {
      expect(m.body).not.toContain('wrote:');
      expect(m.body).toContain(`${i + 1}`); // "Open question N" / "message N" is this message's own text
      if (i > 0) {
        const prev = t.messages[i - 1]!.body.split('\n').find((l) => l.length > 40)!;
        expect(m.body).not.toContain(prev);
      }
    });
  });
});

describe('stall.html and decline.html', () => {
  it('stall: the prospect asks for a free trial after agreeing to the deposit; the rep followed up last', () => {
    const t = read('stall.html');
    expect(t.messages.map((m) => m.fromMe)).toEqual([true, false, true, false, true]);
    expect(t.messages[1]!.body).toContain("we're in. I'll get the 30% deposit over");
    expect(t.messages[3]!.body).toContain('free two-week trial');
    expect(t.messages[3]!.body).toContain("I'll give you a call on Friday");
    expect(t.latestInboundIndex).toBe(3);
  });

  it('decline: the last message is the prospect declining on price', () => {
    const t = read('decline.html');
    expect(t.matched.root).toBe('div.nH.if');
    expect(t.messages[3]!.body).toContain("decided not to go ahead. At £7,200 it's more than we can justify this year");
    expect(t.latestInboundIndex).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Pages Gmail did not mean to show us

const SHELL = (inner: string, title = `Re: Test - ${REP} - Gmail`): string =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body><div role="main">${inner}</div></body></html>`;

const MESSAGE = (opts: { id?: string; sender?: string; body?: string; cls?: string; date?: string } = {}): string => `
  <div class="${opts.cls ?? 'h7'}" role="listitem"><div class="adn ads" data-legacy-message-id="${opts.id ?? '19aa0000000000a1'}">
    <div class="gE iv gt">${opts.sender ?? `<span class="gD" email="sam.okafor@northwind.example" name="Sam Okafor">Sam Okafor</span>`}
    <span class="g3" title="${opts.date ?? 'Mon, Nov 16, 2026, 9:14 AM'}">9:14 AM</span></div>
    <div class="ii gt"><div class="a3s aiL">${opts.body ?? '<div>Hello Alex</div>'}</div></div>
  </div></div>`;

const THREAD = (messages: string, subject = 'Test thread'): string =>
  `<div class="a98 iY"><h2 class="hP" data-legacy-thread-id="19aa000000000001">${subject}</h2><div role="list">${messages}</div></div>`;

describe('broken and strange pages: never throws', () => {
  it('empty document → null', () => {
    expect(readGmailThread(doc(''))).toBeNull();
    expect(readGmailThread(new JSDOM('').window.document)).toBeNull();
  });

  it('not a document at all → null', () => {
    expect(readGmailThread(null as unknown as Document)).toBeNull();
    expect(readGmailThread({} as Document)).toBeNull();
    expect(readGmailThread({ documentElement: {}, getElementsByTagName: () => { throw new Error('boom'); } } as unknown as Document)).toBeNull();
  });

  it('a thread container with a subject but no messages (still loading) → null', () => {
    expect(readGmailThread(doc(SHELL(THREAD(''))))).toBeNull();
    expect(readGmailThread(doc(SHELL(THREAD('<div class="kQ"><span class="adx">3</span></div>'))))).toBeNull();
  });

  it('"N older messages" placeholders without content are not messages', () => {
    const t = readGmailThread(doc(SHELL(THREAD(`<div class="kQ" role="listitem"><div class="adx"><span>2</span></div></div>${MESSAGE()}`))))!;
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]!.from!.email).toBe('sam.okafor@northwind.example');
  });

  it('a message with no sender is kept with from: null and is not the latest inbound', () => {
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE() + MESSAGE({ id: '19aa0000000000a2', sender: '', body: 'Auto-generated notice' })))))!;
    expect(t.messages).toHaveLength(2);
    expect(t.messages[1]!.from).toBeNull();
    expect(t.messages[1]!.fromMe).toBe(false);
    expect(t.messages[1]!.body).toBe('Auto-generated notice');
    expect(t.latestInboundIndex).toBe(0);
  });

  it('a message id that appears twice (a stale copy) is read once, the expanded copy winning', () => {
    const collapsedCopy = `<div class="kv" role="listitem"><div class="adf ads" data-legacy-message-id="19aa0000000000a1"><span class="gD" email="sam.okafor@northwind.example" name="Sam Okafor">Sam Okafor</span><span class="g3" title="Mon, Nov 16, 2026, 9:14 AM">Nov 16</span><div class="iA g6"><span>Hello…</span></div></div></div>`;
    const t = readGmailThread(doc(SHELL(THREAD(collapsedCopy + MESSAGE() + MESSAGE()))))!;
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]!.collapsed).toBe(false);
    expect(t.messages[0]!.body).toBe('Hello Alex');
  });

  it('a hidden, stale thread view next to the visible one: the visible one is read', () => {
    const stale = `<div style="display: none">${THREAD(MESSAGE({ id: '19bb0000000000b1', body: 'OLD THREAD' }), 'Old subject')}</div>`;
    const t = readGmailThread(doc(SHELL(stale + THREAD(MESSAGE(), 'Current subject'))))!;
    expect(t.subject).toBe('Current subject');
    expect(t.messages.map((m) => m.body)).toEqual(['Hello Alex']);
  });

  it('a visible thread still loading next to a hidden stale one → null, not the stale messages', () => {
    const stale = `<div hidden>${THREAD(MESSAGE({ id: '19bb0000000000b1', body: 'OLD THREAD' }), 'Old subject')}</div>`;
    expect(readGmailThread(doc(SHELL(stale + THREAD('', 'Loading subject'))))).toBeNull();
  });

  it('only a hidden thread view in the page: it is still read', () => {
    const t = readGmailThread(doc(SHELL(`<div aria-hidden="true">${THREAD(MESSAGE(), 'Behind a dialog')}</div>`)))!;
    expect(t.subject).toBe('Behind a dialog');
    expect(t.messages).toHaveLength(1);
  });

  it('a 2 MB body is capped and read quickly', () => {
    const huge = `<div>${'Lorem ipsum dolor sit amet. '.repeat(75_000)}</div>`;
    expect(huge.length).toBeGreaterThan(2_000_000);
    const d = doc(SHELL(THREAD(MESSAGE({ body: huge }))));
    const t0 = performance.now();
    const t = readGmailThread(d)!;
    const ms = performance.now() - t0;
    expect(t.messages[0]!.body.length).toBeLessThanOrEqual(20_000);
    expect(t.messages[0]!.body.length).toBeGreaterThan(19_000);
    expect(t.messages[0]!.body.endsWith('…')).toBe(true);
    expect(t.messages[0]!.snippet.length).toBeLessThanOrEqual(200);
    expect(ms).toBeLessThan(500);
  });

  it('a 2 MB body made of 20,000 paragraphs is capped too', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i} ${'x'.repeat(90)}</p>`).join('');
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE({ body: many })))))!;
    expect(t.messages[0]!.body.length).toBeLessThanOrEqual(20_000);
    expect(t.messages[0]!.body.startsWith(`Paragraph 0 ${'x'.repeat(90)}\n\nParagraph 1 `)).toBe(true);
  });

  // jsdom builds deep trees in quadratic time (≈8 s for 5,000 levels); the reader itself takes a fraction of that.
  it('5,000 nested divs in a body', { timeout: 60_000 }, () => {
    const deep = `${'<div>'.repeat(5000)}bottom of the well${'</div>'.repeat(5000)}`;
    const d = doc(SHELL(THREAD(MESSAGE({ body: deep }))));
    const t = readGmailThread(d)!;
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]!.body).toBe('bottom of the well');
  });

  it('the whole thread nested 1,000 divs deep', { timeout: 30_000 }, () => {
    const d = doc(SHELL(`${'<div>'.repeat(1000)}${THREAD(MESSAGE())}${'</div>'.repeat(1000)}`));
    const t = readGmailThread(d)!;
    expect(t.messages.map((m) => m.body)).toEqual(['Hello Alex']);
  });

  it('a deep page without a thread → null', { timeout: 30_000 }, () => {
    expect(readGmailThread(doc(SHELL(`${'<div>'.repeat(1000)}<span email="x@y.co">x</span>${'</div>'.repeat(1000)}`)))).toBeNull();
  });

  const QUOTES: Array<[string, string]> = [
    ['Apple Mail <blockquote type="cite">', '<div>New text.</div><div><br><blockquote type="cite">On Nov 4, 2026, at 3:47 PM, Tomasz wrote:<br>OLD QUOTED</blockquote></div>'],
    ['bare Gmail .im line', '<div>New text.</div><div class="im">OLD QUOTED</div>'],
    ['Gmail-prefixed class in received HTML', '<div>New text.</div><div class="m_-4095939434848795089gmail_quote">OLD QUOTED</div>'],
    ['pre-2017 .gmail_extra', '<div>New text.</div><div class="gmail_extra"><br><div class="gmail_quote">OLD QUOTED</div></div>'],
    ['Yahoo', '<div>New text.</div><div class="yahoo_quoted">OLD QUOTED</div>'],
    ['Thunderbird', '<div>New text.</div><div class="moz-cite-prefix">On 04/11/2026 Tomasz wrote:</div><blockquote type="cite">OLD QUOTED</blockquote>'],
    ['Outlook, history after #appendonsend', '<div>New text.</div><div id="appendonsend"></div><hr><div>From: Tomasz</div><div>OLD QUOTED</div>'],
    ['Gmail trimmed content', '<div>New text.</div><div class="adm"><div class="ajR">…</div></div><div class="h5">OLD QUOTED</div>'],
    ['trailing .adL marker', '<div>New text.</div><div class="adL">OLD QUOTED</div>'],
    ['[Message clipped] notice', '<div>New text.</div><div class="iX"><span>[Message clipped]</span> <a href="#">View entire message</a> OLD QUOTED</div>'],
  ];
  it.each(QUOTES)('quoted history left out: %s', (_label, body) => {
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE({ body })))))!;
    expect(t.messages[0]!.body).toBe('New text.');
  });

  it('block elements give line breaks, paragraphs a blank line, table cells a space', () => {
    const body = '<p>One</p><p>Two</p><div>Three<br>Four</div><ul><li>Five</li><li>Six</li></ul><table><tr><td>Price</td><td>$40</td></tr></table>Seven <b>bold</b>';
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE({ body })))))!;
    expect(t.messages[0]!.body).toBe('One\n\nTwo\n\nThree\nFour\nFive\nSix\nPrice $40\nSeven bold');
  });

  // Every character JavaScript's `\s` matches, from the engine itself (the reader spells the class out for speed).
  const JS_SPACES = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch));

  it('every whitespace character in body text collapses to one space; U+FEFF, also invisible, is dropped', () => {
    expect(JS_SPACES.length).toBeGreaterThan(20);
    const page = doc(SHELL(THREAD(MESSAGE({ body: '<div id="t">x</div>' }))));
    const div = page.getElementById('t')!;
    for (const ch of JS_SPACES) {
      if (ch === ' ') continue;
      const gone = ch === '\uFEFF';
      // Set through the DOM: the HTML parser would turn \r into \n first.
      const cases: Array<[string, string]> = [
        [`a${ch}b`, gone ? 'ab' : 'a b'],
        [`a${ch}${ch}b`, gone ? 'ab' : 'a b'],
        [`a ${ch}b`, 'a b'],
        [`${ch}a${ch}b${ch}`, gone ? 'ab' : 'a b'],
      ];
      for (const [text, want] of cases) {
        div.textContent = text;
        expect([ch.charCodeAt(0).toString(16), readGmailThread(page)!.messages[0]!.body]).toEqual([ch.charCodeAt(0).toString(16), want]);
      }
    }
  });

  it('class tokens separated by any whitespace character still mark quoted history', () => {
    for (const ch of JS_SPACES) {
      const body = `<div>New text.</div><div class="x${ch}gmail_quote">OLD QUOTED</div>`;
      const t = readGmailThread(doc(SHELL(THREAD(MESSAGE({ body })))))!;
      expect([ch.charCodeAt(0).toString(16), t.messages[0]!.body]).toEqual([ch.charCodeAt(0).toString(16), 'New text.']);
    }
  });

  it('comments and processing instructions inside a body are not text', () => {
    const page = doc(SHELL(THREAD(MESSAGE({ body: '<div id="t">One<!-- a comment -->Two</div><div>Three<!-- x --></div><!-- last -->' }))));
    const div = page.getElementById('t')!;
    div.appendChild(page.createProcessingInstruction('xml-stylesheet', 'href="x.css"'));
    div.appendChild(page.createTextNode(' Four'));
    expect(readGmailThread(page)!.messages[0]!.body).toBe('OneTwo Four\nThree');
  });

  // A form's controls shadow the form's own DOM properties by name in Chromium (`form.nextSibling` is then an
  // <input>): the body walk must step around a form exactly as around any other element. jsdom does not shadow, so
  // `shadow` does it the way Chromium does, an own property per named control, for the attribute methods the walk
  // calls (shadowing the node properties too would break jsdom's own selector engine, which reads them in JS; the
  // hostile e2e covers those in Chromium).
  const SHADOWING = ['firstChild', 'nextSibling', 'localName', 'nodeType', 'parentNode', 'hasAttributes', 'hasAttribute', 'getAttribute', 'id']
    .map((n) => `<input name="${n}">`)
    .join('');
  const SHADOWED_HERE = new Set(['hasAttributes', 'hasAttribute', 'getAttribute', 'id']);
  function shadow(page: Document): Document {
    for (const form of Array.from(page.querySelectorAll('form'))) {
      for (const control of Array.from(form.querySelectorAll('input[name]'))) {
        const name = control.getAttribute('name')!;
        if (SHADOWED_HERE.has(name)) Object.defineProperty(form, name, { get: () => control, configurable: true });
      }
      expect(() => form.getAttribute('class')).toThrow(TypeError);
    }
    return page;
  }

  it('a form whose controls shadow its DOM properties is read like any other element', () => {
    const body = `<div>Before</div><form>${SHADOWING}<div>In the form</div></form><div>After</div>`;
    const t = readGmailThread(shadow(doc(SHELL(THREAD(MESSAGE({ body }))))))!;
    expect(t.messages[0]!.body).toBe('Before\nIn the form\nAfter');
  });

  it("a shadowed form's own attributes still count: hidden, quoted history", () => {
    const body = `<div>Kept</div><form style="display:none">${SHADOWING}<div>HIDDEN</div></form><form class="gmail_quote">${SHADOWING}<div>QUOTED</div></form>`;
    const t = readGmailThread(shadow(doc(SHELL(THREAD(MESSAGE({ body }))))))!;
    expect(t.messages[0]!.body).toBe('Kept');
  });

  it('a form as the message body itself (the .adP fallback) is read too', () => {
    const item = MESSAGE().replace(/<div class="ii gt">[\s\S]*<\/div><\/div>\n/, `<form class="adP">${SHADOWING}<div>Form body</div></form>\n`);
    expect(item).toContain('<form class="adP">');
    const t = readGmailThread(shadow(doc(SHELL(THREAD(item)))))!;
    expect(t.matched.body).toBe('.adP');
    expect(t.messages[0]!.body).toBe('Form body');
  });

  it('a forwarded message that is nothing but a quote keeps the quoted text', () => {
    const fwd = '<div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: Lee &lt;lee@example.org&gt;</div><div>Please see the pricing below.</div></div>';
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE({ body: fwd })))))!;
    expect(t.messages[0]!.body).toBe('---------- Forwarded message ---------\nFrom: Lee <lee@example.org>\nPlease see the pricing below.');
  });

  it('a message collapsed again after being opened keeps its full body and still counts as collapsed', () => {
    const item = MESSAGE({ cls: 'kv', body: '<div>Full text that Gmail kept</div>' }).replace('role="listitem"', '');
    const t = readGmailThread(doc(SHELL(THREAD(item + MESSAGE({ id: '19aa0000000000a2' })))))!;
    expect(t.messages.map((m) => m.collapsed)).toEqual([true, false]);
    expect(t.messages[0]!.body).toBe('Full text that Gmail kept');
    expect(t.messages[0]!.snippet).toBe('Full text that Gmail kept');
  });

  it('ARIA state decides when the list item has neither h7 nor kv', () => {
    const item = (expanded: string, id: string): string =>
      MESSAGE({ cls: 'zz', id }).replace('role="listitem"', `role="listitem" aria-expanded="${expanded}"`);
    const t = readGmailThread(doc(SHELL(THREAD(item('false', '19aa0000000000a1') + item('true', '19aa0000000000a2')))))!;
    expect(t.messages.map((m) => m.collapsed)).toEqual([true, false]);
  });

  it('a participant first seen without a name gets the name from a later chip', () => {
    const bare = '<span class="gD" email="lee@harbor.example"></span>';
    const named = '<span class="gD" email="LEE@harbor.example" name="Lee Park">Lee</span>';
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE({ sender: bare }) + MESSAGE({ id: '19aa0000000000a2', sender: named })))))!;
    expect(t.messages.map((m) => m.from)).toEqual([
      { name: 'lee@harbor.example', email: 'lee@harbor.example' },
      { name: 'Lee Park', email: 'lee@harbor.example' },
    ]);
    expect(t.participants).toEqual([{ name: 'Lee Park', email: 'lee@harbor.example' }]);
  });

  it('a date tooltip in an unknown format keeps the raw string and a null date', () => {
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE({ date: 'sometime last week' })))))!;
    expect(t.messages[0]!.date).toBeNull();
    expect(t.messages[0]!.dateRaw).toBe('sometime last week');
  });
});

describe('fallbacks', () => {
  it('no subject heading: messages under the main pane, subject from the title', () => {
    const t = readGmailThread(doc(SHELL(`<div role="list">${MESSAGE()}</div>`, `Pricing question - ${REP} - Gmail`)))!;
    expect(t.subject).toBe('Pricing question');
    expect(t.matched.subject).toBe('title');
    expect(t.matched.root).toBe('div[role=main]');
    expect(t.matched.messages).toBe('div.h7 siblings');
    expect(t.threadId).toBe('FMfcgzQcTestThreadTokenAbCdEfGh');
  });

  it('no list-item wrappers: the message cards themselves are the messages', () => {
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE({ cls: 'zz' }) + MESSAGE({ cls: 'zz', id: '19aa0000000000a2', body: 'Second' })))))!;
    expect(t.matched.messages).toBe('div.adn[data-message-id]');
    expect(t.messages.map((m) => m.body)).toEqual(['Hello Alex', 'Second']);
    expect(t.messages.map((m) => m.collapsed)).toEqual([false, false]);
  });

  it('only ARIA list items: read inside a thread container, never in the bare main pane', () => {
    const item = `<div role="listitem"><span email="sam.okafor@northwind.example" name="Sam Okafor">Sam</span><span title="Mon, Nov 16, 2026, 9:14 AM">9:14</span></div>`;
    const t = readGmailThread(doc(SHELL(THREAD(item))))!;
    expect(t.matched.messages).toBe('[role=listitem]');
    expect(t.messages[0]!.from!.email).toBe('sam.okafor@northwind.example');
    expect(t.messages[0]!.date).toBe(local(2026, 11, 16, 9, 14));
    expect(t.matched.date).toBe('span[title]');
    expect(readGmailThread(doc(SHELL(item)))).toBeNull();
  });

  it('the account is the last address in the title, so a subject cannot spoof it', () => {
    const title = `Intro - mallory@evil.example - Gmail - ${REP} - Gmail`;
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE()), title)))!;
    expect(t.accountEmail).toBe(REP);
  });

  it('no account anywhere: nobody is "me" and the last sender is the latest inbound', () => {
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE()), 'Gmail')))!;
    expect(t.accountEmail).toBeNull();
    expect(t.matched.account).toBeUndefined();
    expect(t.messages[0]!.fromMe).toBe(false);
    expect(t.latestInboundIndex).toBe(0);
  });

  it('thread id: subject attributes, else the URL token (path, query and encoding handled), else null', () => {
    const noIds = SHELL(`<div class="a98 iY"><h2 class="hP">S</h2><div role="list">${MESSAGE()}</div></div>`);
    expect(readGmailThread(doc(noIds, 'https://mail.google.com/mail/u/1/#label/Clients%2FAcme/FMfcgzQcLabelToken12345?compose=new'))!.threadId).toBe(
      'FMfcgzQcLabelToken12345',
    );
    expect(readGmailThread(doc(noIds, 'https://mail.google.com/mail/u/0/#inbox'))!.threadId).toBeNull();
    expect(readGmailThread(new JSDOM(noIds).window.document)!.threadId).toBeNull();
  });

  it('a sender chip without the gD class is found by [email]; a body address is never the sender', () => {
    const sender = '<h3 class="iw"><span email="kim@harbor.example" name="Kim Ito">Kim Ito</span></h3>';
    const body = '<div>Write to <span email="spoof@evil.example" class="gD">spoof</span> instead</div>';
    const t = readGmailThread(doc(SHELL(THREAD(MESSAGE({ sender, body })))))!;
    expect(t.messages[0]!.from).toEqual({ name: 'Kim Ito', email: 'kim@harbor.example' });
    expect(t.matched.from).toBe('h3.iw span[email]');
    expect(t.participants.map((p) => p.email)).not.toContain('spoof@evil.example');
  });
});

describe('performance (jsdom; the Chromium budget is measured by the benchmark)', () => {
  it('reads thread-30.html without pathological cost', () => {
    const d = load('thread-30.html');
    readGmailThread(d); // warm up
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) readGmailThread(d);
    expect((performance.now() - t0) / 5).toBeLessThan(250);
  });
});
