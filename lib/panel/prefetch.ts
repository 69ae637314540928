import type { QueryClient } from '@tanstack/react-query';
import { otherPartyOfThread } from '../contacts/identity';
import type { PageSnapshot } from '../messaging';
import { firstScreen, HISTORY_PAGE, queries, RECENT_COUNT } from './queries';

/**
 * Reads everything the panel's first screen shows into the query cache, as soon as the page's code runs: the tab's
 * snapshot and the settings side by side, then the person on the page, then their notes and history side by side
 * (home: the recent contacts). Left to the components, each of these reads starts only after the render that needs
 * it has been committed, one after the other; here they cost one database round trip per step and no render.
 * `pinned` null: the panel follows the active tab of its window, which is looked up first.
 * Failures are left to the components' own reads, which report them.
 */
export async function prefetchFirstScreen(client: QueryClient, pinned: number | null): Promise<void> {
  const settings = client.fetchQuery(firstScreen.settings());
  const tabId = pinned ?? (await client.fetchQuery(firstScreen.activeTab()))?.tabId;
  const [state, { ownEmails }] = await Promise.all([tabId === undefined ? null : client.fetchQuery(queries.tabState(tabId)), settings]);
  const lookup = lookupFor(state?.snapshot ?? null, ownEmails);
  if (!lookup) {
    await client.fetchQuery(firstScreen.recent(RECENT_COUNT));
    return;
  }
  const contact = await ('email' in lookup ? client.fetchQuery(firstScreen.contactByEmail(lookup.email)) : client.fetchQuery(firstScreen.contactBySlug(lookup.slug)));
  if (contact) await Promise.all([client.fetchQuery(firstScreen.notes(contact.id)), client.fetchQuery(firstScreen.timeline(contact.id, HISTORY_PAGE + 1))]);
}

/**
 * How the panel's views look up the person a page is about: the other party of a Gmail thread by email, a LinkedIn
 * profile by its slug. Null for a page about nobody, where the panel shows home.
 */
function lookupFor(snapshot: PageSnapshot | null, ownEmails: readonly string[]): { email: string | null } | { slug: string } | null {
  if (snapshot?.site === 'gmail' && snapshot.thread) {
    const candidate = otherPartyOfThread(snapshot.thread, ownEmails);
    return candidate ? { email: candidate.email } : null;
  }
  if (snapshot?.site === 'linkedin' && snapshot.profile) return { slug: snapshot.profile.slug };
  return null;
}
