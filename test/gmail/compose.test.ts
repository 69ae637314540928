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

/** A fixture page as Gmail shows it, at its URL. */
function page(name: string): Document {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  const url = /<!-- url: (\S+) -->/.exec(html)![1]!;
  const doc = new JSDOM(html, { url }).window.document;
  // jsdom has no editing commands: inserting takes the way used when the editor refuses "insertText" (the e2e
  // tests take Chromium's).
  Object.assign(doc, { execCommand: () => false });
  return doc;
}

/** Gmail's inline reply box, added to `doc`. */
function addBox(doc: Document): HTMLElement {
  const box = doc.createElement('div');
  box.setAttribute('g_editable', 'true');
  box.setAttribute('role', 'textbox');
  box.setAttribute('contenteditable', 'true');
  doc.body.append(box);
  expect(box.matches(COMPOSE_BODY[0]!.selector)).toBe(true);
  return box;
}

/** A fixture thread with Gmail's inline reply box open under it. */
function withReplyBox(name: string): { doc: Document; box: HTMLElement } {
  const doc = page(name);
  return { doc, box: addBox(doc) };
}

/** What the panel holds of a fixture's thread. */
function targetOf(name: string) {
  const t = readGmailThread(page(name))!;
  return { threadId: t.threadId, subject: t.subject };
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

  it('refuses on a page that shows no thread (the mailbox), after a moment to let a redrawn one appear', async () => {
    const { doc, box } = withReplyBox('inbox-list.html');
    const started = Date.now();
    const result = await insertReply(doc, 'Hi', ctx, { threadId: 'FMfcgzQcqJtNwVbXzRsLmKpHgFdSwQtZ', subject: 'Pricing' });
    expect(result).toEqual({ ok: false, reason: 'no-thread' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(box.textContent).toBe('');
  });

  it('waits for a thread Gmail is redrawing, then inserts when it is the one', async () => {
    const doc = page('inquiry-simple.html');
    const target = targetOf('inquiry-simple.html');
    const main = doc.querySelector('[role="main"]')!;
    const thread = main.innerHTML;
    main.replaceChildren(); // mid-redraw: no thread in the DOM
    const box = addBox(doc);
    setTimeout(() => {
      main.innerHTML = thread; // our own fixture's markup, put back
    }, 200);
    expect(await insertReply(doc, 'Hi Priya,', ctx, target)).toMatchObject({ ok: true, opened: false });
    expect(box.textContent).toBe('Hi Priya,');
  });

  it('reads the thread id from the URL when the page carries none, and keeps to it', async () => {
    const { doc, box } = withReplyBox('hostile.html');
    const target = targetOf('hostile.html');
    expect(target.threadId).toBe('FMfcgzQcpLrWtKbXmZsNdVjHgQfCwTrB');
    expect(await insertReply(doc, 'Hello', ctx, { ...target, threadId: 'FMfcgzQcSomeOtherThreadTokenXy' })).toEqual({ ok: false, reason: 'thread-changed' });
    expect(box.textContent).toBe('');
    expect(await insertReply(doc, 'Hello', ctx, target)).toMatchObject({ ok: true });
    expect(box.textContent).toBe('Hello');
  });

  it('opens the reply box when none is open, and checks the thread again once it has opened', async () => {
    const target = targetOf('inquiry-simple.html');
    // Reply opens the box: the reply goes in.
    const doc = page('inquiry-simple.html');
    let opened: HTMLElement | null = null;
    doc.querySelector('.ams.bkH')!.addEventListener('click', () => setTimeout(() => (opened = addBox(doc)), 100));
    expect(await insertReply(doc, 'Hi Priya,', ctx, target)).toEqual({ ok: true, opened: true, matched: COMPOSE_BODY[0]!.name });
    expect(opened!.textContent).toBe('Hi Priya,');
    // The rep opened another conversation while the box was opening: nothing goes in.
    const moved = page('inquiry-simple.html');
    let late: HTMLElement | null = null;
    moved.querySelector('.ams.bkH')!.addEventListener('click', () =>
      setTimeout(() => {
        moved.querySelector('h2.hP')!.setAttribute('data-legacy-thread-id', '19ffffffffffffff');
        late = addBox(moved);
      }, 100),
    );
    expect(await insertReply(moved, 'Hi Priya,', ctx, target)).toEqual({ ok: false, reason: 'thread-changed' });
    expect(late!.textContent).toBe('');
  });
});
