import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
// The launcher and server are plain ESM scripts shared with `npm start` and the benchmarks.
import { launchWithExtension, newUserDataDir } from '../../scripts/lib/browser.mjs';
import { fixtureUrl, GMAIL_DIR, SHARED_LINKEDIN_DIR, startFixtureServer } from '../../scripts/lib/fixture-server.mjs';
import { seedDb, type SeedRows } from './seed';

export { fixtureUrl, GMAIL_DIR, SHARED_LINKEDIN_DIR };

/** A running fixture server plus a Chromium with the built extension. */
export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  port: number;
  requests: { host: string; path: string }[];
  /** Closes the browser only (the profile stays, so `relaunch` is a browser restart). */
  closeBrowser(): Promise<void>;
  /** Restarts the browser on the same profile and server. */
  relaunch(): Promise<Session>;
  /** Closes the browser and the server. */
  close(): Promise<void>;
}

/** Starts the fixture server and Chromium with the extension. */
export async function startSession(opts: { userDataDir?: string; server?: Awaited<ReturnType<typeof startFixtureServer>> } = {}): Promise<Session> {
  const server = opts.server ?? (await startFixtureServer());
  const userDataDir = opts.userDataDir ?? newUserDataDir();
  const { context, worker, extensionId } = await launchWithExtension({ port: server.port, userDataDir });
  // A step that cannot happen fails in seconds with its locator named, not at the test's time limit.
  context.setDefaultTimeout(10_000);
  const session: Session = {
    context,
    worker,
    extensionId,
    userDataDir,
    port: server.port,
    requests: server.requests,
    closeBrowser: () => context.close(),
    relaunch: async () => {
      await context.close().catch(() => undefined);
      return startSession({ userDataDir, server });
    },
    close: async () => {
      await context.close().catch(() => undefined);
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** The URL a Gmail fixture declares in its `<!-- url: … -->` comment. */
export function gmailUrl(fixture: string): string {
  const url = fixtureUrl(path.join(GMAIL_DIR, fixture));
  if (!url) throw new Error(`${fixture} has no url comment`);
  return url;
}

/** The browser's id for the tab a page is in (asked of the extension's service worker). */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  const url = page.url();
  const id = await session.worker.evaluate(async (u: string) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab for ${url}`);
  return id;
}

/** Opens a page and waits until the content script has reported it to the background. */
export async function openSitePage(session: Session, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  // The Gmail shell swaps the thread in after load (as Gmail does); wait for that, not for its loading screen.
  if (new URL(url).host === 'mail.google.com') await page.waitForFunction(() => !!document.documentElement.dataset.fixture);
  const tabId = await tabIdOf(session, page);
  await waitForSnapshot(session, tabId);
  // The shell's loading screen may have been reported first: on a page with a thread, wait for the thread itself.
  if (await page.evaluate(() => !!document.querySelector('h2.hP'))) {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const hasThread = await session.worker.evaluate(async (key: string) => {
        const st = (await chrome.storage.session.get(key))[key] as { snapshot?: { thread?: unknown } } | undefined;
        return !!st?.snapshot?.thread;
      }, `tab:${tabId}`);
      if (hasThread) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { page, tabId };
}

/** Waits until the background holds a snapshot for the tab (optionally one matching `predicate`). */
export async function waitForSnapshot(session: Session, tabId: number, timeoutMs = 10_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await session.worker.evaluate(async (key: string) => (await chrome.storage.session.get(key))[key] ?? null, `tab:${tabId}`);
    if (state) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no snapshot for tab ${tabId}`);
}

/** A tab id no tab has: a panel pinned to it always shows its home view (queue, search, recent contacts). */
export const NO_TAB = 999_999;

/** Opens the side panel page as a tab, pinned to `tabId` (or following the active tab when omitted). */
export async function openPanel(session: Session, tabId?: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
  return page;
}

/** True when the anonymised real LinkedIn pages are beside the repo. */
export const HAS_SHARED_LINKEDIN = fs.existsSync(SHARED_LINKEDIN_DIR);

/**
 * Writes rows straight into the extension's IndexedDB, from a panel page pinned to no tab (so Dexie has created the
 * database at the current schema version). Raw writes bypass Dexie's change notifications: reload open panels.
 */
export async function putRows(session: Session, rows: SeedRows): Promise<void> {
  const page = await openPanel(session, NO_TAB);
  await page.getByTestId('home').waitFor();
  await seedDb(page, rows);
  await page.close();
}

/**
 * Holds a read-write transaction on `stores` of the extension's database from `page` (an extension page), so the
 * extension's own writes to them wait in line: how a test makes "the rep types while the save is still running"
 * happen every time instead of by luck. Call the returned function to let the writes through.
 */
export async function holdStores(page: Page, stores: string[]): Promise<() => Promise<void>> {
  await page.evaluate(
    (names) =>
      new Promise<void>((held, failed) => {
        const open = indexedDB.open('resourceful');
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(names, 'readwrite');
          const store = tx.objectStore(names[0]!);
          const w = window as unknown as { __releaseHold?: boolean };
          w.__releaseHold = false;
          // A transaction commits once it has no request left: keep one in flight until released.
          const spin = () => {
            if (!w.__releaseHold) store.count().onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => db.close();
          held();
        };
      }),
    stores,
  );
  return async () => {
    await page.evaluate(() => {
      (window as unknown as { __releaseHold?: boolean }).__releaseHold = true;
    });
  };
}

/** Makes the next IndexedDB write from `page` (an extension page) fail as on a full disk (`QuotaExceededError`). */
export async function failNextWrite(page: Page): Promise<void> {
  await page.evaluate(() => {
    const proto = IDBObjectStore.prototype;
    const { put, add } = proto;
    const fail = () => {
      proto.put = put;
      proto.add = add;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.put = fail;
    proto.add = fail;
  });
}

/** Reads rows straight from the extension's IndexedDB, to check what was stored rather than what is shown. */
export async function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('resourceful');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return rows;
  }, store);
}
