import 'fake-indexeddb/auto';
import { allHistory, writeHistory } from '../../lib/db/history';
import type { Interaction } from '../../lib/db/models';
import { ResourcefulDB } from '../../lib/db/schema';

let n = 0;
/** A fresh, empty database per test (fake-indexeddb in memory). */
export function freshDb(): ResourcefulDB {
  n += 1;
  return new ResourcefulDB(`test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
}

/** Every history entry in `db`, by id (as the one-row-per-entry table of schema v2 listed them). */
export async function historyRows(db: ResourcefulDB): Promise<Interaction[]> {
  return allHistory(db);
}

/** Writes history entries the app's way (into buckets), in one transaction. */
export async function addHistoryRows(db: ResourcefulDB, rows: readonly Interaction[]): Promise<void> {
  await db.transaction('rw', db.history, () => writeHistory(db, rows));
}
