import { CommitmentSchema, type Commitment, type CommitmentKind, type Direction } from '../playbook/types';
import { cleanText } from '../text';
import type { Interaction } from './models';
import { newId } from './contacts';
import { writeHistory } from './history';
import type { ResourcefulDB } from './schema';

/** What the rep confirms to add to a contact's ledger. */
export interface NewCommitment {
  contactId: string;
  direction: Direction;
  kind: CommitmentKind;
  text: string;
  dueAt: number | null;
  source: Commitment['source'];
}

/** The history line for something that happened to a promise (added, kept, missed); one per event. */
function ledgerLine(c: Commitment, event: string, subject: string, snippet: string | null, now: number): Interaction {
  const sourceKey = `commitment:${c.id}:${event}`;
  return { id: `${c.contactId}|${sourceKey}`, contactId: c.contactId, sourceKey, kind: 'commitment', at: now, subject, snippet, threadId: null, url: null };
}

/** Adds a promise to the ledger (and a line to the contact's history). */
export async function addCommitment(db: ResourcefulDB, input: NewCommitment, now: number): Promise<Commitment> {
  const c = CommitmentSchema.parse({ ...input, text: cleanText(input.text, 1000), id: newId(), status: 'open', createdAt: now, updatedAt: now, resolvedAt: null });
  await db.transaction('rw', db.commitments, db.history, async () => {
    await db.commitments.add(c);
    const who = c.direction === 'mine' ? 'You promised' : 'They promised';
    await writeHistory(db, [ledgerLine(c, 'added', `${who}: ${c.text}`, c.dueAt ? `Due ${new Date(c.dueAt).toDateString()}` : null, now)], { replace: true });
  });
  return c;
}

/** Marks a promise kept ("done"), broken ("missed") or open again. */
export async function setCommitmentStatus(db: ResourcefulDB, id: string, status: Commitment['status'], now: number): Promise<void> {
  await db.transaction('rw', db.commitments, db.history, async () => {
    const c = await db.commitments.get(id);
    if (!c) return;
    await db.commitments.put({ ...c, status, updatedAt: now, resolvedAt: status === 'open' ? null : now });
    if (status !== 'open') await writeHistory(db, [ledgerLine(c, status, `${status === 'done' ? 'Kept' : 'Missed'}: ${c.text}`, null, now)], { replace: true });
  });
}

/** Deletes a promise entered by mistake. */
export async function deleteCommitment(db: ResourcefulDB, id: string): Promise<void> {
  await db.commitments.delete(id);
}

/** A contact's whole ledger. */
export async function commitmentsOf(db: ResourcefulDB, contactId: string): Promise<Commitment[]> {
  return db.commitments.where('contactId').equals(contactId).toArray();
}
