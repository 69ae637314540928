import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { TabState } from '../../lib/messaging';

const read = vi.fn<(tabId: number) => Promise<TabState | null>>();
vi.mock('../../lib/browser/tab-state', () => ({ getTabState: (tabId: number) => read(tabId) }));
const { applyTabState, queries } = await import('../../lib/panel/queries');

const state = (url: string, thread: boolean): TabState =>
  ({ tabId: 7, snapshot: { site: 'gmail', readAt: 1, url, threadUrl: true, thread: thread ? { threadId: 't', subject: 's', accountEmail: null, participants: [], messages: [], latestInboundIndex: null, matched: {} } : null } }) as unknown as TabState;

describe('applyTabState', () => {
  it('keeps a pushed change when a read that started before it lands afterwards', async () => {
    const client = new QueryClient();
    let land!: (s: TabState | null) => void;
    read.mockImplementationOnce(() => new Promise((r) => (land = r)));
    const first = client.fetchQuery(queries.tabState(7)).catch(() => undefined);
    // The page is read while that first read is on its way: the change is pushed...
    const fresh = state('https://mail.google.com/mail/u/0/#inbox/abc', true);
    applyTabState(client, 7, fresh);
    // ...and then the first read lands with what storage held before.
    land(state('https://mail.google.com/mail/u/0/#inbox/abc', false));
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(client.getQueryData(queries.tabState(7).queryKey)).toBe(fresh);
  });
});
