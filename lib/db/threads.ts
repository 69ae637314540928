import type { GmailThread } from '../gmail/types';
import { threadRowFrom, unansweredQueue } from '../queue/threads';
import { ThreadRowSchema, type ThreadRow } from './models';
import type { ResourcefulDB } from './schema';

/** Updates the queue row of a thread the rep just read; returns the row (null when the thread has none). */
export async function recordThread(db: ResourcefulDB, thread: GmailThread, url: string, ownEmails: readonly string[], now: number): Promise<ThreadRow | null> {
  if (!thread.threadId) return null;
  return db.transaction('rw', db.threads, db.contacts, async () => {
    const previous = await db.threads.get(thread.threadId!);
    const row = threadRowFrom(thread, { url, ownEmails, previous, now });
    if (!row) return null;
    if (!row.contactId && row.fromEmail) row.contactId = (await db.contacts.where('emails').equals(row.fromEmail).first())?.id ?? null;
    const valid = ThreadRowSchema.safeParse(row);
    if (!valid.success) return null;
    await db.threads.put(valid.data);
    return valid.data;
  });
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
