import { describe, expect, it } from 'vitest';
import { initials, relativeTime, replyUseOutcome, saveFailedMessage } from '../../lib/panel/format';

const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const MIN = 60_000;

describe('relativeTime', () => {
  it.each([
    [NOW, 'just now'],
    [NOW - 30_000, 'just now'],
    [NOW + 2 * MIN, 'just now'],
    [NOW - 5 * MIN, '5 min ago'],
    [NOW - 3 * 60 * MIN, '3 h ago'],
    [NOW - 30 * 60 * MIN, 'yesterday'],
    [NOW - 4 * 24 * 60 * MIN, '4 days ago'],
  ])('%s → %s', (at, expected) => expect(relativeTime(at, NOW, 'en-US')).toBe(expected));
  it('shows a date for anything older than a week or well in the future', () => {
    expect(relativeTime(new Date(2026, 9, 2).getTime(), NOW, 'en-US')).toBe('Oct 2, 2026');
    expect(relativeTime(NOW + 24 * 60 * MIN, NOW, 'en-US')).toBe('Nov 24, 2026');
  });
});

describe('initials', () => {
  it.each([
    ['Meera Lakshmi Venkatesan', 'MV'],
    ['priya', 'P'],
    ['', '?'],
    ['ليلى حداد', 'لح'],
    ['Émile Zola', 'ÉZ'],
  ])('%s → %s', (name, expected) => expect(initials(name)).toBe(expected));
});

describe('saveFailedMessage', () => {
  it('names a full disk in words, also when Dexie wraps the quota error', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    for (const e of [quota, Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota })]) {
      expect(saveFailedMessage('note', e)).toBe(
        'The note wasn’t saved. Your browser has no room left for Resourceful’s data (its storage quota is full), so nothing was written and your data is as it was. Free disk space, or delete contacts or notes you no longer need, then try again.',
      );
    }
  });

  it('passes any other reason on, and says the text is kept', () => {
    expect(saveFailedMessage('tag', new Error('Database closed'))).toBe('The tag wasn’t saved (Database closed). What you typed is still there: try again.');
    expect(saveFailedMessage('address', '')).toBe('The address wasn’t saved. What you typed is still there: try again.');
  });
});

describe('replyUseOutcome', () => {
  it('says the reply is in Gmail, and copies nothing', () => {
    expect(replyUseOutcome({ ok: true }, 'Pricing')).toEqual({ message: "In Gmail's reply box. Read it over, then press Send yourself.", copy: false });
  });
  it('names the thread the reply was for when Gmail moved on, and copies it', () => {
    const r = replyUseOutcome({ ok: false, reason: 'thread-changed' }, '  Pricing for 12 seats ');
    expect(r.copy).toBe(true);
    expect(r.message).toBe("Gmail shows another conversation now, so the reply wasn't put in. It's on your clipboard: go back to the thread “Pricing for 12 seats”, click Reply and paste it.");
    expect(replyUseOutcome({ ok: false, reason: 'thread-changed' }, 'x'.repeat(80)).message).toContain(`“${'x'.repeat(59)}…”`);
    expect(replyUseOutcome({ ok: false, reason: 'thread-changed' }, ' ').message).toContain('go back to the thread it was written for,');
  });
  it('says so when Gmail shows no conversation at all, and copies the reply', () => {
    expect(replyUseOutcome({ ok: false, reason: 'no-thread' }, 'Pricing')).toEqual({
      message: "Gmail isn't showing a conversation now, so the reply wasn't put in. It's on your clipboard: open the thread “Pricing”, click Reply and paste it.",
      copy: true,
    });
  });
  it('falls back to the clipboard when the tab has no reply box or does not answer', () => {
    for (const answer of [{ ok: false, reason: 'no-reply-box' }, { ok: false, reason: 'insert-failed' }, undefined]) {
      const r = replyUseOutcome(answer, 'Pricing');
      expect(r).toEqual({ message: "Couldn't reach Gmail's reply box, so the reply is on your clipboard: click Reply in Gmail and paste it.", copy: true });
    }
  });
});
