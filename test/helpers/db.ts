import 'fake-indexeddb/auto';
import { writeHistory } from '../../lib/db/history';
import type { Interaction, Note } from '../../lib/db/models';
import { writeNotes } from '../../lib/db/notebook';
import { ResourcefulDB } from '../../lib/db/schema';

let n = 0;
/** A fresh, empty database per test (fake-indexeddb in memory). */
export function freshDb(): ResourcefulDB {
  n += 1;
  return new ResourcefulDB(`test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
}

/** Rows in records written to a store: a bucket counts its entries (history, notes), any other record one. */
export function rowsIn(values: readonly unknown[]): number {
  let n = 0;
  for (const v of values as { events?: unknown[]; notes?: unknown[] }[]) n += Array.isArray(v.events) ? v.events.length : Array.isArray(v.notes) ? v.notes.length : 1;
  return n;
}

/** Writes history entries the app's way (into buckets), in one transaction. */
export async function addHistoryRows(db: ResourcefulDB, rows: readonly Interaction[]): Promise<void> {
  await db.transaction('rw', db.history, () => writeHistory(db, rows));
}

/** Writes notes the app's way (into buckets), in one transaction; a note with an id that is there replaces it. */
export async function addNoteRows(db: ResourcefulDB, rows: readonly Note[]): Promise<void> {
  await db.transaction('rw', db.notebooks, () => writeNotes(db, rows, { replace: true }));
}
