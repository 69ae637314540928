import { CommitmentSchema, type Commitment, type CommitmentKind, type Direction } from '../playbook/types';
import { cleanText } from '../text';
import { newId } from './contacts';
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

/** Adds a promise to the ledger (and a line to the contact's history). */
export async function addCommitment(db: ResourcefulDB, input: NewCommitment, now: number): Promise<Commitment> {
  const c = CommitmentSchema.parse({ ...input, text: cleanText(input.text, 1000), id: newId(), status: 'open', createdAt: now, updatedAt: now, resolvedAt: null });
  await db.transaction('rw', db.commitments, db.interactions, async () => {
    await db.commitments.add(c);
    const sourceKey = `commitment:${c.id}:added`;
    await db.interactions.put({
      id: `${c.contactId}|${sourceKey}`,
      contactId: c.contactId,
      sourceKey,
      kind: 'commitment',
      at: now,
      subject: `${c.direction === 'mine' ? 'You promised' : 'They promised'}: ${c.text}`,
      snippet: c.dueAt ? `Due ${new Date(c.dueAt).toDateString()}` : null,
      threadId: null,
      url: null,
    });
  });
  return c;
}

/** Marks a promise kept ("done"), broken ("missed") or open again. */
export async function setCommitmentStatus(db: ResourcefulDB, id: string, status: Commitment['status'], now: number): Promise<void> {
  await db.transaction('rw', db.commitments, db.interactions, async () => {
    const c = await db.commitments.get(id);
    if (!c) return;
    await db.commitments.put({ ...c, status, updatedAt: now, resolvedAt: status === 'open' ? null : now });
    if (status !== 'open') {
      const sourceKey = `commitment:${c.id}:${status}`;
      await db.interactions.put({
        id: `${c.contactId}|${sourceKey}`,
        contactId: c.contactId,
        sourceKey,
        kind: 'commitment',
        at: now,
        subject: `${status === 'done' ? 'Kept' : 'Missed'}: ${c.text}`,
        snippet: null,
        threadId: null,
        url: null,
      });
    }
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
