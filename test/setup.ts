// Unit tests run Dexie against an in-memory IndexedDB. Loaded before any test module, so Dexie (which looks for
// indexedDB when it is imported) always finds it, whatever the import order in a test file.
import 'fake-indexeddb/auto';
