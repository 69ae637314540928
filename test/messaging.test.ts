import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkContentMessage,
  checkPanelMessage,
  compactThread,
  fitSnapshot,
  isTrustedExtensionSender,
  MAX_MESSAGE_CHARS,
  MAX_SENT_MESSAGES,
  MAX_SNAPSHOT_CHARS,
  PageSnapshotSchema,
  trustedContentSite,
  type PageSnapshot,
  type SenderLike,
} from '../lib/messaging';
import { msg, profile, thread } from './helpers/factories';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const gmailTab = { id: ID, tab: { id: 7, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz' }, frameId: 0 };
const snapshot = (site: 'gmail' | 'linkedin' = 'gmail') =>
  site === 'gmail'
    ? { type: 'page:snapshot', snapshot: { site, url: 'https://mail.google.com/mail/u/0/', readAt: 1, thread: null, threadUrl: false } }
    : { type: 'page:snapshot', snapshot: { site, url: 'https://www.linkedin.com/in/x/', readAt: 1, profile: null, profileUrl: true } };

describe('checkContentMessage', () => {
  it('accepts a valid snapshot from a Gmail tab top frame', () => {
    expect(checkContentMessage(snapshot(), gmailTab, ID)).toMatchObject({ ok: true });
  });
  it.each([
    ['another extension', { ...gmailTab, id: 'other' }, 'untrusted sender'],
    ['no tab (an extension page)', { id: ID, frameId: 0 }, 'untrusted sender'],
    ['a sub-frame', { ...gmailTab, frameId: 3 }, 'untrusted sender'],
    ['a tab on another host', { ...gmailTab, tab: { id: 7, url: 'https://evil.example/mail.google.com' } }, 'untrusted sender'],
    ['a look-alike host', { ...gmailTab, tab: { id: 7, url: 'https://mail.google.com.evil.example/' } }, 'untrusted sender'],
  ])('drops a message from %s', (_label, sender, reason) => {
    expect(checkContentMessage(snapshot(), sender, ID)).toEqual({ ok: false, reason });
  });
  it('drops a LinkedIn snapshot claimed by a Gmail tab', () => {
    expect(checkContentMessage(snapshot('linkedin'), gmailTab, ID)).toEqual({ ok: false, reason: 'snapshot site does not match the sender tab' });
  });
  it('drops malformed and oversized payloads', () => {
    expect(checkContentMessage({ type: 'page:snapshot' }, gmailTab, ID)).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid payload/) });
    expect(checkContentMessage({ type: 'nope' }, gmailTab, ID)).toMatchObject({ ok: false });
    expect(checkContentMessage(null, gmailTab, ID)).toMatchObject({ ok: false });
    const big = snapshot();
    (big.snapshot as { url: string }).url = 'x'.repeat(MAX_MESSAGE_CHARS);
    expect(checkContentMessage(big, gmailTab, ID)).toEqual({ ok: false, reason: 'message too large' });
    const cyclic: Record<string, unknown> = { type: 'page:snapshot' };
    cyclic.self = cyclic;
    expect(checkContentMessage(cyclic, gmailTab, ID)).toEqual({ ok: false, reason: 'message too large' });
  });
});

describe('checkPanelMessage', () => {
  it('accepts our extension pages only', () => {
    expect(checkPanelMessage({ type: 'content:reread' }, { id: ID }, ID)).toEqual({ ok: true, message: { type: 'content:reread' } });
    expect(checkPanelMessage({ type: 'content:reread' }, gmailTab, ID)).toEqual({ ok: false, reason: 'untrusted sender' });
    expect(checkPanelMessage({ type: 'content:reread' }, { id: 'other' }, ID)).toEqual({ ok: false, reason: 'untrusted sender' });
    expect(checkPanelMessage({ type: 'content:evil' }, { id: ID }, ID)).toEqual({ ok: false, reason: 'invalid payload' });
  });
});

describe('compactThread', () => {
  it('keeps full bodies for the last five messages only', () => {
    const t = thread(Array.from({ length: 8 }, (_, i) => msg({ id: `m${i}`, fromEmail: 'a@b.co', body: `body ${i}`, snippet: `s${i}` })));
    const c = compactThread(t);
    expect(c.messages.map((m) => m.body)).toEqual(['', '', '', 'body 3', 'body 4', 'body 5', 'body 6', 'body 7']);
    expect(c.messages.map((m) => m.snippet)).toEqual(t.messages.map((m) => m.snippet));
    expect(compactThread(thread([msg({ body: 'x' })]))).toEqual(thread([msg({ body: 'x' })]));
  });

  it("keeps the latest inbound message's body when the rep wrote the last five or more", () => {
    const t = thread(Array.from({ length: 9 }, (_, i) => msg({ id: `m${i}`, fromEmail: i < 3 ? 'client@x.co' : 'rep@y.co', fromMe: i >= 3, body: `body ${i}` })));
    expect(t.latestInboundIndex).toBe(2);
    const c = compactThread(t);
    expect(c.latestInboundIndex).toBe(2);
    expect(c.messages.map((m) => m.body)).toEqual(['', '', 'body 2', '', 'body 4', 'body 5', 'body 6', 'body 7', 'body 8']);
  });
});

/** What Chrome really passes for our Gmail content script (see test/e2e/forged.e2e.ts), trimmed to what is read. */
const realGmailSender: SenderLike = {
  id: ID,
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz',
  origin: 'https://mail.google.com',
  frameId: 0,
  documentLifecycle: 'active',
  tab: { id: 7, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz' },
};
const realLinkedInSender: SenderLike = {
  ...realGmailSender,
  url: 'https://www.linkedin.com/in/x/',
  origin: 'https://www.linkedin.com',
  tab: { id: 8, url: 'https://www.linkedin.com/in/x/' },
};
/** What Chrome passes for an extension page (the panel, even when opened in a tab) sending with tabs.sendMessage. */
const realPanelSender: SenderLike = { id: ID, url: `chrome-extension://${ID}/sidepanel.html?tabId=7`, origin: `chrome-extension://${ID}` };

describe('forged content-script senders', () => {
  it('accepts the real shapes Chrome sends', () => {
    expect(trustedContentSite(realGmailSender, ID)).toBe('gmail');
    expect(trustedContentSite(realLinkedInSender, ID)).toBe('linkedin');
    expect(checkContentMessage(snapshot('linkedin'), realLinkedInSender, ID)).toMatchObject({ ok: true });
  });

  it.each<[string, SenderLike]>([
    ['no id', { ...realGmailSender, id: undefined }],
    ['an empty id against an empty extension id', { ...realGmailSender, id: '' }],
    ['an extension page opened in a tab', { ...realGmailSender, url: `chrome-extension://${ID}/sidepanel.html`, origin: `chrome-extension://${ID}`, tab: { id: 9, url: `chrome-extension://${ID}/sidepanel.html` } }],
    ['a tab without an id', { ...realGmailSender, tab: { url: 'https://mail.google.com/mail/u/0/' } }],
    ['TAB_ID_NONE', { ...realGmailSender, tab: { id: -1, url: 'https://mail.google.com/mail/u/0/' } }],
    ['a fractional tab id', { ...realGmailSender, tab: { id: 1.5, url: 'https://mail.google.com/mail/u/0/' } }],
    ['no frame id', { ...realGmailSender, frameId: undefined }],
    ['a tab without a url', { ...realGmailSender, tab: { id: 7 } }],
    ['plain http', { ...realGmailSender, tab: { id: 7, url: 'http://mail.google.com/mail/u/0/' } }],
    ['another port', { ...realGmailSender, tab: { id: 7, url: 'https://mail.google.com:8443/mail/u/0/' } }],
    ['a sibling host', { ...realGmailSender, tab: { id: 7, url: 'https://accounts.google.com/' } }],
    ['the bare linkedin.com host', { ...realLinkedInSender, tab: { id: 8, url: 'https://linkedin.com/in/x/' } }],
    ['userinfo spoofing the host', { ...realGmailSender, tab: { id: 7, url: 'https://mail.google.com@evil.example/' } }],
    ['an unparsable tab url', { ...realGmailSender, tab: { id: 7, url: 'not a url' } }],
    ['a prerendered document', { ...realGmailSender, documentLifecycle: 'prerender' }],
    ['a document being unloaded', { ...realGmailSender, documentLifecycle: 'pending_deletion' }],
    ['a frame on another host than its tab', { ...realGmailSender, url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['a frame origin that disagrees', { ...realGmailSender, origin: 'https://www.linkedin.com' }],
    ['an opaque origin', { ...realGmailSender, origin: 'null' }],
  ])('drops %s', (_label, sender) => {
    expect(trustedContentSite(sender, ID)).toBeNull();
    expect(checkContentMessage(snapshot(), sender, ID)).toEqual({ ok: false, reason: 'untrusted sender' });
  });

  it('a snapshot whose url is not on the sender tab’s site is dropped', () => {
    const s = snapshot();
    for (const url of ['https://evil.example/mail', 'https://www.linkedin.com/in/x/', 'javascript:alert(1)', 'http://mail.google.com/', '']) {
      (s.snapshot as { url: string }).url = url;
      expect(checkContentMessage(s, realGmailSender, ID)).toEqual({ ok: false, reason: 'snapshot url does not match the sender tab' });
    }
  });

  it('random senders are never trusted unless id, top frame and an https tab on our hosts line up (property)', () => {
    // Fully random senders: almost none of them is trusted (about 1 in 8,000), so they only exercise the "never".
    const url = fc.oneof(
      fc.constantFrom(
        'https://mail.google.com/mail/u/0/',
        'https://www.linkedin.com/in/x/',
        'https://evil.example/',
        `chrome-extension://${ID}/sidepanel.html`,
        'http://mail.google.com/',
      ),
      fc.webUrl(),
    );
    const randomSender = fc.record(
      {
        id: fc.constantFrom(ID, 'other', ''),
        url,
        origin: fc.constantFrom('https://mail.google.com', 'https://www.linkedin.com', `chrome-extension://${ID}`, 'null'),
        frameId: fc.constantFrom(0, 1, -1),
        documentLifecycle: fc.constantFrom('active', 'prerender', 'cached'),
        tab: fc.record({ id: fc.oneof(fc.integer({ min: -2, max: 1000 }), fc.double()), url }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );

    // Near misses: a real sender with one or two fields changed. Every change is labelled with whether it must, on
    // its own, make the sender untrusted (`breaks`), so both outcomes are frequent and each is known in advance.
    // The tab url only ever moves within its site or off our hosts, so a trusted near miss keeps its base site.
    type Site = 'gmail' | 'linkedin';
    type Field = 'id' | 'frameId' | 'tabId' | 'tabUrl' | 'documentLifecycle' | 'url' | 'origin';
    type Change = { field: Field; breaks: boolean; value: unknown };
    const HOSTS = { gmail: 'mail.google.com', linkedin: 'www.linkedin.com' } as const;
    const OTHER: Record<Site, Site> = { gmail: 'linkedin', linkedin: 'gmail' };
    const sameSiteUrl = (site: Site) =>
      fc
        .tuple(
          fc.constantFrom(`https://${HOSTS[site]}`, `https://${HOSTS[site].toUpperCase()}`, `https://${HOSTS[site]}:443`),
          fc.webPath(),
          fc.option(fc.webQueryParameters(), { nil: undefined }),
          fc.option(fc.webFragments(), { nil: undefined }),
        )
        .map(([origin, path, query, hash]) => `${origin}${path}${query === undefined ? '' : `?${query}`}${hash === undefined ? '' : `#${hash}`}`);
    const offSiteUrl = (site: Site) =>
      fc.oneof(
        fc.constantFrom(
          `http://${HOSTS[site]}/`,
          `https://${HOSTS[site]}:8443/`,
          `https://${HOSTS[site]}./`,
          `https://${HOSTS[site]}.evil.example/`,
          `https://${HOSTS[site]}@evil.example/`,
          `https://evil.example/${HOSTS[site]}`,
          'https://accounts.google.com/',
          'https://linkedin.com/in/x/',
          `chrome-extension://${ID}/sidepanel.html`,
          `wss://${HOSTS[site]}/`,
          'not a url',
          '',
        ),
        fc.webUrl().filter((u) => !Object.values(HOSTS).includes(new URL(u).hostname as never)),
      );
    const change = (field: Field, keep: fc.Arbitrary<unknown>, brk: fc.Arbitrary<unknown>): fc.Arbitrary<Change> =>
      fc.oneof(
        { weight: 3, arbitrary: keep.map((value) => ({ field, breaks: false, value })) },
        { weight: 2, arbitrary: brk.map((value) => ({ field, breaks: true, value })) },
      );
    const changes = (site: Site) =>
      fc.uniqueArray(
        fc.oneof(
          change('id', fc.constant(ID), fc.constantFrom('other', '', undefined, ID.toUpperCase(), `${ID}x`)),
          change('frameId', fc.constant(0), fc.constantFrom(1, -1, 0.5, undefined, Number.NaN)),
          change('tabId', fc.nat(), fc.oneof(fc.integer({ max: -1 }), fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, undefined))),
          // `null` stands for "no tab at all".
          change('tabUrl', sameSiteUrl(site), fc.oneof(offSiteUrl(site), fc.constantFrom(undefined, null))),
          change('documentLifecycle', fc.constantFrom('active', undefined), fc.constantFrom('prerender', 'cached', 'pending_deletion', 'Active', '')),
          change('url', fc.oneof(sameSiteUrl(site), fc.constant(undefined)), fc.oneof(offSiteUrl(site), sameSiteUrl(OTHER[site]))),
          change(
            'origin',
            fc.constantFrom(`https://${HOSTS[site]}`, undefined),
            fc.constantFrom(`https://${HOSTS[OTHER[site]]}`, 'null', `chrome-extension://${ID}`, `http://${HOSTS[site]}`, `https://${HOSTS[site]}:8443`),
          ),
        ),
        { minLength: 1, maxLength: 2, selector: (c) => c.field },
      );
    const nearMiss = fc
      .constantFrom<Site>('gmail', 'linkedin')
      .chain((site) => fc.tuple(fc.constant(site), changes(site)))
      .map(([site, cs]) => {
        const s: SenderLike = { ...(site === 'gmail' ? realGmailSender : realLinkedInSender) };
        s.tab = { ...s.tab };
        for (const c of cs) {
          if (c.field === 'tabId') s.tab = s.tab && { ...s.tab, id: c.value as number | undefined };
          else if (c.field === 'tabUrl') s.tab = c.value === null ? undefined : { ...s.tab, url: c.value as string | undefined };
          else s[c.field] = c.value as never;
        }
        return { s, expected: cs.some((c) => c.breaks) ? null : site, changes: cs };
      });

    let trusted = 0;
    let untrusted = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 1, arbitrary: randomSender.map((s) => ({ s: s as SenderLike, expected: 'unknown' as const, changes: [] as Change[] })) },
          { weight: 3, arbitrary: nearMiss },
        ),
        ({ s, expected }) => {
          const site = trustedContentSite(s, ID);
          if (expected !== 'unknown') expect(site).toBe(expected);
          if (site === null) {
            untrusted++;
            return;
          }
          trusted++;
          expect(s.id).toBe(ID);
          expect(s.frameId).toBe(0);
          expect(Number.isInteger(s.tab?.id) && s.tab!.id! >= 0).toBe(true);
          expect(new URL(s.tab!.url!).origin).toBe(site === 'gmail' ? 'https://mail.google.com' : 'https://www.linkedin.com');
          expect(s.documentLifecycle ?? 'active').toBe('active');
          expect(isTrustedExtensionSender(s, ID)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
    // Both outcomes must be common, or the assertions above check (almost) nothing.
    expect(trusted).toBeGreaterThan(0.2 * 2000);
    expect(untrusted).toBeGreaterThan(0.2 * 2000);
  });
});

describe('forged panel senders', () => {
  it('accepts our extension page and service worker', () => {
    expect(isTrustedExtensionSender(realPanelSender, ID)).toBe(true);
    expect(isTrustedExtensionSender({ id: ID, url: `chrome-extension://${ID}/background.js`, origin: `chrome-extension://${ID}` }, ID)).toBe(true);
    const insert = { type: 'content:insert-reply', text: 'Hi', thread: { threadId: '19c0f97e9e0bcd88', subject: 'Pricing' } };
    expect(checkPanelMessage(insert, realPanelSender, ID)).toEqual({ ok: true, message: insert });
    const noId = { ...insert, thread: { threadId: null, subject: '' } };
    expect(checkPanelMessage(noId, realPanelSender, ID)).toEqual({ ok: true, message: noId });
  });

  it.each<[string, SenderLike]>([
    ['our own content script (it has a tab)', realGmailSender],
    ['another extension', { ...realPanelSender, id: 'other' }],
    ['no id', { url: realPanelSender.url, origin: realPanelSender.origin }],
    ['our id with another extension’s page url', { ...realPanelSender, url: 'chrome-extension://other/sidepanel.html' }],
    ['our id with a web page url', { ...realPanelSender, url: 'https://mail.google.com/mail/u/0/' }],
    ['an id-prefix look-alike url', { ...realPanelSender, url: `chrome-extension://${ID}x/sidepanel.html` }],
    ['our id with a web origin', { ...realPanelSender, origin: 'https://mail.google.com' }],
  ])('drops %s', (_label, sender) => {
    expect(checkPanelMessage({ type: 'content:reread' }, sender, ID)).toEqual({ ok: false, reason: 'untrusted sender' });
  });

  it('an empty extension id trusts nobody', () => {
    expect(isTrustedExtensionSender({ id: '' }, '')).toBe(false);
    expect(isTrustedExtensionSender({}, '')).toBe(false);
  });

  it('drops malformed and oversized panel messages', () => {
    for (const raw of [null, undefined, 42, 'content:reread', [], {}, { type: 'content:insert-reply' }, { type: 'content:insert-reply', text: '' }, { type: 'content:insert-reply', text: 7 },
      // A reply says which thread it is for: without that the content script could not refuse another thread.
      { type: 'content:insert-reply', text: 'Hi' },
      { type: 'content:insert-reply', text: 'Hi', thread: null },
      { type: 'content:insert-reply', text: 'Hi', thread: { subject: 'Pricing' } },
      { type: 'content:insert-reply', text: 'Hi', thread: { threadId: 7, subject: 'Pricing' } },
      { type: 'content:insert-reply', text: 'Hi', thread: { threadId: 'x'.repeat(201), subject: 'Pricing' } },
      { type: 'content:insert-reply', text: 'Hi', thread: { threadId: 'abc', subject: 'x'.repeat(1001) } }]) {
      expect(checkPanelMessage(raw, realPanelSender, ID)).toEqual({ ok: false, reason: 'invalid payload' });
    }
    expect(checkPanelMessage({ type: 'content:insert-reply', text: 'x'.repeat(50_001), thread: { threadId: null, subject: '' } }, realPanelSender, ID)).toEqual({ ok: false, reason: 'invalid payload' });
    expect(checkPanelMessage({ type: 'content:insert-reply', text: 'x'.repeat(MAX_MESSAGE_CHARS) }, realPanelSender, ID)).toEqual({ ok: false, reason: 'message too large' });
    expect(checkPanelMessage({ type: 'content:reread', n: 1n }, realPanelSender, ID)).toEqual({ ok: false, reason: 'message too large' });
  });
});

describe('malformed and oversized snapshots', () => {
  const gmail = (over: Record<string, unknown>) => ({ type: 'page:snapshot', snapshot: { ...snapshot().snapshot, ...over } });

  it.each<[string, unknown]>([
    ['a missing snapshot', { type: 'page:snapshot' }],
    ['an unknown site', gmail({ site: 'facebook' })],
    ['a url over 4,000 characters', gmail({ url: `https://mail.google.com/${'a'.repeat(4000)}` })],
    ['a non-numeric readAt', gmail({ readAt: '1' })],
    ['a thread of the wrong shape', gmail({ thread: { messages: 'x' } })],
    ['a thread with 5,001 messages', gmail({ thread: thread(Array.from({ length: 5001 }, () => msg({}))) })],
    ['a body over 20,000 characters', gmail({ thread: thread([msg({ body: 'x'.repeat(20_001) })]) })],
    ['a negative latestInboundIndex', gmail({ thread: thread([msg({})], { latestInboundIndex: -1 }) })],
    ['a LinkedIn profile in a Gmail snapshot', gmail({ profile: profile(), thread: undefined })],
    ['an array', [snapshot()]],
    ['a string', JSON.stringify(snapshot())],
  ])('drops %s', (_label, raw) => {
    expect(checkContentMessage(raw, realGmailSender, ID)).toMatchObject({ ok: false, reason: expect.stringMatching(/^(invalid payload|message too large)/) });
  });

  it('unknown extra keys are stripped, not passed on', () => {
    const checked = checkContentMessage({ ...snapshot(), extra: '<script>' }, realGmailSender, ID);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(Object.keys(checked.message)).toEqual(['type', 'snapshot']);
  });

  it('the size cap is checked before validation and counts the whole message', () => {
    const t = thread(Array.from({ length: 120 }, (_, i) => msg({ id: `m${i}`, fromEmail: 'a@b.co', body: 'x'.repeat(19_000) })));
    const raw = { type: 'page:snapshot', snapshot: { site: 'gmail', url: 'https://mail.google.com/mail/u/0/', readAt: 1, thread: t, threadUrl: true } };
    expect(JSON.stringify(raw).length).toBeGreaterThan(MAX_MESSAGE_CHARS);
    expect(checkContentMessage(raw, realGmailSender, ID)).toEqual({ ok: false, reason: 'message too large' });
  });

  it('never throws on random JSON-ish input (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything(), (json, any) => {
        for (const raw of [json, any, { type: 'page:snapshot', snapshot: json }]) {
          const r = checkContentMessage(raw, realGmailSender, ID);
          expect(r.ok).toBe(false);
          const p = checkPanelMessage(raw, realPanelSender, ID);
          if (p.ok) expect(['content:reread', 'content:insert-reply']).toContain(p.message.type);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** A Gmail snapshot of `t` at a thread URL. */
const gmailSnap = (t: ReturnType<typeof thread> | null): PageSnapshot => ({ site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/x', readAt: 1, thread: t, threadUrl: true });

/** A big, realistic message: long snippet, many recipients with long names. */
const bigMsg = (i: number, fromMe: boolean) =>
  msg({
    id: `m${i}`,
    fromEmail: fromMe ? 'rep@brightpath.io' : `p${i}@client.example`,
    fromName: `Person ${i} ${'n'.repeat(250)}`,
    fromMe,
    body: `body ${i} ${'b'.repeat(15_000)}`,
    snippet: 's'.repeat(200),
    to: Array.from({ length: 60 }, (_, k) => ({ name: `Recipient ${k} ${'r'.repeat(250)}`, email: `r${k}.${'x'.repeat(40)}@client.example` })),
  });

describe('compactThread and fitSnapshot: what a content script sends always fits', () => {
  it('a 1,000-message thread is cut to the newest messages, the latest inbound one kept', () => {
    const t = thread(Array.from({ length: 1000 }, (_, i) => bigMsg(i, i !== 10)));
    expect(t.latestInboundIndex).toBe(10);
    const c = compactThread(t);
    expect(c.messages).toHaveLength(MAX_SENT_MESSAGES + 1);
    expect(c.messages[0]!.id).toBe('m10');
    expect(c.latestInboundIndex).toBe(0);
    expect(c.messages.at(-1)!.id).toBe('m999');
    // Full bodies: the newest five, and the latest inbound message however old.
    expect(c.messages.filter((m) => m.body !== '').map((m) => m.id)).toEqual(['m10', 'm995', 'm996', 'm997', 'm998', 'm999']);
    // A thread whose latest inbound message is among the newest keeps its index relative to the cut.
    const t2 = thread(Array.from({ length: 300 }, (_, i) => bigMsg(i, i !== 250)));
    const c2 = compactThread(t2);
    expect(c2.messages).toHaveLength(MAX_SENT_MESSAGES);
    expect(c2.messages[c2.latestInboundIndex!]!.id).toBe('m250');
    const none = compactThread(thread(Array.from({ length: 300 }, (_, i) => bigMsg(i, true))));
    expect(none.latestInboundIndex).toBeNull();
  });

  it('fitSnapshot leaves small snapshots alone', () => {
    const s = gmailSnap(thread([msg({ body: 'x', fromEmail: 'a@b.co' })]));
    expect(fitSnapshot(s)).toBe(s);
    const l: PageSnapshot = { site: 'linkedin', url: 'https://www.linkedin.com/in/x/', readAt: 1, profile: profile(), profileUrl: true };
    expect(fitSnapshot(l)).toBe(l);
  });

  it('a compacted 1,000-message thread with 60 long recipients each is shrunk under the cap, and is still valid', () => {
    const t = compactThread(thread(Array.from({ length: 1000 }, (_, i) => bigMsg(i, i % 2 === 0))));
    const raw = gmailSnap(t);
    expect(JSON.stringify(raw).length).toBeGreaterThan(MAX_SNAPSHOT_CHARS);
    const fitted = fitSnapshot(raw);
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(MAX_SNAPSHOT_CHARS);
    expect(PageSnapshotSchema.safeParse(fitted).success).toBe(true);
    const ft = fitted.site === 'gmail' ? fitted.thread : null;
    expect(ft).not.toBeNull();
    expect(ft!.messages.at(-1)!.id).toBe('m999');
    expect(ft!.messages[ft!.latestInboundIndex!]!.fromMe).toBe(false);
    expect(checkContentMessage({ type: 'page:snapshot', snapshot: fitted }, realGmailSender, ID)).toMatchObject({ ok: true });
  });

  it('when nothing else fits, the thread (or profile) goes and the page is still reported', () => {
    const s = gmailSnap(thread([msg({ body: 'x'.repeat(5000), fromEmail: 'a@b.co' }), msg({ body: 'y'.repeat(5000), fromEmail: 'rep@x.co', fromMe: true })]));
    expect(fitSnapshot(s, 1000)).toEqual({ ...s, thread: null });
    const l: PageSnapshot = { site: 'linkedin', url: 'https://www.linkedin.com/in/x/', readAt: 1, profile: profile(), profileUrl: true };
    expect(fitSnapshot(l, 100)).toEqual({ ...l, profile: null });
  });

  it('fits any thread into any budget with a valid result (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 250 }), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 2_000, max: 400_000 }), fc.integer({ min: -1, max: 250 }), (n, recipients, budget, inboundAt) => {
        const messages = Array.from({ length: n }, (_, i) =>
          msg({
            id: `m${i}`,
            fromEmail: i === inboundAt ? 'them@x.co' : 'rep@x.co',
            fromMe: i !== inboundAt,
            snippet: 's'.repeat(100),
            body: 'b'.repeat(500),
            to: Array.from({ length: recipients }, (_, k) => ({ name: `R${k}`, email: `r${k}@x.co` })),
          }),
        );
        const fitted = fitSnapshot(gmailSnap(compactThread(thread(messages))), budget);
        expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(budget);
        expect(PageSnapshotSchema.safeParse(fitted).success).toBe(true);
        const t = fitted.site === 'gmail' ? fitted.thread : null;
        if (t && t.latestInboundIndex !== null) expect(t.messages[t.latestInboundIndex]!.fromMe).toBe(false);
        if (t && inboundAt >= 0 && inboundAt < n) expect(t.latestInboundIndex).not.toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
