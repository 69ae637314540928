import MiniSearch, { type SearchResult } from 'minisearch';
import type { Contact, Note } from '../db/models';

/**
 * Search across contacts, notes, companies and tags, instant as you type. MiniSearch (a small, well-kept full-text
 * index with prefix and fuzzy matching) is built lazily on the first query and then updated incrementally with
 * only the rows that changed since the last look.
 *
 * Built to stay fast at 10k contacts and 100k notes:
 * - two indexes: the contacts' own fields, and one document per contact holding all of its notes. A query scores
 *   at most one document per contact in each, however many notes there are; the best matching note is picked
 *   afterwards, among the few contacts shown.
 * - on note text, prefix matching starts at three characters and fuzzy matching (one typo) at five: a one-letter
 *   prefix over 100k notes matches half the vocabulary and says nothing, and two typos cost a walk of most of it. Names, companies, emails and tags keep prefix matching
 *   from the first letter.
 * - normalised terms are memoised (the vocabulary is small next to the number of words indexed).
 * - notes are kept as the database keeps them, in buckets (lib/db/notebook.ts): a bucket written since the last
 *   look replaces its old self, so a note taken out of one bucket and put into another needs no bookkeeping by id.
 * - deletions, and rows written with an old time (a merge restore keeps each row's `updatedAt`), are looked for
 *   (row counts, then ids) only when the source says something changed, not per keystroke.
 */

interface ContactDoc {
  id: string;
  name: string;
  company: string;
  tags: string;
  emails: string;
  text: string;
}

interface NotesDoc {
  /** The contact id. */
  id: string;
  text: string;
}

/** One result: a contact, with the best matching note text when a note matched. */
export interface SearchHit {
  contactId: string;
  score: number;
  /** What matched: 'contact' fields and/or a note. */
  matchedNote: string | null;
}

function contactDoc(c: Contact): ContactDoc {
  return {
    id: c.id,
    name: c.name,
    company: c.company ?? '',
    tags: c.tags.join(' '),
    emails: c.emails.join(' '),
    text: [c.title, c.location, ...c.linkedin.map((l) => l.headline)].filter(Boolean).join(' '),
  };
}

/** A stored group of one contact's notes, as it is now (`lib/db/notebook.ts`). */
export interface NoteGroup {
  id: string;
  contactId: string;
  notes: readonly Note[];
}

/** Reads rows changed since a time; the database adapter supplies these (see `lib/db/search.ts`). */
export interface SearchSource {
  contactsChangedSince(since: number): Promise<Contact[]>;
  /** The note groups written after `since`, whole, from one consistent read (a note that moves shows up once). */
  notesChangedSince(since: number): Promise<NoteGroup[]>;
  /** How many contacts and note groups there are: deleted or never-read ones are looked for only when these differ. */
  counts(): Promise<{ contacts: number; groups: number }>;
  /** Every contact's and note group's id, to drop the deleted ones and find the ones never read. */
  allIds(): Promise<{ contacts: string[]; groups: string[] }>;
  /** The contacts with these ids, whatever their `updatedAt` (ids no longer there are left out). */
  contactsByIds(ids: readonly string[]): Promise<Contact[]>;
  /** The note groups with these ids, whole, whenever they were written (ids no longer there are left out). */
  groupsByIds(ids: readonly string[]): Promise<NoteGroup[]>;
  /**
   * Optional: calls `listener` when rows may have been written with times older than the last sync (a restore keeps
   * each row's own times): the next sync then reads everything again, once.
   */
  onRestored?(listener: () => void): () => void;
  /**
   * Optional: calls `listener` whenever contacts or notes may have changed (in any context). With it, a sync when
   * nothing changed costs nothing; without it, every sync asks the source.
   */
  onChange?(listener: () => void): () => void;
}

// Accents fold away so "jose" finds "José". Memoised: the same few thousand words recur across 100k notes.
const termCache = new Map<string, string | null>();
function processTerm(term: string): string | null {
  let out = termCache.get(term);
  if (out === undefined) {
    out = term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase() || null;
    if (termCache.size > 200_000) termCache.clear();
    termCache.set(term, out);
  }
  return out;
}
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Without a change signal from the source, deletions are still looked for at least this often. */
const RECHECK_MS = 30_000;

/** An incrementally maintained search index over one database. */
export class ContactSearch {
  private contacts = new MiniSearch<ContactDoc>({
    fields: ['name', 'company', 'tags', 'emails', 'text'],
    storeFields: [],
    processTerm,
    searchOptions: { boost: { name: 3, company: 2, tags: 2, emails: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  private notes = new MiniSearch<NotesDoc>({
    fields: ['text'],
    storeFields: [],
    processTerm,
    searchOptions: { prefix: (term) => term.length >= 3, fuzzy: (term) => (term.length >= 5 ? 0.2 : false), maxFuzzy: 1, combineWith: 'AND' },
  });
  private syncedAt = -Infinity;
  private contactIds = new Set<string>();
  /** Every note group as last read, by its id. */
  private groups = new Map<string, NoteGroup>();
  /** Each contact's note groups' ids. */
  private groupsOf = new Map<string, Set<string>>();
  private noteTotal = 0;
  /** True until a sync has seen every change the source reported. */
  private changed = true;
  private checkedAt = -Infinity;
  private readonly unsubscribe: (() => void) | undefined;

  private readonly unsubscribeRestored: (() => void) | undefined;
  /** A restore asked for a full read; a flag, so a sync already running cannot overwrite the request. */
  private fullRead = false;

  constructor(private readonly source: SearchSource) {
    this.unsubscribe = source.onChange?.(() => {
      this.changed = true;
    });
    // A restore writes rows with the times they had when backed up, before the last sync: only a full read finds
    // a contact it changed in place (a fold that added a tag, a newer version under the same id).
    this.unsubscribeRestored = source.onRestored?.(() => {
      this.fullRead = true;
      this.changed = true;
    });
  }

  /** Stops listening to the source (the index stays usable, and then asks the source on every sync). */
  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribeRestored?.();
  }

  /** Brings the index up to date with the database (cheap when nothing changed). */
  async sync(): Promise<void> {
    const started = Date.now();
    if (this.source.onChange && !this.changed && started - this.checkedAt < RECHECK_MS) return;
    // Cleared before reading: a change that lands during this sync marks the index changed again.
    this.changed = false;
    const since = this.fullRead ? -Infinity : this.syncedAt;
    this.fullRead = false;
    const [contacts, groups] = await Promise.all([this.source.contactsChangedSince(since), this.source.notesChangedSince(since)]);
    for (const c of contacts) this.putContact(c);
    const touched = new Set<string>();
    for (const g of groups) this.putGroup(g, touched);
    // A row deleted since it was read, or one written with a time before the last sync (a merge restore's), makes
    // the index hold more or fewer rows than the source: only then are the ids compared. Equal counts are trusted;
    // a restore also says so itself (`onRestored`), which covers rows it changed in place.
    const counts = await this.source.counts();
    if (counts.contacts !== this.contactIds.size || counts.groups !== this.groups.size) await this.matchIds(touched);
    for (const contactId of touched) this.rebuildNotes(contactId);
    // Rows written during this sync are picked up by the next one (the window overlaps, `put` is idempotent).
    this.syncedAt = started - 1;
    this.checkedAt = started;
  }

  private putContact(c: Contact): void {
    const doc = contactDoc(c);
    if (this.contacts.has(doc.id)) this.contacts.replace(doc);
    else this.contacts.add(doc);
    this.contactIds.add(c.id);
  }

  /** Takes a note group as it is now in place of what it held before. */
  private putGroup(g: NoteGroup, touched: Set<string>): void {
    this.dropGroup(g.id, touched);
    this.groups.set(g.id, g);
    let ids = this.groupsOf.get(g.contactId);
    if (!ids) this.groupsOf.set(g.contactId, (ids = new Set()));
    ids.add(g.id);
    this.noteTotal += g.notes.length;
    touched.add(g.contactId);
  }

  private dropGroup(id: string, touched: Set<string>): void {
    const old = this.groups.get(id);
    if (!old) return;
    this.groups.delete(id);
    this.groupsOf.get(old.contactId)?.delete(id);
    this.noteTotal -= old.notes.length;
    touched.add(old.contactId);
  }

  /** A contact's notes, as last read. */
  private *notesOfContact(contactId: string): Generator<Note> {
    for (const id of this.groupsOf.get(contactId) ?? []) yield* this.groups.get(id)?.notes ?? [];
  }

  /** Re-indexes one contact's notes document from the notes held in memory. */
  private rebuildNotes(contactId: string): void {
    const texts: string[] = [];
    for (const n of this.notesOfContact(contactId)) texts.push(n.text);
    if (texts.length === 0) {
      this.groupsOf.delete(contactId);
      if (this.notes.has(contactId)) this.notes.discard(contactId);
      return;
    }
    const doc = { id: contactId, text: texts.join('\n') };
    if (this.notes.has(contactId)) this.notes.replace(doc);
    else this.notes.add(doc);
  }

  /** Makes the index hold the source's rows: drops the deleted ones, and reads by id the ones it never read. */
  private async matchIds(touched: Set<string>): Promise<void> {
    const all = await this.source.allIds();
    const alive = { contacts: new Set(all.contacts), groups: new Set(all.groups) };
    for (const id of [...this.contactIds]) {
      if (alive.contacts.has(id)) continue;
      this.contacts.discard(id);
      this.contactIds.delete(id);
    }
    for (const id of [...this.groups.keys()]) if (!alive.groups.has(id)) this.dropGroup(id, touched);
    // A merge restore adds rows with the `updatedAt` they had when backed up, older than the last sync, so no
    // "changed since" read returns them: they are read here, and only they.
    const unseenContacts = all.contacts.filter((id) => !this.contactIds.has(id));
    const unseenGroups = all.groups.filter((id) => !this.groups.has(id));
    const [contacts, groups] = await Promise.all([
      unseenContacts.length > 0 ? this.source.contactsByIds(unseenContacts) : [],
      unseenGroups.length > 0 ? this.source.groupsByIds(unseenGroups) : [],
    ]);
    for (const c of contacts) this.putContact(c);
    for (const g of groups) this.putGroup(g, touched);
  }

  /** Contacts matching the query, best first (a contact matched by several notes ranks higher). */
  search(query: string, limit = 20): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const byContact = new Map<string, SearchHit>();
    const noteMatches = new Map<string, SearchResult>();
    for (const r of this.contacts.search(q)) {
      const contactId = String(r.id);
      byContact.set(contactId, { contactId, score: r.score, matchedNote: null });
    }
    for (const r of this.notes.search(q)) {
      const contactId = String(r.id);
      // Notes left behind by a contact deleted since the last sync are not shown.
      if (!this.contactIds.has(contactId)) continue;
      const hit = byContact.get(contactId) ?? { contactId, score: 0, matchedNote: null };
      hit.score += r.score;
      byContact.set(contactId, hit);
      noteMatches.set(contactId, r);
    }
    const hits = [...byContact.values()].sort((a, b) => b.score - a.score).slice(0, limit);
    for (const hit of hits) {
      const m = noteMatches.get(hit.contactId);
      if (m) hit.matchedNote = this.bestNote(hit.contactId, m.terms);
    }
    return hits;
  }

  /** The note of a contact that contains the most of the matched terms (the newest on a tie). */
  private bestNote(contactId: string, terms: readonly string[]): string | null {
    const wanted = new Set(terms);
    let best: Note | null = null;
    let bestCount = 0;
    for (const n of this.notesOfContact(contactId)) {
      const seen = new Set<string>();
      for (const token of tokenize(n.text)) {
        const t = processTerm(token);
        if (t && wanted.has(t)) seen.add(t);
      }
      if (seen.size > bestCount || (seen.size === bestCount && seen.size > 0 && best && n.createdAt > best.createdAt)) {
        best = n;
        bestCount = seen.size;
      }
    }
    return best?.text ?? null;
  }

  /** Number of indexed rows (contacts + notes). */
  get size(): number {
    return this.contactIds.size + this.noteTotal;
  }
}
