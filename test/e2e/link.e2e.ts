import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailUrl, openPanel, openSitePage, startSession, type Session } from './harness';

let s: Session;
beforeAll(async () => {
  s = await startSession();
});
afterAll(async () => {
  await s?.close();
});

const AMARA_LI = 'https://www.linkedin.com/in/amara-okonkwo-lindqvist-4b1a2c/';

const kinds = async (panel: import('playwright-core').Page) =>
  (await panel.locator('[data-testid=history-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).sort();

describe('the same person on Gmail and LinkedIn is one contact', () => {
  it('suggests the emailed contact on their profile, links them into one history, and unlinks without loss', async () => {
    // 1. Save Amara from her email and write a note.
    const gmail = await openSitePage(s, gmailUrl('linked-person.html'));
    const gPanel = await openPanel(s, gmail.tabId);
    await expect.poll(() => gPanel.getByTestId('contact-name').textContent()).toBe('Amara Okonkwo-Lindqvist');
    expect(await gPanel.getByTestId('contact-role').textContent()).toBe('Norrsken Analytics (from email domain)');
    await gPanel.getByTestId('save-contact').click();
    await gPanel.getByTestId('contact').waitFor();
    await gPanel.getByLabel('New note').fill('Met at the RevOps meetup in Stockholm.');
    await gPanel.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => gPanel.getByTestId('note').count()).toBe(1);

    // 2. Her LinkedIn profile: not saved, but the panel suggests the emailed contact by name and company.
    const li = await openSitePage(s, AMARA_LI);
    const lPanel = await openPanel(s, li.tabId);
    await lPanel.getByTestId('candidate').waitFor();
    const suggestion = lPanel.getByTestId('link-suggestion');
    await expect.poll(() => suggestion.count()).toBe(1);
    expect(await suggestion.textContent()).toContain('same name, same company (Norrsken Analytics)');
    // Linking comes first, saving a second Amara second.
    const order = await lPanel.evaluate(() => {
      const ids = [...document.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid'));
      return { link: ids.indexOf('link'), candidate: ids.indexOf('candidate') };
    });
    expect(order.link).toBeGreaterThan(-1);
    expect(order.link).toBeLessThan(order.candidate);
    expect(await lPanel.getByTestId('link').locator('h2').textContent()).toBe('Is this someone you already saved?');
    expect(await lPanel.getByTestId('save-contact').textContent()).toBe('Save as a new contact');
    await suggestion.getByTestId('link-best').click();

    // 3. One contact: email, LinkedIn title, the note, mail and the visit in one history.
    await lPanel.getByTestId('contact').waitFor();
    expect(await lPanel.getByTestId('contact-email').allTextContents()).toEqual(['amara@norrsken-analytics.se']);
    expect(await lPanel.getByTestId('contact-role').textContent()).toBe('Head of Revenue Operations · Norrsken Analytics');
    expect(await lPanel.getByTestId('note').count()).toBe(1);
    await expect.poll(() => kinds(lPanel)).toEqual(['contact_saved', 'email_in', 'note', 'profile_linked', 'profile_visit']);

    // The Gmail side shows the same merged contact.
    await expect.poll(() => gPanel.getByTestId('contact-role').textContent()).toBe('Head of Revenue Operations · Norrsken Analytics');
    await expect.poll(() => kinds(gPanel)).toEqual(['contact_saved', 'email_in', 'note', 'profile_linked', 'profile_visit']);
    const ids = await Promise.all([gPanel, lPanel].map((p) => p.getByTestId('contact').getAttribute('data-contact-id')));
    expect(ids[0]).toBe(ids[1]);

    // 4. Unlink: asked first; the profile becomes its own contact again, taking its visit; the email contact keeps
    // the rest.
    const linked = lPanel.getByTestId('linked-profiles');
    await linked.getByTestId('unlink').click();
    expect(await linked.getByTestId('confirm-unlink-text').textContent()).toBe(
      'Unlink this profile? It becomes a separate contact with its profile visits; notes and mail stay with Amara Okonkwo-Lindqvist.',
    );
    await linked.getByRole('button', { name: 'Cancel' }).click();
    expect(await linked.getByTestId('confirm-unlink-text').count()).toBe(0);
    await linked.getByTestId('unlink').click();
    await linked.getByTestId('confirm-unlink').click();
    await expect.poll(() => gPanel.getByTestId('linked-profiles').count()).toBe(0);
    await expect.poll(() => kinds(gPanel)).toEqual(['contact_saved', 'email_in', 'note', 'profile_linked', 'profile_unlinked']);
    await expect.poll(() => lPanel.getByTestId('contact').getAttribute('data-contact-id')).not.toBe(ids[0]);
    await expect.poll(() => kinds(lPanel)).toEqual(['profile_visit']);
    expect(await lPanel.getByTestId('contact-email').count()).toBe(0);
    // …and the panel offers to link it again. Its only profile cannot be unlinked from it: that would leave a contact
    // with no email and no profile.
    expect(await lPanel.getByTestId('link-suggestion').count()).toBe(1);
    expect(await lPanel.getByTestId('linked-profiles').getByTestId('unlink').count()).toBe(0);

    for (const p of [gmail.page, li.page, gPanel, lPanel]) await p.close();
  });

  it('lists saved contacts on other pages and opens one', async () => {
    const panel = await openPanel(s);
    await expect.poll(() => panel.getByTestId('recent-contact').count()).toBe(2);
    await panel.getByTestId('recent-contact').filter({ hasText: 'amara@norrsken-analytics.se' }).click();
    await panel.getByTestId('contact').waitFor();
    expect(await panel.getByTestId('note').locator('.note-text').textContent()).toBe('Met at the RevOps meetup in Stockholm.');
    await panel.getByRole('button', { name: '← Back' }).click();
    await panel.getByTestId('home').waitFor();
    await panel.close();
  });
});
