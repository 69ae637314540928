import 'fake-indexeddb/auto';
import { allHistory, writeHistory } from '../../lib/db/history';
import type { Interaction, Note } from '../../lib/db/models';
import { allNotes, writeNotes } from '../../lib/db/notebook';
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

/** Every history entry in `db`, by id (as the one-row-per-entry table of schema v2 listed them). */
export async function historyRows(db: ResourcefulDB): Promise<Interaction[]> {
  return allHistory(db);
}

/** Writes history entries the app's way (into buckets), in one transaction. */
export async function addHistoryRows(db: ResourcefulDB, rows: readonly Interaction[]): Promise<void> {
  await db.transaction('rw', db.history, () => writeHistory(db, rows));
}

/** Every note in `db`, by id (as the one-row-per-note table of schema v2 listed them). */
export async function noteRows(db: ResourcefulDB): Promise<Note[]> {
  return allNotes(db);
}

/** Writes notes the app's way (into buckets), in one transaction; a note with an id that is there replaces it. */
export async function addNoteRows(db: ResourcefulDB, rows: readonly Note[]): Promise<void> {
  await db.transaction('rw', db.notebooks, () => writeNotes(db, rows, { replace: true }));
}
