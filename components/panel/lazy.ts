import { useLiveQuery } from 'dexie-react-hooks';
import { startTransition, useEffect, useState } from 'react';
import type { Interaction } from '@/lib/db/models';
import { historyOf } from '@/lib/db/playbook';
import { getDb } from '@/lib/db/schema';

/**
 * Performance helpers for the panel: what is not needed for the first screen (the person, their notes, the top of
 * their history) waits until that screen is painted. Everything still renders; only the order changes.
 */

/** False on the first render, true from the task after the first paint (a timer queued by a passive effect). */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return undefined;
    const t = setTimeout(() => startTransition(() => setReady(true)), 0);
    return () => clearTimeout(t);
  }, [ready]);
  return ready;
}

/**
 * False until the page has been idle once after mounting (or `timeout` ms passed): for work that would otherwise
 * hold up the first screen's data and rendering.
 */
export function useIdle(timeout = 1000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (idle) return undefined;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => startTransition(() => setIdle(true)), { timeout });
      return () => cancelIdleCallback(id);
    }
    const t = setTimeout(() => startTransition(() => setIdle(true)), 50);
    return () => clearTimeout(t);
  }, [idle, timeout]);
  return idle;
}

/**
 * A long list rendered in two steps: the first `first` items at once, the rest in a transition after the first paint
 * (React renders it in slices, so the page stays responsive). `key` identifies the list (a contact id): a new key
 * starts over.
 */
export function useProgressive<T>(items: readonly T[] | undefined, key: string, first = 20): readonly T[] | undefined {
  const [fullFor, setFullFor] = useState<string | null>(null);
  const long = !!items && items.length > first;
  useEffect(() => {
    if (!long || fullFor === key) return undefined;
    const t = setTimeout(() => startTransition(() => setFullFor(key)), 0);
    return () => clearTimeout(t);
  }, [long, key, fullFor]);
  return items && long && fullFor !== key ? items.slice(0, first) : items;
}

/**
 * Every history entry of a contact (for the give/ask balance and the follow-up planner), loaded once per change and
 * after the first paint. A live count over the contact's `[contactId+at]` range says when the rows changed; the rows
 * themselves are read outside the live query, so Dexie does not track thousands of keys for a busy contact.
 */
export function useContactHistory(contactId: string): Interaction[] | undefined {
  const ready = useAfterFirstPaint();
  const version = useLiveQuery(
    async () =>
      ready
        ? {
            contactId,
            n: await getDb()
              .interactions.where('[contactId+at]')
              .between([contactId, -Infinity], [contactId, Infinity])
              .count(),
          }
        : null,
    [contactId, ready],
  );
  const [loaded, setLoaded] = useState<{ contactId: string; rows: Interaction[] } | null>(null);
  useEffect(() => {
    if (!version) return undefined;
    let live = true;
    void historyOf(getDb(), version.contactId).then((rows) => {
      if (live) setLoaded({ contactId: version.contactId, rows });
    });
    return () => {
      live = false;
    };
  }, [version]);
  return loaded?.contactId === contactId ? loaded.rows : undefined;
}
