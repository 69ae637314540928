/**
 * Deleting: one contact with everything about them, or all data. Both are single transactions: a failure leaves
 * everything in place rather than half a person.
 */
import { deleteContact } from '../db/contacts';
import type { ResourcefulDB } from '../db/schema';
import { countHistory } from '../db/history';
import { countNotes } from '../db/notebook';
import { STORES, TABLES, countOf, zeroCounts, type Counts } from './format';
import { rowStore } from './stores';

/** Rows per table, read in one transaction (a consistent count for a confirmation message). */
export async function countRows(db: ResourcefulDB): Promise<Counts> {
  const counts = zeroCounts();
  await db.transaction('r', STORES.map((t) => db.table(t)), async () => {
    for (const t of TABLES) counts[t] = await rowStore(db, t).count();
  });
  return counts;
}

/** What deleting a contact takes with it, for the confirmation. */
export interface ContactFootprint {
  notes: number;
  interactions: number;
  commitments: number;
  resourceSends: number;
  /** Email threads with them in the unanswered queue (kept, but no longer linked to them). */
  threads: number;
  /** Contacts they referred (kept; the referral link goes). */
  referred: number;
}

/** Counts everything a contact's deletion touches. */
export async function contactFootprint(db: ResourcefulDB, contactId: string): Promise<ContactFootprint> {
  return db.transaction('r', [db.notebooks, db.history, db.commitments, db.resourceSends, db.threads, db.contacts], async () => ({
    notes: await countNotes(db, contactId),
    interactions: await countHistory(db, contactId),
    commitments: await db.commitments.where('contactId').equals(contactId).count(),
    resourceSends: await db.resourceSends.where('contactId').equals(contactId).count(),
    // threads.contactId is not indexed: a filter over the thread list (hundreds of rows, not millions).
    threads: await db.threads.filter((t) => t.contactId === contactId).count(),
    referred: await db.contacts.where('referredBy').equals(contactId).count(),
  }));
}

/** "with 14 notes, 2 history entries and 1 promise" for a confirmation; empty when nothing else goes. */
export function describeFootprint(f: ContactFootprint): string {
  const parts = [
    f.notes ? countOf('notes', f.notes) : '',
    f.interactions ? countOf('interactions', f.interactions) : '',
    f.commitments ? countOf('commitments', f.commitments) : '',
    f.resourceSends ? `${f.resourceSends === 1 ? 'the record of 1 resource' : `the record of ${f.resourceSends.toLocaleString('en-US')} resources`} you sent them` : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return `with ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`}`;
}

/**
 * What deleting a contact leaves in place, for the confirmation: "Your 2 email threads with them stay in the reply
 * queue." (the rep's own mail, no longer linked to the contact); empty when there are none.
 */
export function describeKept(f: ContactFootprint): string {
  if (!f.threads) return '';
  return `${f.threads === 1 ? 'Your email thread with them stays' : `Your ${f.threads.toLocaleString('en-US')} email threads with them stay`} in the reply queue.`;
}

/**
 * Deletes a contact with its notes, history, promises and resource sends (deleteContact), and removes the last
 * traces of them elsewhere: email threads stay in the queue (they are the rep's mail) but no longer point at the
 * contact, and contacts they referred keep everything except the link to them.
 */
export async function eraseContact(db: ResourcefulDB, contactId: string): Promise<void> {
  await db.transaction('rw', [db.contacts, db.notebooks, db.history, db.commitments, db.resourceSends, db.threads], async () => {
    await deleteContact(db, contactId);
    await db.threads.filter((t) => t.contactId === contactId).modify({ contactId: null });
    await db.contacts.where('referredBy').equals(contactId).modify({ referredBy: null });
  });
}

/** Deletes every row of every table (the database itself stays, at the current schema). Returns what was deleted. */
export async function wipeAll(db: ResourcefulDB): Promise<Counts> {
  return db.transaction('rw', STORES.map((t) => db.table(t)), async () => {
    const removed = zeroCounts();
    for (const t of TABLES) {
      const store = rowStore(db, t);
      removed[t] = await store.count();
      await store.clear();
    }
    return removed;
  });
}
