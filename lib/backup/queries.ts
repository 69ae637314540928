import { queryOptions } from '@tanstack/react-query';
import { storageStatus } from '../browser/storage';

/** TanStack Query factories of the backup, restore and storage screens (keys live only here). */
export const backupQueries = {
  /** Storage use and persistence, refreshed after a backup, restore or wipe changes it. */
  storage: () =>
    queryOptions({
      queryKey: ['backup', 'storage'] as const,
      queryFn: () => storageStatus(),
      staleTime: 30_000,
    }),
};
