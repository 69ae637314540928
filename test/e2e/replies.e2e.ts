import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailUrl, openPanel, openSitePage, putRows, startSession, type Session } from './harness';

let s: Session;
const FIX = path.join(__dirname, '../fixtures/inquiries');
const offer = JSON.parse(fs.readFileSync(path.join(FIX, 'offer.json'), 'utf8'));
const resources = JSON.parse(fs.readFileSync(path.join(FIX, 'resources.json'), 'utf8'));

beforeAll(async () => {
  s = await startSession();
  await putRows(s, { settings: [{ key: 'offer', value: offer }], resources: Array.isArray(resources) ? resources : resources.resources });
});
afterAll(async () => {
  await s?.close();
});

/** What the clipboard holds, as the rep would paste it into Gmail: pasted into a scratch field of the panel page. */
async function pasted(panel: Page): Promise<string> {
  await panel.evaluate(() => {
    const ta = document.createElement('textarea');
    ta.id = 'paste-check';
    document.body.append(ta);
    ta.focus();
  });
  await panel.keyboard.press('Control+V');
  return panel.locator('#paste-check').inputValue();
}

describe('reply studio', () => {
  it('triages the inquiry, suggests replies, checks an edit for trust, and puts the reply into Gmail', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    const panel = await openPanel(s, tabId);
    const studio = panel.getByTestId('reply-studio');
    await studio.waitFor();
    expect(await studio.getByTestId('triage-intent').inputValue()).toBe('advice');
    expect(await studio.getByTestId('fit-fit').getAttribute('aria-pressed')).toBe('true');
    expect(await studio.getByTestId('fit-reason').textContent()).toBe('Asks about CRM implementation, which you offer.');
    // The reasons shown are about her ask, not about how the text was parsed.
    expect(await studio.getByTestId('triage-why').textContent()).toMatch(/^Why: /);
    expect(await studio.getByTestId('triage-why').textContent()).not.toMatch(/quoted history|written in English/);
    // Her message is the newest: unanswered, so the studio is open and nobody "replied".
    expect(await panel.getByTestId('answered').count()).toBe(0);
    expect(await panel.getByTestId('you-replied').count()).toBe(0);
    const cards = studio.getByTestId('suggestion');
    // The suggestions follow the triage once the library's search index is built (in the background).
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    expect(await cards.count()).toBeLessThanOrEqual(3);
    for (const text of await studio.getByTestId('suggestion-text').allTextContents()) {
      expect(text).toContain('Priya');
      expect(text).not.toMatch(/\{\{|undefined|null/);
      // The header shows "Larkspurdental (from email domain)"; a reply never names a company guessed that way.
      expect(text).not.toContain('Larkspurdental');
    }
    for (const why of await studio.getByTestId('suggestion-why').allTextContents()) expect(why.length).toBeGreaterThan(10);
    const firstText = (await studio.getByTestId('suggestion-text').first().textContent())!;
    expect(firstText).toContain('CRM selection checklist for small B2B teams');
    // She asked two things (a list in her mail): both are quoted back, each on its own line.
    expect(firstText).toContain('You asked:\n> Would you pilot with two or three clinics first, or go all at once?\n> How did you get front-desk staff to actually log calls instead of using sticky notes?');

    // Edit: the suggestion itself is clean; a pushy line is flagged, marked in the text, with why and a better way.
    await cards.first().getByTestId('edit-reply').click();
    const editor = studio.getByTestId('trust-editor');
    expect(await editor.getByTestId('trust-score').textContent()).toBe('Trust 100/100');
    expect(await editor.getByTestId('finding').count()).toBe(0);
    const pushy = `${firstText}\n\nJust checking in — this offer expires Friday, so let's set up a demo.`;
    await editor.getByTestId('editor-text').fill(pushy);
    await expect.poll(() => editor.getByTestId('finding').count()).toBeGreaterThanOrEqual(2);
    const kinds = await editor.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['check_in', 'false_urgency']));
    expect(await editor.locator('[data-testid=flag][data-kind=check_in]').textContent()).toMatch(/checking in/i);
    // From a finding to its fix, by keyboard: moving into it marks its phrase, and its button selects the phrase in
    // the text, so what the rep types replaces it.
    const flag = editor.locator('[data-testid=flag][data-kind=check_in]');
    expect(await flag.getAttribute('class')).not.toContain('active');
    await editor.locator('[data-testid=finding][data-kind=check_in]').getByTestId('select-flag').focus();
    await expect.poll(() => flag.getAttribute('class')).toContain('active');
    // The pointer over another finding marks that one; leaving it gives the mark back to the focused one.
    const urgency = editor.locator('[data-testid=flag][data-kind=false_urgency]');
    await editor.locator('[data-testid=finding][data-kind=false_urgency]').hover();
    await expect.poll(() => urgency.getAttribute('class')).toContain('active');
    expect(await flag.getAttribute('class')).not.toContain('active');
    await editor.getByTestId('trust-score').hover();
    await expect.poll(() => flag.getAttribute('class')).toContain('active');
    expect(await urgency.getAttribute('class')).not.toContain('active');
    await panel.keyboard.press('Enter');
    const selected = await editor.getByTestId('editor-text').evaluate((t: HTMLTextAreaElement) => ({ focused: document.activeElement === t, text: t.value.slice(t.selectionStart, t.selectionEnd) }));
    expect(selected).toEqual({ focused: true, text: (await flag.textContent())! });
    await panel.keyboard.type('Here is the checklist I mentioned');
    await expect.poll(() => editor.locator('[data-testid=finding][data-kind=check_in]').count()).toBe(0);
    expect(await flag.count()).toBe(0);
    expect(Number(/^Trust (\d+)\/100$/.exec((await editor.getByTestId('trust-score').textContent())!)?.[1])).toBeLessThan(100);
    // Back to clean text, then use it.
    await editor.getByTestId('editor-text').fill(firstText);
    await expect.poll(() => editor.getByTestId('finding').count()).toBe(0);
    await editor.getByTestId('use-edited').click();

    // The text is in Gmail's reply box (opened by the extension), as text.
    const box = page.locator('div[g_editable="true"]');
    await expect.poll(() => box.count()).toBe(1);
    await expect.poll(() => box.evaluate((el) => (el as HTMLElement).innerText.replace(/\n+/g, '\n').trim())).toBe(firstText.replace(/\n+/g, '\n').trim());
    expect(await box.locator('a, img, script').count()).toBe(0);
    expect(await studio.getByTestId('use-result').textContent()).toContain("In Gmail's reply box");

    // The contact was saved and the history shows the value given.
    await panel.getByTestId('contact').waitFor();
    await expect.poll(() => panel.locator('[data-testid=history-item][data-kind=value_given]').count()).toBe(1);
    await page.close();
    await panel.close();
  });

  it('triages the whole inquiry when the rep has written the last five messages since', async () => {
    // The ask comes after 200 characters of thanks: only the full body, not the snippet, says what Priya wants.
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-after-own.html'));
    const panel = await openPanel(s, tabId);
    // She has been answered since: the line says so, and the studio waits behind a click instead of inviting a
    // second reply.
    await panel.getByTestId('answered').waitFor();
    expect(await panel.getByTestId('you-replied').textContent()).toMatch(/^ · you replied /);
    expect(await panel.getByTestId('reply-studio').count()).toBe(0);
    await panel.getByTestId('write-another').click();
    const studio = panel.getByTestId('reply-studio');
    await studio.waitFor();
    expect(await studio.getByTestId('triage-intent').inputValue()).toBe('advice');
    expect(await studio.getByTestId('fit-reason').textContent()).toBe('Asks about CRM implementation, which you offer.');
    await page.close();
    await panel.close();
  });

  it('does not suggest a resource already sent to the contact', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    const panel = await openPanel(s, tabId);
    const studio = panel.getByTestId('reply-studio');
    await studio.getByTestId('suggestion').first().waitFor();
    const texts = (await studio.getByTestId('suggestion-text').allTextContents()).join('\n');
    expect(texts).not.toContain('CRM selection checklist for small B2B teams');
    await page.close();
    await panel.close();
  });

  it('answers a direct question: quotes it, and will not use the reply until the rep has written the answer', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('collapsed-thread.html'));
    const panel = await openPanel(s, tabId);
    const studio = panel.getByTestId('reply-studio');
    const first = studio.getByTestId('suggestion').first();
    await first.waitFor();
    expect(await first.getAttribute('data-suggestion-id')).toBe('other-answer');
    const text = (await first.getByTestId('suggestion-text').textContent())!;
    expect(text).toMatch(/> .*does that work for you\?\s+\[your answer\]/i);
    expect(text).not.toMatch(/I appreciate it\.\s+Have a good week/);
    // No way to send it as it is: the card only opens the editor.
    expect(await first.getByTestId('use-reply').count()).toBe(0);
    await first.getByTestId('answer-reply').click();
    const editor = panel.getByTestId('trust-editor');
    expect(await editor.getByTestId('use-edited').isDisabled()).toBe(true);
    expect(await editor.getByTestId('placeholder-hint').textContent()).toContain('[your answer]');
    const draft = await editor.getByTestId('editor-text').inputValue();
    await editor.getByTestId('editor-text').fill(draft.replace('[your answer]', 'Monday at 9 works for us; I will bring the rollout plan.'));
    await expect.poll(() => editor.getByTestId('use-edited').isDisabled()).toBe(false);
    expect(await editor.getByTestId('placeholder-hint').count()).toBe(0);
    await page.close();
    await panel.close();
  });

  it('keeps a one-click triage correction on the thread', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('linked-person.html'));
    let panel = await openPanel(s, tabId);
    let studio = panel.getByTestId('reply-studio');
    await studio.getByTestId('fit-fit').waitFor();
    expect(await studio.getByTestId('fit-fit').getAttribute('aria-pressed')).toBe('true');
    await studio.getByTestId('fit-not_fit').click();
    await expect.poll(() => studio.getByTestId('fit-reason').textContent()).toBe('You marked it “not a fit”.');
    const NOT_OUR_WORK = /I don't do|isn't something I do|isn't my area|outside what I do/;
    // Not a fit → resource replies: plainly not something we do, no pitch, no meeting ask. The suggestions follow the
    // triage once the library is indexed: wait until the first one says so, then check every one of them.
    await expect.poll(() => studio.getByTestId('suggestion-text').first().textContent()).toMatch(NOT_OUR_WORK);
    const texts = await studio.getByTestId('suggestion-text').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).toMatch(NOT_OUR_WORK);
      expect(t).not.toMatch(/\b(demo|call|meeting|our services|pricing)\b/i);
    }
    await panel.close();
    panel = await openPanel(s, tabId);
    studio = panel.getByTestId('reply-studio');
    await studio.getByTestId('fit-not_fit').waitFor();
    expect(await studio.getByTestId('fit-not_fit').getAttribute('aria-pressed')).toBe('true');
    await page.close();
    await panel.close();
  });

  it('shows the stall questions and the stated decline reason', async () => {
    const stall = await openSitePage(s, gmailUrl('stall.html'));
    let panel = await openPanel(s, stall.tabId);
    // The rep's follow-up is the thread's last message: the questions are one click away.
    await panel.getByTestId('write-another').click();
    let studio = panel.getByTestId('reply-studio');
    await studio.getByTestId('suggestion').first().waitFor();
    expect(await studio.getByTestId('triage-intent').inputValue()).toBe('stall');
    const stallText = (await studio.getByTestId('suggestion-text').allTextContents()).join('\n');
    expect(stallText).toMatch(/someone else|holding|schedule/i);
    // Her latest message asks something: each card quotes it first and waits for the rep's answer under it.
    expect(stallText).toMatch(/^You asked:\n> [^\n]+\?\n\n\[your answer\]$/m);
    expect(await studio.getByTestId('use-reply').count()).toBe(0);
    await panel.close();
    const decline = await openSitePage(s, gmailUrl('decline.html'));
    panel = await openPanel(s, decline.tabId);
    studio = panel.getByTestId('reply-studio');
    await studio.getByTestId('triage-decline').waitFor();
    expect(await studio.getByTestId('triage-decline').inputValue()).toBe('price');
    // Shown in words, as on the contact's decline form.
    expect(await studio.getByTestId('triage-decline').locator('option').allTextContents()).toEqual(['Price', 'Budget', 'Current vendor', 'Timing', 'No need', 'Not their call', 'Other']);
    await panel.close();
    await stall.page.close();
    await decline.page.close();
  });

  it('falls back to the clipboard when Gmail has no reply box', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('locale-es.html'));
    // No Reply control on the page: the extension cannot open a reply box. (Wait for the shell to have swapped the
    // thread in: the first snapshot can come from its loading screen.)
    await page.locator('.ams.bkH').first().waitFor();
    await page.evaluate(() => document.querySelectorAll('.ams').forEach((e) => e.remove()));
    const panel = await openPanel(s, tabId);
    const studio = panel.getByTestId('reply-studio');
    // Read it before using it: once used, its resources count as sent and the suggestions move on.
    const expected = await studio.getByTestId('suggestion-text').first().textContent();
    await studio.getByTestId('use-reply').first().click();
    await expect.poll(() => studio.getByTestId('use-result').textContent()).toContain('on your clipboard');
    expect(await pasted(panel)).toBe(expected);
    await page.close();
    await panel.close();
  });

  it('never puts a reply into another conversation: Gmail moved on before the panel heard of it', async () => {
    const { page, tabId } = await openSitePage(s, gmailUrl('inquiry-simple.html'));
    const panel = await openPanel(s, tabId);
    const studio = panel.getByTestId('reply-studio');
    await studio.getByTestId('suggestion').first().waitFor();
    const expected = await studio.getByTestId('suggestion-text').first().textContent();
    // The page now shows another thread id, a change the content script only learns of by reading the page again
    // (its watcher does not listen for this attribute): the panel still has the old thread, as in the moment after
    // the rep clicks another conversation.
    const subject = page.locator('h2.hP').first();
    expect(await subject.getAttribute('data-legacy-thread-id')).toBeTruthy();
    await subject.evaluate((h) => h.setAttribute('data-legacy-thread-id', '19ffffffffffffff'));
    await studio.getByTestId('use-reply').first().click();
    await expect.poll(() => studio.getByTestId('use-result').textContent()).toContain('Gmail shows another conversation now');
    expect(await studio.getByTestId('use-result').textContent()).toContain('“Re: Advice on rolling out a CRM across 14 clinics”');
    // Nothing was opened or typed in Gmail; the reply is on the clipboard.
    expect(await page.locator('div[g_editable="true"]').count()).toBe(0);
    expect(await pasted(panel)).toBe(expected);
    await page.close();
    await panel.close();
  });

  it('explains why on-device AI polish is unavailable, and uses the model when Chrome has it', async () => {
    await putRows(s, { settings: [{ key: 'settings', value: { ownEmails: [], theme: 'system', muted: [], dormantDays: 30, maxUnansweredFollowUps: 3, aiPolish: true, onboardingDismissed: false } }] });
    const { page, tabId } = await openSitePage(s, gmailUrl('linked-person.html'));
    let panel = await openPanel(s, tabId);
    await panel.getByTestId('edit-reply').first().click();
    await expect.poll(() => panel.getByTestId('polish-why').textContent()).toMatch(/built-in AI|on-device model/);
    expect(await panel.getByTestId('polish').isDisabled()).toBe(true);
    await panel.close();
    // A fake on-device model (the adapter's contract), installed before the panel's scripts run.
    panel = await s.context.newPage();
    await panel.addInitScript(() => {
      const w = globalThis as unknown as { LanguageModel: unknown; __modelState: string; __sessions: number };
      w.__modelState = 'available';
      w.__sessions = 0;
      w.LanguageModel = {
        availability: async () => w.__modelState,
        create: async () => {
          w.__sessions++;
          // Windows line breaks, as a model may answer: the trust check's positions must still be the field's.
          return { prompt: async (t: string) => `${t.trim()}\r\n\r\nJust checking in on this.\r\n(polished)`, destroy() {} };
        },
      };
    });
    await panel.goto(`chrome-extension://${s.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.getByTestId('edit-reply').first().click();
    await panel.getByTestId('polish').click();
    await expect.poll(() => panel.getByTestId('editor-text').inputValue()).toMatch(/\(polished\)$/);
    await panel.locator('[data-testid=finding][data-kind=check_in]').getByTestId('select-flag').click();
    const picked = await panel.getByTestId('editor-text').evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
    expect(picked).toBe(await panel.locator('[data-testid=flag][data-kind=check_in]').textContent());
    expect(picked).toMatch(/checking in/i);
    // Chrome drops the model while the panel is open: the next polish must not create a session (that would make
    // Chrome download the model), and the button now says why it is off.
    await panel.evaluate(() => ((globalThis as unknown as { __modelState: string }).__modelState = 'downloadable'));
    await panel.getByTestId('polish').click();
    await expect.poll(() => panel.getByTestId('polish-why').textContent()).toMatch(/isn't downloaded yet/);
    expect(await panel.getByTestId('polish').isDisabled()).toBe(true);
    expect(await panel.evaluate(() => (globalThis as unknown as { __sessions: number }).__sessions)).toBe(1);
    await page.close();
    await panel.close();
  });
});

describe('reply studio with a large library', () => {
  let big: Session;
  beforeAll(async () => {
    big = await startSession();
    const fixture = Array.isArray(resources) ? resources : resources.resources;
    // 200 newer resources on another topic: the library (newest first) is indexed over several tasks, and the
    // resource that answers the inquiry is only in the last of them.
    const filler = Array.from({ length: 200 }, (_, i) => ({
      id: `freight-${i}`,
      title: `Freight quoting guide, part ${i + 1}`,
      url: `https://guides.example.com/freight-${i}`,
      summary: 'How to quote less-than-truckload freight, step by step.',
      tags: ['logistics', 'freight'],
      kind: 'article',
      createdAt: 1_900_000_000_000 + i,
      updatedAt: 1_900_000_000_000 + i,
    }));
    await putRows(big, { settings: [{ key: 'offer', value: offer }], resources: [...filler, ...fixture] });
  });
  afterAll(async () => {
    await big?.close();
  });

  it('still suggests the resource that answers the inquiry', async () => {
    const { page, tabId } = await openSitePage(big, gmailUrl('inquiry-simple.html'));
    const panel = await openPanel(big, tabId);
    const studio = panel.getByTestId('reply-studio');
    await studio.getByTestId('suggestion').first().waitFor();
    expect(await studio.getByTestId('triage-intent').inputValue()).toBe('advice');
    const texts = (await studio.getByTestId('suggestion-text').allTextContents()).join('\n');
    expect(texts).toContain('CRM selection checklist for small B2B teams');
    expect(texts).not.toContain('Freight quoting guide');
    await page.close();
    await panel.close();
  });
});
