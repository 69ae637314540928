import { beforeEach, describe, expect, it } from 'vitest';
import { handleSnapshot } from '../../lib/background/snapshot';
import { candidateFromProfile, otherPartyOfThread } from '../../lib/contacts/identity';
import { saveCandidate, saveSettings } from '../../lib/db/contacts';
import type { ResourcefulDB } from '../../lib/db/schema';
import type { TabState } from '../../lib/messaging';
import { addHistoryRows, freshDb } from '../helpers/db';
import { allHistory, historyOf } from '../../lib/db/history';
import { msg, profile, thread } from '../helpers/factories';

const T0 = Date.UTC(2026, 10, 20, 12);
let db: ResourcefulDB;
let saved: TabState[];
const deps = () => ({ db, saveTabState: async (s: TabState) => void saved.push(s), now: () => T0 });

beforeEach(() => {
  db = freshDb();
  saved = [];
});

describe('handleSnapshot', () => {
  const t = thread([
    msg({ id: 'a1', fromEmail: 'dana@northwind.com', fromName: 'Dana', date: T0 - 1000 }),
    msg({ id: 'a2', fromEmail: 'alias@brightpath.io', fromName: 'Me (alias)', to: [{ name: 'Dana', email: 'dana@northwind.com' }], date: T0 - 500 }),
  ]);
  const gmail = { site: 'gmail' as const, url: 'https://mail.google.com/mail/u/0/#inbox/x', readAt: T0, thread: t, threadUrl: true };

  it('stores the tab state and writes no history for unknown people', async () => {
    await handleSnapshot(deps(), 5, gmail);
    expect(saved).toEqual([{ tabId: 5, snapshot: gmail }]);
    expect(await allHistory(db)).toHaveLength(0);
    expect(await db.contacts.count()).toBe(0);
  });

  it('accrues history on saved contacts, using the own addresses from settings for direction', async () => {
    await saveSettings(db, { ownEmails: ['alias@brightpath.io'] });
    const c = await saveCandidate(db, otherPartyOfThread(t, ['alias@brightpath.io'])!, { now: T0 - 10_000 });
    expect(c.emails).toEqual(['dana@northwind.com']);
    await handleSnapshot(deps(), 5, gmail);
    const rows = await historyOf(db, c.id);
    expect(rows.map((r) => [r.kind, r.sourceKey, r.url])).toEqual([
      ['contact_saved', expect.stringMatching(/^event:/), null],
      ['email_in', 'gmail:a1', gmail.url],
      ['email_out', 'gmail:a2', gmail.url],
    ]);
  });

  it('records a LinkedIn visit and refreshes the linked contact', async () => {
    const p = profile();
    const c = await saveCandidate(db, candidateFromProfile(p), { now: T0 - 2 * 86_400_000 });
    const moved = profile({ company: 'Contoso', title: 'COO', headline: 'COO at Contoso' });
    await handleSnapshot(deps(), 9, { site: 'linkedin', url: p.url, readAt: T0, profile: moved, profileUrl: true });
    const after = await db.contacts.get(c.id);
    expect(after).toMatchObject({ company: 'Contoso', companySource: 'linkedin', title: 'Head of Operations' });
    expect(after?.linkedin[0]?.headline).toBe('COO at Contoso');
    expect((await historyOf(db, c.id)).filter((i) => i.kind === 'profile_visit')).toHaveLength(2);
  });
});
