import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { note } from '../backup/fixture';
import { readStore, startSession, type Session } from './harness';
import { contactRow, seedDb } from './seed';

// Each test gets its own browser profile: the library's exact contents (and the exported file) depend on it.
let s: Session;
let pages: { page: Page; urls: string[] }[] = [];
beforeEach(async () => {
  s = await startSession();
  pages = [];
});
afterEach(async () => {
  // Nothing the options page did went over the network: only extension, blob (export) and data URLs.
  for (const { urls } of pages) {
    expect(urls.filter((u) => u.endsWith('/options.html')).length).toBeGreaterThan(0); // the listener did listen
    expect(urls.filter((u) => !/^(chrome-extension|blob|data):/.test(u))).toEqual([]);
  }
  expect(s.requests).toEqual([]);
  await s?.close();
});

async function openOptions(viewport = { width: 1000, height: 900 }): Promise<Page> {
  const page = await s.context.newPage();
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  pages.push({ page, urls });
  await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  await page.getByTestId('resource-library').waitFor();
  return page;
}


/** Writes contacts and "resource X went to contact Y" rows, as the side panel does when a reply gives resources. */
async function seedSends(page: Page, contacts: { id: string; name: string }[], sends: { contactId: string; title: string; at: number }[]): Promise<void> {
  await page.evaluate(
    async ({ contacts, sends }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('resourceful');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction(['contacts', 'resources', 'resourceSends'], 'readwrite');
      const all = await new Promise<{ id: string; title: string }[]>((resolve) => {
        const r = tx.objectStore('resources').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      for (const c of contacts) tx.objectStore('contacts').put({ ...c, emails: [], linkedinSlugs: [], nameTokens: [], tags: [], updatedAt: 0, lastInteractionAt: null });
      for (const x of sends) {
        const resourceId = all.find((r) => r.title === x.title)!.id;
        tx.objectStore('resourceSends').put({ id: `${x.contactId}|${resourceId}|${x.at}`, contactId: x.contactId, resourceId, at: x.at, threadId: null });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { contacts, sends },
  );
}

const cards = (page: Page) => page.getByTestId('resource');
const titles = (page: Page) => page.getByTestId('resource-title').allTextContents();
const card = (page: Page, title: string) => cards(page).filter({ has: page.getByTestId('resource-title').getByText(title, { exact: true }) });

/** The text of an element, or null when there is none (without Playwright's wait for it to appear). */
async function textOrNull(page: Page, testId: string): Promise<string | null> {
  const loc = page.getByTestId(testId);
  return (await loc.count()) ? loc.textContent() : null;
}

async function importBuffer(page: Page, name: string, mimeType: string, text: string): Promise<void> {
  const before = await textOrNull(page, 'import-summary');
  await page.getByTestId('resource-import').setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
  // Each import replaces the report; wait for this one.
  await expect.poll(() => textOrNull(page, 'import-summary')).not.toBe(before);
}

describe('options page: offer profile', () => {
  it('explains that it is optional, saves a cleaned profile and keeps it after a reload', async () => {
    const page = await openOptions();
    const form = page.getByRole('form', { name: 'Offer profile' });
    expect(await page.getByTestId('offer-empty').textContent()).toContain('Until you say what you offer and what you don\'t, each inquiry\'s fit shows as “unknown”');

    // A name alone does not let fit be judged: the explanation stays.
    await form.getByLabel('Your name').fill('  Alex   Rivera ');
    await form.getByRole('button', { name: 'Save offer profile' }).click();
    await expect.poll(() => page.getByTestId('offer-status').textContent()).toBe('Saved.');
    expect(await form.getByLabel('Your name').inputValue()).toBe('Alex Rivera');
    // Judged from what was stored: after a reload the form and the explanation come from the same stored profile.
    await page.reload();
    await expect.poll(() => form.getByLabel('Your name').inputValue()).toBe('Alex Rivera');
    expect(await page.getByTestId('offer-empty').count()).toBe(1);

    await form.getByLabel('Company').fill('Brightpath');
    expect(await page.getByTestId('offer-status').textContent()).toBe('');
    // Anchored: "Your name (for sign-offs)" contains "sign-off" too (and a filled text area's value is part of its name).
    await form.getByLabel(/^Sign-off/).fill('Best,\nAlex');
    await form.getByLabel('What you offer (one per line)').fill('CRM implementation for small teams\n\n  Sales training\nsales training\n');
    await form.getByLabel("What you don't offer (one per line)").fill('Web design\nPaid ads management');
    await form.getByLabel('Who you serve').fill('B2B teams of 5–50 people in Europe');
    await form.getByRole('button', { name: 'Save offer profile' }).click();
    await expect.poll(() => page.getByTestId('offer-status').textContent()).toBe('Saved.');
    await expect.poll(() => page.getByTestId('offer-empty').count()).toBe(0);

    const expected = {
      name: 'Alex Rivera',
      signOff: 'Best,\nAlex',
      company: 'Brightpath',
      offers: ['CRM implementation for small teams', 'Sales training'],
      doesNotOffer: ['Web design', 'Paid ads management'],
      serves: 'B2B teams of 5–50 people in Europe',
    };
    expect(await readStore(page, 'settings')).toEqual([{ key: 'offer', value: expected }]);

    await page.reload();
    const again = page.getByRole('form', { name: 'Offer profile' });
    await again.waitFor();
    expect(await again.getByLabel('Your name').inputValue()).toBe('Alex Rivera');
    expect(await again.getByLabel('Company').inputValue()).toBe('Brightpath');
    expect(await again.getByLabel(/^Sign-off/).inputValue()).toBe('Best,\nAlex');
    expect(await again.getByLabel('What you offer (one per line)').inputValue()).toBe('CRM implementation for small teams\nSales training');
    expect(await again.getByLabel("What you don't offer (one per line)").inputValue()).toBe('Web design\nPaid ads management');
    expect(await again.getByLabel('Who you serve').inputValue()).toBe('B2B teams of 5–50 people in Europe');
    expect(await page.getByTestId('offer-empty').count()).toBe(0);
  });
});

describe('options page: resource library', () => {
  it('adds, edits and deletes a resource', async () => {
    const page = await openOptions();
    expect(await page.getByTestId('state-empty').textContent()).toContain('No resources yet');

    await page.getByRole('button', { name: 'New resource' }).click();
    const add = page.getByTestId('resource-add-form');
    await add.getByLabel('Title').fill('CRM rollout checklist');
    await add.getByLabel('Link').fill('example.com/crm-checklist');
    await add.getByLabel('Summary').fill('Twelve steps for a CRM rollout across several sites.');
    await add.getByLabel('Kind').selectOption('checklist');
    await add.getByLabel('Tags').fill('CRM, Onboarding, crm');
    await add.getByRole('button', { name: 'Add resource' }).click();
    await expect.poll(() => page.getByTestId('resource-added').textContent()).toBe('Added “CRM rollout checklist” to your library.');
    expect(await add.count()).toBe(0);
    expect(await cards(page).count()).toBe(1);
    const c = card(page, 'CRM rollout checklist');
    expect(await c.getByTestId('resource-title').getAttribute('href')).toBe('https://example.com/crm-checklist');
    expect(await c.getByTestId('resource-title').getAttribute('target')).toBe('_blank');
    expect(await c.getByTestId('resource-title').getAttribute('rel')).toBe('noopener noreferrer');
    expect(await c.getByTestId('resource-kind').textContent()).toBe('Checklist');
    expect(await c.getByTestId('resource-summary').textContent()).toBe('Twelve steps for a CRM rollout across several sites.');
    expect(await c.getByTestId('resource-tag').allTextContents()).toEqual(['crm', 'onboarding']);
    expect(await c.getByTestId('resource-sent').textContent()).toBe('Not sent to anyone yet');
    expect(await page.getByTestId('resource-count').textContent()).toBe('1 resource');

    // The same title and link again is refused; so is a link that would run script.
    await page.getByRole('button', { name: 'New resource' }).click();
    await add.getByLabel('Title').fill('crm rollout CHECKLIST');
    await add.getByLabel('Link').fill('https://example.com/crm-checklist');
    await add.getByRole('button', { name: 'Add resource' }).click();
    await expect.poll(() => add.getByRole('alert').textContent()).toBe('“CRM rollout checklist” with that link is already in your library.');
    await add.getByLabel('Link').fill('javascript:alert(1)');
    await add.getByRole('button', { name: 'Add resource' }).click();
    await expect.poll(() => add.getByRole('alert').textContent()).toBe('Links must start with https://, http:// or mailto: (got javascript:).');
    await add.getByRole('button', { name: 'Cancel' }).click();
    expect(await cards(page).count()).toBe(1);

    // Edit: the form opens filled in; Escape leaves without saving.
    await page.getByRole('button', { name: 'Edit CRM rollout checklist' }).click();
    const edit = page.getByTestId('resource-edit-form');
    expect(await edit.getByLabel('Title').inputValue()).toBe('CRM rollout checklist');
    expect(await edit.getByLabel('Tags').inputValue()).toBe('crm, onboarding');
    await edit.getByLabel('Title').fill('Discarded');
    await page.keyboard.press('Escape');
    expect(await edit.count()).toBe(0);
    expect(await titles(page)).toEqual(['CRM rollout checklist']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit CRM rollout checklist');

    await page.getByRole('button', { name: 'Edit CRM rollout checklist' }).click();
    await edit.getByLabel('Title').fill('CRM rollout template (14 clinics)');
    await edit.getByLabel('Link').fill('');
    await edit.getByLabel('Kind').selectOption('template');
    await edit.getByLabel('Tags').fill('crm; dental');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => titles(page)).toEqual(['CRM rollout template (14 clinics)']);
    const e = card(page, 'CRM rollout template (14 clinics)');
    expect(await e.getByTestId('resource-title').evaluate((el) => el.tagName)).toBe('SPAN');
    expect(await e.getByTestId('resource-kind').textContent()).toBe('Template');
    expect(await e.getByTestId('resource-tag').allTextContents()).toEqual(['crm', 'dental']);
    expect(await e.getByTestId('resource-summary').textContent()).toBe('Twelve steps for a CRM rollout across several sites.');
    const stored = (await readStore(page, 'resources')) as { title: string; url: string | null; kind: string; tags: string[]; createdAt: number; updatedAt: number }[];
    expect(stored.map((r) => [r.title, r.url, r.kind, r.tags])).toEqual([['CRM rollout template (14 clinics)', null, 'template', ['crm', 'dental']]]);
    expect(stored[0]!.updatedAt).toBeGreaterThan(stored[0]!.createdAt);

    // Delete asks first; Cancel (focused, so a stray Enter is harmless) keeps it.
    await page.getByRole('button', { name: 'Delete CRM rollout template (14 clinics)' }).click();
    expect(await page.getByTestId('confirm-delete').locator('span').textContent()).toBe('Delete “CRM rollout template (14 clinics)”?');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('confirm-delete').count()).toBe(0);
    expect(await cards(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete CRM rollout template (14 clinics)' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => cards(page).count()).toBe(0);
    expect(await readStore(page, 'resources')).toEqual([]);
    expect(await page.getByTestId('state-empty').textContent()).toContain('No resources yet');
  });

  it('imports a CSV file and a JSON file, reports bad rows, merges on re-import, filters, and shows who got what', async () => {
    const dialogs: string[] = [];
    s.context.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const page = await openOptions();
    const csv =
      '\uFEFF' +
      [
        'Kind,Tags,Title,URL,Summary,Owner',
        'checklist,CRM;Dental,"Rollout checklist, 14 clinics",example.com/rollout,"Twelve steps.\r\nStart with ""one"" clinic."',
        'Video,pricing,Pricing talk,https://example.com/talk,A recorded talk',
        'tool,,,https://example.com/no-title,Missing its title',
        'article,,Sneaky,javascript:alert(1),Never a link',
        'person,intro;uk,<img src=x onerror=alert(1)>,mailto:eve@example.com,',
      ].join('\r\n') +
      '\r\n';
    await importBuffer(page, 'library.csv', 'text/csv', csv);
    expect(await page.getByTestId('import-summary').textContent()).toBe('Imported “library.csv”: 3 added, 0 updated, 0 already in the library.');
    expect(await page.getByTestId('import-errors').locator('li').allTextContents()).toEqual([
      'Row 1: ignored unknown column "Owner"',
      'Row 3: unknown kind "Video", imported as article',
      'Row 4: title is missing',
      'Row 5: links must start with https://, http:// or mailto: (got javascript:)',
    ]);
    await expect.poll(() => cards(page).count()).toBe(3);
    // One import, one timestamp: the list is alphabetical among equals.
    expect(await titles(page)).toEqual(['<img src=x onerror=alert(1)>', 'Pricing talk', 'Rollout checklist, 14 clinics']);
    const rollout = card(page, 'Rollout checklist, 14 clinics');
    expect(await rollout.getByTestId('resource-summary').textContent()).toBe('Twelve steps.\nStart with "one" clinic.');
    expect(await rollout.getByTestId('resource-title').getAttribute('href')).toBe('https://example.com/rollout');
    expect(await rollout.getByTestId('resource-tag').allTextContents()).toEqual(['crm', 'dental']);
    expect(await card(page, 'Pricing talk').getByTestId('resource-kind').textContent()).toBe('Article');
    const eve = card(page, '<img src=x onerror=alert(1)>');
    expect(await eve.getByTestId('resource-kind').textContent()).toBe('Person to introduce');
    expect(await eve.getByTestId('resource-title').getAttribute('href')).toBe('mailto:eve@example.com');
    // Hostile text is text: no element came out of it, and nothing ran.
    expect(await page.locator('#root :is(img, script, svg, iframe, object, embed)').count()).toBe(0);

    // The same file again adds nothing.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await importBuffer(page, 'library.csv', 'text/csv', csv);
    expect(await page.getByTestId('import-summary').textContent()).toBe('Imported “library.csv”: 0 added, 0 updated, 3 already in the library.');
    expect(await cards(page).count()).toBe(3);

    const json = JSON.stringify({
      version: 1,
      resources: [
        { title: 'pricing talk', url: 'https://EXAMPLE.com/talk', summary: '', tags: ['Webinar'], kind: 'article' },
        { title: 'Discovery questions', url: null, summary: 'Five questions that find the real reason.', tags: ['stall'], kind: 'template' },
        { title: 'Rollout checklist, 14 clinics', url: 'https://example.com/rollout', summary: 'Twelve steps.\nStart with "one" clinic.', tags: ['crm', 'dental'], kind: 'checklist' },
      ],
    });
    await importBuffer(page, 'more.json', 'application/json', json);
    expect(await page.getByTestId('import-summary').textContent()).toBe('Imported “more.json”: 1 added, 1 updated, 1 already in the library.');
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    await expect.poll(() => cards(page).count()).toBe(4);
    const pricing = card(page, 'Pricing talk');
    expect(await pricing.getByTestId('resource-tag').allTextContents()).toEqual(['pricing', 'webinar']);
    expect(await pricing.getByTestId('resource-summary').textContent()).toBe('A recorded talk');
    expect(await card(page, 'Discovery questions').getByTestId('resource-kind').textContent()).toBe('Template');

    // A file that is not JSON at all is refused, says why in a sentence, and changes nothing.
    await importBuffer(page, 'broken.json', 'application/json', '{ "version": 1, ');
    expect(await page.getByTestId('import-summary').textContent()).toBe('Could not import “broken.json”.');
    expect(await page.getByTestId('import-reason').textContent()).toBe('The file is not valid JSON.');
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    expect(await page.getByTestId('import-result').getAttribute('class')).toContain('state-error');
    expect(await cards(page).count()).toBe(4);

    // JSON that is no resource list, and a spreadsheet of something else: no "Imported" headline, no JSON jargon.
    const notResources = "This isn't a Resourceful resource file. Use a file made with Export JSON or Export CSV, or a CSV whose first row names a title column.";
    await importBuffer(page, 'oops.json', 'application/json', JSON.stringify({ name: 'Dana', items: [1, 2] }));
    expect(await page.getByTestId('import-summary').textContent()).toBe('Could not import “oops.json”.');
    expect(await page.getByTestId('import-reason').textContent()).toBe(notResources);
    expect(await page.getByTestId('import-result').getAttribute('class')).toContain('state-error');
    await importBuffer(page, 'contacts.csv', 'text/csv', 'Email,Phone\r\ndana@northwind.com,555 0100\r\n');
    expect(await page.getByTestId('import-summary').textContent()).toBe('Could not import “contacts.csv”.');
    expect(await page.getByTestId('import-reason').textContent()).toBe(notResources);
    // A full backup picked here is sent to the section that restores it.
    await importBuffer(page, 'resourceful-backup.json', 'application/json', JSON.stringify({ format: 'resourceful-backup', version: 2, tables: { resources: [] } }));
    expect(await page.getByTestId('import-summary').textContent()).toBe('Could not import “resourceful-backup.json”.');
    expect(await page.getByTestId('import-reason').textContent()).toBe(
      'This is a full Resourceful backup, not a resource file. Restore it under “Backup and restore”, or use a file made with Export JSON.',
    );
    // Every row refused: nothing imported, each row's reason listed.
    await importBuffer(page, 'untitled.csv', 'text/csv', 'title,url\r\n,https://example.com/a\r\nSneaky,javascript:alert(1)\r\n');
    expect(await page.getByTestId('import-summary').textContent()).toBe('Could not import “untitled.csv”.');
    expect(await page.getByTestId('import-errors').locator('li').allTextContents()).toEqual([
      'Row 2: title is missing',
      'Row 3: links must start with https://, http:// or mailto: (got javascript:)',
    ]);
    // An export of an empty library is no error, and no import either.
    await importBuffer(page, 'empty.json', 'application/json', JSON.stringify({ version: 1, resources: [] }));
    expect(await page.getByTestId('import-summary').textContent()).toBe('Nothing to import: “empty.json” lists no resources.');
    expect(await page.getByTestId('import-result').getAttribute('class')).toContain('state-info');
    expect(await page.getByTestId('import-reason').count()).toBe(0);
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    expect(await cards(page).count()).toBe(4);

    // Search and tag filter.
    await page.getByLabel('Search resources').fill('clinic');
    await expect.poll(() => titles(page)).toEqual(['Rollout checklist, 14 clinics']);
    expect(await page.getByTestId('resource-count').textContent()).toBe('Showing 1 of 4');
    await page.getByLabel('Search resources').fill('');
    expect(await page.getByLabel('Tag', { exact: true }).locator('option').allTextContents()).toEqual(['All tags', 'crm', 'dental', 'intro', 'pricing', 'stall', 'uk', 'webinar']);
    await page.getByLabel('Tag', { exact: true }).selectOption('stall');
    await expect.poll(() => titles(page)).toEqual(['Discovery questions']);
    await page.getByLabel('Search resources').fill('nothing like this');
    await expect.poll(() => page.getByTestId('state-empty').textContent()).toContain('Nothing matches');
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => cards(page).count()).toBe(4);

    // Who got what: two contacts got the pricing talk (one of them twice), nobody got the checklist.
    const at1 = Date.UTC(2026, 10, 2, 10);
    const at2 = Date.UTC(2026, 10, 9, 10);
    const at3 = Date.UTC(2026, 10, 12, 10);
    await seedSends(
      page,
      [
        { id: 'c-dana', name: 'Dana Whitfield' },
        { id: 'c-priya', name: 'Priya Natarajan' },
      ],
      [
        { contactId: 'c-dana', title: 'Pricing talk', at: at1 },
        { contactId: 'c-priya', title: 'Pricing talk', at: at2 },
        { contactId: 'c-dana', title: 'Pricing talk', at: at3 },
        { contactId: 'c-priya', title: 'Discovery questions', at: at2 },
      ],
    );
    await page.reload();
    await expect.poll(() => card(page, 'Pricing talk').getByTestId('resource-sent').textContent()).toBe('Sent to 2 contacts');
    expect(await card(page, 'Discovery questions').getByTestId('resource-sent').textContent()).toBe('Sent to 1 contact');
    expect(await card(page, 'Rollout checklist, 14 clinics').getByTestId('resource-sent').textContent()).toBe('Not sent to anyone yet');
    await card(page, 'Pricing talk').getByTestId('resource-sent').click();
    const day = (t: number) => page.evaluate((x) => new Date(x).toLocaleDateString(), t);
    await expect
      .poll(() => card(page, 'Pricing talk').getByTestId('resource-recipients').locator('li').allTextContents())
      .toEqual([`Dana Whitfield, ${await day(at3)}`, `Priya Natarajan, ${await day(at2)}`, `Dana Whitfield, ${await day(at1)}`]);

    // Deleting it says what else goes, and takes its sends with it.
    await page.getByRole('button', { name: 'Delete Pricing talk' }).click();
    expect(await page.getByTestId('confirm-delete').locator('span').textContent()).toBe('Delete “Pricing talk”? The record of the 2 contacts who got it goes too.');
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => cards(page).count()).toBe(3);
    const sends = (await readStore(page, 'resourceSends')) as { contactId: string }[];
    expect(sends.map((x) => x.contactId)).toEqual(['c-priya']);
    expect(dialogs).toEqual([]);
  });

  it('exports CSV and JSON downloads with exact content that import back unchanged', async () => {
    const page = await openOptions();
    const library = {
      version: 1,
      resources: [
        { title: 'Discovery questions', url: null, summary: 'Line one\nLine two', tags: ['stall'], kind: 'template' },
        { title: '=HYPERLINK("https://evil.example","Click")', url: 'https://example.com/sheet', summary: '+1 555 0100, ask for "Sam"', tags: ['-neg', 'ops'], kind: 'tool' },
        { title: 'Dana Whitfield', url: 'mailto:dana@northwind.com', summary: '@Dana runs RevOps', tags: ['intro'], kind: 'person' },
      ],
    };
    await importBuffer(page, 'seed.json', 'application/json', JSON.stringify(library));
    expect(await page.getByTestId('import-summary').textContent()).toBe('Imported “seed.json”: 3 added, 0 updated, 0 already in the library.');

    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`resourceful-resources-${today}.csv`);
    expect(csvDownload.url()).toMatch(/^blob:chrome-extension:\/\//);
    const csvBytes = fs.readFileSync(await csvDownload.path());
    // UTF-8 BOM first, for Excel.
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = csvBytes.toString('utf8');
    expect(csv).toBe(
      '\uFEFFtitle,url,summary,tags,kind\r\n' +
        '"\'=HYPERLINK(""https://evil.example"",""Click"")",https://example.com/sheet,"\'+1 555 0100, ask for ""Sam""","\'-neg;ops",tool\r\n' +
        "Dana Whitfield,mailto:dana@northwind.com,'@Dana runs RevOps,intro,person\r\n" +
        'Discovery questions,,"Line one\nLine two",stall,template\r\n',
    );

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(jsonDownload.suggestedFilename()).toBe(`resourceful-resources-${today}.json`);
    const json = fs.readFileSync(await jsonDownload.path(), 'utf8');
    expect(JSON.parse(json)).toEqual({ version: 1, resources: [library.resources[1], library.resources[2], library.resources[0]] });

    // Both files read back as the same library: nothing added, nothing changed.
    await importBuffer(page, 'export.csv', 'text/csv', csv);
    expect(await page.getByTestId('import-summary').textContent()).toBe('Imported “export.csv”: 0 added, 0 updated, 3 already in the library.');
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await importBuffer(page, 'export.json', 'application/json', json);
    expect(await page.getByTestId('import-summary').textContent()).toBe('Imported “export.json”: 0 added, 0 updated, 3 already in the library.');
    expect(await cards(page).count()).toBe(3);
  });
});

describe('options page: follow-ups and queue', () => {
  it('refuses a threshold out of range with a message, puts the stored value back on leaving, and confirms a save', async () => {
    const page = await openOptions();
    const days = page.getByTestId('dormantDays');
    const daysStatus = page.getByTestId('dormantDays-status');
    const stored = async () =>
      ((await readStore(page, 'settings')) as { key: string; value: { dormantDays: number; maxUnansweredFollowUps: number } }[]).find((r) => r.key === 'settings')?.value;
    // The message is the field's description, so a screen reader reads it with the field.
    const description = () => days.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? null);
    const days1to3650 = 'Enter a whole number from 1 to 3650.';
    await expect.poll(() => days.inputValue()).toBe('30');
    expect(await page.getByTestId('playbook-settings').getByLabel('A contact is quiet after this many days without contact').getAttribute('data-testid')).toBe('dormantDays');

    await days.fill('0');
    await expect.poll(() => daysStatus.textContent()).toBe(days1to3650);
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    expect(await description()).toBe(days1to3650);
    expect(await days.inputValue()).toBe('0');
    expect((await stored())?.dormantDays ?? 30).toBe(30);
    // Leaving the field shows the value in force again.
    await days.blur();
    await expect.poll(() => days.inputValue()).toBe('30');
    expect(await days.getAttribute('aria-invalid')).toBeNull();
    expect(await daysStatus.textContent()).toBe('');

    for (const bad of ['3651', '2.5', '-4']) {
      await days.fill(bad);
      await expect.poll(() => daysStatus.textContent()).toBe(days1to3650);
      expect(await days.getAttribute('aria-invalid')).toBe('true');
    }
    expect((await stored())?.dormantDays ?? 30).toBe(30);
    // The bounds are the settings schema's: its largest value saves, and says so.
    await days.fill('3650');
    await expect.poll(() => daysStatus.textContent()).toBe('Saved.');
    expect(await days.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(async () => (await stored())?.dormantDays).toBe(3650);
    await days.fill('45');
    await expect.poll(async () => (await stored())?.dormantDays).toBe(45);
    await expect.poll(() => daysStatus.textContent()).toBe('Saved.');
    // Leaving a saved value keeps it, and the confirmation.
    await days.blur();
    expect(await days.inputValue()).toBe('45');
    expect(await daysStatus.textContent()).toBe('Saved.');

    // Emptied while retyping: no message yet, nothing saved, and leaving puts the stored value back.
    await days.fill('');
    await expect.poll(() => daysStatus.textContent()).toBe('');
    expect(await days.getAttribute('aria-invalid')).toBeNull();
    await days.blur();
    await expect.poll(() => days.inputValue()).toBe('45');
    expect((await stored())?.dormantDays).toBe(45);

    const follow = page.getByTestId('maxUnansweredFollowUps');
    const followStatus = page.getByTestId('maxUnansweredFollowUps-status');
    await follow.fill('21');
    await expect.poll(() => followStatus.textContent()).toBe('Enter a whole number from 1 to 20.');
    expect(await follow.getAttribute('aria-invalid')).toBe('true');
    await follow.fill('20');
    await expect.poll(() => followStatus.textContent()).toBe('Saved.');
    await expect.poll(async () => (await stored())?.maxUnansweredFollowUps).toBe(20);

    // Layout: the AI switch sits on its text's first line, before it. The number fields are sized for a number
    // (this needs the .opt-number width rule in the options stylesheet).
    const check = (await page.getByTestId('ai-polish').boundingBox())!;
    const text = (await page.locator('label.opt-check > span').boundingBox())!;
    expect(Math.abs(check.y - text.y)).toBeLessThan(12);
    expect(check.x).toBeLessThan(text.x);
    expect((await days.boundingBox())!.width).toBeLessThan(200);

    await page.reload();
    await expect.poll(() => page.getByTestId('dormantDays').inputValue()).toBe('45');
    expect(await page.getByTestId('maxUnansweredFollowUps').inputValue()).toBe('20');
  });
});

describe('options page: export for a CRM', () => {
  it('saves no empty file: it says there is nothing to export, and why', async () => {
    const page = await openOptions();
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const crm = page.getByTestId('crm-export');
    await crm.getByRole('button', { name: 'Download notes CSV' }).click();
    await expect.poll(() => textOrNull(page, 'crm-export-status')).toBe('No notes to export yet.');
    await crm.getByRole('button', { name: 'Download contacts CSV' }).click();
    await expect.poll(() => textOrNull(page, 'crm-export-status')).toBe('No contacts to export yet.');

    // The only note is on a contact without an email address: the notes file would be empty, and it says where the note is.
    await seedDb(page, { contacts: [contactRow('c-cher', { name: 'Cher', emails: [] })], notes: [note('n-1', 'c-cher', 'Renewed.', Date.UTC(2026, 1, 2, 9))] });
    await page.reload();
    await crm.getByRole('button', { name: 'Download notes CSV' }).click();
    await expect
      .poll(() => textOrNull(page, 'crm-export-status'))
      .toBe('No notes to export: your only note belongs to a contact without an email address, which a CRM cannot match. It is in the contacts file’s Notes column.');
    // The contacts file has that contact, and is saved.
    const [download] = await Promise.all([page.waitForEvent('download'), crm.getByRole('button', { name: 'Download contacts CSV' }).click()]);
    await expect.poll(() => textOrNull(page, 'crm-export-status')).toBe(`Saved “${download.suggestedFilename()}” with 1 contact.`);
    expect(downloads).toEqual([download.suggestedFilename()]);
  });
});

describe('options page: navigation, keyboard and theme', () => {
  it('jumps to sections, adds and deletes a resource without a mouse, and follows the dark theme', async () => {
    const page = await openOptions({ width: 1000, height: 500 });
    const nav = page.getByRole('navigation', { name: 'Settings sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Offer profile', 'Resources', 'Your email addresses', 'Follow-ups and queue', 'Appearance', 'Backup and restore', 'Export for a CRM', 'Storage', 'Privacy', 'Danger zone']);
    // Each link says what its section is titled.
    for (const id of ['offer-profile', 'resources', 'addresses', 'playbook', 'appearance', 'backup', 'crm-export', 'storage', 'privacy', 'danger-zone']) {
      const title = await page.locator(`#${id} h2`).first().textContent();
      expect(await nav.locator(`a[href="#${id}"]`).textContent()).toBe(title);
    }
    for (const id of ['offer-profile', 'resources', 'addresses', 'appearance', 'storage', 'privacy']) expect(await page.locator(`#${id}`).count()).toBe(1);
    await nav.getByRole('link', { name: 'Resources' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#resources');
    await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('resources')!.getBoundingClientRect().top))).toBe(12);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resources');

    // Keyboard only: Tab from the section reaches "New resource"; the title field takes focus; Enter submits.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New resource');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Keyboard resource');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://example.com/kb');
    await page.keyboard.press('Enter');
    await expect.poll(() => titles(page)).toEqual(['Keyboard resource']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('New resource');

    await page.getByRole('button', { name: 'Delete Keyboard resource' }).focus();
    await page.keyboard.press('Enter');
    // Escape backs out, focus returns to Delete.
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('confirm-delete').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Delete Keyboard resource');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => cards(page).count()).toBe(0);

    // Dark theme: the library uses the theme's colours, not fixed ones.
    await page.getByRole('button', { name: 'New resource' }).click();
    await page.getByTestId('resource-add-form').getByLabel('Title').fill('Themed');
    await page.getByTestId('resource-add-form').getByLabel('Link').fill('https://example.com/t');
    await page.getByTestId('resource-add-form').getByRole('button', { name: 'Add resource' }).click();
    await cards(page).first().waitFor();
    await page.getByTestId('theme').selectOption('dark');
    await expect.poll(() => cards(page).first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(21, 25, 29)');
    expect(await page.getByTestId('resource-title').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(92, 194, 166)');
    expect(await page.getByLabel('Search resources').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(230, 233, 236)');
    await page.getByTestId('theme').selectOption('light');
    await expect.poll(() => cards(page).first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.getByTestId('resource-title').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(31, 111, 92)');
  });
});
