import type { GmailThread } from '../gmail/types';
import type { LinkedInProfile } from '../linkedin/types';
import { cleanText, normalizeEmail } from '../text';
import { externalEmails, isOwnEmail, nameTokens, type ContactCandidate } from '../contacts/identity';
import { mergedKnownFields } from '../contacts/merge';
import {
  ContactSchema,
  DEFAULT_SETTINGS,
  NoteSchema,
  SettingsSchema,
  type Contact,
  type Interaction,
  type InteractionKind,
  type LinkedInRef,
  type Note,
  type Settings,
} from './models';
import type { ResourcefulDB } from './schema';
import { addHistory, deleteHistoryOf, hasAllHistory, moveHistory, newestHistory } from './history';
import { deleteNotesOf, moveNotes, newestNotes, noteOf, notesOf, removeNotes, writeNotes } from './notebook';
import { attachThreads } from './threads';

/** A new random id for a row. */
export function newId(): string {
  return crypto.randomUUID();
}

function interactionId(contactId: string, sourceKey: string): string {
  return `${contactId}|${sourceKey}`;
}

/** One calendar day (UTC) as `YYYY-MM-DD`: LinkedIn visits are kept once per profile per day, not per page load. */
function day(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

function refFromProfile(p: LinkedInProfile): LinkedInRef {
  return { slug: p.slug, url: p.url, name: p.name, headline: p.headline, company: p.company, title: p.title, location: p.location };
}

function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

// ---------------------------------------------------------------- settings

/** The rep's settings, defaults filled in. */
export async function getSettings(db: ResourcefulDB): Promise<Settings> {
  const row = await db.settings.get('settings');
  // Defaults first: settings saved by an older version lack the newer fields.
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(row?.key === 'settings' ? row.value : {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Saves settings after validation; own addresses are normalised and deduplicated. */
export async function saveSettings(db: ResourcefulDB, patch: Partial<Settings>): Promise<Settings> {
  const current = await getSettings(db);
  const next = SettingsSchema.parse({
    ...current,
    ...patch,
    ownEmails: uniq((patch.ownEmails ?? current.ownEmails).map((e) => normalizeEmail(e)).filter((e): e is string => !!e)),
  });
  await db.settings.put({ key: 'settings', value: next });
  return next;
}

// ---------------------------------------------------------------- lookups

/** The saved contact with this email address, if any. */
export async function findContactByEmail(db: ResourcefulDB, email: string): Promise<Contact | undefined> {
  const e = normalizeEmail(email);
  return e ? db.contacts.where('emails').equals(e).first() : undefined;
}

/** The saved contact linked to this LinkedIn slug, if any. */
export async function findContactBySlug(db: ResourcefulDB, slug: string): Promise<Contact | undefined> {
  return db.contacts.where('linkedinSlugs').equals(slug.toLowerCase()).first();
}

/** Most recently active contacts first. */
export async function recentContacts(db: ResourcefulDB, limit = 10): Promise<Contact[]> {
  const active = await db.contacts.orderBy('lastInteractionAt').reverse().limit(limit).toArray();
  if (active.length >= limit) return active;
  // Contacts with no history yet are not in the lastInteractionAt index (null is not indexable): add them.
  const seen = new Set(active.map((c) => c.id));
  const rest = await db.contacts.orderBy('updatedAt').reverse().filter((c) => !seen.has(c.id)).limit(limit - active.length).toArray();
  return [...active, ...rest];
}

/** One entry of the panel's history timeline: a history row or a note. */
export type TimelineItem =
  | { type: 'interaction'; at: number; interaction: Interaction }
  | { type: 'note'; at: number; note: Note };

/** A contact's history, newest first: interactions and notes merged, at most `limit` entries. */
export async function getTimeline(db: ResourcefulDB, contactId: string, limit = 50): Promise<TimelineItem[]> {
  // One read transaction for both queries: each transaction is a round trip to the browser's IndexedDB process.
  const [interactions, notes] = await db.transaction('r', db.history, db.notebooks, () => Promise.all([newestHistory(db, contactId, limit), newestNotes(db, contactId, limit)]));
  const items: TimelineItem[] = [
    ...interactions.map((i) => ({ type: 'interaction' as const, at: i.at, interaction: i })),
    ...notes.map((n) => ({ type: 'note' as const, at: n.createdAt, note: n })),
  ];
  return items.sort((a, b) => b.at - a.at).slice(0, limit);
}

/** Notes of a contact: pinned first, then newest first. */
export async function getNotes(db: ResourcefulDB, contactId: string): Promise<Note[]> {
  const notes = await notesOf(db, contactId);
  return notes.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt);
}

// ---------------------------------------------------------------- history

function event(contactId: string, kind: InteractionKind, at: number, subject: string | null, url: string | null = null): Interaction {
  const sourceKey = `event:${newId()}`;
  return { id: interactionId(contactId, sourceKey), contactId, sourceKey, kind, at, subject, snippet: null, threadId: null, url };
}

function threadInteractions(contact: Contact, thread: GmailThread, ownEmails: readonly string[], url: string | null, now: number): Interaction[] {
  const mine = new Set(contact.emails);
  const out: Interaction[] = [];
  for (const m of thread.messages) {
    const people = [m.from?.email, ...m.to.map((p) => p.email)].map((e) => normalizeEmail(e ?? ''));
    if (!people.some((e) => e && mine.has(e))) continue;
    const fromMe = m.fromMe || isOwnEmail(m.from?.email, thread, ownEmails);
    // Without a Gmail id, the thread, sender and raw date still identify a message across reads.
    const key = m.id ? `gmail:${m.id}` : `gmail:${thread.threadId ?? thread.subject}:${m.from?.email ?? ''}:${m.dateRaw}`;
    out.push({
      id: interactionId(contact.id, key),
      contactId: contact.id,
      sourceKey: key.slice(0, 300),
      kind: fromMe ? 'email_out' : 'email_in',
      at: m.date ?? now,
      subject: cleanText(thread.subject, 1000) || null,
      snippet: cleanText(m.snippet || m.body, 200) || null,
      threadId: thread.threadId,
      url,
    });
  }
  return out;
}

/**
 * Adds every message of a thread to the history of each saved contact in it (deduplicated by Gmail message id).
 * Returns how many new entries were written.
 */
export async function recordGmailThread(
  db: ResourcefulDB,
  thread: GmailThread,
  ownEmails: readonly string[],
  url: string | null,
  now: number,
): Promise<number> {
  const emails = externalEmails(thread, ownEmails);
  if (emails.length === 0) return 0;
  const rowsFor = async () => {
    const contacts = await db.contacts.where('emails').anyOf(emails).toArray();
    const unique = [...new Map(contacts.map((c) => [c.id, c])).values()];
    return unique.flatMap((c) => threadInteractions(c, thread, ownEmails, url, now));
  };
  // Reading a thread again adds nothing (every message is on record by its Gmail id): check that read-only first,
  // so the panel's reads of the same contact are not queued behind a write transaction that writes nothing.
  const anyNew = await db.transaction('r', db.contacts, db.history, async () => {
    const rows = await rowsFor();
    if (rows.length === 0) return false;
    return !(await hasAllHistory(db, rows));
  });
  if (!anyNew) return 0;
  return db.transaction('rw', db.contacts, db.history, async () => addHistory(db, await rowsFor()));
}

/** Records a LinkedIn profile visit on the linked contact, at most once per profile per day. */
export async function recordProfileVisit(db: ResourcefulDB, profile: LinkedInProfile, now: number): Promise<number> {
  return db.transaction('rw', db.contacts, db.history, async () => {
    const contact = await findContactBySlug(db, profile.slug);
    if (!contact) return 0;
    const sourceKey = `li:${profile.slug}:${day(now)}`;
    return addHistory(db, [
      {
        id: interactionId(contact.id, sourceKey),
        contactId: contact.id,
        sourceKey,
        kind: 'profile_visit',
        at: now,
        subject: cleanText(profile.headline, 1000) || null,
        snippet: null,
        threadId: null,
        url: profile.url,
      },
    ]);
  });
}

// ---------------------------------------------------------------- contacts

/** What the rep may change by hand on a contact. */
export interface ContactPatch {
  name?: string;
  company?: string | null;
  title?: string | null;
  location?: string | null;
  emails?: string[];
  tags?: string[];
}

function normalizeTags(tags: readonly string[]): string[] {
  return uniq(tags.map((t) => cleanText(t, 60).toLowerCase()).filter(Boolean)).slice(0, 50);
}

/**
 * Saves a person the rep typed in (a page that could not be read). When they are saved already, by the typed email or
 * by the page's profile, what was typed that the contact lacks is added rather than dropped: the profile (so the next
 * visit finds them) and the email. The same person saved twice, once by each, becomes one contact.
 */
export async function saveTyped(db: ResourcefulDB, candidate: ContactCandidate, now: number): Promise<Contact> {
  let c = await saveCandidate(db, candidate, { now });
  if (candidate.linkedin && !c.linkedinSlugs.includes(candidate.linkedin.slug)) c = await linkProfile(db, c.id, candidate.linkedin, now);
  const email = candidate.email;
  if (email && !c.emails.includes(email)) {
    const holder = await findContactByEmail(db, email);
    if (!holder) c = await updateContact(db, c.id, { emails: [...c.emails, email] }, now);
    else if (candidate.linkedin) c = await linkProfile(db, holder.id, candidate.linkedin, now);
  }
  return c;
}

/**
 * Saves the person a page shows as a new contact (or returns the existing one with that email or slug), and
 * fills its history from the page: the thread's messages, or the profile visit.
 */
export async function saveCandidate(
  db: ResourcefulDB,
  candidate: ContactCandidate,
  ctx: { now: number; thread?: GmailThread | null; url?: string | null; ownEmails?: readonly string[] },
): Promise<Contact> {
  const contact = await db.transaction('rw', db.contacts, db.history, async () => {
    const byEmail = candidate.email ? await findContactByEmail(db, candidate.email) : undefined;
    const bySlug = candidate.linkedin ? await findContactBySlug(db, candidate.linkedin.slug) : undefined;
    const existing = byEmail ?? bySlug;
    if (existing) return existing;
    const name = cleanText(candidate.name, 300) || candidate.email || 'Unnamed contact';
    const c: Contact = ContactSchema.parse({
      id: newId(),
      name,
      nameTokens: nameTokens(name),
      emails: candidate.email ? [candidate.email] : [],
      linkedinSlugs: candidate.linkedin ? [candidate.linkedin.slug] : [],
      linkedin: candidate.linkedin ? [refFromProfile(candidate.linkedin)] : [],
      company: candidate.company,
      companySource: candidate.company ? candidate.companySource : null,
      title: candidate.title,
      location: candidate.location,
      tags: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
      lastInteractionAt: null,
      stage: candidate.source === 'gmail' && candidate.lastWroteAt !== null ? 'new_inquiry' : 'in_conversation',
      referredBy: null,
      declineStated: null,
      declineReal: null,
    });
    await db.contacts.add(c);
    await addHistory(db, [event(c.id, 'contact_saved', ctx.now, null)]);
    return c;
  });
  if (ctx.thread) await recordGmailThread(db, ctx.thread, ctx.ownEmails ?? [], ctx.url ?? null, ctx.now);
  if (candidate.linkedin) await recordProfileVisit(db, candidate.linkedin, ctx.now);
  await attachThreads(db, contact.id, contact.emails);
  return (await db.contacts.get(contact.id)) ?? contact;
}

/** Applies a manual edit to a contact. A hand-typed company outranks guesses from the email domain. */
export async function updateContact(db: ResourcefulDB, id: string, patch: ContactPatch, now: number): Promise<Contact> {
  return db.transaction('rw', db.contacts, async () => {
    const c = await db.contacts.get(id);
    if (!c) throw new Error('Contact not found');
    const next: Contact = { ...c, updatedAt: now };
    if (patch.name !== undefined) {
      next.name = cleanText(patch.name, 300) || c.name;
      next.nameTokens = nameTokens(next.name);
    }
    if (patch.company !== undefined) {
      next.company = cleanText(patch.company, 300) || null;
      // The edit form sends every field: a company left as it was keeps its source (a guess from the email domain
      // must not become the rep's own words, which replies would then use).
      if (next.company !== c.company) next.companySource = next.company ? 'manual' : null;
    }
    if (patch.title !== undefined) next.title = cleanText(patch.title, 300) || null;
    if (patch.location !== undefined) next.location = cleanText(patch.location, 300) || null;
    if (patch.emails !== undefined) {
      next.emails = uniq(patch.emails.map((e) => normalizeEmail(e)).filter((e): e is string => !!e));
      for (const e of next.emails) {
        const other = await db.contacts.where('emails').equals(e).first();
        if (other && other.id !== id) throw new Error(`${e} already belongs to ${other.name}`);
      }
    }
    if (patch.tags !== undefined) next.tags = normalizeTags(patch.tags);
    const valid = ContactSchema.parse(next);
    await db.contacts.put(valid);
    return valid;
  });
}

/** Refreshes what a LinkedIn page shows about an already linked contact (company/title/location when unknown). */
export async function refreshFromProfile(db: ResourcefulDB, profile: LinkedInProfile, now: number): Promise<void> {
  await db.transaction('rw', db.contacts, async () => {
    const c = await findContactBySlug(db, profile.slug);
    if (!c) return;
    const next: Contact = {
      ...c,
      linkedin: c.linkedin.map((r) => (r.slug === profile.slug ? refFromProfile(profile) : r)),
      title: c.title ?? profile.title,
      location: c.location ?? profile.location,
    };
    if (profile.company && c.companySource !== 'manual') {
      next.company = profile.company;
      next.companySource = 'linkedin';
    }
    if (JSON.stringify(next) !== JSON.stringify(c)) await db.contacts.put({ ...next, updatedAt: now });
  });
}

/** Deletes a contact with its notes and history. */
export async function deleteContact(db: ResourcefulDB, id: string): Promise<void> {
  await db.transaction('rw', [db.contacts, db.notebooks, db.history, db.commitments, db.resourceSends], async () => {
    await deleteHistoryOf(db, id);
    await db.commitments.where('contactId').equals(id).delete();
    await db.resourceSends.where('contactId').equals(id).delete();
    await deleteNotesOf(db, id);
    await db.contacts.delete(id);
  });
}

// ---------------------------------------------------------------- notes

/** Adds a note to a contact. */
export async function addNote(db: ResourcefulDB, contactId: string, text: string, now: number): Promise<Note> {
  const note = NoteSchema.parse({ id: newId(), contactId, text: text.trim().slice(0, 20_000), pinned: false, createdAt: now, updatedAt: now });
  await db.transaction('rw', db.notebooks, db.contacts, async () => {
    await writeNotes(db, [note], { checked: true });
    await db.contacts
      .where('id')
      .equals(contactId)
      .modify((c) => {
        if (c.lastInteractionAt === null || now > c.lastInteractionAt) c.lastInteractionAt = now;
      });
  });
  return note;
}

/** Edits a contact's note: its text and/or pin (nothing when the contact no longer has it, e.g. merged away). */
export async function updateNote(db: ResourcefulDB, contactId: string, id: string, patch: { text?: string; pinned?: boolean }, now: number): Promise<void> {
  await db.transaction('rw', db.notebooks, async () => {
    const note = await noteOf(db, contactId, id);
    if (!note) return;
    const next = NoteSchema.parse({
      ...note,
      text: patch.text !== undefined ? patch.text.trim().slice(0, 20_000) : note.text,
      pinned: patch.pinned ?? note.pinned,
      updatedAt: now,
    });
    await writeNotes(db, [next], { replace: true, checked: true });
  });
}

/** Deletes a contact's note (nothing when the contact has no such note). */
export async function deleteNote(db: ResourcefulDB, contactId: string, id: string): Promise<void> {
  await db.transaction('rw', db.notebooks, () => removeNotes(db, [{ id, contactId }]));
}

// ---------------------------------------------------------------- linking

/** A saved contact that may be the person on a LinkedIn profile, with why. */
export interface LinkSuggestion {
  contact: Contact;
  score: number;
  reasons: string[];
}

function sameCompany(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const norm = (s: string) => nameTokens(s.replace(/\b(inc|ltd|gmbh|ab|llc|plc|sa|ag|bv|oy|as)\b\.?/gi, '')).join(' ');
  const x = norm(a);
  const y = norm(b);
  return !!x && !!y && (x === y || x.startsWith(y) || y.startsWith(x));
}

/**
 * Saved contacts that may be this LinkedIn person: by name (all name words shared scores highest), helped by
 * company. Contacts already linked to this slug are not suggested.
 */
export async function suggestLinks(db: ResourcefulDB, profile: LinkedInProfile, limit = 3): Promise<LinkSuggestion[]> {
  const tokens = nameTokens(profile.name);
  if (tokens.length === 0) return [];
  const candidates = await db.contacts.where('nameTokens').anyOf(tokens).distinct().toArray();
  const out: LinkSuggestion[] = [];
  for (const c of candidates) {
    if (c.linkedinSlugs.includes(profile.slug)) continue;
    const shared = tokens.filter((t) => c.nameTokens.includes(t)).length;
    const nameScore = shared / Math.max(tokens.length, c.nameTokens.length);
    const reasons: string[] = [];
    if (nameScore >= 0.99) reasons.push('same name');
    else reasons.push(`${shared} of ${Math.max(tokens.length, c.nameTokens.length)} name words match`);
    let score = nameScore;
    if (sameCompany(profile.company, c.company)) {
      score += 0.5;
      reasons.push(`same company (${c.company})`);
    }
    // One shared word (a common first name) is only a suggestion when the company agrees too.
    if (shared < 2 && score < 1 && tokens.length > 1) continue;
    out.push({ contact: c, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

/**
 * Merges `sourceId` into `targetId`: emails, profiles, tags, notes, history, promises, resources sent, threads and
 * referrals move over, nothing is lost, and the target's known fields win over the source's.
 */
export async function mergeContacts(db: ResourcefulDB, targetId: string, sourceId: string, now: number): Promise<Contact> {
  if (targetId === sourceId) throw new Error('Cannot merge a contact into itself');
  const tables = [db.contacts, db.notebooks, db.history, db.commitments, db.resourceSends, db.threads];
  return db.transaction('rw', tables, async () => {
    const [target, source] = await Promise.all([db.contacts.get(targetId), db.contacts.get(sourceId)]);
    if (!target || !source) throw new Error('Contact not found');
    const merged: Contact = ContactSchema.parse({
      ...target,
      ...mergedKnownFields(target, source),
      emails: uniq([...target.emails, ...source.emails]),
      linkedinSlugs: uniq([...target.linkedinSlugs, ...source.linkedinSlugs]),
      linkedin: [...target.linkedin, ...source.linkedin.filter((r) => !target.linkedinSlugs.includes(r.slug))],
      lastInteractionAt: Math.max(target.lastInteractionAt ?? 0, source.lastInteractionAt ?? 0) || null,
      updatedAt: now,
    });
    await moveNotes(db, sourceId, targetId);
    // An entry the target already has (the same message seen by both) stays once, the target's.
    await moveHistory(db, sourceId, targetId);
    // Everything else that names the source by id: its promises, the resources sent to it (so none is suggested
    // twice), its threads, and the contacts it referred. Threads have no contactId index; merges are rare.
    await db.commitments.where('contactId').equals(sourceId).modify({ contactId: targetId, updatedAt: now });
    await db.resourceSends.where('contactId').equals(sourceId).modify({ contactId: targetId });
    await db.threads.filter((t) => t.contactId === sourceId).modify({ contactId: targetId });
    await db.contacts.where('referredBy').equals(sourceId).modify((c) => {
      c.referredBy = c.id === targetId ? null : targetId;
      c.updatedAt = now;
    });
    await db.contacts.delete(sourceId);
    await db.contacts.put(merged);
    return merged;
  });
}

/**
 * Links a LinkedIn profile to a saved contact. If the profile was saved as its own contact, the two are merged;
 * otherwise the slug is added and the profile's company, title and location fill what the contact lacks.
 */
export async function linkProfile(db: ResourcefulDB, contactId: string, profile: LinkedInProfile, now: number): Promise<Contact> {
  const holder = await findContactBySlug(db, profile.slug);
  let contact: Contact;
  if (holder && holder.id !== contactId) {
    contact = await mergeContacts(db, contactId, holder.id, now);
  } else {
    contact = await db.transaction('rw', db.contacts, async () => {
      const c = await db.contacts.get(contactId);
      if (!c) throw new Error('Contact not found');
      const next = ContactSchema.parse({
        ...c,
        linkedinSlugs: uniq([...c.linkedinSlugs, profile.slug]),
        linkedin: [...c.linkedin.filter((r) => r.slug !== profile.slug), refFromProfile(profile)],
        company: c.companySource === 'manual' || (c.company && !profile.company) ? c.company : (profile.company ?? c.company),
        companySource: c.companySource === 'manual' || (c.company && !profile.company) ? c.companySource : profile.company ? 'linkedin' : c.companySource,
        title: c.title ?? profile.title,
        location: c.location ?? profile.location,
        updatedAt: now,
      });
      await db.contacts.put(next);
      return next;
    });
  }
  await addHistory(db, [event(contact.id, 'profile_linked', now, `Linked LinkedIn profile ${profile.name}`, profile.url)]);
  await recordProfileVisit(db, profile, now);
  return (await db.contacts.get(contact.id)) ?? contact;
}

/**
 * Unlinks a LinkedIn profile: it becomes its own contact again (from what was known of it), taking its profile
 * visits with it. Notes stay with the contact the rep wrote them on.
 */
export async function unlinkProfile(db: ResourcefulDB, contactId: string, slug: string, now: number): Promise<Contact> {
  return db.transaction('rw', db.contacts, db.history, async () => {
    const c = await db.contacts.get(contactId);
    if (!c) throw new Error('Contact not found');
    const ref = c.linkedin.find((r) => r.slug === slug);
    const kept = ContactSchema.parse({
      ...c,
      linkedinSlugs: c.linkedinSlugs.filter((s) => s !== slug),
      linkedin: c.linkedin.filter((r) => r.slug !== slug),
      updatedAt: now,
    });
    await db.contacts.put(kept);
    const name = ref?.name ?? slug;
    const split: Contact = ContactSchema.parse({
      id: newId(),
      name,
      nameTokens: nameTokens(name),
      emails: [],
      linkedinSlugs: [slug],
      linkedin: ref ? [ref] : [],
      company: ref?.company ?? null,
      companySource: ref?.company ? 'linkedin' : null,
      title: ref?.title ?? null,
      location: ref?.location ?? null,
      tags: [...c.tags],
      createdAt: now,
      updatedAt: now,
      lastInteractionAt: null,
      stage: c.stage,
      referredBy: null,
      declineStated: null,
      declineReal: null,
    });
    await db.contacts.add(split);
    const visits = await moveHistory(db, contactId, split.id, (i) => i.sourceKey.startsWith(`li:${slug}:`));
    if (visits.length) await db.contacts.update(split.id, { lastInteractionAt: Math.max(...visits.map((v) => v.at)) });
    await addHistory(db, [event(contactId, 'profile_unlinked', now, `Unlinked LinkedIn profile ${name}`, ref?.url ?? null)]);
    return kept;
  });
}
