import type { GmailThread } from '../gmail/types';
import { threadRowFrom, unansweredQueue } from '../queue/threads';
import { ThreadRowSchema, type ThreadRow } from './models';
import type { ResourcefulDB } from './schema';

/** Updates the queue row of a thread the rep just read; returns the row (null when the thread has none). */
export async function recordThread(db: ResourcefulDB, thread: GmailThread, url: string, ownEmails: readonly string[], now: number): Promise<ThreadRow | null> {
  if (!thread.threadId) return null;
  const id = thread.threadId;
  const build = async (): Promise<{ previous: ThreadRow | undefined; row: ThreadRow | null }> => {
    const previous = await db.threads.get(id);
    const row = threadRowFrom(thread, { url, ownEmails, previous, now });
    if (!row) return { previous, row: null };
    if (!row.contactId && row.fromEmail) row.contactId = (await db.contacts.where('emails').equals(row.fromEmail).first())?.id ?? null;
    const valid = ThreadRowSchema.safeParse(row);
    return { previous, row: valid.success ? valid.data : null };
  };
  // Most readings of a thread change nothing (the rep opens it again, Gmail re-renders it): find that out in a
  // read-only transaction, so the side panel reading the same stores at that moment is not queued behind a write.
  const seen = await db.transaction('r', db.threads, db.contacts, build);
  if (!seen.row) return null;
  if (seen.previous && sameThread(seen.previous, seen.row)) return seen.previous;
  return db.transaction('rw', db.threads, db.contacts, async () => {
    const { row } = await build();
    if (row) await db.threads.put(row);
    return row;
  });
}

/** Equal apart from `updatedAt`, which says when the row last changed, not when it was last read. */
function sameThread(a: ThreadRow, b: ThreadRow): boolean {
  return JSON.stringify({ ...a, updatedAt: 0 }) === JSON.stringify({ ...b, updatedAt: 0 });
}

/** The unanswered queue, oldest first, muted senders left out. */
export async function getUnanswered(db: ResourcefulDB, muted: readonly string[]): Promise<ThreadRow[]> {
  const waiting = await db.threads.where('[needsReply+lastInboundAt]').between([1, -Infinity], [1, Infinity]).toArray();
  return unansweredQueue(waiting, muted);
}

/** Attaches threads from a contact's addresses to that contact (after saving or editing it). */
export async function attachThreads(db: ResourcefulDB, contactId: string, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  await db.threads.where('fromEmail').anyOf([...emails]).modify((t) => {
    t.contactId ??= contactId;
  });
}
