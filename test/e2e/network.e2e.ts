import fs from 'node:fs';
import path from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailUrl, openPanel, openSitePage, putRows, startSession, type Session } from './harness';

/**
 * Zero network: a full session (Gmail and LinkedIn fixtures, the panel's save, note and "Use this reply", the
 * options and report pages) makes no request but for the extension's own files and the fixture pages themselves.
 *
 * Two independent records: Playwright's context-level `request` events (every page, and in Chromium the service
 * worker too; the first test proves that claim), and the fixture server's own log of what reached it. Chromium
 * resolves no host but the two fixture hosts, so a request anywhere else would fail rather than leave the machine,
 * but it would still show up here as attempted; and the extension pages' CSP (`default-src 'self'`) stops a
 * connection before it is a request, which would show up as a CSP violation in the console: none is allowed either.
 */
let s: Session;
const FIX = path.join(__dirname, '../fixtures/inquiries');

interface Seen {
  url: string;
  method: string;
  type: string;
  fromWorker: boolean;
  failure?: string;
}
const seen: Seen[] = [];
const violations: string[] = [];
const sockets: string[] = [];
const record = (r: Request, failure?: string) =>
  seen.push({ url: r.url(), method: r.method(), type: r.resourceType(), fromWorker: r.serviceWorker() !== null, ...(failure === undefined ? {} : { failure }) });

beforeAll(async () => {
  s = await startSession();
  s.context.on('request', (r) => record(r));
  s.context.on('requestfailed', (r) => record(r, r.failure()?.errorText ?? 'failed'));
  s.context.on('console', (m) => {
    if (/Content Security Policy|Refused to (connect|load)/i.test(m.text())) violations.push(m.text());
  });
  s.context.on('page', (p) => p.on('websocket', (ws) => sockets.push(ws.url())));
});
afterAll(async () => {
  await s?.close();
});

/** Paths the fixture server serves on each host (scripts/lib/fixture-server.mjs). */
const FIXTURE_PATHS: Record<string, RegExp> = {
  'mail.google.com': /^\/(?:mail\/.*|__shell\/gmail\.js|__fixtures\/gmail\/[\w.-]+|favicon\.ico)$/,
  'www.linkedin.com': /^\/(?:in\/[^/]+\/?.*|favicon\.ico)$/,
};

/** The extension's own files, the fixture pages, and in-memory URLs (an export's blob, a data: image). */
function allowed(url: string): boolean {
  if (url.startsWith(`chrome-extension://${s.extensionId}/`)) return true;
  if (url.startsWith(`blob:chrome-extension://${s.extensionId}/`) || url.startsWith('data:')) return true;
  const u = new URL(url);
  return u.protocol === 'https:' && u.port === '' && (FIXTURE_PATHS[u.hostname]?.test(u.pathname) ?? false);
}

describe('zero network', () => {
  it('the recorder sees the service worker’s requests, and the CSP stops any request out before it is made', async () => {
    const before = seen.length;
    const status = await s.worker.evaluate(async () => (await fetch(chrome.runtime.getURL('/manifest.json'))).status);
    expect(status).toBe(200);
    await expect.poll(() => seen.slice(before).some((r) => r.fromWorker && r.url.endsWith('/manifest.json'))).toBe(true);
    // The same worker trying a fixture host: refused by the extension's CSP, so the server never hears of it.
    const out = await s.worker.evaluate(() => fetch('https://www.linkedin.com/in/csp-canary/').then(() => 'sent', () => 'refused'));
    expect(out).toBe('refused');
    expect(s.requests.some((r) => r.path.includes('csp-canary'))).toBe(false);
    seen.length = 0;
    violations.length = 0;
  });

  it('a full session: Gmail, LinkedIn, save, note, use a reply, options, report', { timeout: 120_000 }, async () => {
    const offer = JSON.parse(fs.readFileSync(path.join(FIX, 'offer.json'), 'utf8'));
    const resources = JSON.parse(fs.readFileSync(path.join(FIX, 'resources.json'), 'utf8'));
    await putRows(s, { settings: [{ key: 'offer', value: offer }], resources: Array.isArray(resources) ? resources : resources.resources });

    // Gmail: the panel's reply studio puts a reply into Gmail's reply box (which saves the contact), then a note.
    const gmail = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    let panel = await openPanel(s, gmail.tabId);
    const studio = panel.getByTestId('reply-studio');
    await studio.getByTestId('use-reply').first().click();
    await expect.poll(() => studio.getByTestId('use-result').textContent()).toContain("In Gmail's reply box");
    await panel.getByTestId('contact').waitFor();
    await panel.getByLabel('New note').fill('Wants the CRM checklist.');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => panel.getByTestId('note').count()).toBe(1);
    // A thread switch inside the tab.
    await gmail.page.evaluate((u) => (location.href = u), gmailUrl('collapsed-thread.html'));
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Marcus Oyelaran');
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    await panel.close();

    // LinkedIn: save and note.
    const linkedin = await openSitePage(s, 'https://www.linkedin.com/in/amara-okonkwo-lindqvist-4b1a2c/');
    panel = await openPanel(s, linkedin.tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Amara Okonkwo-Lindqvist');
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    await panel.getByLabel('New note').fill('Met at the RevOps meetup.');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => panel.getByTestId('note').count()).toBe(1);
    await panel.close();

    // Options: an address added and removed, the theme switched.
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.getByLabel('Add an address').fill('alex@brightpath.example');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => options.getByTestId('own-email').count()).toBe(1);
    await options.getByRole('button', { name: 'Remove alex@brightpath.example' }).click();
    await options.getByTestId('theme').selectOption('dark');
    await options.getByTestId('theme').selectOption('system');
    await options.close();

    // The goodwill report, charts drawn.
    const report = await s.context.newPage();
    await report.goto(`chrome-extension://${s.extensionId}/report.html`);
    await report.getByTestId('report-grid').waitFor();
    await expect.poll(() => report.getByTestId('report').getAttribute('aria-busy')).toBe('false');
    await report.close();

    // The home view of the panel (queue, search, recent contacts).
    panel = await openPanel(s);
    await panel.getByTestId('home').waitFor();
    await panel.close();
    await gmail.page.close();
    await linkedin.page.close();
    // Late requests (a service worker write, a favicon) get their chance to show up.
    await new Promise((r) => setTimeout(r, 1000));

    // The recorders did record: extension files, the service worker's and the fixture pages.
    expect(seen.some((r) => r.url.startsWith(`chrome-extension://${s.extensionId}/sidepanel.html`))).toBe(true);
    expect(seen.some((r) => r.url.startsWith('https://mail.google.com/__fixtures/gmail/'))).toBe(true);
    expect(seen.some((r) => r.url.startsWith('https://www.linkedin.com/in/'))).toBe(true);

    expect(seen.filter((r) => !allowed(r.url))).toEqual([]);
    expect(seen.filter((r) => r.fromWorker && !r.url.startsWith(`chrome-extension://${s.extensionId}/`))).toEqual([]);
    // No host but the two was even tried, failed or not (failed requests are in `seen` too).
    const hosts = new Set(seen.filter((r) => /^(https?|wss?):/.test(r.url)).map((r) => new URL(r.url).hostname));
    expect([...hosts].sort()).toEqual(['mail.google.com', 'www.linkedin.com']);
    expect(sockets).toEqual([]);
    expect(violations).toEqual([]);
    // The server's view: the two hosts, the paths it serves, nothing else.
    expect(s.requests.filter((r) => !(FIXTURE_PATHS[r.host]?.test(r.path) ?? false))).toEqual([]);
  });
});
