import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { TabState } from '../messaging';
import { getTabState } from '../browser/tab-state';
import { activeTabNow } from '../browser/tabs';
import { findContactByEmail, findContactBySlug, getNotes, getSettings, getTimeline, recentContacts } from '../db/contacts';
import { getDb } from '../db/schema';

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

/** On-device AI availability; asked once per panel session, and again when a polish fails. */
export const aiQueries = {
  status: <T>(probe: () => Promise<T>) =>
    queryOptions({
      queryKey: ['aiStatus'] as const,
      queryFn: probe,
      staleTime: Infinity,
    }),
};

/** History entries the panel shows when a contact opens; "Show older" adds more. */
export const HISTORY_PAGE = 30;

/** Recent contacts on the home screen. */
export const RECENT_COUNT = 15;

// A first-screen copy only has to outlive the moment between the prefetch and the first render that shows it; the
// live query answers within milliseconds after that, so an older copy is never kept around for long.
const FIRST_SCREEN_GC_MS = 5_000;

/** A database read as query options, plus the bare read (`read`) for the Dexie live query that keeps it current. */
function dbRead<K extends readonly unknown[], T>(queryKey: K, read: () => Promise<T>) {
  return { ...queryOptions({ queryKey, queryFn: read, staleTime: Infinity, gcTime: FIRST_SCREEN_GC_MS }), read };
}

/**
 * The reads of the panel's first screen (the person on the page, their notes and history; home's recent contacts).
 * The panel keeps each one live with a Dexie live query; the query cache holds what `prefetchFirstScreen` read before
 * React started, so the first render can show it instead of waiting for each live query in turn.
 */
export const firstScreen = {
  /** The active tab of the panel's window, for a panel that follows it (it keeps following it with tab events). */
  activeTab: () => queryOptions({ queryKey: ['activeTab'] as const, queryFn: activeTabNow, staleTime: Infinity, gcTime: FIRST_SCREEN_GC_MS }),
  /** The rep's settings, defaults filled in. */
  settings: () => dbRead(['db', 'settings'] as const, () => getSettings(getDb())),
  /** The saved contact with this email address; null when there is none (or no address). */
  contactByEmail: (email: string | null) =>
    dbRead(['db', 'contactByEmail', email] as const, async () => (email ? ((await findContactByEmail(getDb(), email)) ?? null) : null)),
  /** The saved contact linked to this LinkedIn profile; null when there is none (or no profile). */
  contactBySlug: (slug: string | null) =>
    dbRead(['db', 'contactBySlug', slug] as const, async () => (slug ? ((await findContactBySlug(getDb(), slug)) ?? null) : null)),
  /** A contact's notes, pinned first, then newest first. */
  notes: (contactId: string) => dbRead(['db', 'notes', contactId] as const, () => getNotes(getDb(), contactId)),
  /** A contact's newest `limit` history entries and notes, newest first. */
  timeline: (contactId: string, limit: number) => dbRead(['db', 'timeline', contactId, limit] as const, () => getTimeline(getDb(), contactId, limit)),
  /** The most recently active contacts. */
  recent: (limit: number) => dbRead(['db', 'recent', limit] as const, () => recentContacts(getDb(), limit)),
};
