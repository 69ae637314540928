import type { QueryClient } from '@tanstack/react-query';
import { getDb } from '@/lib/db/schema';
import { queries } from '@/lib/panel/queries';
import { pinnedTabId } from '../hooks';

/**
 * Starts the panel's first reads while its code is still being evaluated and React has not rendered yet: the
 * database open (the first query would otherwise start it after the first commit) and, for a panel pinned to a tab,
 * that tab's reading. Both are waited on anyway; this only takes them off the first screen's critical path.
 */
export function prefetchPanel(client: QueryClient): void {
  getDb()
    .open()
    .catch(() => undefined); // a failed open is reported by the first query that needs the database
  const pinned = pinnedTabId(location.search);
  if (pinned !== null) void client.prefetchQuery(queries.tabState(pinned));
}
