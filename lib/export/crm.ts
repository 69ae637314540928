/**
 * Export for a CRM: a contacts CSV and a notes CSV with the column names HubSpot's importer matches by itself
 * (Salesforce's Data Import Wizard maps them by hand in one screen). RFC 4180 quoting and formula neutralising come
 * from lib/csv.ts: these files are opened in spreadsheets before they are imported.
 *
 * Names are split the HubSpot way: the last word is the last name ("Meera Lakshmi Venkatesan" → "Meera Lakshmi" +
 * "Venkatesan"), except that lower-case particles stay with it ("Ludwig van Beethoven" → "van Beethoven") and so do
 * generational suffixes ("Martin Luther King Jr." → "King Jr."). "Last, First" is read as such. A single name is a
 * first name (HubSpot's convention; Salesforce, which requires a last name, can map First Name to it).
 */
import { allNotes } from '../db/notebook';
import type { Contact, Note } from '../db/models';
import type { ResourcefulDB } from '../db/schema';
import { STAGE_LABEL, type Stage } from '../playbook/types';
import { csvText } from '../csv';

/** Contacts file columns, in order. */
export const CRM_CONTACT_COLUMNS = ['First Name', 'Last Name', 'Email', 'Company', 'Job Title', 'LinkedIn URL', 'Lifecycle Stage', 'Notes'] as const;

/** Notes file columns, in order: one row per note, tied to its contact by email. */
export const CRM_NOTE_COLUMNS = ['Email', 'Date', 'Note'] as const;

/**
 * Our stages as HubSpot lifecycle stages, by internal value (the same in every account language; labels are
 * translated). HubSpot has no "helped but not a fit" or "declined": those are `other`, and the Notes cell keeps
 * the stage in our words.
 */
export const LIFECYCLE_STAGE: Record<Stage, string> = {
  new_inquiry: 'lead',
  in_conversation: 'lead',
  qualified: 'salesqualifiedlead',
  customer: 'customer',
  nurture: 'lead',
  not_fit_helped: 'other',
  declined: 'other',
};

// Spreadsheet cells stop at 32,767 characters: a contact's notes cell stays under that; the notes file has them all.
const MAX_NOTES_CELL = 30_000;

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'v', 'phd', 'ph.d.', 'md', 'm.d.', 'mba', 'cpa', 'esq', 'esq.']);
// Only in lower case: "Van Morrison" is a first name, "Ludwig van Beethoven" has a particle.
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'bin', 'ibn', 'al', 'ter', 'ten', 'st.']);

function isSuffix(word: string): boolean {
  return SUFFIXES.has(word.toLowerCase());
}

function splitSpaced(words: string[]): { first: string; last: string } {
  if (words.length === 0) return { first: '', last: '' };
  if (words.length === 1) return { first: words[0]!, last: '' };
  let end = words.length;
  while (end > 2 && isSuffix(words[end - 1]!)) end -= 1;
  let start = end - 1;
  // Particles before the last name belong to it; the first word is always a first name.
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start -= 1;
  return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') };
}

/** A full name as first and last name (see the rules above). An email address or the app's placeholder gives none. */
export function splitName(full: string): { first: string; last: string } {
  const s = full.replace(/\s+/g, ' ').trim();
  if (!s || s === 'Unnamed contact' || /^[^\s@]+@[^\s@]+$/.test(s)) return { first: '', last: '' };
  const comma = s.indexOf(',');
  if (comma !== -1) {
    const before = s.slice(0, comma).trim();
    const after = s.slice(comma + 1).trim();
    const afterWords = after.split(/[ ,]+/).filter(Boolean);
    // "Dana Whitfield, PhD": the part after the comma is a suffix, not a first name.
    if (afterWords.length > 0 && afterWords.every(isSuffix)) {
      const { first, last } = splitSpaced(before.split(' '));
      return last ? { first, last: `${last}, ${after}` } : { first: '', last: `${first}, ${after}` };
    }
    if (before && after) {
      // "King, Martin Luther, Jr.": the suffix after a second comma goes with the last name.
      const second = after.indexOf(',');
      if (second !== -1) return { first: after.slice(0, second).trim(), last: `${before}, ${after.slice(second + 1).trim()}`.replace(/, $/, '') };
      return { first: after, last: before };
    }
    return splitSpaced((before || after).split(' '));
  }
  return splitSpaced(s.split(' '));
}

/** The contact's LinkedIn profile URL, from what was read on LinkedIn, else built from the slug. */
export function linkedinUrl(c: Contact): string {
  const ref = c.linkedin[0];
  if (ref?.url) return ref.url;
  const slug = c.linkedinSlugs[0];
  return slug ? `https://www.linkedin.com/in/${slug}/` : '';
}

/** `YYYY-MM-DD` in the browser's time zone (the day the rep remembers writing the note). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Pinned first, then newest first: the order the panel shows. */
function noteOrder(a: Note, b: Note): number {
  return Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt || a.id.localeCompare(b.id);
}

/** The Notes cell: the contact's notes, dated, then a line with what the CRM columns cannot hold. */
export function notesCell(c: Contact, notes: readonly Note[], day: (ms: number) => string = localDay): string {
  const extra = [`stage ${STAGE_LABEL[c.stage]}`];
  if (c.tags.length) extra.push(`tags ${c.tags.join(', ')}`);
  if (c.emails.length > 1) extra.push(`also ${c.emails.slice(1).join(', ')}`);
  const tail = `Resourceful: ${extra.join('; ')}`;
  const parts: string[] = [];
  let size = tail.length;
  const sorted = [...notes].sort(noteOrder);
  for (const [i, n] of sorted.entries()) {
    const text = `${day(n.createdAt)}: ${n.text}`;
    if (size + text.length + 2 > MAX_NOTES_CELL) {
      parts.push(`(${sorted.length - i} more in the notes file)`);
      break;
    }
    parts.push(text);
    size += text.length + 2;
  }
  return [...parts, tail].join('\n\n');
}

/** The contacts CSV (no BOM), contacts in the order given. */
export function crmContactsCsv(contacts: readonly Contact[], notesOf: (contactId: string) => readonly Note[], day: (ms: number) => string = localDay): string {
  return csvText(
    CRM_CONTACT_COLUMNS,
    contacts.map((c) => {
      const { first, last } = splitName(c.name);
      return [first, last, c.emails[0] ?? '', c.company ?? '', c.title ?? '', linkedinUrl(c), LIFECYCLE_STAGE[c.stage], notesCell(c, notesOf(c.id), day)];
    }),
  );
}

/**
 * The notes CSV: one row per note, oldest first, by the contact's first email. Notes of contacts with no email
 * cannot be matched to a CRM record and are counted in `skipped` (they are still in the contacts file's Notes).
 */
export function crmNotesCsv(contacts: readonly Contact[], notes: readonly Note[], day: (ms: number) => string = localDay): { csv: string; rows: number; skipped: number } {
  const email = new Map(contacts.map((c) => [c.id, c.emails[0] ?? '']));
  const rows: string[][] = [];
  let skipped = 0;
  for (const n of [...notes].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))) {
    const e = email.get(n.contactId);
    if (!e) skipped += 1;
    else rows.push([e, day(n.createdAt), n.text]);
  }
  return { csv: csvText(CRM_NOTE_COLUMNS, rows), rows: rows.length, skipped };
}

/** Both CRM files from the database, contacts by name. */
export async function loadCrmExport(db: ResourcefulDB): Promise<{ contactsCsv: string; notesCsv: string; contacts: number; notes: number; skippedNotes: number }> {
  const [contacts, notes] = await db.transaction('r', db.contacts, db.notebooks, () => Promise.all([db.contacts.toArray(), allNotes(db)]));
  contacts.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const byContact = new Map<string, Note[]>();
  for (const n of notes) {
    const list = byContact.get(n.contactId);
    if (list) list.push(n);
    else byContact.set(n.contactId, [n]);
  }
  const notesFile = crmNotesCsv(contacts, notes);
  return {
    contactsCsv: crmContactsCsv(contacts, (id) => byContact.get(id) ?? []),
    notesCsv: notesFile.csv,
    contacts: contacts.length,
    notes: notesFile.rows,
    skippedNotes: notesFile.skipped,
  };
}

/** A file name like `resourceful-crm-contacts-2026-03-02.csv` (local date). */
export function crmFileName(kind: 'contacts' | 'notes', now: number): string {
  return `resourceful-crm-${kind}-${localDay(now)}.csv`;
}
