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
  const snapshot = tabId === undefined ? null : ((await client.fetchQuery(queries.tabState(tabId)))?.snapshot ?? null);
  // The person is looked up without waiting for the settings: the rep's extra addresses there seldom change who the
  // other party of a thread is, and the two reads then share a round trip to the database. When they do change it,
  // the right person is read once the settings are in.
  const guess = lookupFor(snapshot, []);
  const guessed = guess && readContact(client, guess);
  guessed?.catch(() => undefined); // a guess that turns out wrong is not waited for: its failure is nobody's
  const lookup = lookupFor(snapshot, (await settings).ownEmails);
  if (!lookup) {
    await client.fetchQuery(firstScreen.recent(RECENT_COUNT));
    return;
  }
  const contact = await (guessed && sameLookup(guess, lookup) ? guessed : readContact(client, lookup));
  if (contact) await Promise.all([client.fetchQuery(firstScreen.notes(contact.id)), client.fetchQuery(firstScreen.timeline(contact.id, HISTORY_PAGE + 1))]);
}

type Lookup = { email: string | null } | { slug: string };

function readContact(client: QueryClient, lookup: Lookup) {
  return 'email' in lookup ? client.fetchQuery(firstScreen.contactByEmail(lookup.email)) : client.fetchQuery(firstScreen.contactBySlug(lookup.slug));
}

function sameLookup(a: Lookup | null, b: Lookup): boolean {
  return !!a && ('email' in a ? 'email' in b && a.email === b.email : 'slug' in b && a.slug === b.slug);
}

/**
 * How the panel's views look up the person a page is about: the other party of a Gmail thread by email, a LinkedIn
 * profile by its slug. Null for a page about nobody, where the panel shows home.
 */
function lookupFor(snapshot: PageSnapshot | null, ownEmails: readonly string[]): Lookup | null {
  if (snapshot?.site === 'gmail' && snapshot.thread) {
    const candidate = otherPartyOfThread(snapshot.thread, ownEmails);
    return candidate ? { email: candidate.email } : null;
  }
  if (snapshot?.site === 'linkedin' && snapshot.profile) return { slug: snapshot.profile.slug };
  return null;
}
