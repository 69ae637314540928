import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED_LINKEDIN, openPanel, openSitePage, startSession, tabIdOf, waitForSnapshot, type Session } from './harness';

let s: Session;
beforeAll(async () => {
  s = await startSession();
});
afterAll(async () => {
  await s?.close();
});

const AMARA = 'https://www.linkedin.com/in/amara-okonkwo-lindqvist-4b1a2c/';

describe('LinkedIn profile → side panel', () => {
  it('shows the person from a newer (hashed-class) layout page, and saves them with a visit in history', async () => {
    const { page, tabId } = await openSitePage(s, AMARA);
    const panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Amara Okonkwo-Lindqvist');
    expect(await panel.getByTestId('contact-headline').textContent()).toBe('Head of Revenue Operations | B2B SaaS | Building calm, predictable pipelines');
    expect(await panel.getByTestId('contact-role').textContent()).toBe('Head of Revenue Operations · Norrsken Analytics');
    expect(await panel.getByTestId('contact-location').textContent()).toBe('Stockholm, Stockholm County, Sweden');
    expect(await panel.getByTestId('contact-url').textContent()).toBe(AMARA);

    await panel.getByTestId('save-contact').click();
    await panel.getByTestId('contact').waitFor();
    await expect.poll(() => panel.locator('[data-testid=history-item][data-kind=profile_visit]').count()).toBe(1);
    expect(await panel.getByText('Saved', { exact: true }).count()).toBe(1);
    await page.close();
    await panel.close();
  });

  it('never changes the LinkedIn page (nothing injected)', async () => {
    const page = await s.context.newPage();
    // Records every DOM mutation once parsing is done (content scripts run after that, at document_idle). The
    // fixture has no scripts of its own, so any mutation would be the extension's.
    await page.addInitScript(() => {
      const w = window as unknown as { __mutations: number };
      w.__mutations = -1;
      document.addEventListener('DOMContentLoaded', () => {
        w.__mutations = 0;
        new MutationObserver((records) => (w.__mutations += records.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    await page.goto(AMARA);
    // This tab's content script has read the page and reported it (so "no mutations" means it read without writing).
    await waitForSnapshot(s, await tabIdOf(s, page));
    const injected = () =>
      page.evaluate(() => ({
        mutations: (window as unknown as { __mutations: number }).__mutations,
        shadowHosts: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length,
        extensionNodes: document.querySelectorAll('[id*=resourceful i], [class*=resourceful i], iframe[src^="chrome-extension:"]').length,
      }));
    expect(await injected()).toEqual({ mutations: 0, shadowHosts: 0, extensionNodes: 0 });
    // A popstate, as in-app navigation fires: still nothing written.
    await page.evaluate(() => window.dispatchEvent(new Event('popstate')));
    await page.waitForTimeout(400);
    expect(await injected()).toEqual({ mutations: 0, shadowHosts: 0, extensionNodes: 0 });
    await page.close();
  });

  it('never tells the page it is there (no window message names the extension)', async () => {
    for (const url of [AMARA, 'https://mail.google.com/mail/u/0/#inbox']) {
      const page = await s.context.newPage();
      // A page script listening for every window message, as a site probing for extensions would.
      await page.addInitScript(() => {
        const w = window as unknown as { __messages: string[] };
        w.__messages = [];
        window.addEventListener('message', (e) => w.__messages.push(JSON.stringify(e.data) ?? String(e.data)));
      });
      await page.goto(url);
      await waitForSnapshot(s, await tabIdOf(s, page));
      await page.evaluate(() => window.dispatchEvent(new Event('popstate')));
      await page.waitForTimeout(300);
      const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
      expect(messages.filter((m) => m.includes(s.extensionId) || /content-script-started/.test(m)), url).toEqual([]);
      await page.close();
    }
  });

  it('says it cannot read a broken profile page and offers to add the person by hand', async () => {
    const { page, tabId } = await openSitePage(s, 'https://www.linkedin.com/in/no-such-fixture-person/');
    const panel = await openPanel(s, tabId);
    await expect.poll(() => panel.getByTestId('state-error').textContent()).toContain("Couldn't read this page");
    await panel.getByTestId('manual-add').getByLabel('Name').fill('Nadia Ferreira');
    await panel.getByTestId('manual-add').getByLabel('Email').fill('nadia@ferreira-design.pt');
    // The page's profile goes with her, so the next visit finds her.
    expect(await panel.getByTestId('manual-profile').textContent()).toBe('LinkedIn profile: linkedin.com/in/no-such-fixture-person/ (will be linked)');
    await panel.getByTestId('manual-add').getByRole('button', { name: 'Save contact' }).click();
    // Saving opens her contact instead of folding the form back under the same error.
    await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Nadia Ferreira');
    const id = await s.worker.evaluate(async () => {
      // Read through the extension's own database, as the panel does.
      const req = indexedDB.open('resourceful');
      const db: IDBDatabase = await new Promise((res, rej) => ((req.onsuccess = () => res(req.result)), (req.onerror = () => rej(req.error))));
      const all: { name: string; emails: string[]; company: string | null; linkedinSlugs: string[] }[] = await new Promise((res) => {
        const r = db.transaction('contacts').objectStore('contacts').getAll();
        r.onsuccess = () => res(r.result);
      });
      db.close();
      return all.find((c) => c.name === 'Nadia Ferreira') ?? null;
    });
    expect(id).toMatchObject({ emails: ['nadia@ferreira-design.pt'], company: 'Ferreira Design', linkedinSlugs: ['no-such-fixture-person'] });
    await page.close();
    await panel.close();
  });

  describe.skipIf(!HAS_SHARED_LINKEDIN)('real 2024 pages from ../shared/fixtures/linkedin', () => {
    it('shows Meera Lakshmi Venkatesan from profile-2024-2 with the role inside a grouped company entry', async () => {
      const { page, tabId } = await openSitePage(s, 'https://www.linkedin.com/in/meera-lakshmi-venkatesan-7c41d9b2/');
      const panel = await openPanel(s, tabId);
      await expect.poll(() => panel.getByTestId('contact-name').textContent()).toBe('Meera Lakshmi Venkatesan');
      expect(await panel.getByTestId('contact-headline').textContent()).toBe('SAFe certified Scrum Master @ Kustbanken | Pega Lead System Architect');
      expect(await panel.getByTestId('contact-role').textContent()).toBe('Scrum Master - Software Engineer · Kustbanken');
      expect(await panel.getByTestId('contact-location').textContent()).toBe('Uppsala, Uppsala County, Sweden');
      await page.close();
      await panel.close();
    });
  });
});

if (!HAS_SHARED_LINKEDIN) console.warn('[e2e] ../shared/fixtures/linkedin is absent: the real-page LinkedIn e2e test is skipped.');
