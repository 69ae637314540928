import { describe, expect, it } from 'vitest';
import { loadReportInput } from '../../lib/report/load';
import { addHistoryRows, freshDb } from '../helpers/db';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);

describe('loadReportInput', () => {
  it('reads gives and asks in range, every stage change, and all contacts, promises and threads', async () => {
    const db = freshDb();
    const row = (id: string, kind: string, at: number) => ({ id: `c|${id}`, contactId: 'c', sourceKey: id, kind, at, subject: null, snippet: null, threadId: null, url: null });
    await addHistoryRows(
      db,
      [
        row('give-in', 'value_given', T0),
        row('ask-in', 'ask', T0 + 9 * DAY),
        row('follow-in', 'follow_up', T0 + DAY),
        row('ask-at-end', 'ask', T0 + 10 * DAY), // the end is excluded
        row('give-before', 'value_given', T0 - 1),
        row('stage-old', 'stage_changed', T0 - 300 * DAY),
        row('mail', 'email_in', T0 + DAY),
      ] as never[],
    );
    await db.threads.add({ threadId: 't', url: '', subject: '', fromName: '', fromEmail: '', lastInboundAt: null, lastOutboundAt: null, firstInboundAt: T0 - 400 * DAY, firstReplyAt: null, contactId: null, needsReply: 1, updatedAt: 0 });
    const input = await loadReportInput(db, { from: T0, to: T0 + 10 * DAY });
    expect(input.interactions.map((i) => i.sourceKey).sort()).toEqual(['ask-in', 'follow-in', 'give-in', 'stage-old']);
    expect(input.threads).toHaveLength(1);
    expect(input.contacts).toEqual([]);
    expect(input.commitments).toEqual([]);
    db.close();
  });
});
