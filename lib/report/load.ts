import Dexie from 'dexie';
import type { InteractionKind } from '../db/models';
import type { ResourcefulDB } from '../db/schema';
import type { ReportInput } from './aggregate';

/** History kinds the report counts in range: gives, asks and follow-ups. */
const RANGED_KINDS: InteractionKind[] = ['value_given', 'ask', 'follow_up'];

/**
 * Reads what the goodwill report needs. Interactions come through the `[kind+at]` index: only the kinds counted,
 * gives/asks only in `[from, to)`, and every `stage_changed` (a lead helped long ago may be the referrer of a
 * referral in range, and "moved into the stage" is their latest one, wherever it falls).
 */
export async function loadReportInput(db: ResourcefulDB, range: { from: number; to: number }): Promise<ReportInput> {
  return db.transaction('r', [db.contacts, db.interactions, db.commitments, db.threads], async () => {
    const [contacts, commitments, threads, stageChanges, ...ranged] = await Promise.all([
      db.contacts.toArray(),
      db.commitments.toArray(),
      db.threads.toArray(),
      db.interactions.where('[kind+at]').between(['stage_changed', Dexie.minKey], ['stage_changed', Dexie.maxKey], true, true).toArray(),
      ...RANGED_KINDS.map((k) => db.interactions.where('[kind+at]').between([k, range.from], [k, range.to], true, false).toArray()),
    ]);
    return { contacts, commitments, threads, interactions: [...stageChanges, ...ranged.flat()] };
  });
}
