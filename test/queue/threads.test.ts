import { describe, expect, it } from 'vitest';
import { ageLabel, badgeText, isMuted, threadRowFrom, unansweredQueue } from '../../lib/queue/threads';
import type { ThreadRow } from '../../lib/db/models';
import { msg, thread } from '../helpers/factories';

const REP = 'rep@brightpath.io';
const H = 3_600_000;
const T = Date.UTC(2026, 10, 20, 9);
const URL = 'https://mail.google.com/mail/u/0/#inbox/abc';

describe('threadRowFrom', () => {
  it('an inbound message the rep has not answered is waiting', () => {
    const t = thread([msg({ id: '1', fromEmail: 'dana@northwind.com', fromName: 'Dana', date: T })]);
    expect(threadRowFrom(t, { url: URL, ownEmails: [], now: T + H })).toEqual({
      threadId: 't1', url: URL, subject: 'Question about onboarding', fromName: 'Dana', fromEmail: 'dana@northwind.com',
      lastInboundAt: T, lastOutboundAt: null, firstInboundAt: T, firstReplyAt: null, contactId: null, needsReply: 1, updatedAt: T + H,
    });
  });

  it('the rep replying clears it and records the time to answer', () => {
    const t = thread([
      msg({ id: '1', fromEmail: 'dana@northwind.com', fromName: 'Dana', date: T }),
      msg({ id: '2', fromEmail: REP, fromMe: true, date: T + 5 * H }),
    ]);
    const row = threadRowFrom(t, { url: URL, ownEmails: [], now: T + 6 * H })!;
    expect(row).toMatchObject({ needsReply: 0, firstInboundAt: T, firstReplyAt: T + 5 * H, lastOutboundAt: T + 5 * H, fromEmail: 'dana@northwind.com' });
  });

  it('a new inbound message after the reply makes it wait again; first times are kept from earlier reads', () => {
    const prev = threadRowFrom(thread([msg({ id: '1', fromEmail: 'dana@northwind.com', date: T - 48 * H }), msg({ id: '2', fromEmail: REP, fromMe: true, date: T - 40 * H })]), { url: URL, ownEmails: [], now: T })!;
    // Gmail no longer shows the first two messages; a later read sees only the newest.
    const later = thread([msg({ id: '3', fromEmail: 'dana@northwind.com', fromName: 'Dana W', date: T })]);
    const row = threadRowFrom(later, { url: URL, ownEmails: [], previous: { ...prev, contactId: 'c1' }, now: T + H })!;
    expect(row).toMatchObject({ needsReply: 1, firstInboundAt: T - 48 * H, firstReplyAt: T - 40 * H, lastInboundAt: T, contactId: 'c1', fromName: 'Dana W' });
  });

  it("uses the settings' own addresses; a thread with only the rep is not queued", () => {
    const t = thread([msg({ id: '1', fromEmail: 'alias@brightpath.io', date: T })]);
    expect(threadRowFrom(t, { url: URL, ownEmails: ['alias@brightpath.io'], now: T })).toBeNull();
    expect(threadRowFrom(t, { url: URL, ownEmails: [], now: T })?.needsReply).toBe(1);
    expect(threadRowFrom(thread([msg({ fromEmail: 'a@b.co' })], { threadId: null }), { url: URL, ownEmails: [], now: T })).toBeNull();
  });
});

describe('queue', () => {
  const row = (id: string, email: string, at: number | null, needsReply: 0 | 1 = 1): ThreadRow => ({
    threadId: id, url: URL, subject: id, fromName: '', fromEmail: email, lastInboundAt: at, lastOutboundAt: null,
    firstInboundAt: at, firstReplyAt: null, contactId: null, needsReply, updatedAt: 0,
  });
  it('lists waiting threads oldest first, without muted senders or domains', () => {
    const rows = [row('b', 'b@x.com', T), row('a', 'a@x.com', T - H), row('c', 'news@mail.brand.com', T - 9 * H), row('d', 'd@x.com', T - 2 * H, 0), row('e', 'ceo@spam.io', T - 5 * H)];
    expect(unansweredQueue(rows, []).map((r) => r.threadId)).toEqual(['c', 'e', 'a', 'b']);
    expect(unansweredQueue(rows, ['@brand.com', 'CEO@spam.io']).map((r) => r.threadId)).toEqual(['a', 'b']);
  });
  it('matches mutes exactly', () => {
    expect(isMuted('a@brand.com', ['@brand.com'])).toBe(true);
    expect(isMuted('a@notbrand.com', ['@brand.com'])).toBe(false);
    expect(isMuted('a@x.com', ['b@x.com', ''])).toBe(false);
  });
  it('labels ages and badges', () => {
    expect([0, 12, 60 * 5, 60 * 24, 60 * 24 * 3, 60 * 24 * 20].map((m) => ageLabel(T - m * 60_000, T))).toEqual(['0 min', '12 min', '5 h', '1 day', '3 days', '2 weeks']);
    expect(ageLabel(null, T)).toBe('unknown');
    expect([0, 1, 99, 100].map(badgeText)).toEqual(['', '1', '99', '99+']);
  });
});
