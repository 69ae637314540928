import type { QueryClient } from '@tanstack/react-query';
import { getDb } from '@/lib/db/schema';
import { prefetchFirstScreen } from '@/lib/panel/prefetch';
import { pinnedTabId } from '../hooks';

/**
 * Starts the panel's first reads while React has not rendered yet: the database open and everything the first
 * screen shows (lib/panel/prefetch.ts). The components read all of it anyway (failures are reported there); this
 * takes the reads off the first screen's critical path. Settles when the first screen's data is in the query cache.
 */
export function prefetchPanel(client: QueryClient): Promise<void> {
  getDb()
    .open()
    .catch(() => undefined); // a failed open is reported by the first query that needs the database
  return prefetchFirstScreen(client, pinnedTabId(location.search));
}
