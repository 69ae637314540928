import { TriageOverrideSchema, type Interaction, type TriageOverride } from './models';
import { newId } from './contacts';
import { writeHistory } from './history';
import { recordResourceSends } from './resources';
import type { ResourcefulDB } from './schema';
import { cleanText } from '../text';

/** The rep's correction of a thread's triage, if any. */
export async function getTriageOverride(db: ResourcefulDB, threadId: string): Promise<TriageOverride | null> {
  return (await db.triageOverrides.get(threadId)) ?? null;
}

/** Saves a one-click correction (intent, fit or decline reason) for a thread; other fields are kept. */
export async function saveTriageOverride(db: ResourcefulDB, threadId: string, patch: Omit<Partial<TriageOverride>, 'threadId' | 'updatedAt'>, now: number): Promise<TriageOverride> {
  const prev = await db.triageOverrides.get(threadId);
  const next = TriageOverrideSchema.parse({ ...prev, ...patch, threadId, updatedAt: now });
  await db.triageOverrides.put(next);
  return next;
}

/**
 * The rep used a suggested (or edited) reply: log "value given" on the contact with the resources it gave, and
 * remember those resources as sent so they are not suggested to this person again.
 */
export async function logReplyUsed(
  db: ResourcefulDB,
  input: { contactId: string; text: string; resourceIds: readonly string[]; threadId: string | null; url: string | null; subject: string | null; now: number },
): Promise<Interaction> {
  const sourceKey = `reply:${newId()}`;
  const row: Interaction = {
    id: `${input.contactId}|${sourceKey}`,
    contactId: input.contactId,
    sourceKey,
    kind: 'value_given',
    at: input.now,
    subject: input.subject ? cleanText(input.subject, 1000) : 'Reply',
    snippet: cleanText(input.text, 200) || null,
    threadId: input.threadId,
    url: input.url,
    resourceIds: [...input.resourceIds],
  };
  await db.transaction('rw', [db.history, db.contacts, db.resourceSends], async () => {
    await writeHistory(db, [row]);
    await db.contacts
      .where('id')
      .equals(input.contactId)
      .modify((c) => {
        if (c.lastInteractionAt === null || input.now > c.lastInteractionAt) c.lastInteractionAt = input.now;
        // Answering a new inquiry starts the conversation.
        if (c.stage === 'new_inquiry') c.stage = 'in_conversation';
      });
    if (input.resourceIds.length) await recordResourceSends(db, input.contactId, input.resourceIds, input.threadId, input.now);
  });
  return row;
}
