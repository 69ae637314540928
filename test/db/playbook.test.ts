import { beforeEach, describe, expect, it } from 'vitest';
import { otherPartyOfThread } from '../../lib/contacts/identity';
import { addCommitment, commitmentsOf, setCommitmentStatus } from '../../lib/db/commitments';
import { saveCandidate } from '../../lib/db/contacts';
import { historyOf } from '../../lib/db/history';
import { logAsk, logFollowUp, logValueGiven, referralsOf, setDecline, setReferredBy, setStage } from '../../lib/db/playbook';
import type { ResourcefulDB } from '../../lib/db/schema';
import { giveAskBalance } from '../../lib/playbook/balance';
import { freshDb } from '../helpers/db';
import { msg, thread } from '../helpers/factories';

let db: ResourcefulDB;
const T = Date.UTC(2026, 10, 1);
const save = (name: string, email: string) => saveCandidate(db, otherPartyOfThread(thread([msg({ fromEmail: email, fromName: name, date: T })]))!, { now: T });

beforeEach(() => {
  db = freshDb();
});

describe('playbook repository', () => {
  it('changes stage with a history line, and records decline reasons', async () => {
    const c = await save('Graham Ellery', 'g@ellerymarine.co.uk');
    expect(c.stage).toBe('new_inquiry');
    await setStage(db, c.id, 'declined', T + 1);
    await setStage(db, c.id, 'declined', T + 2); // no-op
    await setDecline(db, c.id, { stated: { reason: 'price', text: '  £7,200 is  too much ' } }, T + 3);
    await setDecline(db, c.id, { real: { reason: 'authority', text: 'The board wanted the cheaper bid' } }, T + 4);
    const after = await db.contacts.get(c.id);
    expect(after).toMatchObject({ stage: 'declined', declineStated: { reason: 'price', text: '£7,200 is too much' }, declineReal: { reason: 'authority', text: 'The board wanted the cheaper bid' } });
    const stages = (await historyOf(db, c.id)).filter((h) => h.kind === 'stage_changed');
    expect(stages.map((h) => h.subject)).toEqual(['New inquiry → Declined']);
  });

  it('links a referral both ways and refuses self-referral', async () => {
    const helped = await save('Nadia Petrov', 'nadia@fernhollow.com');
    const referred = await save('Sam Ortiz', 'sam@contoso.io');
    await setReferredBy(db, referred.id, helped.id, T + 10);
    expect((await referralsOf(db, helped.id)).map((c) => c.id)).toEqual([referred.id]);
    expect((await historyOf(db, helped.id)).find((h) => h.kind === 'referral')?.subject).toBe('Referred Sam Ortiz to you');
    expect((await historyOf(db, referred.id)).find((h) => h.kind === 'referral')?.subject).toBe('Referred by Nadia Petrov');
    await expect(setReferredBy(db, helped.id, helped.id, T)).rejects.toThrow(/themselves/);
    await setReferredBy(db, referred.id, null, T + 20);
    expect(await referralsOf(db, helped.id)).toEqual([]);
  });

  it('counts gives and asks for the balance', async () => {
    const c = await save('Dev Malhotra', 'dev@copperkettle.io');
    await logValueGiven(db, c.id, 'Introduced to a RevOps consultant', T + 1);
    await logAsk(db, c.id, 'Asked for a call', T + 2);
    await logFollowUp(db, c.id, 'Sent the pipeline template', T + 3);
    expect(giveAskBalance(await historyOf(db, c.id))).toEqual({ given: 1, asked: 2, net: -1, verdict: 'asker' });
  });

  it('keeps a commitments ledger with history lines', async () => {
    const c = await save('Renata Kowalczyk', 'renata@fernwoodbakery.com');
    const p = await addCommitment(db, { contactId: c.id, direction: 'theirs', kind: 'deposit', text: 'Pay the 30% deposit', dueAt: T + 86_400_000, source: 'manual' }, T);
    await setCommitmentStatus(db, p.id, 'missed', T + 2 * 86_400_000);
    expect(await commitmentsOf(db, c.id)).toEqual([{ ...p, status: 'missed', updatedAt: T + 2 * 86_400_000, resolvedAt: T + 2 * 86_400_000 }]);
    const lines = (await historyOf(db, c.id)).filter((h) => h.kind === 'commitment').map((h) => h.subject);
    expect(lines).toEqual(['They promised: Pay the 30% deposit', 'Missed: Pay the 30% deposit']);
  });
});
