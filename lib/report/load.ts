import { historyByKind } from '../db/history';
import type { InteractionKind } from '../db/models';
import type { ResourcefulDB } from '../db/schema';
import type { ReportInput } from './aggregate';

/** History kinds the report counts in range: gives, asks and follow-ups. */
const RANGED_KINDS: InteractionKind[] = ['value_given', 'ask', 'follow_up'];

/**
 * Reads what the goodwill report needs. History comes from the buckets that hold the kinds counted (by kind, or by
 * date for the range): gives/asks only in `[from, to)`, and every `stage_changed` (a lead helped long ago may be the referrer of a
 * referral in range, and "moved into the stage" is their latest one, wherever it falls).
 */
export async function loadReportInput(db: ResourcefulDB, range: { from: number; to: number }): Promise<ReportInput> {
  return db.transaction('r', [db.contacts, db.history, db.commitments, db.threads], async () => {
    const [contacts, commitments, threads, stageChanges, ranged] = await Promise.all([
      db.contacts.toArray(),
      db.commitments.toArray(),
      db.threads.toArray(),
      historyByKind(db, ['stage_changed']),
      historyByKind(db, RANGED_KINDS, range.from, range.to),
    ]);
    return { contacts, commitments, threads, interactions: [...stageChanges, ...ranged] };
  });
}
