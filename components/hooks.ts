import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { watchActiveTab, type ActiveTab } from '@/lib/browser/tabs';
import { watchTabState } from '@/lib/browser/tab-state';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/db/models';
import { getSettings } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/schema';
import { applyTabState, queries } from '@/lib/panel/queries';

/** `?tabId=N` pins the panel to one tab (tests, and a panel opened as a page); otherwise it follows the active tab. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** The tab the panel shows: the pinned one, or the active tab of the panel's window. `undefined` while unknown. */
export function usePanelTab(): ActiveTab | null | undefined {
  const [pinned] = useState(() => pinnedTabId(location.search));
  const [tab, setTab] = useState<ActiveTab | null | undefined>(pinned === null ? undefined : { tabId: pinned, url: null });
  useEffect(() => (pinned === null ? watchActiveTab(setTab) : undefined), [pinned]);
  return tab;
}

/** The latest snapshot of a tab, kept live: storage changes are pushed into the query cache. */
export function useTabState(tabId: number | null) {
  const client = useQueryClient();
  const query = useQuery({ ...queries.tabState(tabId ?? -1), enabled: tabId !== null });
  useEffect(() => {
    if (tabId === null) return undefined;
    const { queryKey } = queries.tabState(tabId);
    // applyTabState cancels a read in flight first: landing after the change, it put the older reading back (the
    // panel then showed "Couldn't read this page" for a page read long before).
    const stop = watchTabState(tabId, (state) => applyTabState(client, tabId, state));
    // A change made before this subscription (after the first read, started early by the prefetch) is caught by
    // reading once more now that changes are heard.
    void client.refetchQueries({ queryKey });
    return stop;
  }, [tabId, client]);
  return query;
}

/** The rep's settings, live. */
export function useSettings(): Settings {
  return useLiveQuery(() => getSettings(getDb()), [], DEFAULT_SETTINGS);
}

/** A clock that ticks once a minute, for "3 min ago" labels. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

/** Applies the theme setting to the document (system follows prefers-color-scheme in CSS). */
export function useTheme(theme: Settings['theme']): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
