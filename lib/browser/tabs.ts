import { browser } from 'wxt/browser';
import type { PanelToContent } from '../messaging';
import { siteOfUrl } from '../protocol';

/** The tab the panel should show: its id and URL (the URL may be unknown for pages we have no access to). */
export interface ActiveTab {
  tabId: number;
  url: string | null;
}

/** The active tab of the window this page lives in, now; null when there is none. */
export async function activeTabNow(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { tabId: tab.id, url: tab.url ?? null } : null;
}

/**
 * Follows the active tab of the window this page lives in (the side panel belongs to one window). Calls `onTab`
 * now and on every switch. Returns an unsubscribe function.
 */
export function watchActiveTab(onTab: (tab: ActiveTab | null) => void): () => void {
  let windowId: number | undefined;
  let stopped = false;
  const report = async () => {
    const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId });
    if (!stopped) onTab(tab?.id !== undefined ? { tabId: tab.id, url: tab.url ?? null } : null);
  };
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (windowId === undefined || info.windowId === windowId) void report();
  };
  const onUpdated = (tabId: number, change: { url?: string; status?: string }, tab: { active?: boolean; windowId?: number }) => {
    if (tab.active && (windowId === undefined || tab.windowId === windowId) && (change.url || change.status === 'complete')) {
      onTab({ tabId, url: (tab as { url?: string }).url ?? null });
    }
  };
  void browser.windows.getCurrent().then((w) => {
    windowId = w.id;
    void report();
  });
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    stopped = true;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}

/** Sends a message to a tab's content script; resolves its answer, or `undefined` when nobody is listening. */
export async function sendToTab(tabId: number, message: PanelToContent): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch {
    return undefined;
  }
}

/**
 * Opens a Gmail or LinkedIn page (a thread from history, a saved profile) in a new tab; resolves whether it did.
 * Anything else is refused: these links come from the database, which a restored backup file can fill with any
 * text (a `javascript:`, `data:` or look-alike link must not open from a trusted-looking button).
 */
export async function openUrl(url: string, create: (url: string) => Promise<unknown> = (u) => browser.tabs.create({ url: u })): Promise<boolean> {
  if (siteOfUrl(url) === null) {
    console.warn('[resourceful] not opened: not an https Gmail or LinkedIn link');
    return false;
  }
  await create(url);
  return true;
}

/** Opens the extension's options page. */
export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Opens one of the extension's own pages (e.g. the goodwill report) in a tab. */
export async function openExtensionPage(path: 'report.html' | 'options.html'): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/${path}`) });
}
