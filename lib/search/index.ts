import MiniSearch from 'minisearch';
import type { Contact, Note } from '../db/models';

/**
 * Search across contacts, notes, companies and tags, instant as you type. MiniSearch (a small, well-kept full-text
 * index with prefix and fuzzy matching) is built lazily on the first query and then updated incrementally with
 * only the rows that changed since the last look.
 */

interface Doc {
  id: string;
  type: 'contact' | 'note';
  contactId: string;
  name: string;
  company: string;
  tags: string;
  emails: string;
  text: string;
}

/** One result: a contact, with the best matching note text when a note matched. */
export interface SearchHit {
  contactId: string;
  score: number;
  /** What matched: 'contact' fields and/or a note. */
  matchedNote: string | null;
}

function contactDoc(c: Contact): Doc {
  return {
    id: `c:${c.id}`,
    type: 'contact',
    contactId: c.id,
    name: c.name,
    company: c.company ?? '',
    tags: c.tags.join(' '),
    emails: c.emails.join(' '),
    text: [c.title, c.location, ...c.linkedin.map((l) => l.headline)].filter(Boolean).join(' '),
  };
}

function noteDoc(n: Note): Doc {
  return { id: `n:${n.id}`, type: 'note', contactId: n.contactId, name: '', company: '', tags: '', emails: '', text: n.text };
}

/** Reads rows changed since a time; the database adapter supplies these (see `lib/db/search.ts`). */
export interface SearchSource {
  contactsChangedSince(since: number): Promise<Contact[]>;
  notesChangedSince(since: number): Promise<Note[]>;
  /** All current ids, to drop deleted rows; only called when the counts say something was deleted. */
  counts(): Promise<{ contacts: number; notes: number }>;
  allIds(): Promise<{ contacts: string[]; notes: string[] }>;
}

/** An incrementally maintained search index over one database. */
export class ContactSearch {
  private index = new MiniSearch<Doc>({
    fields: ['name', 'company', 'tags', 'emails', 'text'],
    storeFields: ['type', 'contactId', 'text'],
    searchOptions: { boost: { name: 3, company: 2, tags: 2, emails: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
    // Accents fold away so "jose" finds "José".
    processTerm: (term) => term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase() || null,
  });
  private syncedAt = -Infinity;
  private docs = { contacts: new Set<string>(), notes: new Set<string>() };

  constructor(private readonly source: SearchSource) {}

  /** Brings the index up to date with the database (cheap when nothing changed). */
  async sync(): Promise<void> {
    const since = this.syncedAt;
    const started = Date.now();
    const [contacts, notes] = await Promise.all([this.source.contactsChangedSince(since), this.source.notesChangedSince(since)]);
    for (const c of contacts) this.put(contactDoc(c), this.docs.contacts, c.id);
    for (const n of notes) this.put(noteDoc(n), this.docs.notes, n.id);
    const counts = await this.source.counts();
    if (counts.contacts !== this.docs.contacts.size || counts.notes !== this.docs.notes.size) await this.dropDeleted();
    // Rows written during this sync are picked up by the next one (the window overlaps, `put` is idempotent).
    this.syncedAt = started - 1;
  }

  private put(doc: Doc, ids: Set<string>, rawId: string): void {
    if (this.index.has(doc.id)) this.index.replace(doc);
    else this.index.add(doc);
    ids.add(rawId);
  }

  private async dropDeleted(): Promise<void> {
    const all = await this.source.allIds();
    const alive = { contacts: new Set(all.contacts), notes: new Set(all.notes) };
    for (const id of [...this.docs.contacts]) if (!alive.contacts.has(id)) (this.index.discard(`c:${id}`), this.docs.contacts.delete(id));
    for (const id of [...this.docs.notes]) if (!alive.notes.has(id)) (this.index.discard(`n:${id}`), this.docs.notes.delete(id));
  }

  /** Contacts matching the query, best first (a contact matched by several notes ranks higher). */
  search(query: string, limit = 20): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const byContact = new Map<string, SearchHit>();
    for (const r of this.index.search(q)) {
      const contactId = r.contactId as string;
      const hit = byContact.get(contactId) ?? { contactId, score: 0, matchedNote: null };
      hit.score += r.score;
      if (r.type === 'note' && hit.matchedNote === null) hit.matchedNote = r.text as string;
      byContact.set(contactId, hit);
    }
    return [...byContact.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** Number of indexed documents (contacts + notes). */
  get size(): number {
    return this.index.documentCount;
  }
}
