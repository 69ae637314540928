import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failNextWrite, gmailUrl, holdStores, openPanel, openSitePage, putRows, startSession, tabIdOf, waitForSnapshot, type Session } from './harness';
import { bucketedRows } from './seed';

let s: Session;
beforeAll(async () => {
  s = await startSession();
});
afterAll(async () => {
  await s?.close();
});

/** Local-time ISO string of a Gmail tooltip date, as the panel's <time dateTime> carries it. */
const iso = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();

/** Keys of `o` with a prefix, for one table of results from two themes. */
const prefixed = (p: string, o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${p} ${k}`, v]));

/**
 * Text-to-background contrast of the panel's tinted warning styles, as the stylesheet renders them now: one sample
 * element of each, added to the panel page (our own page) and removed again.
 */
async function tintContrasts(panel: Page): Promise<Record<string, number>> {
  return panel.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const out: Record<string, number> = {};
    for (const [tag, cls] of [['span', 'badge badge-overdue'], ['span', 'score poor'], ['span', 'score fair'], ['mark', 'flag active']] as const) {
      const el = document.createElement(tag);
      el.className = cls;
      el.textContent = 'Sample';
      document.body.append(el);
      const style = getComputedStyle(el);
      const bg = rgb(style.backgroundColor);
      const back = bg.length === 4 && bg[3] === 0 ? rgb(getComputedStyle(document.body).backgroundColor) : bg;
      const [a, b] = [lum(rgb(style.color)), lum(back)];
      out[cls] = Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
      el.remove();
    }
    return out;
  });
}

describe('Gmail thread → side panel', () => {
  it('shows the other party, saves them, keeps a note and the history across a browser restart', async () => {
    const url = gmailUrl('inquiry-simple.html');
    const { page, tabId } = await openSitePage(s, url);
    let panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Priya Natarajan');
    expect(await panel.getByTestId('contact-email').textContent()).toBe('priya.natarajan@larkspurdental.com');
    expect(await panel.getByTestId('contact-role').textContent()).toBe('Larkspurdental (from email domain)');
    expect(await panel.getByTestId('thread-subject').textContent()).toBe('Re: Advice on rolling out a CRM across 14 clinics');
    expect(await panel.getByTestId('last-wrote').locator('time').getAttribute('datetime')).toBe(iso(2026, 11, 16, 9, 14));

    // Nothing is saved until the rep asks.
    expect(await panel.getByTestId('candidate').count()).toBe(1);
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    await panel.getByLabel('New note').fill('Runs 14 dental clinics; wants a CRM rollout plan. Not our product — send the checklist.');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => panel.getByTestId('note').count()).toBe(1);
    await expect.poll(() => panel.locator('[data-testid=history-item][data-kind=email_in]').count()).toBe(1);
    expect(await panel.locator('[data-testid=history-item][data-kind=email_in] .tl-subject').textContent()).toBe('Re: Advice on rolling out a CRM across 14 clinics');
    await page.close();
    await panel.close();

    // Restart the browser on the same profile: the note and the history are still there.
    s = await s.relaunch();
    const again = await openSitePage(s, url);
    panel = await openPanel(s, again.tabId);
    await panel.getByTestId('contact').waitFor();
    expect(await panel.getByTestId('contact-name').textContent()).toBe('Priya Natarajan');
    expect(await panel.getByTestId('note').locator('.note-text').textContent()).toBe('Runs 14 dental clinics; wants a CRM rollout plan. Not our product — send the checklist.');
    // Re-reading the same thread did not duplicate the message (deduplicated by Gmail message id). The history is
    // written just after the tab state the page load waited for: the stored rows are counted over the next second and
    // a half, long after that write, then the timeline (one query: once any of it is on screen, all of it is).
    for (let i = 0; i < 6; i++) {
      expect((await bucketedRows(panel)).interactions.filter((r) => r.kind === 'email_in').length).toBe(1);
      await panel.waitForTimeout(250);
    }
    await panel.locator('[data-testid=history-item]').first().waitFor();
    expect(await panel.locator('[data-testid=history-item][data-kind=email_in]').count()).toBe(1);
    expect(await panel.locator('[data-testid=history-item][data-kind=contact_saved]').count()).toBe(1);
    await again.page.close();
    await panel.close();
  });

  it('follows a thread switch inside the Gmail tab', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('collapsed-thread.html'));
    const panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Marcus Oyelaran');
    await page.evaluate((u) => (location.href = u), gmailUrl('own-reply-last.html'));
    // The rep's own reply is the last message: the contact is still the other party.
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Jonas Whitfield');
    expect(await panel.getByTestId('thread-subject').textContent()).toBe('Wholesale account tracking');
    await page.evaluate(() => (location.hash = '#inbox'));
    await expect.poll(() => panel.getByTestId('home').count()).toBe(1);
    expect(await panel.getByTestId('state-info').textContent()).toContain("Open a conversation in Gmail to see who it's with.");
    await page.close();
    await panel.close();
  });

  it('forgets the thread when the tab leaves Gmail for another site', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    const panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Priya Natarajan');
    // Any other site (it does not resolve here: the tab shows an error page, at a URL the extension cannot see).
    await page.goto('https://example.com/').catch(() => undefined);
    await expect.poll(() => panel.getByTestId('home').count()).toBe(1);
    expect(await panel.getByTestId('contact-name').count()).toBe(0);
    expect(await panel.getByText('Use this reply').count()).toBe(0);
    await page.close();
    await panel.close();
  });

  it('follows the active tab when not pinned', async () => {
    const gmail = await openSitePage(s, gmailUrl('locale-de.html'));
    const linkedin = await openSitePage(s, 'https://www.linkedin.com/in/ines-carvalho-duarte/');
    const panel = await openPanel(s); // active tab: the panel page itself → home
    await expect.poll(() => panel.getByTestId('home').count()).toBe(1);
    await gmail.page.bringToFront();
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Katrin Vogel');
    await linkedin.page.bringToFront();
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Inês Carvalho Duarte');
    await gmail.page.close();
    await linkedin.page.close();
    await panel.close();
  });

  it('renders hostile page text as text', async () => {
    const dialogs: string[] = [];
    s.context.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const { page, tabId } = await openSitePage(s, gmailUrl('hostile.html'));
    const panel = await openPanel(s, tabId);
    panel.on('dialog', (d) => dialogs.push(d.message()));
    await expect.poll(() => panel.getByTestId('thread-subject').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await panel.getByTestId('contact-name').textContent()).toBe('"><svg onload=alert(2)> Eve Mallory');
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    await expect.poll(() => panel.locator('[data-testid=history-item][data-kind=email_in]').count()).toBe(1);
    // No element came out of page text: the panel has no img/svg/script at all.
    expect(await panel.locator('#root :is(img, svg, script, iframe, object, embed)').count()).toBe(0);
    await panel.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await page.close();
    await panel.close();
  });

  it("uses the rep's extra addresses from settings", async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('collapsed-thread.html'));
    const panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Marcus Oyelaran');
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.getByLabel('Add an address').fill('Marcus.Oyelaran@harborandpine.com');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => options.getByTestId('own-email').allTextContents()).toEqual(['marcus.oyelaran@harborandpine.com×']);
    // Marcus is now "me": the contact becomes the previous inbound sender of the thread.
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).not.toBe('Marcus Oyelaran');
    const other = await panel.getByTestId('contact-email').textContent();
    expect(other).not.toBe('marcus.oyelaran@harborandpine.com');
    expect(other).toMatch(/@/);
    await options.getByRole('button', { name: 'Remove marcus.oyelaran@harborandpine.com' }).click();
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Marcus Oyelaran');
    await options.close();
    await page.close();
    await panel.close();
  });

  it('is keyboard-usable: save and add a note without a mouse', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('locale-fr.html'));
    const panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Camille Aubert');
    await panel.getByTestId('save-contact').focus();
    await panel.keyboard.press('Enter');
    await panel.getByTestId('contact').waitFor();
    await panel.getByLabel('New note').focus();
    await panel.keyboard.type('Trois boutiques, veut un CRM simple.');
    await panel.keyboard.press('Control+Enter');
    await expect.poll(() => panel.getByTestId('note').count()).toBe(1);
    await page.close();
    await panel.close();
  });

  it('edits, pins and deletes notes, tags the contact and edits its details', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('odd-names.html'));
    const panel = await openPanel(s, tabId);
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    for (const text of ['First note', 'Second note']) {
      await panel.getByLabel('New note').fill(text);
      await panel.getByRole('button', { name: 'Add note' }).click();
    }
    const notes = panel.getByTestId('note');
    await expect.poll(() => notes.locator('.note-text').allTextContents()).toEqual(['Second note', 'First note']);
    // Pin the older note: pinned notes come first.
    await notes.nth(1).getByRole('button', { name: 'Pin' }).click();
    await expect.poll(() => notes.locator('.note-text').allTextContents()).toEqual(['First note', 'Second note']);
    expect(await notes.first().getAttribute('class')).toContain('pinned');
    // Edit, then delete with confirmation.
    await notes.nth(1).getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('Edit note').fill('Second note, edited');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => notes.locator('.note-text').allTextContents()).toEqual(['First note', 'Second note, edited']);
    await notes.first().getByRole('button', { name: 'Delete' }).click();
    await notes.first().getByRole('button', { name: 'Delete note?' }).click();
    await expect.poll(() => notes.locator('.note-text').allTextContents()).toEqual(['Second note, edited']);
    // Tags: add two at once, remove one.
    await panel.getByLabel('Add tag').fill('Events, Austin');
    await panel.getByLabel('Add tag').press('Enter');
    await expect.poll(() => panel.getByTestId('tags').locator('.tag').allTextContents()).toEqual(['events×', 'austin×']);
    await panel.getByRole('button', { name: 'Remove tag austin' }).click();
    await expect.poll(() => panel.getByTestId('tags').locator('.tag').allTextContents()).toEqual(['events×']);
    // Details: a company typed by hand replaces the guess from the email domain.
    await panel.getByRole('button', { name: 'Edit details' }).click();
    const form = panel.getByTestId('edit-contact');
    await form.getByLabel('Company').fill('Lotus Freight Co.');
    await form.getByLabel('Title').fill('Head of Logistics');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => panel.getByTestId('contact-role').textContent()).toBe('Head of Logistics · Lotus Freight Co.');
    await page.close();
    await panel.close();
  });

  it('keeps what the rep types while the last note or tag is still saving, and gives it back when a save fails', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('locale-de.html'));
    const panel = await openPanel(s, tabId);
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    const field = panel.getByLabel('New note');
    const texts = () => panel.getByTestId('note').locator('.note-text').allTextContents();
    // The first note's save is held up; the rep goes on typing the next one meanwhile.
    let release = await holdStores(panel, ['notebooks', 'contacts']);
    await field.fill('First note');
    await panel.getByRole('button', { name: 'Add note' }).click();
    expect(await field.inputValue()).toBe('');
    await field.fill('Second note');
    await release();
    await expect.poll(texts).toEqual(['First note']);
    expect(await field.inputValue()).toBe('Second note');
    // Ctrl+Enter twice while the save is held saves the note once.
    await panel.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(texts).toEqual(['Second note', 'First note']);
    release = await holdStores(panel, ['notebooks', 'contacts']);
    await field.fill('Third note');
    await field.press('Control+Enter');
    await field.press('Control+Enter');
    await release();
    await expect.poll(texts).toEqual(['Third note', 'Second note', 'First note']);
    // Tags: the same.
    const tag = panel.getByLabel('Add tag');
    release = await holdStores(panel, ['contacts']);
    await tag.fill('events');
    await tag.press('Enter');
    expect(await tag.inputValue()).toBe('');
    await tag.fill('austin');
    await release();
    await expect.poll(() => panel.getByTestId('tags').locator('.tag').allTextContents()).toEqual(['events×']);
    expect(await tag.inputValue()).toBe('austin');
    // A save that fails (here: the disk is full) says so, and gives the text back to try again.
    await failNextWrite(panel);
    await field.fill('Fourth note');
    await panel.getByRole('button', { name: 'Add note' }).click();
    const alert = panel.getByTestId('notes').getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe(
      'The note wasn’t saved. Your browser has no room left for Resourceful’s data (its storage quota is full), so nothing was written and your data is as it was. Free disk space, or delete contacts or notes you no longer need, then try again.',
    );
    expect(await field.inputValue()).toBe('Fourth note');
    expect(await texts()).toEqual(['Third note', 'Second note', 'First note']);
    await panel.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(texts).toEqual(['Fourth note', 'Third note', 'Second note', 'First note']);
    expect(await alert.count()).toBe(0);
    await page.close();
    await panel.close();
  });

  it("shows a busy contact's pinned and newest notes first, and the rest a page at a time", async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('quoted-reply.html'));
    let panel = await openPanel(s, tabId);
    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    const id = (await panel.getByTestId('contact').getAttribute('data-contact-id'))!;
    const t0 = Date.UTC(2026, 0, 1);
    // 95 notes, one a day; the oldest is pinned.
    const notes = Array.from({ length: 95 }, (_, i) => ({ id: `bulk-${i}`, contactId: id, text: `Call notes, day ${i + 1}`, createdAt: t0 + i * 86_400_000, updatedAt: t0 + i * 86_400_000, pinned: i === 0 }));
    await putRows(s, { notes });
    await panel.close();
    panel = await openPanel(s, tabId);
    await panel.getByTestId('contact').waitFor();
    const texts = () => panel.getByTestId('note').locator('.note-text').allTextContents();
    await expect.poll(async () => (await texts()).length).toBe(20);
    expect((await texts()).slice(0, 3)).toEqual(['Call notes, day 1', 'Call notes, day 95', 'Call notes, day 94']);
    expect(await panel.getByTestId('more-notes').textContent()).toBe('Show 50 more of 75 older notes');
    // Above the reply studio, what the rep knows: the pinned note and the newest three entries, one line each.
    const known = panel.getByTestId('known');
    await expect.poll(() => known.getByTestId('known-item').count()).toBe(3);
    expect(await known.getByTestId('known-pinned').allTextContents()).toEqual(['Pinned Call notes, day 1']);
    // The newest entries the History section starts with, less bookkeeping (saving the contact) and the pinned note
    // already shown above them.
    const history = panel.getByTestId('history').getByTestId('history-item');
    const heads = (await history.evaluateAll((rows) => rows.map((r) => ({ kind: r.getAttribute('data-kind'), head: r.querySelector('.tl-head strong')?.textContent ?? '', text: r.querySelector('.tl-snippet')?.textContent ?? '' }))))
      .filter((r) => r.kind !== 'contact_saved' && r.text !== 'Call notes, day 1')
      .map((r) => r.head);
    const lines = await known.getByTestId('known-item').allTextContents();
    expect(lines.some((l) => l.startsWith('Saved as a contact'))).toBe(false);
    lines.forEach((line, i) => expect(line.startsWith(heads[i]!)).toBe(true));
    const order = await panel.evaluate(() => {
      const at = (id: string) => [...document.querySelectorAll('[data-testid]')].findIndex((e) => e.getAttribute('data-testid') === id);
      return { known: at('known'), stage: at('stage'), notes: at('notes') };
    });
    // Before the page's own slot (the reply studio, when there is an inquiry to answer) and the playbook sections.
    expect(order.known).toBeGreaterThan(-1);
    expect(order.known).toBeLessThan(order.stage);
    expect(order.stage).toBeLessThan(order.notes);
    await known.getByRole('link', { name: 'All notes' }).click();
    await expect.poll(() => panel.evaluate(() => location.hash)).toBe('#notes');
    await panel.getByTestId('more-notes').click();
    await expect.poll(async () => (await texts()).length).toBe(70);
    expect(await panel.getByTestId('more-notes').textContent()).toBe('Show 25 more of 25 older notes');
    await panel.getByTestId('more-notes').click();
    await expect.poll(async () => (await texts()).length).toBe(95);
    expect((await texts()).at(-1)).toBe('Call notes, day 2');
    expect(await panel.getByTestId('more-notes').count()).toBe(0);
    await page.close();
    await panel.close();
  });

  it('switches to the dark theme from settings', async () => {
    const panel = await openPanel(s);
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.getByTestId('theme').selectOption('dark');
    await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 25, 29)');
    const dark = await tintContrasts(panel);
    await options.getByTestId('theme').selectOption('light');
    await expect.poll(() => panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    const light = await tintContrasts(panel);
    // The tinted warnings (overdue badge, trust scores, the flagged phrase under the pointer) stay readable in both
    // themes: WCAG AA for text, 4.5:1.
    for (const [cls, ratio] of Object.entries({ ...prefixed('dark', dark), ...prefixed('light', light) })) {
      expect.soft(ratio, cls).toBeGreaterThanOrEqual(4.5);
    }
    await options.close();
    await panel.close();
  });

  it('reports an unreadable thread and offers manual add', async () => {
    const page = await s.context.newPage();
    // A thread URL whose page has no thread in it (Gmail changed, or still loading).
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQzzzzzzzzzzzzzzzzzzzzzzzzz');
    const tabId = await tabIdOf(s, page);
    await waitForSnapshot(s, tabId);
    await page.evaluate(() => document.body.replaceChildren(Object.assign(document.createElement('div'), { textContent: 'Loading…' })));
    const panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('state-error').count()).toBe(1);
    expect(await panel.getByTestId('manual-add').count()).toBe(1);
    await page.close();
    await panel.close();
  });
});
