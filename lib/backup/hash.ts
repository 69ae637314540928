/**
 * A fingerprint of the whole database: proof in tests (and a check after a restore) that nothing changed, or that
 * two databases hold exactly the same rows.
 */
import type { ResourcefulDB } from '../db/schema';
import { STORES, TABLES, type TableName } from './format';
import { rowStore } from './stores';

/**
 * JSON with object keys sorted, so two equal rows give the same text whatever order their fields were written in.
 * `undefined` fields are left out, as JSON.stringify does: a restored row lacks them too.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** True when two rows hold the same data (field order does not matter). */
export function sameRow(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every table's rows, sorted by primary key (IndexedDB's own key order), as canonical JSON lines. */
export async function tableText(db: ResourcefulDB, table: TableName): Promise<string> {
  // Rows in primary key order (history entries by id): the same for any two databases with the same rows.
  const rows = await rowStore(db, table).all();
  return rows.map(canonicalJson).join('\n');
}

/** SHA-256 per table and of all tables together: equal hashes mean equal databases. */
export async function hashDatabase(db: ResourcefulDB): Promise<{ all: string; tables: Record<TableName, string> }> {
  const tables = {} as Record<TableName, string>;
  await db.transaction('r', STORES.map((t) => db.table(t)), async () => {
    for (const t of TABLES) tables[t] = await tableText(db, t);
  });
  const hashes = {} as Record<TableName, string>;
  for (const t of TABLES) hashes[t] = await sha256(tables[t]);
  return { all: await sha256(TABLES.map((t) => `${t}\n${hashes[t]}`).join('\n')), tables: hashes };
}
