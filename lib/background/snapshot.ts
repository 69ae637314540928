import { getSettings, recordGmailThread, recordProfileVisit, refreshFromProfile } from '../db/contacts';
import type { ResourcefulDB } from '../db/schema';
import { getUnanswered, recordThread } from '../db/threads';
import { liveQuery } from 'dexie';
import type { PageSnapshot, TabState } from '../messaging';

/** What the snapshot handler needs from its surroundings (storage adapters, the clock), so tests can supply it. */
export interface SnapshotDeps {
  db: ResourcefulDB;
  saveTabState: (state: TabState) => Promise<void>;
  now: () => number;
}

/**
 * A content script reported what its tab shows: remember it for the panel, then let history accrue on saved
 * contacts (mail seen in a thread with them, a visit to their profile). For people not saved, only a Gmail thread's
 * queue row is kept (subject, sender, dates: the unanswered queue needs it, README "Permissions and privacy").
 */
export async function handleSnapshot(deps: SnapshotDeps, tabId: number, snapshot: PageSnapshot): Promise<void> {
  await deps.saveTabState({ tabId, snapshot });
  const now = deps.now();
  if (snapshot.site === 'gmail' && snapshot.thread) {
    const { ownEmails } = await getSettings(deps.db);
    await recordGmailThread(deps.db, snapshot.thread, ownEmails, snapshot.url, now);
    await recordThread(deps.db, snapshot.thread, snapshot.url, ownEmails, now);
  } else if (snapshot.site === 'linkedin' && snapshot.profile) {
    await recordProfileVisit(deps.db, snapshot.profile, now);
    await refreshFromProfile(deps.db, snapshot.profile, now);
  }
}

/**
 * Keeps the toolbar badge equal to the unanswered-queue length, whichever context changed the data (a Gmail read
 * in the background, a mute in the options page). Returns an unsubscribe function.
 */
export function watchQueueBadge(db: ResourcefulDB, setBadge: (count: number) => Promise<void>): () => void {
  const sub = liveQuery(async () => (await getUnanswered(db, (await getSettings(db)).muted)).length).subscribe({
    next: (count) => void setBadge(count).catch(() => undefined),
    error: (e: unknown) => console.warn('[resourceful] badge', e),
  });
  return () => sub.unsubscribe();
}
