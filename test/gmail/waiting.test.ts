// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readGmailThread } from '../../lib/gmail';
import { threadRowFrom } from '../../lib/queue/threads';

const read = (f: string) => {
  const html = fs.readFileSync(path.join(__dirname, '../fixtures/gmail', f), 'utf8');
  const url = /<!-- url: (\S+) -->/.exec(html)![1]!;
  return { thread: readGmailThread(new JSDOM(html, { url }).window.document)!, url };
};

describe('own-reply-waiting.html → own-reply-last.html (the queue pair)', () => {
  it('is one thread: waiting before the reply, answered after', () => {
    const before = read('own-reply-waiting.html');
    const after = read('own-reply-last.html');
    expect(before.thread.threadId).toBe('1a09ee6c9005dfc0');
    expect(after.thread.threadId).toBe(before.thread.threadId);
    const waiting = threadRowFrom(before.thread, { url: before.url, ownEmails: [], now: 0 })!;
    expect(waiting).toMatchObject({ needsReply: 1, fromEmail: 'jonas@tidewatercoffee.com', subject: 'Wholesale account tracking' });
    const answered = threadRowFrom(after.thread, { url: after.url, ownEmails: [], previous: waiting, now: 1 })!;
    expect(answered.needsReply).toBe(0);
    expect(answered.firstReplyAt).toBe(after.thread.messages[1]!.date);
  });
});
