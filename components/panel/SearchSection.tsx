import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { Contact } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import { useAnnounce } from '../a11y';
import { Avatar, Section } from './ui';

/** How long results must stay put before their count is announced: a pause in typing, not every keystroke. */
const ANNOUNCE_AFTER_MS = 700;

/** Search hits shown (and asked of the index) per query. */
const MAX_HITS = 30;

/** What the screen reader hears once a search settles; a full page of hits may not be all there are. */
function searchSummary(count: number, capped: boolean): string {
  if (count === 0) return 'Nothing found.';
  if (capped && count >= MAX_HITS) return `The first ${count} contacts found.`;
  return `${count} ${count === 1 ? 'contact' : 'contacts'} found.`;
}

/**
 * Search across contacts, notes, companies and tags as you type, and filter contacts by tag (segment). The index
 * is built on first use and kept current from only the rows that changed.
 */
export function SearchSection({ onOpenContact }: { onOpenContact: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  // Typing stays responsive: the search renders from the deferred value.
  const q = useDeferredValue(query);
  // The index code (MiniSearch) loads when the rep first types or focuses the box, not with every panel open.
  const [engine, setEngine] = useState<typeof import('@/lib/db/search') | null>(null);
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (engine || (!wanted && !query)) return undefined;
    let live = true;
    void import('@/lib/db/search').then((m) => live && setEngine(m));
    return () => {
      live = false;
    };
  }, [engine, wanted, query]);
  // A restore in the options page keeps rows' old times, so no live query here notices it: results on screen are
  // asked again when it says it is done.
  const [restores, setRestores] = useState(0);
  useEffect(() => (engine ? engine.onRestored(getDb(), () => setRestores((n) => n + 1)) : undefined), [engine]);
  const tags = useLiveQuery(async () => (await getDb().contacts.orderBy('tags').uniqueKeys()) as string[], []);
  const found = useLiveQuery(async () => {
    const db = getDb();
    let hits: { contact: Contact; note: string | null }[] = [];
    if (q.trim()) {
      if (!engine) return undefined;
      const index = engine.searchFor(db);
      await index.sync();
      const matched = index.search(q, MAX_HITS);
      const contacts = await db.contacts.bulkGet(matched.map((h) => h.contactId));
      hits = matched.flatMap((h, i) => (contacts[i] ? [{ contact: contacts[i]!, note: h.matchedNote }] : []));
    } else if (tag) {
      hits = (await db.contacts.where('tags').equals(tag).toArray()).map((contact) => ({ contact, note: null }));
    } else {
      return null;
    }
    // Tagged with what they answer: a live query shows its last answer until the new one is in.
    return { q, tag, hits: tag ? hits.filter((h) => h.contact.tags.includes(tag)) : hits };
  }, [q, tag, engine, restores]);
  const results = found?.hits;

  // Results appear below the field the rep is typing in, out of a screen reader's hearing: say how many there are
  // once they answer the current query and typing has paused. Each query and count is said once (a live update that
  // keeps both is not news); clearing the field forgets, so asking again is answered again.
  const announce = useAnnounce();
  const said = useRef('');
  const settled = found && found.q === query && found.tag === tag ? found : null;
  const summary = settled ? searchSummary(settled.hits.length, settled.q.trim() !== '') : null;
  const key = settled ? `${settled.q.trim()}\u0000${settled.tag ?? ''}\u0000${summary}` : '';
  useEffect(() => {
    if (found === null) said.current = '';
    if (!summary || key === said.current) return undefined;
    const t = setTimeout(() => {
      said.current = key;
      announce(summary);
    }, ANNOUNCE_AFTER_MS);
    return () => clearTimeout(t);
  }, [found, key, summary, announce]);

  return (
    <Section title="Find" testId="search">
      <label className="field">
        <span className="sr-only">Search contacts, notes, companies and tags</span>
        <input type="search" value={query} placeholder="Search contacts, notes, companies, tags" onChange={(e) => setQuery(e.target.value)} onFocus={() => setWanted(true)} data-testid="search-input" />
      </label>
      {tags && tags.length > 0 && (
        <div className="tag-list" role="group" aria-label="Filter by tag">
          {tags.map((t) => (
            <button key={t} type="button" className={`tag tag-filter${tag === t ? ' on' : ''}`} aria-pressed={tag === t} onClick={() => setTag(tag === t ? null : t)} data-testid="tag-filter">
              {t}
            </button>
          ))}
        </div>
      )}
      {results &&
        (results.length === 0 ? (
          <p className="muted" data-testid="search-empty">
            Nothing found.
          </p>
        ) : (
          <ul className="recent">
            {results.map(({ contact, note }) => (
              <li key={contact.id}>
                <button type="button" className="recent-row" onClick={() => onOpenContact(contact.id)} data-testid="search-result">
                  <Avatar name={contact.name} />
                  <span className="recent-text">
                    <strong>{contact.name}</strong>
                    <span className="muted small">{note ?? [contact.company, contact.emails[0]].filter(Boolean).join(' · ')}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </Section>
  );
}
