import { describe, expect, it } from 'vitest';
import { checkContentMessage, checkPanelMessage, compactThread, MAX_MESSAGE_CHARS } from '../lib/messaging';
import { msg, thread } from './helpers/factories';

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
});
