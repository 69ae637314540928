import { browser } from 'wxt/browser';
import { tabKey, type TabState } from '../messaging';
import { siteOfUrl } from '../protocol';
import { INVALID, parseTabStateCompiled } from './tab-state-parser.gen';

/**
 * "What is on tab N", kept in `storage.session`: it survives the service worker being stopped, is gone when the
 * browser closes, and (at its default access level) is readable by extension pages only, never by content scripts.
 */

/** Stores a tab's latest snapshot. */
export async function saveTabState(state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabKey(state.tabId)]: state });
}

/** Forgets a closed tab. */
export async function removeTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/**
 * On a tab update: forgets what the tab showed once it has navigated off Gmail and LinkedIn (the panel must not go
 * on offering a thread's replies on another site). Only navigations count (`status: 'loading'` or a new URL), and
 * a URL the extension cannot see (no host permission) is off our sites. Returns whether it forgot.
 */
export function forgetTabOffSite(
  tabId: number,
  change: { status?: string; url?: string },
  tab: { url?: string },
  remove: (tabId: number) => Promise<void> = removeTabState,
): boolean {
  if (change.status !== 'loading' && change.url === undefined) return false;
  if (siteOfUrl(change.url ?? tab.url) !== null) return false;
  void remove(tabId).catch((e: unknown) => console.warn('[resourceful] forget tab', e));
  return true;
}

/**
 * A stored value checked against `TabStateSchema`: its data (a fresh copy), or null when it is not valid. zod's own
 * checks, compiled ahead of time (scripts/lib/zod-parsers.ts): the panel opens with this on its critical path.
 */
function parseTabState(value: unknown): TabState | null {
  const parsed = parseTabStateCompiled(value);
  return parsed === INVALID ? null : parsed;
}

/** The latest snapshot of a tab, or null when none is known (or the stored value is not valid). */
export async function getTabState(tabId: number): Promise<TabState | null> {
  const key = tabKey(tabId);
  const got = await browser.storage.session.get(key);
  return parseTabState(got[key]);
}

/** Calls `onChange` whenever the tab's snapshot changes. Returns an unsubscribe function. */
export function watchTabState(tabId: number, onChange: (state: TabState | null) => void): () => void {
  const key = tabKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(key in changes)) return;
    onChange(parseTabState(changes[key]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
