import { readGmailThread } from './reader';
import { COMPOSE_BODY, REPLY_BUTTON, queryFirst } from './selectors';
import type { GmailThread } from './types';

/** How a reply got into Gmail, or why it did not. */
export type InsertResult =
  | { ok: true; opened: boolean; matched: string }
  | { ok: false; reason: 'no-reply-box' | 'insert-failed' | 'thread-changed' | 'no-thread' };

/** The conversation a reply was written for, as the panel last read it from the tab. */
export interface ReplyTarget {
  threadId: string | null;
  subject: string;
}

/**
 * True when `now`, the thread the page shows at this moment, is the one the reply was written for: the same thread
 * id, or, when the panel's reading had none, the same subject. A page that shows no readable thread is not it.
 */
export function isReplyTarget(target: ReplyTarget, now: GmailThread | null): boolean {
  if (!now) return false;
  if (target.threadId !== null) return now.threadId === target.threadId;
  return now.threadId === null && now.subject === target.subject;
}

/** The parts of the content script's context this needs (timers run through WXT's ctx). */
export interface ComposeContext {
  setTimeout(handler: () => void, timeout?: number): number;
}

function visibleBoxes(doc: Document): HTMLElement | null {
  // The last visible editor is the reply box of the open thread (a draft in a pop-out comes first in the DOM).
  const found = queryFirst(doc, COMPOSE_BODY);
  if (!found) return null;
  const all = doc.querySelectorAll<HTMLElement>(COMPOSE_BODY.find((f) => f.name === found.name)!.selector);
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.isConnected) return all[i]!;
  return null;
}

/** How long a reply waits for a thread Gmail is redrawing (nothing readable) before it gives up on it. */
const REDRAW_WAIT_MS = 1000;

/**
 * Why the page is not `target`'s thread now ('no-thread': it shows none, even after a moment's wait, as while Gmail
 * redraws one; 'thread-changed': another), or null when it is.
 */
async function notTarget(doc: Document, ctx: ComposeContext, target: ReplyTarget): Promise<InsertResult | null> {
  // The first probe runs at once: a page that shows the thread is read once, with no wait.
  const now = await waitFor(ctx, () => readGmailThread(doc), REDRAW_WAIT_MS);
  if (!now) return { ok: false, reason: 'no-thread' };
  return isReplyTarget(target, now) ? null : { ok: false, reason: 'thread-changed' };
}

function waitFor<T>(ctx: ComposeContext, probe: () => T | null, timeoutMs: number): Promise<T | null> {
  return new Promise((resolve) => {
    const started = performance.now();
    const tick = () => {
      const v = probe();
      if (v || performance.now() - started > timeoutMs) resolve(v);
      else ctx.setTimeout(tick, 50);
    };
    tick();
  });
}

/**
 * Puts `text` into the thread's reply box at the cursor, opening the reply box first when none is open. The text
 * goes in through the editor's own "insert text" command, as if typed: Gmail sees input events, undo works, and no
 * markup from the text is ever interpreted. The rep still presses Send.
 *
 * Only into `target`'s thread: the rep may have opened another conversation a moment before the panel heard of it,
 * and a reply written for one person must never land in another person's thread. Checked before anything is
 * touched, and again once a reply box has opened.
 */
export async function insertReply(doc: Document, text: string, ctx: ComposeContext, target: ReplyTarget): Promise<InsertResult> {
  const before = await notTarget(doc, ctx, target);
  if (before) return before;
  let box = visibleBoxes(doc);
  let opened = false;
  if (!box) {
    const reply = queryFirst(doc, REPLY_BUTTON);
    if (!reply) return { ok: false, reason: 'no-reply-box' };
    (reply.el as HTMLElement).click();
    opened = true;
    box = await waitFor(ctx, () => visibleBoxes(doc), 3000);
    if (!box) return { ok: false, reason: 'no-reply-box' };
    // The wait took time: the rep may have moved on meanwhile (the opened box then belongs to the old thread, now
    // out of sight, or to nothing).
    const after = await notTarget(doc, ctx, target);
    if (after) return after;
  }
  box.focus();
  const sel = doc.getSelection();
  // Keep the rep's cursor when it is already in the box; otherwise write at the start (above Gmail's quote).
  if (sel && (!sel.anchorNode || !box.contains(sel.anchorNode))) {
    const range = doc.createRange();
    range.setStart(box, 0);
    range.collapse(true);
    sel.removeAllRanges();
    sel.addRange(range);
  }
  // execCommand is deprecated but remains the only way to insert into a contenteditable as the user would.
  const ok = doc.execCommand('insertText', false, text);
  if (!ok) {
    const range = sel?.rangeCount ? sel.getRangeAt(0) : null;
    if (!range) return { ok: false, reason: 'insert-failed' };
    range.deleteContents();
    range.insertNode(doc.createTextNode(text));
    // The document's own constructor: an event from another realm is refused by dispatchEvent.
    const Input = (doc.defaultView ?? globalThis).InputEvent;
    box.dispatchEvent(new Input('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
  return { ok: true, opened, matched: COMPOSE_BODY.find((f) => box!.matches(f.selector))?.name ?? 'unknown' };
}
