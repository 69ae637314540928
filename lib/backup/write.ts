/**
 * Writing a backup: every table, read in pages inside one read transaction (a consistent snapshot, even while the
 * background keeps recording history), turned into text parts the page hands to a Blob. Nothing is ever one giant
 * string, so a database larger than a JavaScript string can hold still backs up; and every few megabytes the text
 * so far is handed to a Blob (memory the browser keeps outside the page's JavaScript heap, on disk when large), so
 * the page holds at most a few megabytes of text and one page of rows whatever the database's size.
 */
import type { ResourcefulDB } from '../db/schema';
import { BACKUP_FORMAT, BACKUP_VERSION, CURRENT_SCHEMA_VERSION, STORES, TABLES, parseRow, zeroCounts, type Counts, type RowProblem, type TableName } from './format';
import { BUCKET_SIZE, HISTORY, toColumns } from '../db/history';
import type { HistoryBucket } from '../db/models';
import { pageEntriesValid, pageProblem, pageSize as entriesIn, type HistoryPage } from './pages';
import { rowStore } from './stores';

/** How far a backup or restore has got, for a progress bar. */
export interface Progress {
  /** Records done so far, over all tables (a backup counts a bucket of history entries as one). */
  done: number;
  total: number;
  table: TableName;
}

/** A finished backup: the file's text in parts (strings and Blobs of text, in order), and what went into it. */
export interface BackupResult {
  parts: BlobPart[];
  counts: Counts;
  /** Stored rows that fail their schema: kept verbatim under `invalidRows`, not restored. */
  invalid: RowProblem[];
  exportedAt: string;
}

/** Rows read per request: large enough to be quick, small enough that the progress bar moves. */
export const PAGE_SIZE = 2000;

/** Characters of text gathered before they are handed to a Blob (see above). */
export const BLOB_CHARS = 4_000_000;

/** Reads the whole database into backup text. `now` stamps the file; progress is reported after every page. */
export async function writeBackup(
  db: ResourcefulDB,
  opts: { now: number; onProgress?: (p: Progress) => void; pageSize?: number; blobChars?: number },
): Promise<BackupResult> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const blobChars = opts.blobChars ?? BLOB_CHARS;
  const counts = zeroCounts();
  const invalid: (RowProblem & { row: unknown })[] = [];
  const blobs: Blob[] = [];
  let body: string[] = [];
  let chars = 0;
  const push = (text: string): void => {
    body.push(text);
    chars += text.length;
    if (chars >= blobChars) {
      blobs.push(new Blob(body));
      body = [];
      chars = 0;
    }
  };
  await db.transaction('r', STORES.map((t) => db.table(t)), async (tx) => {
    const stores = TABLES.map((t) => rowStore(tx, t));
    // Progress counts records read (a bucket of history entries is one): what the wait is made of.
    const sizes = await Promise.all(stores.map((s) => s.records()));
    const total = sizes.reduce((a, b) => a + b, 0);
    let done = 0;
    for (const [ti, table] of TABLES.entries()) {
      const store = stores[ti]!;
      let index = 0;
      let first = true;
      push(`${ti === 0 ? '' : ',\n'}${JSON.stringify(table)}:[`);
      /** Checks a row; false (and set aside under invalidRows) when it fails its schema. */
      const check = (row: unknown): boolean => {
        index += 1;
        const checked = parseRow(table, row, index);
        if (!checked.ok) invalid.push({ ...checked.problem, row });
        else counts[table] += 1;
        return checked.ok;
      };
      const { buckets } = store;
      // History: each bucket is a page of the file (format 2, lib/backup/pages.ts), its columns as they are stored.
      // Every other table: a row per line.
      const read: (after: string | null) => Promise<{ items: unknown[]; records: number; next: string | null }> = buckets
        ? async (after) => {
            const page = await buckets(after, Math.max(1, Math.ceil(pageSize / BUCKET_SIZE)));
            return { items: page.buckets, records: page.buckets.length, next: page.next };
          }
        : async (after) => {
            const page = await store.page(after, pageSize);
            return { items: page.rows, records: page.records, next: page.next };
          };
      const lineOf = (item: unknown): string | null => {
        if (!buckets) return check(item) ? JSON.stringify(item) : null;
        const b = item as HistoryBucket;
        const page: HistoryPage = { contactId: b.contactId, cols: b.cols };
        // A sound bucket (nearly all) is checked as columns; one that is not, entry by entry, setting bad ones aside.
        if (pageProblem(page) === null && pageEntriesValid(page)) {
          const n = entriesIn(page);
          index += n;
          counts[table] += n;
          return JSON.stringify(page);
        }
        const entries = HISTORY.entries(b);
        const valid = entries.filter(check);
        if (valid.length === 0) return null;
        const cols = valid.length === entries.length ? b.cols : toColumns(b.contactId, valid);
        return JSON.stringify({ contactId: b.contactId, cols } satisfies HistoryPage);
      };
      let next: ReturnType<typeof read> | null = read(null);
      while (next) {
        const page: Awaited<ReturnType<typeof read>> = await next;
        // The next page is asked for before this one is checked and turned into text: the browser reads it meanwhile.
        next = page.next === null ? null : read(page.next);
        if (page.items.length === 0) break;
        const lines: string[] = [];
        for (const item of page.items) {
          const line = lineOf(item);
          if (line !== null) lines.push(line);
        }
        if (lines.length) {
          push(`${first ? '\n' : ',\n'}${lines.join(',\n')}`);
          first = false;
        }
        done += page.records;
        opts.onProgress?.({ done, total, table });
      }
      push(first ? ']' : '\n]');
    }
  });
  const exportedAt = new Date(opts.now).toISOString();
  const header = `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"schemaVersion":${CURRENT_SCHEMA_VERSION},"exportedAt":${JSON.stringify(exportedAt)},"counts":${JSON.stringify(counts)},"tables":{\n`;
  const invalidRows = invalid.map(({ table, index, key, message, row }) => JSON.stringify({ table, index, key, problem: message, row }));
  const tail = `\n},"invalidRows":[${invalidRows.length ? `\n${invalidRows.join(',\n')}\n` : ''}]}\n`;
  return { parts: [header, ...blobs, ...body, tail], counts, invalid: invalid.map(({ row: _row, ...p }) => p), exportedAt };
}

/** A file name for a backup made at `now`, e.g. `resourceful-backup-2026-03-02-1405.json` (local time). */
export function backupFileName(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `resourceful-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.json`;
}
