import { beforeEach, describe, expect, it } from 'vitest';
import { candidateFromProfile, otherPartyOfThread } from '../../lib/contacts/identity';
import {
  addNote,
  deleteNote,
  findContactByEmail,
  findContactBySlug,
  getNotes,
  getSettings,
  getTimeline,
  linkProfile,
  recentContacts,
  recordGmailThread,
  recordProfileVisit,
  saveCandidate,
  saveSettings,
  saveTyped,
  suggestLinks,
  unlinkProfile,
  updateContact,
  updateNote,
} from '../../lib/db/contacts';
import type { ResourcefulDB } from '../../lib/db/schema';
import { addHistoryRows, addNoteRows, freshDb } from '../helpers/db';
import { addCommitment, commitmentsOf } from '../../lib/db/commitments';
import { referralsOf, setDecline, setReferredBy, setStage } from '../../lib/db/playbook';
import { mergedStage } from '../../lib/playbook/types';
import { recordResourceSends, sentResourceIds } from '../../lib/db/resources';
import { recordThread } from '../../lib/db/threads';
import { handEnteredProfile } from '../../lib/contacts/manual';
import { notesOf } from '../../lib/db/notebook';
import { allHistory, historyOf } from '../../lib/db/history';
import { msg, profile, thread } from '../helpers/factories';

const REP = 'rep@brightpath.io';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 16, 9, 0);

function danaThread() {
  return thread([
    msg({ id: 'm1', fromEmail: 'dana@northwind.com', fromName: 'Dana Whitfield', to: [{ name: 'Rep', email: REP }], date: T0, snippet: 'Could you advise on CRM rollout?' }),
    msg({ id: 'm2', fromEmail: REP, fromName: 'Rep', fromMe: true, to: [{ name: 'Dana', email: 'dana@northwind.com' }], date: T0 + 3600_000, snippet: 'Happy to help.' }),
  ]);
}

let db: ResourcefulDB;
beforeEach(() => {
  db = freshDb();
});

describe('saving a contact from a Gmail thread', () => {
  it('creates the contact and fills history from the thread, deduplicated on re-read', async () => {
    const t = danaThread();
    const c = await saveCandidate(db, otherPartyOfThread(t)!, { now: T0 + DAY, thread: t, url: 'https://mail.google.com/mail/u/0/#inbox/abc', ownEmails: [] });
    expect(c).toMatchObject({ name: 'Dana Whitfield', emails: ['dana@northwind.com'], company: 'Northwind', companySource: 'email_domain' });
    expect(c.nameTokens).toEqual(['dana', 'whitfield']);
    const tl = await getTimeline(db, c.id);
    const kinds = tl.map((i) => (i.type === 'interaction' ? i.interaction.kind : 'note'));
    expect(kinds).toEqual(['contact_saved', 'email_out', 'email_in']);
    const mail = tl.filter((i) => i.type === 'interaction' && i.interaction.kind.startsWith('email'));
    expect(mail.map((i) => i.type === 'interaction' && i.interaction.url)).toEqual(['https://mail.google.com/mail/u/0/#inbox/abc', 'https://mail.google.com/mail/u/0/#inbox/abc']);
    // Reading the same thread again (and again) adds nothing.
    expect(await recordGmailThread(db, t, [], null, T0 + 2 * DAY)).toBe(0);
    expect(await allHistory(db)).toHaveLength(3);
    expect((await db.contacts.get(c.id))?.lastInteractionAt).toBe(T0 + DAY);
  });

  it('saving twice returns the same contact', async () => {
    const t = danaThread();
    const cand = otherPartyOfThread(t)!;
    const a = await saveCandidate(db, cand, { now: T0, thread: t });
    const b = await saveCandidate(db, cand, { now: T0 + 1, thread: t });
    expect(b.id).toBe(a.id);
    expect(await db.contacts.count()).toBe(1);
  });

  it('records new messages only for saved contacts, and only messages they are in', async () => {
    const t = danaThread();
    expect(await recordGmailThread(db, t, [], null, T0)).toBe(0);
    expect(await allHistory(db)).toHaveLength(0);
    const c = await saveCandidate(db, otherPartyOfThread(t)!, { now: T0, thread: t });
    const next = thread([
      ...t.messages,
      msg({ id: 'm3', fromEmail: 'dana@northwind.com', fromName: 'Dana', date: T0 + 2 * DAY, snippet: 'Thanks!' }),
      msg({ id: 'm4', fromEmail: 'x@other.com', fromName: 'X', to: [{ name: 'Rep', email: REP }], date: T0 + 3 * DAY }),
    ]);
    expect(await recordGmailThread(db, next, [], null, T0)).toBe(1);
    const c2 = await db.contacts.get(c.id);
    expect(c2?.lastInteractionAt).toBe(T0 + 2 * DAY);
  });
});

describe('notes', () => {
  it('adds, edits, pins (pinned first) and deletes', async () => {
    const c = await saveCandidate(db, otherPartyOfThread(danaThread())!, { now: T0 });
    const a = await addNote(db, c.id, '  Budget approved in Q1  ', T0 + 1);
    const b = await addNote(db, c.id, 'Prefers email over calls', T0 + 2);
    expect(a.text).toBe('Budget approved in Q1');
    expect((await getNotes(db, c.id)).map((n) => n.id)).toEqual([b.id, a.id]);
    await updateNote(db, c.id, a.id, { pinned: true }, T0 + 3);
    await updateNote(db, c.id, b.id, { text: 'Prefers email' }, T0 + 4);
    const notes = await getNotes(db, c.id);
    expect(notes.map((n) => [n.id, n.pinned, n.text])).toEqual([
      [a.id, true, 'Budget approved in Q1'],
      [b.id, false, 'Prefers email'],
    ]);
    await deleteNote(db, c.id, a.id);
    expect((await getNotes(db, c.id)).map((n) => n.id)).toEqual([b.id]);
    const tl = await getTimeline(db, c.id);
    expect(tl[0]).toMatchObject({ type: 'note', note: { id: b.id } });
  });
  it('rejects an empty note', async () => {
    const c = await saveCandidate(db, otherPartyOfThread(danaThread())!, { now: T0 });
    await expect(addNote(db, c.id, '   ', T0)).rejects.toThrow();
  });
});

describe('LinkedIn visits, linking and unlinking', () => {
  it('records one visit per profile per day', async () => {
    const p = profile();
    const c = await saveCandidate(db, candidateFromProfile(p), { now: T0 });
    expect(c.linkedinSlugs).toEqual(['dana-whitfield']);
    expect(await recordProfileVisit(db, p, T0 + 1000)).toBe(0);
    expect(await recordProfileVisit(db, p, T0 + DAY)).toBe(1);
    expect(await historyOf(db, c.id)).toHaveLength(3);
  });

  it('suggests the emailed contact by name and company, and linking merges everything', async () => {
    const t = danaThread();
    const emailed = await saveCandidate(db, otherPartyOfThread(t)!, { now: T0, thread: t });
    await addNote(db, emailed.id, 'Met at the ops meetup', T0 + 5);
    await saveCandidate(db, { ...otherPartyOfThread(t)!, name: 'Dana Kowalski', email: 'dk@else.org', company: 'Else' }, { now: T0 });
    const p = profile();
    const linkedinOnly = await saveCandidate(db, candidateFromProfile(p), { now: T0 + DAY });
    await addNote(db, linkedinOnly.id, 'Posted about hiring', T0 + DAY + 5);

    const sugg = await suggestLinks(db, p);
    expect(sugg.map((s) => s.contact.id)).toEqual([emailed.id]);
    expect(sugg[0]!.reasons).toEqual(['same name', 'same company (Northwind)']);

    const merged = await linkProfile(db, emailed.id, p, T0 + 2 * DAY);
    expect(merged.id).toBe(emailed.id);
    expect(merged.emails).toEqual(['dana@northwind.com']);
    expect(merged.linkedinSlugs).toEqual(['dana-whitfield']);
    expect(await db.contacts.get(linkedinOnly.id)).toBeUndefined();
    expect((await getNotes(db, emailed.id)).map((n) => n.text).sort()).toEqual(['Met at the ops meetup', 'Posted about hiring']);
    const kinds = (await getTimeline(db, emailed.id)).filter((i) => i.type === 'interaction').map((i) => i.type === 'interaction' && i.interaction.kind);
    expect(kinds).toEqual(expect.arrayContaining(['email_in', 'email_out', 'profile_visit', 'profile_linked', 'contact_saved']));
    expect((await findContactBySlug(db, 'dana-whitfield'))?.id).toBe(emailed.id);
    expect((await findContactByEmail(db, 'DANA@northwind.com'))?.id).toBe(emailed.id);
    // The profile's title and location fill what the emailed contact lacked; the company agrees.
    expect(merged).toMatchObject({ title: 'Head of Operations', location: 'Leeds, England', company: 'Northwind' });

    const kept = await unlinkProfile(db, emailed.id, 'dana-whitfield', T0 + 3 * DAY);
    expect(kept.linkedinSlugs).toEqual([]);
    const split = await findContactBySlug(db, 'dana-whitfield');
    expect(split).toMatchObject({ name: 'Dana Whitfield', company: 'Northwind', emails: [] });
    expect(split!.id).not.toBe(emailed.id);
    const splitKinds = (await getTimeline(db, split!.id)).map((i) => i.type === 'interaction' && i.interaction.kind);
    // The visit recorded when it was saved on its own (day 1) and the one at linking (day 2) go with it.
    expect(splitKinds).toEqual(['profile_visit', 'profile_visit']);
    // Notes stay where the rep wrote them (both, after the merge).
    expect(await notesOf(db, emailed.id)).toHaveLength(2);
  });

  it('linking merges the profile-only contact\'s promises, resources sent, threads, referrals, decline and stage too', async () => {
    const t = danaThread();
    const emailed = await saveCandidate(db, otherPartyOfThread(t)!, { now: T0, thread: t });
    const p = profile();
    const linkedinOnly = await saveCandidate(db, candidateFromProfile(p), { now: T0 + DAY });
    const referrer = await saveCandidate(db, { ...otherPartyOfThread(t)!, name: 'Ruth Okafor', email: 'ruth@else.org', company: 'Else' }, { now: T0 });
    const referred = await saveCandidate(db, { ...otherPartyOfThread(t)!, name: 'Sam Lee', email: 'sam@lee.io', company: 'Lee' }, { now: T0 });
    const promise = await addCommitment(db, { contactId: linkedinOnly.id, direction: 'mine', kind: 'send', text: 'Send the rollout checklist', dueAt: null, source: 'manual' }, T0 + DAY);
    await recordResourceSends(db, linkedinOnly.id, ['res-checklist'], null, T0 + DAY);
    const row = await recordThread(db, thread(t.messages, { threadId: 'profile-thread' }), 'https://mail.google.com/mail/u/0/#inbox/profile-thread', [REP], T0 + DAY);
    expect(row).not.toBeNull();
    await db.threads.update('profile-thread', { contactId: linkedinOnly.id });
    await setReferredBy(db, linkedinOnly.id, referrer.id, T0 + DAY);
    await setReferredBy(db, referred.id, linkedinOnly.id, T0 + DAY);
    await setDecline(db, linkedinOnly.id, { stated: { reason: 'timing', text: 'Not this quarter' } }, T0 + DAY);
    await setStage(db, linkedinOnly.id, 'qualified', T0 + DAY);

    const merged = await linkProfile(db, emailed.id, p, T0 + 2 * DAY);

    expect((await commitmentsOf(db, emailed.id)).map((c) => c.id)).toEqual([promise.id]);
    expect(await db.commitments.where('contactId').equals(linkedinOnly.id).count()).toBe(0);
    expect(await sentResourceIds(db, emailed.id)).toEqual(['res-checklist']);
    expect((await db.threads.get('profile-thread'))?.contactId).toBe(emailed.id);
    expect((await referralsOf(db, emailed.id)).map((c) => c.id)).toEqual([referred.id]);
    expect((await db.contacts.get(referred.id))?.referredBy).toBe(emailed.id);
    expect(merged).toMatchObject({ referredBy: referrer.id, declineStated: { reason: 'timing', text: 'Not this quarter' }, stage: 'qualified' });
    // Nothing points at the deleted contact any more.
    const dangling = [
      await db.commitments.where('contactId').equals(linkedinOnly.id).count(),
      await db.resourceSends.where('contactId').equals(linkedinOnly.id).count(),
      await db.threads.filter((r) => r.contactId === linkedinOnly.id).count(),
      await db.contacts.where('referredBy').equals(linkedinOnly.id).count(),
    ];
    expect(dangling).toEqual([0, 0, 0, 0]);
  });

  it('merging a contact into the one it referred leaves no self-referral', async () => {
    const t = danaThread();
    const emailed = await saveCandidate(db, otherPartyOfThread(t)!, { now: T0, thread: t });
    const p = profile();
    const linkedinOnly = await saveCandidate(db, candidateFromProfile(p), { now: T0 + DAY });
    await setReferredBy(db, emailed.id, linkedinOnly.id, T0 + DAY);
    const merged = await linkProfile(db, emailed.id, p, T0 + 2 * DAY);
    expect(merged.referredBy).toBeNull();
    expect((await db.contacts.get(emailed.id))?.referredBy).toBeNull();
  });

  it('links a profile that was never saved by adding the slug', async () => {
    const t = danaThread();
    const emailed = await saveCandidate(db, otherPartyOfThread(t)!, { now: T0, thread: t });
    await updateContact(db, emailed.id, { company: 'Northwind Traders' }, T0 + 1);
    const linked = await linkProfile(db, emailed.id, profile({ company: 'Other Co' }), T0 + 2);
    // A company the rep typed is kept over LinkedIn's.
    expect(linked).toMatchObject({ company: 'Northwind Traders', companySource: 'manual', linkedinSlugs: ['dana-whitfield'] });
  });

  it('does not suggest someone who only shares a common first name', async () => {
    await saveCandidate(db, { ...candidateFromProfile(profile()), linkedin: null, name: 'Dana Smith', company: 'Acme', companySource: 'manual' }, { now: T0 });
    expect(await suggestLinks(db, profile())).toEqual([]);
  });
});

describe('contacts and settings', () => {
  it('edits details and refuses an email that belongs to someone else', async () => {
    const a = await saveCandidate(db, otherPartyOfThread(danaThread())!, { now: T0 });
    const b = await saveCandidate(db, { ...otherPartyOfThread(danaThread())!, name: 'Sam', email: 'sam@x.com' }, { now: T0 });
    const edited = await updateContact(db, a.id, { name: 'Dana W.', title: 'COO', tags: ['Ops', 'ops', ' leeds '] }, T0 + 1);
    expect(edited).toMatchObject({ name: 'Dana W.', title: 'COO', tags: ['ops', 'leeds'], nameTokens: ['dana'] });
    await expect(updateContact(db, a.id, { emails: ['sam@x.com'] }, T0 + 2)).rejects.toThrow(/already belongs to Sam/);
    expect((await db.contacts.get(b.id))?.emails).toEqual(['sam@x.com']);
  });

  it('keeps the company\'s source when an edit leaves the company as it was; a changed company is the rep\'s own', async () => {
    const a = await saveCandidate(db, otherPartyOfThread(danaThread())!, { now: T0 });
    expect(a).toMatchObject({ company: 'Northwind', companySource: 'email_domain' });
    // The edit form sends every field back, the unchanged company included.
    const titled = await updateContact(db, a.id, { name: a.name, company: 'Northwind', title: 'Practice Manager' }, T0 + 1);
    expect(titled).toMatchObject({ company: 'Northwind', companySource: 'email_domain', title: 'Practice Manager' });
    const renamed = await updateContact(db, a.id, { company: 'Northwind Traders' }, T0 + 2);
    expect(renamed).toMatchObject({ company: 'Northwind Traders', companySource: 'manual' });
    expect(await updateContact(db, a.id, { company: '' }, T0 + 3)).toMatchObject({ company: null, companySource: null });
  });

  it('lists recent contacts, including ones with no history yet', async () => {
    const a = await saveCandidate(db, otherPartyOfThread(danaThread())!, { now: T0 });
    await db.history.clear();
    await db.contacts.update(a.id, { lastInteractionAt: null });
    const b = await saveCandidate(db, { ...otherPartyOfThread(danaThread())!, name: 'Sam', email: 'sam@x.com' }, { now: T0 + 10 });
    const recent = await recentContacts(db, 10);
    expect(recent.map((c) => c.id)).toEqual([b.id, a.id]);
  });

  it('keeps own addresses normalised and deduplicated', async () => {
    expect(await getSettings(db)).toEqual({ ownEmails: [], theme: 'system', muted: [], dormantDays: 30, maxUnansweredFollowUps: 3, aiPolish: false, onboardingDismissed: false });
    await saveSettings(db, { ownEmails: ['Me@X.com', 'me@x.com', 'not an email'] });
    expect((await getSettings(db)).ownEmails).toEqual(['me@x.com']);
  });
});

describe('getTimeline reads the newest rows without a per-row cursor', () => {
  it('returns exactly what sorting every row of the contact would, ties and neighbours included', async () => {
    const fc = await import('fast-check');
    await fc.assert(
      fc.asyncProperty(
        // Few distinct times, so equal times (ties broken by id) are common; rows of two neighbouring contacts.
        fc.array(fc.record({ owner: fc.constantFrom('a', 'b', 'c'), at: fc.integer({ min: 0, max: 12 }), note: fc.boolean() }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        async (rows, limit) => {
          const d = freshDb();
          await addHistoryRows(
            d,
            rows.flatMap((r, i) => (r.note ? [] : [{ id: `${r.owner}|i${String(i).padStart(3, '0')}`, contactId: r.owner, sourceKey: `k${i}`, kind: 'email_in' as const, at: r.at, subject: null, snippet: null, threadId: null, url: null }])),
          );
          await addNoteRows(d, rows.flatMap((r, i) => (r.note ? [{ id: `n${String(i).padStart(3, '0')}`, contactId: r.owner, text: `note ${i}`, createdAt: r.at, updatedAt: r.at, pinned: false }] : [])));
          const got = (await getTimeline(d, 'b', limit)).map((t) => (t.type === 'note' ? t.note.id : t.interaction.id));
          // The reference: the contact's rows, newest first, equal times in reverse id order (as a reverse cursor
          // on [contactId+time] returns them), interactions before notes at equal times (as the merge keeps them).
          const inter = rows.flatMap((r, i) => (!r.note && r.owner === 'b' ? [{ id: `b|i${String(i).padStart(3, '0')}`, at: r.at }] : [])).sort((x, y) => y.at - x.at || (x.id < y.id ? 1 : -1)).slice(0, limit);
          const notes = rows.flatMap((r, i) => (r.note && r.owner === 'b' ? [{ id: `n${String(i).padStart(3, '0')}`, at: r.at }] : [])).sort((x, y) => y.at - x.at || (x.id < y.id ? 1 : -1)).slice(0, limit);
          const want = [...inter, ...notes].sort((x, y) => y.at - x.at).slice(0, limit).map((x) => x.id);
          expect(got).toEqual(want);
          d.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('saving a person typed in on a page that could not be read', () => {
  const typed = (name: string, email: string | null, pageUrl: string) => ({
    source: 'manual' as const,
    name,
    email,
    company: null,
    companySource: null,
    title: null,
    location: null,
    linkedin: handEnteredProfile(pageUrl, name, null),
    subject: null,
    lastWroteAt: null,
    lastWroteRaw: null,
  });
  const PAGE = 'https://www.linkedin.com/in/dana-whitfield/';

  it('a new person: saved with the email and the profile', async () => {
    const c = await saveTyped(db, typed('Nora Hale', 'nora@hale.io', 'https://www.linkedin.com/in/nora-hale/'), T0);
    expect(c).toMatchObject({ name: 'Nora Hale', emails: ['nora@hale.io'], linkedinSlugs: ['nora-hale'] });
  });

  it('someone saved from Gmail, typed by their email: the profile is linked to them, not dropped', async () => {
    const emailed = await saveCandidate(db, otherPartyOfThread(danaThread())!, { now: T0, thread: danaThread() });
    const c = await saveTyped(db, typed('Dana Whitfield', 'dana@northwind.com', PAGE), T0 + DAY);
    expect(c.id).toBe(emailed.id);
    expect(c.linkedinSlugs).toEqual(['dana-whitfield']);
    expect((await findContactBySlug(db, 'dana-whitfield'))?.id).toBe(emailed.id);
  });

  it('someone saved from this profile, typed with a new email: the email is added, not dropped', async () => {
    const fromProfile = await saveCandidate(db, candidateFromProfile(profile()), { now: T0 });
    const c = await saveTyped(db, typed('Dana Whitfield', 'dana@private.example', PAGE), T0 + DAY);
    expect(c.id).toBe(fromProfile.id);
    expect(c.emails).toEqual(['dana@private.example']);
  });

  it('saved twice, once by the email and once by the profile: typed with both, they become one contact', async () => {
    const emailed = await saveCandidate(db, otherPartyOfThread(danaThread())!, { now: T0, thread: danaThread() });
    await saveCandidate(db, candidateFromProfile(profile()), { now: T0 });
    const c = await saveTyped(db, typed('Dana Whitfield', 'dana@northwind.com', PAGE), T0 + DAY);
    expect(c.id).toBe(emailed.id);
    expect(await db.contacts.count()).toBe(1);
    expect(c).toMatchObject({ emails: ['dana@northwind.com'], linkedinSlugs: ['dana-whitfield'] });
  });
});

describe('the stage of two records merged into one contact', () => {
  it.each([
    ['new_inquiry', 'in_conversation', 'new_inquiry'],
    ['in_conversation', 'new_inquiry', 'in_conversation'],
    ['new_inquiry', 'qualified', 'qualified'],
    ['in_conversation', 'customer', 'customer'],
    ['declined', 'qualified', 'declined'],
    ['customer', 'new_inquiry', 'customer'],
  ] as const)('%s + %s → %s (a starting stage never overrides a decision, nor the other way round)', (target, source, expected) => {
    expect(mergedStage(target, source)).toBe(expected);
  });

  it('linking a profile saved on its own keeps an unanswered inquiry an inquiry', async () => {
    const t = danaThread();
    const emailed = await saveCandidate(db, otherPartyOfThread(t)!, { now: T0, thread: t });
    const p = profile();
    const linkedinOnly = await saveCandidate(db, candidateFromProfile(p), { now: T0 + DAY });
    expect([emailed.stage, linkedinOnly.stage]).toEqual(['new_inquiry', 'in_conversation']);
    expect((await linkProfile(db, emailed.id, p, T0 + 2 * DAY)).stage).toBe('new_inquiry');
  });
});
