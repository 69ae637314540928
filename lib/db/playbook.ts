import { DeclineNoteSchema, type Contact, type DeclineNote, type Interaction } from './models';
import { newId } from './contacts';
import { writeHistory } from './history';
import type { ResourcefulDB } from './schema';
import { STAGE_LABEL, type Stage } from '../playbook/types';
import { cleanText } from '../text';

function event(contactId: string, kind: Interaction['kind'], at: number, subject: string, snippet: string | null = null): Interaction {
  const sourceKey = `event:${newId()}`;
  return { id: `${contactId}|${sourceKey}`, contactId, sourceKey, kind, at, subject, snippet, threadId: null, url: null };
}

async function touch(db: ResourcefulDB, contactId: string, at: number): Promise<void> {
  await db.contacts
    .where('id')
    .equals(contactId)
    .modify((c) => {
      c.updatedAt = at;
      if (c.lastInteractionAt === null || at > c.lastInteractionAt) c.lastInteractionAt = at;
    });
}

/** Moves a contact to a stage; the change shows in the history. */
export async function setStage(db: ResourcefulDB, contactId: string, stage: Stage, now: number): Promise<void> {
  await db.transaction('rw', db.contacts, db.history, async () => {
    const c = await db.contacts.get(contactId);
    if (!c || c.stage === stage) return;
    await db.contacts.update(contactId, { stage, updatedAt: now });
    await writeHistory(db, [event(contactId, 'stage_changed', now, `${STAGE_LABEL[c.stage]} → ${STAGE_LABEL[stage]}`, stage)]);
  });
}

/** Records the decline reason they stated and/or the real one, once learned. */
export async function setDecline(db: ResourcefulDB, contactId: string, patch: { stated?: DeclineNote | null; real?: DeclineNote | null }, now: number): Promise<void> {
  const clean = (n: DeclineNote | null | undefined) => (n ? DeclineNoteSchema.parse({ reason: n.reason, text: cleanText(n.text, 2000) }) : n);
  const update: Partial<Contact> = { updatedAt: now };
  if (patch.stated !== undefined) update.declineStated = clean(patch.stated) ?? null;
  if (patch.real !== undefined) update.declineReal = clean(patch.real) ?? null;
  await db.contacts.update(contactId, update);
}

/** Sets (or clears) who referred this contact; both contacts' histories show the referral. */
export async function setReferredBy(db: ResourcefulDB, contactId: string, referrerId: string | null, now: number): Promise<void> {
  if (referrerId === contactId) throw new Error('A contact cannot refer themselves');
  await db.transaction('rw', db.contacts, db.history, async () => {
    const [c, r] = await Promise.all([db.contacts.get(contactId), referrerId ? db.contacts.get(referrerId) : undefined]);
    if (!c) throw new Error('Contact not found');
    if (referrerId && !r) throw new Error('Referrer not found');
    await db.contacts.update(contactId, { referredBy: referrerId, updatedAt: now });
    if (r) {
      await writeHistory(db, [event(contactId, 'referral', now, `Referred by ${r.name}`), event(r.id, 'referral', now, `Referred ${c.name} to you`)]);
      await touch(db, r.id, now);
    }
  });
}

/** Contacts this one referred to the rep. */
export async function referralsOf(db: ResourcefulDB, contactId: string): Promise<Contact[]> {
  return db.contacts.where('referredBy').equals(contactId).toArray();
}

/** Logs a follow-up the rep sent (counts as an ask in the give/ask balance, and towards the close-the-file rule). */
export async function logFollowUp(db: ResourcefulDB, contactId: string, text: string, now: number): Promise<void> {
  await db.transaction('rw', db.contacts, db.history, async () => {
    await writeHistory(db, [event(contactId, 'follow_up', now, 'Follow-up', cleanText(text, 200))]);
    await touch(db, contactId, now);
  });
}

/** Logs a value the rep gave outside a reply (an introduction, a resource sent by hand). */
export async function logValueGiven(db: ResourcefulDB, contactId: string, what: string, now: number): Promise<void> {
  await db.transaction('rw', db.contacts, db.history, async () => {
    await writeHistory(db, [event(contactId, 'value_given', now, cleanText(what, 300) || 'Helped')]);
    await touch(db, contactId, now);
  });
}

/** Logs an ask the rep made (a meeting, a proposal review, a decision). */
export async function logAsk(db: ResourcefulDB, contactId: string, what: string, now: number): Promise<void> {
  await db.transaction('rw', db.contacts, db.history, async () => {
    await writeHistory(db, [event(contactId, 'ask', now, cleanText(what, 300) || 'Asked')]);
    await touch(db, contactId, now);
  });
}

