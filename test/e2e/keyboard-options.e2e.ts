import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/db/models';
import { gmailUrl, holdStores, NO_TAB, openPanel, openSitePage, putRows, startSession, type Session } from './harness';
import { seedDb, threadRow } from './seed';

// Keyboard use of the options page (focus after removing, deleting and closing; results announced), the side panel's
// CSS (200% zoom, focus rings, forced colours, contrast) and the report's legend, driven with the keyboard.

let s: Session;
beforeEach(async () => {
  s = await startSession();
});
afterEach(async () => {
  await s?.close();
});

async function openOptions(): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  await page.getByTestId('resource-library').waitFor();
  return page;
}

/** What the page's one live region says now. */
const announced = (page: Page) => page.getByTestId('announcer').textContent();

/** The focused element, in the words a test can compare: its accessible label, else its text; and its tag and test id. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? null, label: el?.getAttribute('aria-label') ?? null, text: el?.textContent ?? null, testId: el?.getAttribute('data-testid') ?? null, id: el?.id ?? null };
  });
const focusedLabel = async (page: Page) => (await focused(page)).label;
const focusedText = async (page: Page) => (await focused(page)).text;

/** Imports a resource-library JSON file through the library's own import field. */
async function importLibrary(page: Page, name: string, titles: string[]): Promise<void> {
  const resources = titles.map((title, i) => ({ title, url: `https://example.com/r${i}`, summary: '', tags: [], kind: 'article' }));
  await page.getByTestId('resource-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, resources }), 'utf8') });
  await page.getByTestId('import-summary').waitFor();
}

describe('options page by keyboard', () => {
  it('is a main landmark', async () => {
    const page = await openOptions();
    const main = page.getByRole('main');
    expect(await main.count()).toBe(1);
    expect(await main.getByRole('heading', { level: 1 }).textContent()).toBe('Resourceful settings');
    expect(await main.getByTestId('danger-zone').count()).toBe(1);
  });

  it('announces an import, and a deleted resource hands the focus to the next card, the previous one, then "New resource"', async () => {
    const page = await openOptions();
    await importLibrary(page, 'library.json', ['Alpha checklist', 'Bravo guide', 'Charlie template']);
    await expect.poll(() => announced(page)).toBe('Imported “library.json”: 3 added, 0 updated, 0 already in the library.');
    // Shown where it was, but announced rather than a status that mounts with its text.
    expect(await page.getByTestId('import-result').getAttribute('role')).toBeNull();
    const cards = page.getByTestId('resource');
    await expect.poll(() => cards.count()).toBe(3);
    const titles = await page.getByTestId('resource-title').allTextContents();
    expect([...titles].sort()).toEqual(['Alpha checklist', 'Bravo guide', 'Charlie template']);

    const removeByKeyboard = async (title: string) => {
      await page.getByRole('button', { name: `Delete ${title}` }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedText(page)).toBe('Cancel');
      await page.keyboard.press('Shift+Tab');
      expect(await focusedText(page)).toBe('Yes, delete');
      await page.keyboard.press('Enter');
    };

    // The first card: its neighbour below takes the focus.
    await removeByKeyboard(titles[0]!);
    await expect.poll(() => cards.count()).toBe(2);
    await expect.poll(() => focusedLabel(page)).toBe(`Delete ${titles[1]}`);
    await expect.poll(() => announced(page)).toBe(`Deleted “${titles[0]}”.`);

    // The last card: nothing below, so the one above.
    await removeByKeyboard(titles[2]!);
    await expect.poll(() => cards.count()).toBe(1);
    await expect.poll(() => focusedLabel(page)).toBe(`Delete ${titles[1]}`);
    await expect.poll(() => announced(page)).toBe(`Deleted “${titles[2]}”.`);

    // The only card: "New resource".
    await removeByKeyboard(titles[1]!);
    await expect.poll(() => cards.count()).toBe(0);
    await expect.poll(() => focusedText(page)).toBe('New resource');
    expect((await focused(page)).tag).toBe('BUTTON');
  });

  it('announces a resource added from the keyboard', async () => {
    const page = await openOptions();
    await page.getByRole('button', { name: 'New resource' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Keyboard resource');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('resource-added').textContent()).toBe('Added “Keyboard resource” to your library.');
    await expect.poll(() => announced(page)).toBe('Added “Keyboard resource” to your library.');
    expect(await page.getByTestId('resource-added').getAttribute('role')).toBeNull();
  });

  it('removing an address with × focuses the next ×, then the previous one, then the address field', async () => {
    const page = await openOptions();
    const field = page.getByLabel('Add an address');
    await field.focus();
    for (const address of ['a@brightpath.example', 'b@brightpath.example', 'c@brightpath.example']) {
      await page.keyboard.type(address);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('own-email').allTextContents()).toContain(`${address}×`);
    }
    await page.getByRole('button', { name: 'Remove b@brightpath.example' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('own-email').count()).toBe(2);
    await expect.poll(() => focusedLabel(page)).toBe('Remove c@brightpath.example');
    await expect.poll(() => announced(page)).toBe('Removed b@brightpath.example.');

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('own-email').count()).toBe(1);
    await expect.poll(() => focusedLabel(page)).toBe('Remove a@brightpath.example');

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('own-email').count()).toBe(0);
    await expect.poll(async () => (await focused(page)).id).toBe('own-email');
  });

  it('does not take focus from the field the rep went to while a removal was still saving', async () => {
    const page = await openOptions();
    const field = page.getByLabel('Add an address');
    await field.focus();
    for (const address of ['d@brightpath.example', 'e@brightpath.example']) {
      await page.keyboard.type(address);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('own-email').allTextContents()).toContain(`${address}×`);
    }
    // The save waits behind a held transaction; meanwhile the rep goes back to the field and types.
    const release = await holdStores(page, ['settings']);
    await page.getByRole('button', { name: 'Remove d@brightpath.example' }).focus();
    await page.keyboard.press('Enter');
    await field.focus();
    await page.keyboard.type('f@');
    await release();
    await expect.poll(() => page.getByTestId('own-email').count()).toBe(1);
    await page.waitForTimeout(1_200); // every retry of the focus move has run
    expect(await focused(page)).toMatchObject({ id: 'own-email' });
    expect(await field.inputValue()).toBe('f@');
    await page.close();
  });

  it('unmuting with × focuses the next ×, and the section heading after the last one', async () => {
    await putRows(s, { settings: [{ key: 'settings', value: { ...DEFAULT_SETTINGS, muted: ['@news.example', 'ops@tools.example'] } }] });
    const page = await openOptions();
    const entries = page.getByTestId('muted-entry');
    await expect.poll(() => entries.count()).toBe(2);
    await page.getByRole('button', { name: 'Unmute @news.example' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => entries.count()).toBe(1);
    await expect.poll(() => focusedLabel(page)).toBe('Unmute ops@tools.example');
    await expect.poll(() => announced(page)).toBe('Unmuted @news.example.');

    await page.keyboard.press('Enter');
    await expect.poll(() => entries.count()).toBe(0);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H2', text: 'Follow-ups and queue' });
    await expect.poll(() => announced(page)).toBe('Unmuted ops@tools.example.');
  });

  it('"Delete all data?" gives the focus back to "Delete all data…" after Escape, Cancel and the wipe, and announces the wipe', async () => {
    const page = await openOptions();
    const opener = page.getByRole('button', { name: 'Delete all data…' });
    const dialog = page.getByTestId('confirm-wipe');

    await opener.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect.poll(() => focusedText(page)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focusedText(page)).toBe('Delete all data…');

    // Enter on Cancel (where the focus starts).
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect.poll(() => focusedText(page)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focusedText(page)).toBe('Delete all data…');

    // Confirmed: the dialog closes when the wipe is done, and the focus is back where it started.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect.poll(() => focusedText(page)).toBe('Cancel');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedText(page)).toBe('Delete everything');
    await page.keyboard.press('Enter');
    const done = page.getByTestId('wipe-done');
    await done.waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focusedText(page)).toBe('Delete all data…');
    const text = (await done.textContent())!;
    expect(text).toMatch(/^Deleted .*\. Resourceful is empty\.$/);
    await expect.poll(() => announced(page)).toBe(text);
    expect(await done.getAttribute('role')).toBeNull();
  });

  it('announces a backup, a CRM export and a restore, and keeps the focus on the page', async () => {
    const page = await openOptions();
    // Something to back up and restore.
    await importLibrary(page, 'one.json', ['Discovery questions']);
    const backUp = page.getByRole('button', { name: 'Download a backup', exact: true });
    await backUp.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const saved = page.getByTestId('backup-done').locator('p').first();
    await saved.waitFor();
    const savedText = (await saved.textContent())!;
    expect(savedText.startsWith(`Saved “${download.suggestedFilename()}”: `)).toBe(true);
    await expect.poll(() => announced(page)).toBe(savedText);
    const done = page.getByTestId('backup-done');
    expect(await done.getAttribute('role')).toBeNull();
    // The button was busy while the file was made, and kept the focus.
    await expect.poll(() => focusedText(page)).toBe('Download a backup');

    await page.getByRole('button', { name: 'Download contacts CSV' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('crm-export-status').textContent()).toBe('No contacts to export yet.');
    await expect.poll(() => announced(page)).toBe('No contacts to export yet.');
    expect(await page.getByTestId('crm-export-status').getAttribute('role')).toBeNull();
    expect(await focusedText(page)).toBe('Download contacts CSV');

    // Restore (merge) the backup just made: the result is announced, and the focus goes back to "Restore from a
    // backup…" when the restore's own buttons go.
    const bytes = fs.readFileSync((await download.path())!);
    await page.getByTestId('restore-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: bytes });
    await page.getByTestId('restore-summary').waitFor();
    await page.getByRole('button', { name: 'Restore', exact: true }).focus();
    await page.keyboard.press('Enter');
    const restored = page.getByTestId('restore-done');
    await restored.waitFor();
    const expected = [await restored.locator('.state-title').textContent(), ...(await restored.locator('li').allTextContents())].join(' ');
    expect(expected).toMatch(/^Merged “mine\.json”\. /);
    await expect.poll(() => announced(page)).toBe(expected);
    expect(await restored.getAttribute('role')).toBeNull();
    await expect.poll(async () => (await focused(page)).testId).toBe('restore-file');

    // Cancel after choosing a file: its row goes, and the focus goes back to the file field, not to the page.
    await page.getByTestId('restore-file').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: bytes });
    await page.getByTestId('restore-summary').waitFor();
    await page.getByTestId('restore').getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('restore-summary').count()).toBe(0);
    await expect.poll(async () => (await focused(page)).testId).toBe('restore-file');
  });
});

/** Whether the page scrolls sideways, and the elements that reach past its right edge (to say which, on failure). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.getAttribute('data-testid') ?? ''}]`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });

/**
 * The ancestors of the focused element that clip its focus ring: those that hide their overflow and whose padding box
 * does not hold the outline (drawn `outline-offset` outside the element, `outline-width` thick).
 */
const ringClippedBy = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const grow = Math.max(0, parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth));
    const r = el.getBoundingClientRect();
    const ring = { left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow };
    const out: string[] = [];
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const b = a.getBoundingClientRect();
      const left = b.left + a.clientLeft;
      const top = b.top + a.clientTop;
      const inside = ring.left >= left - 0.5 && ring.top >= top - 0.5 && ring.right <= left + a.clientWidth + 0.5 && ring.bottom <= top + a.clientHeight + 0.5;
      if (!inside) out.push(a.className);
    }
    return { visible: el.matches(':focus-visible'), outline: style.outlineStyle, clippedBy: out };
  });

/** WCAG contrast of form-field borders, the placeholder colour and a settled promise's small line, in the current theme. */
const contrasts = (page: Page) =>
  page.evaluate(() => {
    const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const ratio = (x: number[], y: number[]) => {
      const [a, b] = [lum(x), lum(y)];
      return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
    };
    const bg = rgba(getComputedStyle(document.body).backgroundColor);
    const sample = document.createElement('div');
    // Static markup of our own, on our own page, removed again below.
    const input = sample.appendChild(document.createElement('input'));
    const list = sample.appendChild(document.createElement('ul'));
    list.className = 'ledger';
    const row = list.appendChild(document.createElement('li'));
    row.className = 'ledger-row done';
    const line = row.appendChild(document.createElement('div'));
    line.className = 'muted small';
    line.textContent = 'Due Fri 3 Apr · kept';
    document.body.append(sample);
    const border = ratio(rgba(getComputedStyle(input).borderTopColor), bg);
    // What the eye gets: the line's colour faded by every opacity between it and the page.
    let alpha = 1;
    for (let el: Element | null = line; el && el !== document.body; el = el.parentElement) alpha *= Number(getComputedStyle(el).opacity);
    const fg = rgba(getComputedStyle(line).color);
    const ledger = ratio(
      fg.slice(0, 3).map((v, i) => v * alpha + bg[i]! * (1 - alpha)),
      bg,
    );
    // The page's own ::placeholder colour (Chrome's default grey when it sets none).
    const rule = [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .find((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText.includes('::placeholder') && !!r.style.color);
    let placeholder = ratio([117, 117, 117], bg);
    if (rule) {
      const probe = sample.appendChild(document.createElement('span'));
      probe.style.color = rule.style.color;
      placeholder = ratio(rgba(getComputedStyle(probe).color), bg);
    }
    sample.remove();
    return { border, ledger, placeholder };
  });

describe('side panel: zoom, focus ring, forced colours and contrast', () => {
  it('does not scroll sideways at 200% zoom (180 CSS px), at home and on an inquiry', async () => {
    const home = await openPanel(s, NO_TAB);
    await home.setViewportSize({ width: 180, height: 800 });
    await home.getByTestId('home').waitFor();
    // The page's width without a scroll bar, if there is one: 180 or a little less.
    await expect
      .poll(async () => {
        const m = await sideways(home);
        return m.scrollWidth - m.width;
      })
      .toBeLessThanOrEqual(0);
    const atHome = await sideways(home);
    expect(atHome.scrollWidth, JSON.stringify(atHome.wide)).toBeLessThanOrEqual(atHome.width);
    // The top bar's buttons wrap under the name instead of running off the edge.
    const report = (await home.getByTestId('open-report').boundingBox())!;
    expect(report.x + report.width).toBeLessThanOrEqual(atHome.width);
    await home.close();

    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    const panel = await openPanel(s, tabId);
    await panel.setViewportSize({ width: 180, height: 900 });
    await panel.getByTestId('reply-studio').getByTestId('fit-fit').waitFor();
    const onInquiry = await sideways(panel);
    expect(onInquiry.scrollWidth, JSON.stringify(onInquiry.wide)).toBeLessThanOrEqual(onInquiry.width);
    await panel.close();
    await page.close();
  });

  it('shows the whole focus ring on a Fit button, and sets the pressed one apart in forced colours', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    const panel = await openPanel(s, tabId);
    const fit = panel.getByTestId('reply-studio').getByTestId('fit-fit');
    await fit.waitFor();
    // Reached by the keyboard, so the ring is the keyboard's (:focus-visible).
    await fit.focus();
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Shift+Tab');
    expect((await focused(panel)).testId).toBe('fit-fit');
    const ring = await ringClippedBy(panel);
    expect(ring.visible).toBe(true);
    expect(ring.outline).not.toBe('none');
    expect(ring.clippedBy).toEqual([]);

    // Forced colours (Windows contrast themes) drop background colours: the pressed button still differs.
    await panel.emulateMedia({ forcedColors: 'active' });
    expect(await panel.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const backgrounds = () =>
      panel.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="reply-studio"] .seg-btn')].map((b) => ({
          pressed: b.getAttribute('aria-pressed'),
          bg: getComputedStyle(b).backgroundColor,
          adjust: getComputedStyle(b).forcedColorAdjust,
        })),
      );
    const seg = await backgrounds();
    const on = seg.filter((b) => b.pressed === 'true').map((b) => b.bg);
    const off = seg.filter((b) => b.pressed === 'false').map((b) => b.bg);
    expect(on.length).toBe(1);
    // Its colours are the system's selection colours, kept as they are (not forced back to a button's).
    expect(seg.find((b) => b.pressed === 'true')!.adjust).toBe('none');
    expect(off.length).toBeGreaterThan(0);
    for (const bg of off) expect(bg).not.toBe(on[0]);
    await panel.close();
    await page.close();
  });

  it('gives form fields 3:1 borders, placeholders and settled promises 4.5:1 text, in the light and the dark theme', async () => {
    const panel = await openPanel(s, NO_TAB);
    await panel.getByTestId('home').waitFor();
    for (const theme of ['light', 'dark']) {
      await panel.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const c = await contrasts(panel);
      expect(c.border, `${theme} field border`).toBeGreaterThanOrEqual(3);
      expect(c.placeholder, `${theme} placeholder`).toBeGreaterThanOrEqual(4.5);
      expect(c.ledger, `${theme} kept promise`).toBeGreaterThanOrEqual(4.5);
    }
    await panel.close();
  });
});

describe('report: the chart legend from the keyboard', () => {
  it('hides and shows a series with a toggle button that appears when it has the focus', async () => {
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`chrome-extension://${s.extensionId}/report.html`);
    await page.getByTestId('state-empty').waitFor();
    const day = 86_400_000;
    const now = Date.now();
    await seedDb(page, { threads: [threadRow('t1', null, now - 5 * day, now - 5 * day + 3_600_000), threadRow('t2', null, now - 3 * day, null)] });
    await page.reload();
    await page.getByTestId('chart-inquiries').waitFor();
    const toggles = page.getByTestId('chart-inquiries-toggles');
    expect(await toggles.getByRole('button').allTextContents()).toEqual(['Answered', 'Not answered', 'Median time to answer (hours)']);
    // Out of sight until the keyboard gets there.
    expect((await toggles.boundingBox())!.width).toBeLessThanOrEqual(1);
    const notAnswered = toggles.getByRole('button', { name: 'Not answered' });
    await notAnswered.focus();
    expect((await toggles.boundingBox())!.width).toBeGreaterThan(50);
    expect(await notAnswered.getAttribute('aria-pressed')).toBe('true');
    // The state comes back from the chart itself (what it draws), not from the button.
    await page.keyboard.press('Space');
    await expect.poll(() => notAnswered.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => notAnswered.getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });
});
