import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { watchActiveTab, type ActiveTab } from '@/lib/browser/tabs';
import { watchTabState } from '@/lib/browser/tab-state';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/db/models';
import { saveFailedMessage } from '@/lib/panel/format';
import { applyTabState, firstScreen, queries } from '@/lib/panel/queries';

/** `?tabId=N` pins the panel to one tab (tests, and a panel opened as a page); otherwise it follows the active tab. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** The tab the panel shows: the pinned one, or the active tab of the panel's window. `undefined` while unknown. */
export function usePanelTab(): ActiveTab | null | undefined {
  const client = useQueryClient();
  const [pinned] = useState(() => pinnedTabId(location.search));
  // Following the active tab: it starts from the one the prefetch found (lib/panel/prefetch.ts), if any.
  const [tab, setTab] = useState<ActiveTab | null | undefined>(() =>
    pinned === null ? client.getQueryData(firstScreen.activeTab().queryKey) : { tabId: pinned, url: null },
  );
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

/**
 * A Dexie live query (`read`, re-run with every key change) that starts from the query cache's copy of the same read:
 * a read prefetched before the first render (lib/panel/prefetch.ts) is shown by that render, instead of nothing
 * until the live query has answered after the commit. The cache is only looked at, never filled from here.
 */
export function useLiveRead<T>(options: { queryKey: QueryKey; read: () => Promise<T>; gcTime?: number }): T | undefined {
  const { data } = useQuery({ queryKey: options.queryKey, queryFn: options.read, enabled: false, staleTime: Infinity, gcTime: options.gcTime });
  const live = useLiveQuery(options.read, [...options.queryKey]);
  return live === undefined ? data : live;
}

/**
 * A text field that is saved on submit. `commit` empties the field as the save starts, so what the rep types while it
 * runs is kept (emptying it after the save wiped that text) and a second Enter finds nothing to save twice. A failed
 * save puts the text back, unless the rep has typed something new, and keeps a message saying so for the form to show.
 */
export function useDraft(what: string) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const commit = async (write: (text: string) => Promise<unknown>): Promise<void> => {
    const text = draft;
    setDraft('');
    setError(null);
    try {
      await write(text);
    } catch (e) {
      setDraft((now) => (now === '' ? text : now));
      setError(saveFailedMessage(what, e));
    }
  };
  return { draft, setDraft, error, setError, commit };
}

/** The rep's settings, live. */
export function useSettings(): Settings {
  return useLiveRead(firstScreen.settings()) ?? DEFAULT_SETTINGS;
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
