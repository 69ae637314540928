import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { TabState } from '../messaging';
import { getTabState } from '../browser/tab-state';

/**
 * TanStack Query factories for everything async that is not a Dexie live query. Components use these, never
 * inline keys, so invalidation and cache updates (e.g. from storage.onChanged) find the same key.
 */
export const queries = {
  /** The latest snapshot the background holds for a tab. */
  tabState: (tabId: number) =>
    queryOptions({
      queryKey: ['tabState', tabId] as const,
      queryFn: () => getTabState(tabId),
      staleTime: Infinity,
    }),
};

/**
 * Puts a tab's new state (pushed by storage.onChanged) into the cache. A read still in flight started before this
 * change: it is cancelled first, so it cannot land afterwards and put the older reading back.
 */
export function applyTabState(client: QueryClient, tabId: number, state: TabState | null): void {
  const { queryKey } = queries.tabState(tabId);
  void client.cancelQueries({ queryKey });
  client.setQueryData(queryKey, state);
}

/** On-device AI availability; asked once per panel session (it does not change while the panel is open). */
export const aiQueries = {
  status: <T>(probe: () => Promise<T>) =>
    queryOptions({
      queryKey: ['aiStatus'] as const,
      queryFn: probe,
      staleTime: Infinity,
    }),
};
