import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailUrl, NO_TAB, openPanel, openSitePage, putRows, startSession, type Session } from './harness';
import { commitmentRow, contactRow, threadRow } from './seed';

// Keyboard only: every action below is a key press on a focused control, and each test checks where focus is
// afterwards (never <body>), that Escape backs out, and what the page's live region said.

const DAY = 86_400_000;
const FIX = path.join(__dirname, '../fixtures/inquiries');
const offer = JSON.parse(fs.readFileSync(path.join(FIX, 'offer.json'), 'utf8'));
const resourcesFile = JSON.parse(fs.readFileSync(path.join(FIX, 'resources.json'), 'utf8'));
const resources = Array.isArray(resourcesFile) ? resourcesFile : resourcesFile.resources;

let s: Session;
beforeAll(async () => {
  s = await startSession();
  const now = Date.now();
  const recent = now - DAY;
  await putRows(s, {
    contacts: [
      contactRow('c-ledger', { name: 'Morgan Lee', lastInteractionAt: recent }),
      contactRow('c-status', { name: 'Jordan Park', lastInteractionAt: recent }),
      contactRow('c-decline', { name: 'Casey Quinn', stage: 'declined', lastInteractionAt: recent }),
      contactRow('c-follow', { name: 'Avery Stone', lastInteractionAt: recent }),
    ],
    // Open, with due dates a day apart: the ledger lists them in this order.
    commitments: [
      commitmentRow('l-1', 'c-ledger', { text: 'Send the pricing sheet', dueAt: now + 1 * DAY }),
      commitmentRow('l-2', 'c-ledger', { text: 'Share the case study', dueAt: now + 2 * DAY }),
      commitmentRow('l-3', 'c-ledger', { text: 'Call about the pilot', dueAt: now + 3 * DAY }),
      commitmentRow('s-1', 'c-status', { text: 'Send the rollout plan', dueAt: now + 1 * DAY }),
      commitmentRow('s-2', 'c-status', { text: 'Introduce them to Sam', dueAt: now + 2 * DAY }),
    ],
    threads: [
      { ...threadRow('t-riley', null, now - 2 * DAY, null), fromName: 'Riley Chen', fromEmail: 'riley@contoso.com' },
      { ...threadRow('t-sam', null, now - 3 * DAY, null), fromName: 'Sam Ortiz', fromEmail: 'sam@fabrikam.com' },
    ],
  });
});
afterAll(async () => {
  await s?.close();
});

/** True while `loc` is the page's focused element. */
const isFocused = (loc: Locator) => loc.evaluate((el) => el === document.activeElement);

/** Waits until `loc` has focus (focus often moves once the database has answered). */
async function expectFocused(loc: Locator): Promise<void> {
  await loc.waitFor({ state: 'attached' });
  await expect.poll(() => isFocused(loc), { timeout: 5_000 }).toBe(true);
}

/** What the page's one polite live region says now. */
const announced = (page: Page) => page.getByTestId('announcer').textContent();

/** Focuses `loc` and presses `key` on it. */
async function press(loc: Locator, key = 'Enter'): Promise<void> {
  await loc.focus();
  await loc.page().keyboard.press(key);
}

/** A panel on no tab (home view), in front, so its animation frames run. */
async function homePanel(): Promise<Page> {
  const panel = await openPanel(s, NO_TAB);
  await panel.bringToFront();
  await panel.getByTestId('home').waitFor();
  return panel;
}

/** Opens a seeded contact from the recent list. */
async function openContact(name: string): Promise<Page> {
  const panel = await homePanel();
  await panel.getByTestId('recent-contact').filter({ hasText: name }).click();
  await panel.getByTestId('contact').waitFor();
  return panel;
}

describe('keyboard use of the playbook', () => {
  it('moves focus into the onboarding card’s successors and the quick-add form, and announces what happened', async () => {
    const panel = await homePanel();
    // "Later": the card goes with the button; focus goes to the next section's heading, and the choice is said.
    await press(panel.getByTestId('onboarding-later'));
    await expect.poll(() => panel.getByTestId('onboarding').count()).toBe(0);
    await expectFocused(panel.getByRole('heading', { name: 'Find', exact: true }));
    await expect.poll(() => announced(panel)).toBe('Skipped for now. You can say what you offer any time in Settings.');

    // "Add a resource": the form's first field takes focus; Escape closes it and focus returns to the opener.
    const opener = panel.getByTestId('quick-add-open');
    await press(opener);
    const form = panel.getByTestId('quick-add-form');
    await expectFocused(form.getByLabel('Title'));
    await panel.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
    await expectFocused(opener);

    // Adding: announced through the live region, and focus back on the opener for the next one.
    await press(opener);
    await expectFocused(form.getByLabel('Title'));
    await form.getByLabel('Title').fill('Discovery call guide');
    await panel.keyboard.press('Enter');
    await expect.poll(() => announced(panel)).toBe('Added “Discovery call guide” to your library.');
    await expectFocused(opener);
    expect(await panel.getByTestId('quick-added').textContent()).toBe('Added “Discovery call guide” to your library.');
    // The line mounts with its text: not a live region of its own (the page's one region said it).
    expect(await panel.getByTestId('quick-added').getAttribute('role')).toBeNull();
    await panel.close();
  });

  it('deletes a promise only after a deliberate confirmation, and keeps focus in the ledger', async () => {
    const panel = await openContact('Morgan Lee');
    const rows = panel.getByTestId('commitment');
    await expect.poll(() => rows.count()).toBe(3);
    const row = (text: string) => rows.filter({ hasText: text });
    const first = row('Send the pricing sheet');

    // "Delete" then Enter again: the confirmation starts on Cancel, so the promise stays.
    await press(first.getByTestId('delete-commitment'));
    await expectFocused(first.getByTestId('cancel-delete-commitment'));
    await panel.keyboard.press('Enter');
    await expect.poll(() => first.getByTestId('confirm-delete-commitment').count()).toBe(0);
    expect(await rows.count()).toBe(3);
    // Cancel gives focus back to the row's "Delete".
    await expectFocused(first.getByTestId('delete-commitment'));

    // Escape backs out of the confirmation too, to the same place.
    await panel.keyboard.press('Enter');
    await expectFocused(first.getByTestId('cancel-delete-commitment'));
    await panel.keyboard.press('Escape');
    await expect.poll(() => first.getByTestId('confirm-delete-commitment').count()).toBe(0);
    await expectFocused(first.getByTestId('delete-commitment'));
    expect(await rows.count()).toBe(3);

    // Deleting the middle promise: focus goes to the next one's first control.
    const middle = row('Share the case study');
    await press(middle.getByTestId('delete-commitment'));
    await expectFocused(middle.getByTestId('cancel-delete-commitment'));
    await panel.keyboard.press('Shift+Tab');
    await expectFocused(middle.getByTestId('confirm-delete-commitment'));
    await panel.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(2);
    await expectFocused(row('Call about the pilot').getByRole('button', { name: 'Done' }));
    await expect.poll(() => announced(panel)).toBe('Promise deleted.');

    // The last one in the list: focus goes to the previous one.
    const last = row('Call about the pilot');
    await press(last.getByTestId('delete-commitment'));
    await press(last.getByTestId('confirm-delete-commitment'));
    await expect.poll(() => rows.count()).toBe(1);
    await expectFocused(first.getByRole('button', { name: 'Done' }));

    // The only one left: focus goes to the section's heading.
    await press(first.getByTestId('delete-commitment'));
    await press(first.getByTestId('confirm-delete-commitment'));
    await expect.poll(() => rows.count()).toBe(0);
    await expectFocused(panel.getByTestId('commitments').getByRole('heading', { name: 'Commitments', exact: true }));
    await panel.close();
  });

  it('keeps focus on a promise marked done, missed or reopened, and on a promise just added', async () => {
    const panel = await openContact('Jordan Park');
    const rows = panel.getByTestId('commitment');
    await expect.poll(() => rows.count()).toBe(2);
    const plan = rows.filter({ hasText: 'Send the rollout plan' });

    // Done: the row moves below the open one; focus stays with it, on its new first control.
    await press(plan.getByRole('button', { name: 'Done' }));
    await expect.poll(() => plan.getAttribute('data-status')).toBe('done');
    await expectFocused(plan.getByRole('button', { name: 'Reopen' }));
    await expect.poll(() => announced(panel)).toBe('Marked as kept.');
    // Reopen: back to "Done" on the same promise.
    await panel.keyboard.press('Enter');
    await expect.poll(() => plan.getAttribute('data-status')).toBe('open');
    await expectFocused(plan.getByRole('button', { name: 'Done' }));
    await expect.poll(() => announced(panel)).toBe('Reopened.');
    // Missed.
    await press(plan.getByRole('button', { name: 'Missed' }));
    await expect.poll(() => plan.getAttribute('data-status')).toBe('missed');
    await expectFocused(plan.getByRole('button', { name: 'Reopen' }));
    await expect.poll(() => announced(panel)).toBe('Marked as missed.');

    // Add: the form opens on its text field, Escape closes it back to "Add".
    const section = panel.getByTestId('commitments');
    const toggle = section.getByRole('button', { name: 'Add', exact: true });
    await press(toggle);
    const form = panel.getByTestId('add-commitment');
    await expectFocused(form.getByRole('textbox', { name: 'What' }));
    await panel.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
    await expectFocused(toggle);
    // Adding one: announced, and focus on the new promise's first control.
    await press(toggle);
    await expectFocused(form.getByRole('textbox', { name: 'What' }));
    await panel.keyboard.type('Send the signed order form');
    await panel.keyboard.press('Enter');
    const added = rows.filter({ hasText: 'Send the signed order form' });
    await expect.poll(() => added.count()).toBe(1);
    await expectFocused(added.getByRole('button', { name: 'Done' }));
    await expect.poll(() => announced(panel)).toBe('Promise added.');

    // A promise found in a note: adding the last offer moves focus to the Notes heading, and says so.
    await panel.getByLabel('New note').fill("I'll send Jordan the onboarding checklist by Friday.");
    await press(panel.getByRole('button', { name: 'Add note' }));
    const offer = panel.getByTestId('promise-offer');
    await expect.poll(() => offer.count()).toBe(1);
    await press(offer.getByRole('button', { name: 'Add' }));
    await expect.poll(() => offer.count()).toBe(0);
    await expectFocused(panel.getByTestId('notes').getByRole('heading', { name: 'Notes', exact: true }));
    await expect.poll(() => announced(panel)).toBe('Added to the commitments ledger.');
    await panel.close();
  });

  it('names each decline reason by its own label and keeps focus on "Save reasons"', async () => {
    const panel = await openContact('Casey Quinn');
    await panel.getByTestId('decline-reasons').waitFor();
    await panel.getByTestId('decline-stated').selectOption({ label: 'Price' });
    await panel.getByTestId('decline-stated-text').fill('Too expensive');
    // The words typed next to the dropdown are not part of its name.
    expect(await panel.getByRole('combobox', { name: 'Reason they gave', exact: true }).count()).toBe(1);
    expect(await panel.getByRole('combobox', { name: 'The real reason, once you learn it', exact: true }).count()).toBe(1);
    const save = panel.getByTestId('decline-save');
    await press(save);
    await expect.poll(() => panel.getByTestId('decline-status').textContent()).toBe('Saved.');
    await expectFocused(save);
    await panel.close();
  });

  it('opens the follow-up planner on its first field and keeps focus on "Copy and log as sent"', async () => {
    const panel = await openContact('Avery Stone');
    await press(panel.getByTestId('plan-follow-up'));
    const planner = panel.getByTestId('follow-up');
    await expectFocused(planner.getByTestId('value-kind'));
    await planner.getByTestId('value-detail').fill('a checklist for rolling out a CRM in stages');
    const copy = planner.getByTestId('copy-follow-up');
    await press(copy);
    await expect.poll(() => announced(panel)).toBe('Copied and logged as sent.');
    await expect.poll(() => copy.textContent()).toBe('Copied and logged');
    await expectFocused(copy);
    // Pressed again: nothing more is logged, and focus stays where it is.
    expect(await copy.getAttribute('aria-disabled')).toBe('true');
    const logged = panel.locator('[data-testid=history-item][data-kind=follow_up]');
    await expect.poll(() => logged.count()).toBe(1);
    await panel.keyboard.press('Enter');
    await panel.keyboard.press('Space');
    await panel.waitForTimeout(300);
    expect(await logged.count()).toBe(1);
    await expectFocused(copy);
    await panel.close();
  });

  it('mutes from the queue with names that start with the visible words, and moves focus to Undo and back', async () => {
    const panel = await homePanel();
    const queue = panel.getByTestId('unanswered');
    const riley = queue.locator('[data-testid=unanswered-row][data-thread-id=t-riley]');
    await riley.waitFor();
    const muteSender = riley.getByRole('button', { name: 'Mute sender riley@contoso.com', exact: true });
    const muteDomain = riley.getByRole('button', { name: 'Mute domain contoso.com', exact: true });
    expect(await muteSender.count()).toBe(1);
    expect(await muteDomain.count()).toBe(1);

    await press(muteSender);
    await expect.poll(() => riley.count()).toBe(0);
    const undo = queue.getByTestId('undo-mute');
    await expectFocused(undo);
    await expect.poll(() => announced(panel)).toBe('Muted riley@contoso.com.');
    await panel.keyboard.press('Enter');
    await expect.poll(() => riley.count()).toBe(1);
    await expectFocused(muteSender);
    await expect.poll(() => announced(panel)).toBe('Unmuted riley@contoso.com.');

    await press(muteDomain);
    await expect.poll(() => riley.count()).toBe(0);
    await expectFocused(undo);
    await expect.poll(() => announced(panel)).toBe('Muted everyone at contoso.com.');
    await panel.keyboard.press('Enter');
    await expect.poll(() => riley.count()).toBe(1);
    await expectFocused(muteDomain);
    await panel.close();
  });

  it('focuses the reply editor, closes it with Escape, announces the trust band and the used reply', async () => {
    await putRows(s, { settings: [{ key: 'offer', value: offer }], resources });
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    const panel = await openPanel(s, tabId);
    await panel.bringToFront();
    const studio = panel.getByTestId('reply-studio');
    const card = studio.getByTestId('suggestion').first();
    await card.waitFor();
    const edit = card.getByTestId('edit-reply');
    const editor = studio.getByTestId('trust-editor');
    const text = editor.getByTestId('editor-text');

    // Edit: the text is focused; Escape goes back to the suggestions, focus to the card's "Edit".
    await press(edit);
    await expectFocused(text);
    await panel.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await expectFocused(edit);
    // "Back to suggestions" does the same.
    await panel.keyboard.press('Enter');
    await expectFocused(text);
    await press(editor.getByRole('button', { name: 'Back to suggestions' }));
    await expect.poll(() => editor.count()).toBe(0);
    await expectFocused(edit);

    // A stray Escape loses no writing: the card shows the edited version, and Edit goes on from it.
    const original = await card.getByTestId('suggestion-text').textContent();
    await press(edit);
    await expectFocused(text);
    await panel.keyboard.press('Control+End');
    await panel.keyboard.type(' PS: the checklist is attached.');
    await panel.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => card.getByTestId('suggestion-text').textContent()).toBe(`${original} PS: the checklist is attached.`);
    expect(await card.getByTestId('kept-edit').count()).toBe(1);
    await press(edit);
    await expect.poll(() => text.inputValue()).toBe(`${original} PS: the checklist is attached.`);
    // Back to the suggestion's own text: nothing is kept any more.
    await text.fill(original ?? '');
    await panel.keyboard.press('Escape');
    await expect.poll(() => card.getByTestId('kept-edit').count()).toBe(0);
    await expectFocused(edit);

    // A pushy line: the score's new band is read out once typing pauses; the marked-up copy is a named group.
    await press(edit);
    await expectFocused(text);
    const clean = await text.inputValue();
    await text.fill(`${clean}\n\nJust checking in — this offer expires Friday, so let's set up a demo.`);
    await expect.poll(() => announced(panel), { timeout: 5_000 }).toMatch(/^Trust \d+ out of 100, (fair|poor)\./);
    expect(await editor.getByRole('group', { name: 'Your reply with the flagged phrases marked' }).count()).toBe(1);
    await text.fill(clean);
    await expect.poll(() => announced(panel), { timeout: 5_000 }).toMatch(/^Trust 100 out of 100, good\./);

    // Use it: the result is announced, and focus lands on the studio's heading (the studio may have been mounted
    // afresh under the newly saved contact), not on <body>.
    await press(editor.getByTestId('use-edited'));
    await expect.poll(() => studio.getByTestId('use-result').textContent(), { timeout: 10_000 }).toContain("In Gmail's reply box");
    await expect.poll(() => announced(panel)).toContain("In Gmail's reply box");
    expect(await studio.getByTestId('use-result').getAttribute('role')).toBeNull();
    await expectFocused(studio.getByRole('heading', { name: 'Reply studio', exact: true }));
    await page.close();
    await panel.close();
  });
});
