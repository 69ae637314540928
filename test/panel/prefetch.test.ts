import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { otherPartyOfThread } from '../../lib/contacts/identity';
import { addNote, getNotes, getTimeline, recentContacts, saveCandidate, saveSettings } from '../../lib/db/contacts';
import { getDb } from '../../lib/db/schema';
import type { TabState } from '../../lib/messaging';
import { msg, thread } from '../helpers/factories';

const read = vi.fn<(tabId: number) => Promise<TabState | null>>();
vi.mock('../../lib/browser/tab-state', () => ({ getTabState: (tabId: number) => read(tabId) }));
const active = vi.fn<() => Promise<{ tabId: number; url: string | null } | null>>();
vi.mock('../../lib/browser/tabs', () => ({ activeTabNow: () => active() }));
const { firstScreen, HISTORY_PAGE, RECENT_COUNT } = await import('../../lib/panel/queries');
const { prefetchFirstScreen } = await import('../../lib/panel/prefetch');

const REP = 'rep@brightpath.io';
const T0 = Date.UTC(2026, 10, 16, 9, 0);
const URL_ = 'https://mail.google.com/mail/u/0/#inbox/abc';

const danaThread = () =>
  thread([msg({ id: 'm1', fromEmail: 'dana@northwind.com', fromName: 'Dana Whitfield', to: [{ name: 'Rep', email: REP }], date: T0, snippet: 'Could you advise?' })]);
const gmailState = (t: ReturnType<typeof danaThread>): TabState => ({ tabId: 7, snapshot: { site: 'gmail', url: URL_, readAt: T0, thread: t, threadUrl: true } });

beforeEach(async () => {
  await getDb().delete();
  await getDb().open();
  read.mockReset();
  active.mockReset();
});

describe('prefetchFirstScreen', () => {
  it('puts the person on a Gmail thread, their notes and their history where the panel looks first', async () => {
    const t = danaThread();
    const contact = await saveCandidate(getDb(), otherPartyOfThread(t)!, { now: T0, thread: t, url: URL_, ownEmails: [] });
    await addNote(getDb(), contact.id, 'Prefers calls', T0 + 1);
    read.mockResolvedValue(gmailState(t));
    const client = new QueryClient();
    await prefetchFirstScreen(client, 7);
    expect(client.getQueryData(firstScreen.contactByEmail('dana@northwind.com').queryKey)).toEqual(await getDb().contacts.get(contact.id));
    expect(client.getQueryData(firstScreen.notes(contact.id).queryKey)).toEqual(await getNotes(getDb(), contact.id));
    expect(client.getQueryData(firstScreen.timeline(contact.id, HISTORY_PAGE + 1).queryKey)).toEqual(await getTimeline(getDb(), contact.id, HISTORY_PAGE + 1));
  });

  it("reads the right person when the rep's extra addresses change who the other party is", async () => {
    const dana = danaThread();
    const contact = await saveCandidate(getDb(), otherPartyOfThread(dana)!, { now: T0, thread: dana, url: URL_, ownEmails: [] });
    await saveSettings(getDb(), { ownEmails: ['me@alias.io'] });
    // The latest message is from the rep's other address: without the settings it would look like the other party.
    const t = thread([...dana.messages, msg({ id: 'm2', fromEmail: 'me@alias.io', fromName: 'Me', to: [{ name: 'Dana', email: 'dana@northwind.com' }], date: T0 + 1, snippet: 'Sure' })]);
    read.mockResolvedValue(gmailState(t));
    const client = new QueryClient();
    await prefetchFirstScreen(client, 7);
    expect(client.getQueryData(firstScreen.contactByEmail('dana@northwind.com').queryKey)).toMatchObject({ id: contact.id });
    expect(client.getQueryData(firstScreen.notes(contact.id).queryKey)).toEqual([]);
  });

  it('records that the person on the page is not saved, and reads nothing more', async () => {
    read.mockResolvedValue(gmailState(danaThread()));
    const client = new QueryClient();
    await prefetchFirstScreen(client, 7);
    expect(client.getQueryData(firstScreen.contactByEmail('dana@northwind.com').queryKey)).toBeNull();
    expect(client.getQueryCache().findAll({ queryKey: ['db', 'notes'] })).toHaveLength(0);
  });

  it('reads the recent contacts for a tab with nothing to show (home)', async () => {
    const t = danaThread();
    await saveCandidate(getDb(), otherPartyOfThread(t)!, { now: T0, thread: t, url: URL_, ownEmails: [] });
    read.mockResolvedValue(null);
    const client = new QueryClient();
    await prefetchFirstScreen(client, 999);
    expect(client.getQueryData(firstScreen.recent(RECENT_COUNT).queryKey)).toEqual(await recentContacts(getDb(), RECENT_COUNT));
  });

  it('follows the active tab of its window when not pinned, and keeps the tab it found', async () => {
    const t = danaThread();
    await saveCandidate(getDb(), otherPartyOfThread(t)!, { now: T0, thread: t, url: URL_, ownEmails: [] });
    active.mockResolvedValue({ tabId: 7, url: URL_ });
    read.mockResolvedValue(gmailState(t));
    const client = new QueryClient();
    await prefetchFirstScreen(client, null);
    expect(read).toHaveBeenCalledWith(7);
    expect(client.getQueryData(firstScreen.activeTab().queryKey)).toEqual({ tabId: 7, url: URL_ });
    expect(client.getQueryData(firstScreen.contactByEmail('dana@northwind.com').queryKey)).toMatchObject({ name: 'Dana Whitfield' });
  });

  it('shows home when the window has no active tab', async () => {
    active.mockResolvedValue(null);
    const client = new QueryClient();
    await prefetchFirstScreen(client, null);
    expect(read).not.toHaveBeenCalled();
    expect(client.getQueryData(firstScreen.recent(RECENT_COUNT).queryKey)).toEqual([]);
  });
});
