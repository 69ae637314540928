import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Note } from '../../lib/db/models';
import { gmailUrl, NO_TAB, openPanel, openSitePage, putRows, startSession, type Session } from './harness';
import { contactRow } from './seed';

// The side panel driven from the keyboard: after every action that takes the focused control away, focus lands
// somewhere stable (never on <body>), inline forms and confirm steps close on Escape, and what an action did away
// from focus is said in the page's live region.

let s: Session;
const HOUR = 3_600_000;
// A month back: notes added during the tests are newer than the seeded ones.
const T = Date.now() - 30 * 24 * HOUR;

/** A contact seeded for one test; `rank` orders the recent list (higher is newer). */
function seeded(id: string, name: string, rank: number, over: Partial<Contact> = {}): Contact {
  return contactRow(id, { name, lastInteractionAt: T + rank * HOUR, updatedAt: T + rank * HOUR, ...over });
}

function noteRow(id: string, contactId: string, text: string, at: number): Note {
  return { id, contactId, text, pinned: false, createdAt: at, updatedAt: at };
}

const LENA_PROFILE = {
  slug: 'lena-link-4c2d1e',
  url: 'https://www.linkedin.com/in/lena-link-4c2d1e/',
  name: 'Lena Link',
  headline: 'VP Sales at Fjord Freight',
  company: 'Fjord Freight',
  title: 'VP Sales',
  location: null,
};
const LONG_EMAIL = 'procurement.and.vendor.relations.department@a-very-long-company-domain-name.example';

beforeAll(async () => {
  s = await startSession();
  await putRows(s, {
    contacts: [
      seeded('c-open', 'Olivia Open', 9),
      seeded('c-notes', 'Nora Notes', 8),
      seeded('c-tags', 'Tara Tags', 7, { tags: ['alpha', 'beta', 'gamma'] }),
      seeded('c-link', 'Lena Link', 6, { emails: ['lena@fjordfreight.example'], linkedin: [LENA_PROFILE], linkedinSlugs: [LENA_PROFILE.slug] }),
      seeded('c-edit', 'Eddie Edit', 5),
      seeded('c-long', 'Lou Longmail', 4, { emails: [LONG_EMAIL] }),
      seeded('c-del', 'Dora Delete', 3),
    ],
    notes: [noteRow('n-a', 'c-notes', 'Note A', T + 3 * HOUR), noteRow('n-b', 'c-notes', 'Note B', T + 2 * HOUR), noteRow('n-c', 'c-notes', 'Note C', T + HOUR)],
  });
});
afterAll(async () => {
  await s?.close();
});

/** Waits for a condition that follows a database write and a re-render: longer than expect.poll's one second. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 5_000 });

/** What has focus, described by what the tests look for; null when it is on <body> (lost). */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      testId: el.getAttribute('data-testid'),
      label: el.getAttribute('aria-label'),
      placeholder: el.getAttribute('placeholder'),
      value: el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : null,
      text: (el.textContent ?? '').trim(),
      contactId: el.getAttribute('data-contact-id'),
      note: el.closest('[data-testid=note]')?.querySelector('.note-text')?.textContent ?? null,
      section: el.closest('section')?.getAttribute('data-testid') ?? null,
      form: el.closest('form')?.getAttribute('data-testid') ?? null,
      inContact: !!el.closest('[data-testid=contact]'),
    };
  });
}

/** The text of the page's one live region. */
const announced = (page: Page) => page.getByTestId('announcer').textContent();

/** A home panel with the recent list shown. */
async function home(): Promise<Page> {
  const panel = await openPanel(s, NO_TAB);
  await panel.getByTestId('recent-contact').first().waitFor();
  return panel;
}

/** Opens a contact from the recent list with the keyboard; its name heading takes focus. */
async function openFromRecent(panel: Page, name: string): Promise<void> {
  await panel.getByTestId('recent-contact').filter({ hasText: name }).focus();
  await panel.keyboard.press('Enter');
  await panel.getByTestId('contact').waitFor();
  await poll(() => focused(panel)).toMatchObject({ tag: 'h1', text: name, inContact: true });
}

describe('opening a contact and going back, from the keyboard', () => {
  it('focuses the contact name on open, and the entry it came from on Back', async () => {
    const panel = await home();
    await openFromRecent(panel, 'Olivia Open');
    // Back is the control just before the name.
    await panel.keyboard.press('Shift+Tab');
    expect(await focused(panel)).toMatchObject({ text: '← Back' });
    await panel.keyboard.press('Enter');
    await panel.getByTestId('home').waitFor();
    await poll(() => focused(panel)).toMatchObject({ testId: 'recent-contact', contactId: 'c-open' });

    // From a search result: the results do not outlive the home view, so Back lands on the Find heading.
    await panel.getByTestId('search-input').focus();
    await panel.keyboard.type('Olivia');
    const result = panel.getByTestId('search-result').filter({ hasText: 'Olivia Open' });
    await result.waitFor();
    await result.focus();
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ tag: 'h1', text: 'Olivia Open', inContact: true });
    await panel.keyboard.press('Shift+Tab');
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ tag: 'h2', text: 'Find', section: 'search' });
    await panel.close();
  });

  it('announces how many contacts a search found once typing pauses, not at every keystroke', async () => {
    const panel = await home();
    // Every message the live region receives, in order.
    await panel.evaluate(() => {
      const region = document.querySelector('[data-testid=announcer]')!;
      const w = window as unknown as { said: string[] };
      w.said = [];
      new MutationObserver(() => {
        const text = region.textContent ?? '';
        if (text) w.said.push(text);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const said = () => panel.evaluate(() => (window as unknown as { said: string[] }).said);
    await panel.getByTestId('search-input').focus();
    await panel.keyboard.type('Olivia', { delay: 60 });
    await panel.getByTestId('search-result').first().waitFor();
    await poll(said).toEqual(['1 contact found.']);
    // Nothing more while the query stands.
    await panel.waitForTimeout(1_200);
    expect(await said()).toEqual(['1 contact found.']);
    await panel.keyboard.press('Control+A');
    await panel.keyboard.type('zzqqxx', { delay: 60 });
    await panel.getByTestId('search-empty').waitFor();
    await poll(said).toEqual(['1 contact found.', 'Nothing found.']);
    await panel.close();
  });

  it('focuses the saved contact after "Save contact" on a Gmail thread', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    const panel = await openPanel(s, tabId);
    await panel.getByTestId('candidate').waitFor();
    await panel.getByTestId('save-contact').focus();
    await panel.keyboard.press('Enter');
    await panel.getByTestId('contact').waitFor();
    await poll(() => focused(panel)).toMatchObject({ tag: 'h1', text: 'Priya Natarajan', inContact: true });
    await page.close();
    await panel.close();
  });
});

describe('editing a contact from the keyboard', () => {
  it('keeps focus on "Add note", announces the note, and moves focus sensibly around deleting and editing notes', async () => {
    const panel = await home();
    await openFromRecent(panel, 'Nora Notes');
    const notes = panel.getByTestId('note');
    const texts = () => notes.locator('.note-text').allTextContents();
    await poll(texts).toEqual(['Note A', 'Note B', 'Note C']);

    // Adding empties the field while "Add note" has focus: the button keeps it, and the new note is announced.
    await panel.getByLabel('New note').fill('Fresh note');
    await panel.getByRole('button', { name: 'Add note' }).focus();
    await panel.keyboard.press('Enter');
    await poll(texts).toEqual(['Fresh note', 'Note A', 'Note B', 'Note C']);
    await poll(() => focused(panel)).toMatchObject({ text: 'Add note', section: 'notes' });
    await poll(() => announced(panel)).toBe('Note added.');

    // Delete asks first, with focus on Keep; Escape and Keep both back out to Delete.
    const deleteOf = (text: string) => notes.filter({ hasText: text }).getByRole('button', { name: 'Delete', exact: true });
    await deleteOf('Note A').focus();
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ text: 'Keep', note: 'Note A' });
    await panel.keyboard.press('Escape');
    expect(await panel.getByRole('button', { name: 'Delete note?' }).count()).toBe(0);
    await poll(() => focused(panel)).toMatchObject({ text: 'Delete', note: 'Note A' });
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ text: 'Keep', note: 'Note A' });
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ text: 'Delete', note: 'Note A' });

    // Deleting: focus goes to the next note's first control…
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ text: 'Keep' });
    await panel.keyboard.press('Shift+Tab');
    expect(await focused(panel)).toMatchObject({ text: 'Delete note?', note: 'Note A' });
    await panel.keyboard.press('Enter');
    await poll(texts).toEqual(['Fresh note', 'Note B', 'Note C']);
    await poll(() => focused(panel)).toMatchObject({ text: 'Pin', note: 'Note B' });
    await poll(() => announced(panel)).toBe('Note deleted.');
    // …or, for the last note, to the previous one's.
    await deleteOf('Note C').focus();
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ text: 'Keep' });
    await panel.keyboard.press('Shift+Tab');
    await panel.keyboard.press('Enter');
    await poll(texts).toEqual(['Fresh note', 'Note B']);
    await poll(() => focused(panel)).toMatchObject({ text: 'Pin', note: 'Note B' });

    // The editor: Escape drops the changes and returns to Edit; Save returns there too.
    const editOf = (text: string) => notes.filter({ hasText: text }).getByRole('button', { name: 'Edit', exact: true });
    await editOf('Note B').focus();
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ tag: 'textarea', value: 'Note B' });
    await panel.keyboard.type(' with a change');
    await panel.keyboard.press('Escape');
    expect(await panel.getByLabel('Edit note').count()).toBe(0);
    await poll(texts).toEqual(['Fresh note', 'Note B']);
    await poll(() => focused(panel)).toMatchObject({ text: 'Edit', note: 'Note B' });
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ tag: 'textarea', value: 'Note B' });
    await panel.getByLabel('Edit note').fill('Note B, edited');
    await panel.keyboard.press('Tab');
    expect(await focused(panel)).toMatchObject({ text: 'Save' });
    await panel.keyboard.press('Enter');
    await poll(texts).toEqual(['Fresh note', 'Note B, edited']);
    await poll(() => focused(panel)).toMatchObject({ text: 'Edit', note: 'Note B, edited' });

    // Deleting the last note left: the Notes heading.
    for (const text of ['Fresh note', 'Note B, edited']) {
      await deleteOf(text).focus();
      await panel.keyboard.press('Enter');
      await poll(() => focused(panel)).toMatchObject({ text: 'Keep' });
      await panel.keyboard.press('Shift+Tab');
      await panel.keyboard.press('Enter');
    }
    await poll(texts).toEqual([]);
    await poll(() => focused(panel)).toMatchObject({ tag: 'h2', text: 'Notes', section: 'notes' });
    await panel.close();
  });

  it('moves focus to the next tag, the previous one, then the tag field as tags are removed', async () => {
    const panel = await home();
    await openFromRecent(panel, 'Tara Tags');
    const tags = () => panel.getByTestId('tags').locator('.tag').allTextContents();
    await panel.getByRole('button', { name: 'Remove tag beta' }).focus();
    await panel.keyboard.press('Enter');
    await poll(tags).toEqual(['alpha×', 'gamma×']);
    await poll(() => focused(panel)).toMatchObject({ label: 'Remove tag gamma' });
    await panel.keyboard.press('Enter');
    await poll(tags).toEqual(['alpha×']);
    await poll(() => focused(panel)).toMatchObject({ label: 'Remove tag alpha' });
    await panel.keyboard.press('Enter');
    await poll(tags).toEqual([]);
    await poll(() => focused(panel)).toMatchObject({ tag: 'input', placeholder: 'Add tag + Enter' });
    await poll(() => announced(panel)).toBe('Removed tag alpha.');
    await panel.close();
  });

  it('asks before unlinking with focus on Cancel, backs out on Escape, and confirms an unlink that empties the section', async () => {
    const panel = await home();
    await openFromRecent(panel, 'Lena Link');
    const linked = panel.getByTestId('linked-profiles');
    await linked.getByTestId('unlink').focus();
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ text: 'Cancel', section: 'linked-profiles' });
    await panel.keyboard.press('Escape');
    expect(await linked.getByTestId('confirm-unlink-text').count()).toBe(0);
    await poll(() => focused(panel)).toMatchObject({ testId: 'unlink' });
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ text: 'Cancel' });
    await panel.keyboard.press('Enter');
    expect(await linked.getByTestId('confirm-unlink-text').count()).toBe(0);
    await poll(() => focused(panel)).toMatchObject({ testId: 'unlink' });

    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ text: 'Cancel' });
    await panel.keyboard.press('Shift+Tab');
    expect(await focused(panel)).toMatchObject({ testId: 'confirm-unlink' });
    await panel.keyboard.press('Enter');
    // Her only profile: the LinkedIn section goes, the confirmation stays in sight and is announced.
    await poll(() => linked.count()).toBe(0);
    const message = 'Unlinked. The profile is now a separate contact.';
    expect(await panel.getByTestId('unlink-status').textContent()).toBe(message);
    await poll(() => announced(panel)).toBe(message);
    await poll(() => focused(panel)).toMatchObject({ tag: 'h2', text: 'Details and tags', section: 'details' });
    await panel.close();
  });

  it('focuses the first field of "Edit details", closes it on Escape, and returns focus after saving', async () => {
    const panel = await home();
    await openFromRecent(panel, 'Eddie Edit');
    const form = panel.getByTestId('edit-contact');
    await panel.getByRole('button', { name: 'Edit details' }).focus();
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ tag: 'input', form: 'edit-contact', value: 'Eddie Edit' });
    await panel.keyboard.press('Escape');
    expect(await form.count()).toBe(0);
    await poll(() => focused(panel)).toMatchObject({ text: 'Edit details' });

    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ tag: 'input', form: 'edit-contact' });
    await form.getByLabel('Company').fill('Acme Rockets');
    await form.getByRole('button', { name: 'Save details' }).focus();
    await panel.keyboard.press('Enter');
    await poll(() => panel.getByTestId('contact-role').textContent()).toBe('Acme Rockets');
    expect(await form.count()).toBe(0);
    await poll(() => focused(panel)).toMatchObject({ text: 'Edit details' });
    await poll(() => announced(panel)).toBe('Details saved.');
    await panel.close();
  });

  it('shows a cut-off email address in full when it has focus', async () => {
    const panel = await home();
    await openFromRecent(panel, 'Lou Longmail');
    const email = panel.getByTestId('contact-email');
    expect(await email.textContent()).toBe(LONG_EMAIL);
    // Cut off with "…" at the panel's width…
    expect(await email.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // …reached with Tab from the name, and shown whole while focused.
    await panel.keyboard.press('Tab');
    expect(await focused(panel)).toMatchObject({ testId: 'contact-email', text: LONG_EMAIL });
    await poll(() => email.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await panel.close();
  });

  it('puts focus on Back and announces it when the contact shown is deleted', async () => {
    const panel = await home();
    await openFromRecent(panel, 'Dora Delete');
    await panel.getByRole('button', { name: 'Delete contact' }).focus();
    await panel.keyboard.press('Enter');
    // "Yes, delete" is enabled once the confirmation knows what goes.
    await poll(() => panel.getByTestId('confirm-delete-contact-text').textContent()).toMatch(/^Delete Dora Delete.*\?/);
    await poll(() => panel.getByTestId('confirm-delete-contact').getByRole('button', { name: 'Yes, delete' }).isEnabled()).toBe(true);
    await panel.keyboard.press('Shift+Tab');
    expect(await focused(panel)).toMatchObject({ text: 'Yes, delete' });
    await panel.keyboard.press('Enter');
    await poll(() => panel.getByTestId('state-empty').textContent()).toBe('This contact no longer exists.');
    await poll(() => focused(panel)).toMatchObject({ text: '← Back' });
    await poll(() => announced(panel)).toBe('Deleted Dora Delete.');
    await panel.close();
  });
});

describe('adding a contact by hand from the keyboard', () => {
  it('focuses the name field, cancels on Escape and Cancel back to the button, and focuses the saved contact', async () => {
    const panel = await home();
    const opener = panel.getByTestId('manual-add-open');
    const form = panel.getByTestId('manual-add');
    await opener.focus();
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ tag: 'input', form: 'manual-add' });
    await panel.keyboard.press('Escape');
    expect(await form.count()).toBe(0);
    await poll(() => focused(panel)).toMatchObject({ testId: 'manual-add-open' });

    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ tag: 'input', form: 'manual-add' });
    // Name, Email, Company, then Cancel ("Save contact" is disabled while the form is empty).
    for (let i = 0; i < 3; i++) await panel.keyboard.press('Tab');
    expect(await focused(panel)).toMatchObject({ text: 'Cancel', form: 'manual-add' });
    await panel.keyboard.press('Enter');
    expect(await form.count()).toBe(0);
    await poll(() => focused(panel)).toMatchObject({ testId: 'manual-add-open' });

    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ tag: 'input', form: 'manual-add' });
    await panel.keyboard.type('Manny Manual');
    await panel.keyboard.press('Tab');
    await panel.keyboard.type('manny@manual.example');
    await panel.keyboard.press('Enter');
    await panel.getByTestId('contact').waitFor();
    await poll(() => focused(panel)).toMatchObject({ tag: 'h1', text: 'Manny Manual', inContact: true });
    // Back returns to the button the contact was added from.
    await panel.keyboard.press('Shift+Tab');
    await panel.keyboard.press('Enter');
    await poll(() => focused(panel)).toMatchObject({ testId: 'manual-add-open' });
    await panel.close();
  });
});
