import 'fake-indexeddb/auto';
import { ResourcefulDB } from '../../lib/db/schema';

let n = 0;
/** A fresh, empty database per test (fake-indexeddb in memory). */
export function freshDb(): ResourcefulDB {
  n += 1;
  return new ResourcefulDB(`test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
}
