import type { ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SENT_MESSAGES, MAX_SNAPSHOT_CHARS } from '../../lib/messaging';
import { dbCounts, inContentScript, reread, sessionKeys, tabState, waitForState } from '../fixtures/hostile/browser';
import { growGmailThread } from '../fixtures/hostile/generate';
import { gmailUrl, openPanel, openSitePage, startSession, type Session } from './harness';

/**
 * Forged, oversized and mismatched messages, really sent in Chromium: from a web page's main world, from the
 * extension's own pages, and from inside the content script's world (what a compromised renderer could do). The
 * service worker cannot message itself (Chrome never delivers a context's own message), so it is not a sender here. Whatever arrives is dropped and logged; what the background stores stays right and bounded.
 */
let s: Session;
const swLog: string[] = [];
beforeAll(async () => {
  s = await startSession();
  s.context.on('console', (m: ConsoleMessage) => swLog.push(m.text()));
});
afterAll(async () => {
  await s?.close();
});

/** A LinkedIn snapshot, valid in itself: only who sends it makes it a forgery. */
const linkedinSnapshot = {
  site: 'linkedin',
  url: 'https://www.linkedin.com/in/forged-person/',
  readAt: 1,
  profile: { slug: 'forged-person', url: 'https://www.linkedin.com/in/forged-person/', name: 'Forged Person', headline: null, company: null, title: null, location: null, hasAbout: false, layout: 'unknown', matched: {} },
  profileUrl: true,
};
const gmailSnapshot = (over: Record<string, unknown> = {}) => ({
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQForgedThreadToken00001',
  readAt: 2,
  thread: {
    threadId: 'forged',
    subject: 'Forged thread',
    accountEmail: 'alex.rivera@brightpath.io',
    participants: [{ name: 'Mallory', email: 'mallory@evil.example' }],
    messages: [{ id: 'forged-1', from: { name: 'Mallory', email: 'mallory@evil.example' }, to: [], date: null, dateRaw: '', body: 'Forged', snippet: 'Forged', collapsed: false, fromMe: false }],
    latestInboundIndex: 0,
    matched: {},
  },
  threadUrl: true,
  ...over,
});

/** Sends `message` to the background from inside the content script of `page`; resolves the reply (or error). */
function sendFromContentScript(page: Parameters<typeof inContentScript>[1], message: unknown): Promise<unknown> {
  return inContentScript(s, page, `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => ({ reply: r ?? null }), (e) => ({ error: String(e.message) }))`);
}

/** Waits a moment for anything the background might still write. */
const settle = () => new Promise((r) => setTimeout(r, 600));

describe('forged messages in a real browser', () => {
  it("a Gmail page's main world cannot reach the extension at all: nothing is stored", async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    const before = await tabState(s, tabId);
    const counts = await dbCounts(s);
    const attempts = await page.evaluate(async ({ id, snapshot }) => {
      const out: Record<string, string> = {};
      const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } };
      out.runtime = typeof w.chrome?.runtime;
      try {
        (w.chrome as unknown as { runtime: { sendMessage: (id: string, m: unknown) => void } }).runtime.sendMessage(id, { type: 'page:snapshot', snapshot });
        out.sendMessage = 'sent';
      } catch (e) {
        out.sendMessage = `threw: ${(e as Error).name}`;
      }
      // Window messages and DOM events reach the content script's world, which listens to neither for data.
      window.postMessage({ type: 'page:snapshot', snapshot }, '*');
      document.dispatchEvent(new CustomEvent('page:snapshot', { detail: snapshot }));
      // LinkedIn's probe: an extension without web_accessible_resources exposes no file to pages.
      try {
        await fetch(`chrome-extension://${id}/manifest.json`);
        out.probe = 'readable';
      } catch {
        out.probe = 'blocked';
      }
      return out;
    }, { id: s.extensionId, snapshot: linkedinSnapshot });
    expect(attempts).toEqual({ runtime: 'undefined', sendMessage: 'threw: TypeError', probe: 'blocked' });
    await settle();
    expect(await tabState(s, tabId)).toEqual(before);
    expect(await dbCounts(s)).toEqual(counts);
    await page.close();
  });

  it('an extension page sending snapshots to the background (no content-script tab): dropped', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('collapsed-thread.html'));
    const before = await tabState(s, tabId);
    const keys = await sessionKeys(s);
    const panel = await openPanel(s, tabId);
    const fromPage = await panel.evaluate(
      async ([gmail, linkedin]) =>
        Promise.all(
          [gmail, linkedin].map((snapshot) =>
            chrome.runtime.sendMessage({ type: 'page:snapshot', snapshot }).then(
              (r) => r ?? null,
              (e: Error) => e.message,
            ),
          ),
        ),
      [gmailSnapshot(), linkedinSnapshot] as const,
    );
    // No answer: the background dropped them (a handled snapshot is answered { ok: true }).
    expect(fromPage).toEqual([null, null]);
    // A snapshot pushed at the content script instead is not a panel message either: dropped there.
    const atContent = await panel.evaluate(
      ([id, snapshot]) => chrome.tabs.sendMessage(id, { type: 'page:snapshot', snapshot }).then((r) => r ?? null, (e: Error) => e.message),
      [tabId, gmailSnapshot()] as const,
    );
    expect(atContent).toBeNull();
    await settle();
    expect(await tabState(s, tabId)).toEqual(before);
    // The panel's own tab got no state either.
    expect(await sessionKeys(s)).toEqual(keys);
    expect(swLog.filter((l) => l.includes('dropped message: untrusted sender')).length).toBeGreaterThanOrEqual(2);
    expect(swLog.some((l) => /dropped message: invalid payload/.test(l))).toBe(true);
    await panel.close();
    await page.close();
  });

  it('from inside the content script: wrong site, wrong URL, malformed and oversized snapshots are dropped', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('locale-de.html'));
    // The first stored state can be the shell's loading screen: wait for the thread, then for quiet.
    await waitForState(s, tabId, (st) => !!(st.snapshot as { thread?: unknown }).thread);
    await settle();
    const before = await tabState(s, tabId);
    const counts = await dbCounts(s);
    const forged: Array<[string, unknown, RegExp]> = [
      ['a LinkedIn snapshot from a Gmail tab', { type: 'page:snapshot', snapshot: linkedinSnapshot }, /snapshot site does not match/],
      ['a Gmail snapshot of another host', { type: 'page:snapshot', snapshot: gmailSnapshot({ url: 'https://evil.example/mail/u/0/' }) }, /snapshot url does not match/],
      ['a snapshot without its thread flag', { type: 'page:snapshot', snapshot: { ...gmailSnapshot(), threadUrl: 'yes' } }, /invalid payload/],
      ['a panel command sent to the background', { type: 'content:insert-reply', text: 'hi' }, /invalid payload/],
      ['a 5,001-message thread', { type: 'page:snapshot', snapshot: gmailSnapshot({ thread: { ...gmailSnapshot().thread, messages: Array.from({ length: 5001 }, () => gmailSnapshot().thread.messages[0]) } }) }, /invalid payload|message too large/],
    ];
    for (const [what, message, reason] of forged) {
      swLog.length = 0;
      expect(await sendFromContentScript(page, message), what).toEqual({ reply: null });
      await expect.poll(() => swLog.some((l) => reason.test(l)), { timeout: 5000 }).toBe(true);
    }
    // 3 MB in one message: over the cap, dropped before it is even validated; built in the content script's world.
    swLog.length = 0;
    const oversized = await inContentScript(
      s,
      page,
      `chrome.runtime.sendMessage({ type: 'page:snapshot', snapshot: { site: 'gmail', url: location.href, readAt: 3, threadUrl: true,
         thread: { threadId: 'x', subject: 'x'.repeat(3000000), accountEmail: null, participants: [], messages: [], latestInboundIndex: null, matched: {} } } })
       .then((r) => ({ reply: r ?? null }), (e) => ({ error: String(e.message) }))`,
    );
    expect(oversized).toEqual({ reply: null });
    await expect.poll(() => swLog.some((l) => l.includes('message too large'))).toBe(true);
    await settle();
    expect(await tabState(s, tabId)).toEqual(before);
    expect(await dbCounts(s)).toEqual(counts);

    // The background is still listening, and a well-formed message from the right place is taken as before.
    const t0 = Date.now();
    await reread(s, tabId);
    await waitForState(s, tabId, (st) => (st.snapshot as { readAt: number }).readAt > (before!.snapshot as { readAt: number }).readAt);
    expect(Date.now() - t0).toBeLessThan(5000);
    await page.close();
  });

  it('a 1,000-message thread through the real content-script path: the page and the extension stay responsive, and what is stored is capped', async () => {
    const url = gmailUrl('collapsed-thread.html');
    const { page, tabId } = await openSitePage(s, url);
    // The page's own heartbeat: a long block of its main thread (where the content script reads) shows as a gap.
    await page.evaluate(() => {
      const hb = { max: 0, last: performance.now() };
      (window as unknown as { __hb: typeof hb }).__hb = hb;
      setInterval(() => {
        const now = performance.now();
        hb.max = Math.max(hb.max, now - hb.last);
        hb.last = now;
      }, 16);
    });
    // Grow the thread the way Gmail renders one, lay it out, then start counting: what follows is the extension's.
    const grown = await page.evaluate(`(() => {
      const n = (${growGmailThread.toString()})(document, 1000);
      void document.body.offsetHeight;
      window.__hb.max = 0;
      window.__hb.last = performance.now();
      return n;
    })()`);
    expect(grown).toBe(1000);
    const state = await waitForState(s, tabId, (st) => {
      const t = (st.snapshot as { thread: { messages: unknown[] } | null }).thread;
      return t !== null && t.messages.length > 6;
    });
    type Stored = { messages: Array<{ id: string | null; from: { name: string } | null }>; latestInboundIndex: number | null };
    const thread = (state.snapshot as { thread: Stored }).thread;
    expect(thread.messages.length).toBeLessThanOrEqual(MAX_SENT_MESSAGES + 1);
    expect(JSON.stringify(state.snapshot).length).toBeLessThanOrEqual(MAX_SNAPSHOT_CHARS);
    // The newest message is the 1,000th row of the page.
    const lastId = await page.evaluate(() => {
      const rows = document.querySelectorAll('[role="list"] > [role="listitem"]');
      const card = rows[rows.length - 1]!.querySelector('[data-legacy-message-id]');
      return card?.getAttribute('data-legacy-message-id') ?? null;
    });
    expect(thread.messages.at(-1)!.id).toBe(lastId);
    expect(thread.latestInboundIndex).not.toBeNull();

    // Responsive: the service worker answers, the panel shows the person, the page never froze for long.
    const t0 = Date.now();
    expect(await s.worker.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - t0).toBeLessThan(2000);
    const panel = await openPanel(s, tabId);
    const contact = thread.messages[thread.latestInboundIndex!]!.from!.name;
    await expect.poll(() => panel.getByTestId('contact-name').textContent(), { timeout: 10_000 }).toBe(contact);
    const gap = await page.evaluate(() => (window as unknown as { __hb: { max: number } }).__hb.max);
    expect(gap).toBeLessThan(1000);
    await panel.close();
    await page.close();
  });
});
