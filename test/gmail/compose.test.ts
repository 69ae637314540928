import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { insertReply, isReplyTarget } from '../../lib/gmail/compose';
import { readGmailThread } from '../../lib/gmail/reader';
import { COMPOSE_BODY } from '../../lib/gmail/selectors';

type JsdomCtor = new (html: string, options?: { url?: string }) => { window: { document: Document } };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomCtor };
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'gmail');

/** A fixture thread with Gmail's inline reply box open under it. */
function withReplyBox(name: string): { doc: Document; box: HTMLElement } {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  const url = /<!-- url: (\S+) -->/.exec(html)![1]!;
  const doc = new JSDOM(html, { url }).window.document;
  const box = doc.createElement('div');
  box.setAttribute('g_editable', 'true');
  box.setAttribute('role', 'textbox');
  box.setAttribute('contenteditable', 'true');
  doc.body.append(box);
  expect(box.matches(COMPOSE_BODY[0]!.selector)).toBe(true);
  return { doc, box };
}

const ctx = { setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms) as unknown as number };

describe('isReplyTarget', () => {
  const thread = readGmailThread(withReplyBox('inquiry-simple.html').doc)!;
  const other = readGmailThread(withReplyBox('stall.html').doc)!;

  it('is the thread with the same id', () => {
    expect(thread.threadId).not.toBeNull();
    expect(isReplyTarget({ threadId: thread.threadId, subject: thread.subject }, thread)).toBe(true);
    // The subject may have been edited or shortened on the panel's side: the id decides.
    expect(isReplyTarget({ threadId: thread.threadId, subject: 'something else' }, thread)).toBe(true);
  });

  it('is not another thread, even one with the same subject', () => {
    expect(isReplyTarget({ threadId: thread.threadId, subject: thread.subject }, other)).toBe(false);
    expect(isReplyTarget({ threadId: thread.threadId, subject: thread.subject }, { ...other, subject: thread.subject })).toBe(false);
  });

  it('falls back to the subject only when neither reading had an id', () => {
    const noId = { ...thread, threadId: null };
    expect(isReplyTarget({ threadId: null, subject: thread.subject }, noId)).toBe(true);
    expect(isReplyTarget({ threadId: null, subject: other.subject }, noId)).toBe(false);
    // The panel knew no id but the page now shows one: a different reading, so not provably the same thread.
    expect(isReplyTarget({ threadId: null, subject: thread.subject }, thread)).toBe(false);
  });

  it('is never a page that shows no thread', () => {
    expect(isReplyTarget({ threadId: thread.threadId, subject: thread.subject }, null)).toBe(false);
    expect(isReplyTarget({ threadId: null, subject: '' }, null)).toBe(false);
  });
});

describe('insertReply', () => {
  it('puts the text, as text, into the reply box of the thread it was written for', async () => {
    const { doc, box } = withReplyBox('inquiry-simple.html');
    // jsdom has no editing commands: this takes the way used when the editor refuses "insertText" (the e2e tests
    // take Chromium's).
    Object.assign(doc, { execCommand: () => false });
    const t = readGmailThread(doc)!;
    const text = 'Hi Priya,\n\n<b>not bold</b>';
    const result = await insertReply(doc, text, ctx, { threadId: t.threadId, subject: t.subject });
    expect(result).toEqual({ ok: true, opened: false, matched: COMPOSE_BODY[0]!.name });
    expect(box.textContent).toBe(text);
    expect(box.querySelector('b')).toBeNull();
  });

  it('refuses, touching nothing, when the page shows another thread', async () => {
    const { doc, box } = withReplyBox('stall.html');
    const intended = readGmailThread(withReplyBox('inquiry-simple.html').doc)!;
    const result = await insertReply(doc, 'Hi Priya,', ctx, { threadId: intended.threadId, subject: intended.subject });
    expect(result).toEqual({ ok: false, reason: 'thread-changed' });
    expect(box.textContent).toBe('');
    expect(doc.activeElement).not.toBe(box);
  });

  it('refuses on a page that shows no thread (the mailbox)', async () => {
    const { doc, box } = withReplyBox('inbox-list.html');
    const result = await insertReply(doc, 'Hi', ctx, { threadId: 'FMfcgzQcqJtNwVbXzRsLmKpHgFdSwQtZ', subject: 'Pricing' });
    expect(result).toEqual({ ok: false, reason: 'thread-changed' });
    expect(box.textContent).toBe('');
  });
});
