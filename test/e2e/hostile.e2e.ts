import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGmailThread } from '../../lib/gmail';
import { readLinkedInProfile } from '../../lib/linkedin';
import { compactThread } from '../../lib/messaging';
import { HOSTILE_GMAIL_URLS, HOSTILE_LINKEDIN_URLS, reread, routeHostilePages, tabState, waitForState } from '../fixtures/hostile/browser';
import { appendHugeText, HOSTILE_DIR, nestChildren, readFixture, TEN_MB } from '../fixtures/hostile/generate';
import { gmailUrl, openPanel, openSitePage, startSession, type Session } from './harness';

/**
 * The hostile pages (test/fixtures/hostile/) in real Chromium with the built extension: the content scripts store
 * what the readers read, never change the page, never freeze it, and the panel shows page text as text only.
 */
let s: Session;
const dialogs: string[] = [];
beforeAll(async () => {
  s = await startSession();
  await routeHostilePages(s.context);
  // Any dialog anywhere (page or panel) would be page text turned into code.
  s.context.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  s.context.on('page', (p) => p.on('dialog', (d) => dialogs.push(d.message())));
});
afterAll(async () => {
  await s?.close();
});

type Snapshot = { readAt: number; thread?: unknown; profile?: unknown };
const snap = (state: Record<string, unknown> | null) => (state?.snapshot ?? null) as Snapshot | null;

/**
 * Counts the page's DOM mutations from now on, in its main world. After load nothing but the page's own scripts
 * (none run in these fixtures after load) may change it, so any count is the extension's doing.
 */
async function watchMutations(page: Page): Promise<() => Promise<{ count: number; same: boolean }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __mut: number; __html: string };
    w.__mut = 0;
    w.__html = document.documentElement.outerHTML;
    new MutationObserver((records) => (w.__mut += records.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __mut: number; __html: string };
      return { count: w.__mut, same: w.__html === document.documentElement.outerHTML };
    });
}

/** Forces a fresh read and waits until the background stored it. */
async function freshRead(tabId: number): Promise<Snapshot> {
  const before = snap(await tabState(s, tabId))?.readAt ?? 0;
  await reread(s, tabId);
  return snap(await waitForState(s, tabId, (st) => (snap(st)?.readAt ?? 0) > before))!;
}

/** What the reader reads from a fixture in jsdom, for comparing with what Chromium's content script stored. */
function jsdomOf(file: string): { doc: Document; url: string } {
  const { html, url } = readFixture(HOSTILE_DIR, file);
  return { doc: new JSDOM(html, { url }).window.document, url };
}

/**
 * The panel holds no element that could only have come from page text: none of the markup the hostile texts spell
 * out anywhere in its main area, and nothing but text inside the fields that show page text.
 */
async function expectTextOnly(panel: Page): Promise<void> {
  expect(await panel.locator('#root :is(img, svg, script, iframe, object, embed, template)').count()).toBe(0);
  const fields = ['contact-name', 'contact-headline', 'contact-role', 'contact-location', 'contact-email', 'thread-subject'];
  expect(await panel.locator(fields.map((f) => `[data-testid="${f}"] :is(b, i, a, span[onload], img)`).join(', ')).count()).toBe(0);
}

describe('hostile Gmail pages in Chromium', () => {
  it.each(Object.keys(HOSTILE_GMAIL_URLS))('%s: the stored thread is what the reader reads, and the page is untouched', async (file) => {
    const { page, tabId } = await openSitePage(s, HOSTILE_GMAIL_URLS[file]!);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.fixture ?? '')).toBe(file);
    const done = await watchMutations(page);
    const fresh = await freshRead(tabId);
    const { doc } = jsdomOf(file);
    const expected = readGmailThread(doc);
    expect(fresh.thread).toEqual(expected && compactThread(expected));
    expect(await done()).toEqual({ count: 0, same: true });
    await page.close();
  });

  it('script-like, RTL and zero-width text is shown as text in the panel, and saved as text', async () => {
    const { page, tabId } = await openSitePage(s, HOSTILE_GMAIL_URLS['gmail-hostile-text.html']!);
    const panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('thread-subject').textContent()).toContain('<script>alert("subject")</script>');
    expect(await panel.getByTestId('thread-subject').textContent()).toBe('gnp.exe <script>alert("subject")</script> مرحبا שלום 👩👩👧 Z\u0351\u0352a\u0353\u0354l\u0355g\u0356o');
    expect(await panel.getByTestId('contact-name').textContent()).toBe('سارة כהן');
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    await expect.poll(() => panel.locator('[data-testid=history-item][data-kind=email_in]').count()).toBeGreaterThanOrEqual(1);
    await expectTextOnly(panel);
    await panel.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('missing and duplicated nodes: the panel still shows the right person', async () => {
    const missing = await openSitePage(s, HOSTILE_GMAIL_URLS['gmail-missing-nodes.html']!);
    let panel = await openPanel(s, missing.tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Rosa Quintero');
    await expectTextOnly(panel);
    await panel.close();
    const duplicated = await openSitePage(s, HOSTILE_GMAIL_URLS['gmail-duplicated-nodes.html']!);
    panel = await openPanel(s, duplicated.tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Inês Duarte');
    expect(await panel.getByTestId('thread-subject').textContent()).toBe('Duplicated: pricing for Alvorada');
    await panel.close();
    await missing.page.close();
    await duplicated.page.close();
  });
});

describe('hostile LinkedIn pages in Chromium', () => {
  it.each(Object.keys(HOSTILE_LINKEDIN_URLS))('%s: the stored profile is what the reader reads, and the page is untouched', async (file) => {
    const { page, tabId } = await openSitePage(s, HOSTILE_LINKEDIN_URLS[file]!);
    const done = await watchMutations(page);
    const fresh = await freshRead(tabId);
    const { doc, url } = jsdomOf(file);
    expect(fresh.profile).toEqual(readLinkedInProfile(doc, url));
    expect(await done()).toEqual({ count: 0, same: true });
    await page.close();
  });

  it('script-like, RTL and zero-width text is shown as text in the panel', async () => {
    const { page, tabId } = await openSitePage(s, HOSTILE_LINKEDIN_URLS['linkedin-hostile-text.html']!);
    const panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('"><img src=x onerror=alert(1)> Ŝ\u0351\u0352ara hsuM نور');
    expect(await panel.getByTestId('contact-headline').textContent()).toBe('<script>alert("headline")</script> | מנהלת מכירות | {{7*7}} | ${alert(2)} | 👩💻');
    expect(await panel.getByTestId('contact-location').textContent()).toContain('<i>x</i>');
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    await expectTextOnly(panel);
    await panel.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await panel.close();
    await page.close();
  });
});

describe('huge and deep pages in Chromium: bounded, never frozen', () => {
  /**
   * Starts the page's heartbeat, runs `build` (the page's own work) and lays it out, then measures from there: what
   * blocks the page afterwards is the content script's reading. The builds keep Chromium's own rendering out of the
   * measure (10 MB of visible text takes the page itself many seconds to lay out): `content-visibility: hidden` on
   * the container of the huge text, `display: none` on the outermost level of the deep chain.
   */
  async function afterBuild(page: Page, build: string): Promise<() => Promise<number>> {
    await page.evaluate(() => {
      const hb = { max: 0, last: performance.now() };
      (window as unknown as { __hb: typeof hb }).__hb = hb;
      setInterval(() => {
        const now = performance.now();
        hb.max = Math.max(hb.max, now - hb.last);
        hb.last = now;
      }, 16);
    });
    await page.evaluate(`(() => { ${build}; void document.body.offsetHeight; window.__hb.max = 0; window.__hb.last = performance.now(); })()`);
    return () => page.evaluate(() => (window as unknown as { __hb: { max: number } }).__hb.max);
  }

  it('a 10 MB Gmail body, and the thread under 3,000 levels of nesting', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    let gap = await afterBuild(page, `const box = document.querySelector('div.a3s'); box.style.contentVisibility = 'hidden'; (${appendHugeText.toString()})(box, ${TEN_MB}, 100)`);
    let stored = snap(await waitForState(s, tabId, (st) => JSON.stringify(st).includes('Lorem ipsum')));
    const body = (stored!.thread as { messages: Array<{ body: string }> }).messages[0]!.body;
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body.startsWith('Hi Alex')).toBe(true);
    expect(await gap()).toBeLessThan(1000);

    gap = await afterBuild(page, `(${nestChildren.toString()})(document.querySelector('div.a98'), 3000, 'div', true)`);
    stored = await freshRead(tabId);
    expect((stored.thread as { subject: string } | null)?.subject).toBe('Re: Advice on rolling out a CRM across 14 clinics');
    expect(await gap()).toBeLessThan(1000);
    expect(await s.worker.evaluate(() => 'alive')).toBe('alive');
    await page.close();
  });

  it('a 10 MB LinkedIn About text and a top card under 3,000 levels of nesting', async () => {
    const { page, tabId } = await openSitePage(s, 'https://www.linkedin.com/in/amara-okonkwo-lindqvist-4b1a2c/');
    let gap = await afterBuild(page, `const box = document.querySelector('[data-view-name="profile-card-about"]'); box.style.contentVisibility = 'hidden'; (${appendHugeText.toString()})(box, ${TEN_MB}, 1)`);
    let stored = await freshRead(tabId);
    expect(stored.profile).toMatchObject({ name: 'Amara Okonkwo-Lindqvist', hasAbout: true });
    expect(await gap()).toBeLessThan(1000);
    gap = await afterBuild(page, `(${nestChildren.toString()})(document.querySelector('[data-view-name="profile-top-card"]'), 3000, 'div', true)`);
    stored = await freshRead(tabId);
    // Past the reader's text budget the name may come from the title instead; either way it is the right person.
    expect((stored.profile as { name: string } | null)?.name).toBe('Amara Okonkwo-Lindqvist');
    expect(await gap()).toBeLessThan(1000);
    await page.close();
  });
});
