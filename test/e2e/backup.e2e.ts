import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRIMARY_KEY, type TableName } from '../../lib/backup/format';
import { canonicalJson } from '../../lib/backup/hash';
import { pageEntries, type HistoryPage } from '../../lib/backup/pages';
import { DEFAULT_SETTINGS } from '../../lib/db/models';
import { asFormat1, contact, interaction, note } from '../backup/fixture';
import { NO_TAB, openPanel, startSession, type Session } from './harness';
import { bucketedRows, seedDb, threadRow, type SeedRows } from './seed';

const STORES = ['contacts', 'notes', 'interactions', 'commitments', 'resources', 'resourceSends', 'threads', 'triageOverrides', 'settings'];
const T = Date.UTC(2026, 1, 2, 9);
const DAY = 86_400_000;

let s: Session;
let pages: { page: Page; urls: string[] }[] = [];
beforeEach(async () => {
  s = await startSession();
  pages = [];
});
afterEach(async () => {
  // Backup, restore and export happen inside the page: extension, blob (downloads) and data URLs only.
  for (const { urls } of pages) expect(urls.filter((u) => !/^(chrome-extension|blob|data):/.test(u))).toEqual([]);
  expect(s.requests).toEqual([]);
  await s?.close();
});

async function track(page: Page): Promise<Page> {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  pages.push({ page, urls });
  return page;
}

async function openOptions(): Promise<Page> {
  const page = await track(await s.context.newPage());
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  await page.getByTestId('backup').waitFor();
  return page;
}

/** Writes rows straight into the extension's IndexedDB (raw IndexedDB: the page's Dexie is inside its bundle). */
async function seed(page: Page, rows: Record<string, unknown[]>): Promise<void> {
  await seedDb(page, rows as SeedRows);
}

/**
 * Every table's rows in key order, as stored (history entries and notes out of their buckets, by id): what "nothing
 * changed" and "data back" are checked against.
 */
async function readAll(page: Page): Promise<Record<string, string[]>> {
  const raw = await page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('resourceful');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: Record<string, unknown[]> = {};
    const tx = db.transaction(stores);
    await Promise.all(
      stores.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => {
              out[name] = r.result;
              resolve();
            };
            r.onerror = () => reject(r.error);
          }),
      ),
    );
    db.close();
    return out;
  }, STORES.filter((t) => t !== 'interactions' && t !== 'notes'));
  Object.assign(raw, await bucketedRows(page));
  return Object.fromEntries(STORES.map((t) => [t, (raw[t] ?? []).map(canonicalJson)]));
}

const EMPTY = Object.fromEntries(STORES.map((t) => [t, []]));

function rows() {
  return {
    contacts: [
      contact('c-dana', { name: 'Dana Whitfield', emails: ['dana@northwind.com'], company: 'Northwind', title: 'Head of Operations', stage: 'qualified', linkedinSlugs: ['dana-whitfield'] }),
      contact('c-meera', { name: 'Meera Lakshmi Venkatesan', emails: ['meera@copperkettle.io'], company: '=HYPERLINK("https://evil.example","Click")', stage: 'not_fit_helped' }),
      contact('c-cher', { name: 'Cher', emails: [], stage: 'customer', tags: ['vip'] }),
    ],
    notes: [
      note('n-1', 'c-dana', 'Asked about onboarding for 14 clinics.', T),
      note('n-2', 'c-dana', '+ send the rollout checklist', T + DAY),
      note('n-3', 'c-meera', 'Wants web design: pointed her to a friend. “Unicode” ✓ 日本語', T + 2 * DAY),
      note('n-4', 'c-meera', 'Line one\nLine two, with "quotes"', T + 3 * DAY),
      note('n-5', 'c-cher', 'Renewed.', T + 4 * DAY),
    ],
    interactions: [interaction('c-dana', 'gmail:m1', T, { subject: 'Onboarding question', threadId: 't-1' })],
    commitments: [
      { id: 'p-1', contactId: 'c-dana', direction: 'mine', kind: 'send', text: 'Send the rollout checklist', dueAt: T + 2 * DAY, status: 'open', createdAt: T, updatedAt: T, resolvedAt: null, source: 'manual' },
    ],
    resources: [{ id: 'r-1', title: 'CRM rollout checklist', url: 'https://example.com/crm', summary: 'Twelve steps.', tags: ['crm'], kind: 'checklist', createdAt: T, updatedAt: T }],
    resourceSends: [{ id: 'c-meera|r-1|1', contactId: 'c-meera', resourceId: 'r-1', at: T + DAY, threadId: null }],
    settings: [
      { key: 'settings', value: { ...DEFAULT_SETTINGS, ownEmails: ['rep@brightpath.io'], muted: ['@news.example.com'] } },
      { key: 'offer', value: { name: 'Alex Rivera', signOff: 'Best,\nAlex', company: 'Brightpath', offers: ['CRM implementation'], doesNotOffer: ['Web design'], serves: 'B2B teams' } },
    ],
  };
}

const COUNTS = '3 contacts, 5 notes, 1 history entry, 1 promise, 1 resource, 1 resource sent and settings';

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(download.url()).toMatch(/^blob:chrome-extension:\/\//);
  return { download, bytes: fs.readFileSync((await download.path())!) };
}

async function pick(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('restore-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

describe('backup, wipe and restore in Chromium', () => {
  it('backs up, deletes everything, restores with replace (naming the counts), and refuses a corrupt file without changing anything', async () => {
    const page = await openOptions();
    await seed(page, rows());
    await page.reload();
    await page.getByTestId('backup').waitFor();
    const original = await readAll(page);
    expect(original.contacts!.length).toBe(3);
    await expect.poll(() => page.getByTestId('restore-here').textContent()).toBe(`This browser holds ${COUNTS}.`);
    // Storage: usage in words, and whether Chrome may clear it (a fresh headless profile is refused persistence).
    await expect.poll(() => page.getByTestId('storage-usage').textContent()).toMatch(/^Using \d+(\.\d)? (bytes|KB|MB) of the \d+(\.\d)? (MB|GB|TB) this browser profile allows\.$/);
    await expect.poll(() => page.getByTestId('storage-persisted').locator('p').textContent()).toBe(
      'Not persistent: if the disk runs low, Chrome may clear this data without asking. Back up regularly.',
    );
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
    // Privacy names each permission and why (the README mirrors this list).
    expect(await page.getByTestId('permissions').locator('li').allTextContents()).toEqual([
      'sidePanel: Resourceful is a side panel beside the page.',
      'storage: to hand “what is on this tab” from the page to the panel (storage.session, memory only). Your data itself is in IndexedDB, which needs no permission.',
      'Host access to https://mail.google.com/* and https://www.linkedin.com/* only: to read the open conversation or profile there. No other site.',
    ]);

    // Back up: a download with every row, and the counts it says it has.
    const { download, bytes } = await downloadOf(page, () => page.getByRole('button', { name: 'Download a backup' }).click());
    expect(download.suggestedFilename()).toMatch(/^resourceful-backup-\d{4}-\d\d-\d\d-\d{4}\.json$/);
    const text = bytes.toString('utf8');
    const file = JSON.parse(text) as { format: string; version: number; schemaVersion: number; counts: Record<string, number>; tables: Record<string, unknown[]>; invalidRows: unknown[] };
    expect({ format: file.format, version: file.version, schemaVersion: file.schemaVersion, invalidRows: file.invalidRows }).toEqual({ format: 'resourceful-backup', version: 2, schemaVersion: 5, invalidRows: [] });
    // History comes in pages, a contact's entries as columns: one page here, the one entry.
    expect(file.tables.interactions!.map((p) => (p as HistoryPage).contactId)).toEqual(['c-dana']);
    file.tables.interactions = (file.tables.interactions as HistoryPage[]).flatMap(pageEntries);
    expect(file.counts).toEqual({ contacts: 3, notes: 5, interactions: 1, commitments: 1, resources: 1, resourceSends: 1, threads: 0, triageOverrides: 0, settings: 2 });
    // Every row, as stored; the file lists notes and history contact by contact (their buckets' order), so by key here.
    const key = (t: string, r: unknown) => String((r as Record<string, unknown>)[PRIMARY_KEY[t as TableName]]);
    const byKey = (t: string) => (a: unknown, b: unknown) => (key(t, a) < key(t, b) ? -1 : key(t, a) > key(t, b) ? 1 : 0);
    for (const t of STORES) expect([...file.tables[t]!].sort(byKey(t)).map(canonicalJson)).toEqual(original[t]);
    await expect.poll(() => page.getByTestId('backup-done').textContent()).toBe(`Saved “${download.suggestedFilename()}”: ${COUNTS}.`);

    // Wipe: a modal confirmation that names what goes and offers a backup; Cancel has the focus.
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    const wipe = page.getByTestId('confirm-wipe');
    await wipe.waitFor();
    expect(await wipe.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
    expect(await page.getByTestId('confirm-wipe-text').textContent()).toBe(`This deletes ${COUNTS} from this browser, for good.`);
    expect(await wipe.getByRole('button', { name: 'Download a backup first' }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await expect.poll(() => wipe.count()).toBe(0);
    expect(await readAll(page)).toEqual(original);
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await wipe.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => page.getByTestId('wipe-done').textContent()).toBe(`Deleted ${COUNTS}. Resourceful is empty.`);
    expect(await readAll(page)).toEqual(EMPTY);

    // Someone new since the wipe: replace must say it goes.
    const newcomer = contact('c-new', { name: 'Jonas Berg' });
    await seed(page, { contacts: [newcomer] });
    await pick(page, download.suggestedFilename(), text);
    await expect.poll(() => page.getByTestId('restore-summary').textContent()).toMatch(new RegExp(`^“${download.suggestedFilename()}” is a backup from .+ with ${COUNTS}\\.$`));
    await page.getByLabel(/^Replace/).check();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    const confirm = page.getByTestId('confirm-replace');
    await confirm.waitFor();
    expect(await page.getByTestId('confirm-replace-text').textContent()).toBe(`This deletes everything in this browser now (1 contact) and puts the backup’s ${COUNTS} in its place.`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await confirm.getByRole('button', { name: 'Replace everything' }).click();
    await expect.poll(() => page.getByTestId('restore-done').locator('li').allTextContents()).toEqual([
      'Removed what was here: 1 contact.',
      `Restored: ${COUNTS}.`,
    ]);
    expect(await readAll(page)).toEqual(original);

    // A backup an earlier version downloaded (format 1: history as a row per entry) restores the same.
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await page.getByTestId('confirm-wipe').getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => page.getByTestId('wipe-done').textContent()).toBe(`Deleted ${COUNTS}. Resourceful is empty.`);
    await pick(page, 'older.json', asFormat1(text));
    await expect.poll(() => page.getByTestId('restore-summary').textContent()).toMatch(new RegExp(`^“older\\.json” is a backup from .+ with ${COUNTS}\\.$`));
    await page.getByLabel(/^Merge/).check();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    // Into an empty browser everything is added, and the lists that decide whose mail is "from me" and what the
    // queue hides are named.
    await expect.poll(() => page.getByTestId('restore-done').locator('li').allTextContents()).toEqual([
      `Added: ${COUNTS}.`,
      'Now also counted as your own addresses, from the backup: rep@brightpath.io. Change this in Settings.',
      'Now muted, from the backup: @news.example.com. Unmute in Settings.',
    ]);
    expect(await readAll(page)).toEqual(original);

    // Corrupt files: a specific message, and not one row changed. (Notes are listed contact by contact: c-cher's
    // n-5, then c-dana's n-1 and n-2, come before n-3.)
    await pick(page, 'half.json', text.slice(0, text.indexOf('"id":"n-3"')));
    await expect.poll(() => page.getByTestId('restore-error').textContent()).toBe(
      'Could not restore “half.json”The backup file is incomplete: it stops in the notes, after 3 of 5 notes. It was probably cut off while downloading or copying. Nothing was changed.',
    );
    expect(await page.getByTestId('restore-summary').count()).toBe(0);
    await pick(page, 'contacts.json', '{"version":1,"resources":[]}');
    await expect.poll(() => page.getByTestId('restore-error').locator('p').nth(1).textContent()).toBe(
      'This is a resource-library export, not a full backup: import it under Resources instead. Nothing was changed.',
    );
    await pick(page, 'future.json', text.replace('"version":2', '"version":7'));
    await expect.poll(() => page.getByTestId('restore-error').locator('p').nth(1).textContent()).toBe(
      'This backup was made by a newer version of Resourceful (backup format 7; this version reads format 2). Update the extension, then restore it again. Nothing was changed.',
    );
    expect(await page.getByTestId('restore-error').getAttribute('role')).toBe('alert');
    expect(await readAll(page)).toEqual(original);

    // Merge the same backup back: nothing to add, nothing changes.
    await pick(page, 'again.json', text);
    await page.getByTestId('restore-summary').waitFor();
    await page.getByLabel(/^Merge/).check();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => page.getByTestId('restore-done').locator('li').allTextContents()).toEqual(['Nothing was missing here.', `Already the same: ${COUNTS}.`]);
    expect(await readAll(page)).toEqual(original);

    // Dana saved in this browser too, under another id (another machine's backup): merging makes one Dana, with
    // the backup's notes and promise on her, and says so.
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await page.getByTestId('confirm-wipe').getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => page.getByTestId('wipe-done').textContent()).toBe(`Deleted ${COUNTS}. Resourceful is empty.`);
    // Cher here is an older version, under her own id, by another name. An open side panel has searched already,
    // so its index was built before the restore, which keeps the backup's old edit times.
    await seed(page, {
      contacts: [
        contact('c-dana-here', { name: 'Dana Whitfield', emails: ['dana@northwind.com'] }),
        contact('c-cher', { name: 'Zed Oldname', emails: [], updatedAt: 0 }),
      ],
      // Settings of this browser's own, without the backup's address and muted sender.
      settings: [{ key: 'settings', value: { ...DEFAULT_SETTINGS, ownEmails: ['alex@brightpath.io'], muted: [] } }],
    });
    const panel = await openPanel(s, NO_TAB);
    await panel.getByTestId('search-input').fill('cher');
    await panel.getByTestId('search-empty').waitFor();
    await pick(page, 'other-machine.json', text);
    await page.getByTestId('restore-summary').waitFor();
    await page.getByLabel(/^Merge/).check();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => page.getByTestId('restore-done').locator('li').allTextContents()).toContain(
      'Merged into a contact here with the same email address or LinkedIn profile: 1 contact.',
    );
    // What the backup added to whose mail counts as the rep's, and to what the queue hides, is named.
    const done = await page.getByTestId('restore-done').locator('li').allTextContents();
    expect(done).toContain('Now also counted as your own addresses, from the backup: rep@brightpath.io. Change this in Settings.');
    expect(done).toContain('Now muted, from the backup: @news.example.com. Unmute in Settings.');
    const after = await readAll(page);
    const danas = after.contacts!.map((c) => JSON.parse(c) as { id: string; emails: string[] }).filter((c) => c.emails.includes('dana@northwind.com'));
    expect(danas.map((c) => c.id)).toEqual(['c-dana-here']);
    const owners = (t: string) => after[t]!.map((r) => (JSON.parse(r) as { contactId: string }).contactId);
    expect(owners('notes').filter((id) => id === 'c-dana')).toEqual([]);
    expect(owners('notes').filter((id) => id === 'c-dana-here')).toHaveLength(2);
    expect(owners('commitments')).toContain('c-dana-here');
    // The restore told the open panel: the search on screen asks again, and finds Cher by her restored name.
    await expect.poll(() => panel.getByTestId('search-result').allTextContents()).toEqual([expect.stringContaining('Cher')]);
    await panel.close();
  });
});

describe('export for a CRM', () => {
  it('downloads contacts and notes CSVs with the exact header and formulas neutralised', async () => {
    const page = await openOptions();
    await seed(page, rows());
    await page.reload();
    await page.getByTestId('crm-export').waitFor();
    const day = (t: number) => page.evaluate((x) => {
      const d = new Date(x);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }, t);

    const contacts = await downloadOf(page, () => page.getByRole('button', { name: 'Download contacts CSV' }).click());
    expect(contacts.download.suggestedFilename()).toMatch(/^resourceful-crm-contacts-\d{4}-\d\d-\d\d\.csv$/);
    expect([...contacts.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(contacts.bytes.toString('utf8')).toBe(
      '\uFEFFFirst Name,Last Name,Email,Company,Job Title,LinkedIn URL,Lifecycle Stage,Notes\r\n' +
        `Cher,,,,,,customer,"${await day(T + 4 * DAY)}: Renewed.\n\nResourceful: stage Customer; tags vip"\r\n` +
        `Dana,Whitfield,dana@northwind.com,Northwind,Head of Operations,https://www.linkedin.com/in/dana-whitfield/,salesqualifiedlead,"${await day(T + DAY)}: + send the rollout checklist\n\n${await day(T)}: Asked about onboarding for 14 clinics.\n\nResourceful: stage Qualified"\r\n` +
        `Meera Lakshmi,Venkatesan,meera@copperkettle.io,"'=HYPERLINK(""https://evil.example"",""Click"")",,,other,"${await day(T + 3 * DAY)}: Line one\nLine two, with ""quotes""\n\n${await day(T + 2 * DAY)}: Wants web design: pointed her to a friend. “Unicode” ✓ 日本語\n\nResourceful: stage Not a fit — helped"\r\n`,
    );
    await expect.poll(() => page.getByTestId('crm-export-status').textContent()).toBe(`Saved “${contacts.download.suggestedFilename()}” with 3 contacts.`);

    const notes = await downloadOf(page, () => page.getByRole('button', { name: 'Download notes CSV' }).click());
    expect(notes.bytes.toString('utf8')).toBe(
      '\uFEFFEmail,Date,Note\r\n' +
        `dana@northwind.com,${await day(T)},Asked about onboarding for 14 clinics.\r\n` +
        `dana@northwind.com,${await day(T + DAY)},'+ send the rollout checklist\r\n` +
        `meera@copperkettle.io,${await day(T + 2 * DAY)},Wants web design: pointed her to a friend. “Unicode” ✓ 日本語\r\n` +
        `meera@copperkettle.io,${await day(T + 3 * DAY)},"Line one\nLine two, with ""quotes"""\r\n`,
    );
    await expect.poll(() => page.getByTestId('crm-export-status').textContent()).toBe(
      `Saved “${notes.download.suggestedFilename()}” with 4 notes. 1 note belongs to contacts without an email address, which a CRM cannot match: it is in the contacts file’s Notes column only.`,
    );
  });
});

describe('deleting a contact from the panel', () => {
  it('asks first, says what goes, suggests a backup, and deletes only that contact', async () => {
    const options = await openOptions();
    // Two of her mails in the reply queue: the rep's own mail, which stays (unlinked from her).
    await seed(options, { ...rows(), threads: [threadRow('t-dana-1', 'c-dana', T, null), threadRow('t-dana-2', 'c-dana', T + DAY, T + 2 * DAY)] });
    const before = await readAll(options);
    const panel = await track(await openPanel(s, NO_TAB));
    await panel.getByTestId('recent-contact').filter({ hasText: 'Dana Whitfield' }).click();
    await panel.getByTestId('contact').waitFor();
    await panel.getByRole('button', { name: 'Delete contact' }).click();
    const confirm = panel.getByTestId('confirm-delete-contact');
    await expect.poll(() => panel.getByTestId('confirm-delete-contact-text').textContent()).toBe(
      'Delete Dana Whitfield with 2 notes, 1 history entry and 1 promise? This cannot be undone.',
    );
    expect(await panel.getByTestId('confirm-delete-contact-kept').textContent()).toBe('Your 2 email threads with them stay in the reply queue.');
    expect(await confirm.textContent()).toContain('Back up first if you may want them back: Settings → Backup');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    // Escape backs out; focus returns to the button; nothing was deleted.
    await panel.keyboard.press('Escape');
    expect(await confirm.count()).toBe(0);
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Delete contact');
    expect(await readAll(options)).toEqual(before);

    await panel.getByRole('button', { name: 'Delete contact' }).click();
    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => panel.getByTestId('state-empty').textContent()).toBe('This contact no longer exists.');
    const after = await readAll(options);
    const ids = (list: string[]) => list.map((r) => (JSON.parse(r) as { id: string }).id);
    expect(ids(after.contacts!)).toEqual(['c-cher', 'c-meera']);
    expect(ids(after.notes!)).toEqual(['n-3', 'n-4', 'n-5']);
    expect(after.interactions).toEqual([]);
    expect(after.commitments).toEqual([]);
    for (const t of ['resources', 'resourceSends', 'settings']) expect(after[t]).toEqual(before[t]);
    await panel.getByRole('button', { name: '← Back' }).click();
    // Avatar initials, name, company · email: the two who are left.
    await expect.poll(() => panel.getByTestId('recent-contact').allTextContents()).toEqual([
      'MVMeera Lakshmi Venkatesan=HYPERLINK("https://evil.example","Click") · meera@copperkettle.io',
      'CCher',
    ]);
  });
});
